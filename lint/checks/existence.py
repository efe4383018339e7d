"""existence: flag words or patterns that should not appear at all."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.patterns import alternatives, compile_pattern, finditer


class Existence(Rule):
    KEYS = {
        "tokens": Key(list, required=True),
        "ignorecase": Key(bool, default=False),
        "nonword": Key(bool, default=False),
        "exceptions": Key(list, default=[]),
    }

    def prepare(self):
        o = self.options
        word = not o["nonword"]
        self.pattern = alternatives(o["tokens"], ignorecase=o["ignorecase"], word=word,
                                    where=(self.where[0], o.line_of("tokens")))
        self.exceptions = [
            compile_pattern(e, ignorecase=o["ignorecase"], word=False, where=(self.where[0], o.line_of("exceptions")))
            for e in o["exceptions"]
        ]

    def find(self, article):
        for seg in self.segments(article):
            for m in finditer(self.pattern, seg.text):
                if not self.in_scope(seg, m.start(), m.end()):
                    continue
                if any(e.fullmatch(m.group()) for e in self.exceptions):
                    continue
                yield self.report(article, seg, m.start(), m.end())
