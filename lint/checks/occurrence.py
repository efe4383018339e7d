"""occurrence: too many (or too few) matches of a pattern per sentence, paragraph or article."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.patterns import Pattern

UNITS = ("sentence", "paragraph", "article")


class Occurrence(Rule):
    KEYS = {
        "token": Key(str, required=True),
        "per": Key(str, default="sentence"),
        "max": Key(int),
        "min": Key(int),
        "ignorecase": Key(bool, default=False),
    }
    PLACEHOLDERS = ("count", "max", "min")

    def prepare(self):
        o = self.options
        if o["per"] not in UNITS:
            raise self.error(f"per must be one of {', '.join(UNITS)}", "per")
        if o["max"] is None and o["min"] is None:
            raise self.error("occurrence needs max, min or both")
        self.pattern = Pattern(o["token"], ignorecase=o["ignorecase"], word=False,
                                where=(self.where[0], o.line_of("token")))

    def patterns(self):
        return [self.pattern]

    def _units(self, article):
        """(segment, start, end) spans to count in; an article counts as one unit."""
        for seg in self.segments(article):
            if self.options["per"] == "sentence" and seg.kind != "metadata":
                for s, e in seg.sentences:
                    yield [(seg, s, e)]
            else:
                yield [(seg, 0, len(seg.text))]

    def find(self, article):
        units = list(self._units(article))
        if self.options["per"] == "article":
            units = [[u[0] for u in units]] if units else []
        lo, hi = self.options["min"], self.options["max"]
        possible = self.pattern.possible(article.words)
        for unit in units:
            count = sum(
                1
                for seg, s, e in unit
                for m in self.pattern.finditer(seg.text, s, e)
                if self.in_scope(seg, m.start(), m.end())
            ) if possible else 0
            if (hi is not None and count > hi) or (lo is not None and count < lo):
                seg, s, e = unit[0]
                if len(unit) > 1:  # a whole article: point at its first segment
                    e = len(seg.text)
                yield self.report(article, seg, s, e, count=count, max=hi, min=lo)
