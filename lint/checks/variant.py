"""variant: one dialect's spellings in copy that follows the other (colour in en-US copy)."""

from __future__ import annotations

import regex

from lint.checks.base import Key, Rule
from lint.checks.substitution import match_case
from lint.dialect import to_american, to_british
from lint.patterns import finditer

_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}\p{Ll}+(?![\p{L}\p{N}-])")
COMMON = 3.0  # a suggested spelling must be a word most readers know


class Variant(Rule):
    KEYS = {"prefer": Key(str, required=True)}
    PLACEHOLDERS = ("suggestion",)

    def prepare(self):
        if self.options["prefer"] not in ("en-US", "en-GB"):
            raise self.error("prefer must be en-US or en-GB", "prefer")
        self.convert = to_american if self.options["prefer"] == "en-US" else to_british

    def find(self, article):
        for seg in self.segments(article):
            for m in finditer(_WORD, seg.text):
                other = self.convert(m.group().lower(), COMMON)
                if other and self.in_scope(seg, m.start(), m.end()):
                    other = match_case(m.group(), other)
                    yield self.report(article, seg, m.start(), m.end(), suggestions=(other,),
                                      replacement=other, suggestion=f'"{other}"')
