"""consistency: one article, one spelling ("adviser" and "advisor" should not both appear)."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.checks.substitution import match_case
from lint.patterns import Pattern


class Consistency(Rule):
    KEYS = {
        "either": Key(list, required=True),
        "ignorecase": Key(bool, default=True),
    }
    PLACEHOLDERS = ("first",)

    def prepare(self):
        where = (self.where[0], self.options.line_of("either"))
        self.groups = []
        for group in self.options["either"]:
            if not isinstance(group, list) or len(group) < 2:
                raise self.error("each entry of either must be a list of two or more spellings", "either")
            self.groups.append(
                [Pattern(str(p), ignorecase=self.options["ignorecase"], word=True, where=where) for p in group]
            )

    def patterns(self):
        return [pattern for group in self.groups for pattern in group]

    def find(self, article):
        segments = list(self.segments(article))
        for group in self.groups:
            # Two spellings must both occur for a report.
            if sum(pattern.possible(article.words) for pattern in group) < 2:
                continue
            hits = sorted(
                ((seg.source_start(m.start()), i, seg, m)
                for seg in segments
                for i, pattern in enumerate(group)
                for m in pattern.finditer(seg.text)
                if self.in_scope(seg, m.start(), m.end())),
                key=lambda hit: hit[:2],
            )
            if not hits:
                continue
            first = hits[0][3].group()
            first_form = hits[0][1]
            for _, i, seg, m in hits:
                if i != first_form:
                    fix = match_case(m.group(), first.lower() if m.group().islower() else first)
                    yield self.report(article, seg, m.start(), m.end(), suggestions=(fix,),
                                      replacement=fix, first=first)
