"""existence: flag words or patterns that should not appear at all."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.patterns import Choice, Pattern


class Existence(Rule):
    KEYS = {
        "tokens": Key(list, required=True),
        "ignorecase": Key(bool, default=False),
        "nonword": Key(bool, default=False),
        "exceptions": Key(list, default=[]),
        # sentence: match each sentence on its own, so ^ and $ mark its ends
        "per": Key(str, default="paragraph"),
    }

    def prepare(self):
        o = self.options
        if o["per"] not in ("paragraph", "sentence"):
            raise self.error("per must be paragraph or sentence", "per")
        word = not o["nonword"]
        self.choice = Choice(o["tokens"], ignorecase=o["ignorecase"], word=word,
                             where=(self.where[0], o.line_of("tokens")))
        self.exceptions = [
            Pattern(e, ignorecase=o["ignorecase"], word=False, where=(self.where[0], o.line_of("exceptions")))
            for e in o["exceptions"]
        ]

    def patterns(self):
        return [*self.choice.branches, *self.exceptions]

    def find(self, article):
        if not self.choice.live(article.words):
            return
        for seg in self.segments(article):
            live = self.choice.live(seg.words)
            if not live:
                continue
            spans = seg.sentences if self.options["per"] == "sentence" and seg.sentences else [(0, len(seg.text))]
            for start, end in spans:
                for m in self.choice.finditer(seg.text[start:end], live):
                    s, e = start + m.start(), start + m.end()
                    if not self.in_scope(seg, s, e) or any(x.fullmatch(m.group()) for x in self.exceptions):
                        continue
                    yield self.report(article, seg, s, e)
