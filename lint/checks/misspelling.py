"""misspelling: common misspellings with known corrections (codespell's list)."""

from __future__ import annotations

import regex

from lint.checks.base import Key, Rule
from lint.checks.substitution import match_case
from lint.patterns import finditer
from lint.wordlists import misspellings, zipf

# Letters only, not glued to digits ("2nd" is no misspelling of "and").
_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}+(?:['’]\p{L}+)?(?![\p{L}\p{N}-])")
NAME_ZIPF = 2.0  # a capitalised entry this common is more likely a name (Carmel, Ned)


class Misspelling(Rule):
    KEYS = {"exceptions": Key(list, default=[])}
    PLACEHOLDERS = ("suggestion",)

    def prepare(self):
        self.allowed = {str(w).lower() for w in self.options["exceptions"]}

    def find(self, article):
        table = misspellings()
        for seg in self.segments(article):
            for m in finditer(_WORD, seg.text):
                word = m.group()
                fixes = table.get(word.lower())
                if not fixes or word.lower() in self.allowed or not self.in_scope(seg, m.start(), m.end()):
                    continue
                if sum(ch.isupper() for ch in word) > 1:
                    continue  # acronyms: IST, CNA
                if word[0].isupper() and zipf(word) >= NAME_ZIPF:
                    continue
                suggestions = tuple(match_case(word, f) for f in fixes)
                yield self.report(article, seg, m.start(), m.end(), suggestions=suggestions,
                                  replacement=suggestions[0] if len(suggestions) == 1 else None,
                                  suggestion=" or ".join(f'"{s}"' for s in suggestions))
