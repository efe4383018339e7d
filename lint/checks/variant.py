"""variant: one dialect's spellings in copy that follows the other (colour in en-US copy)."""

from __future__ import annotations

import regex

from lint.checks.base import Key, Rule
from lint.checks.substitution import match_case
from lint.patterns import finditer
from lint.wordlists import american_to_british, british_to_american, zipf

_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{L}\p{Ll}+(?![\p{L}\p{N}-])")
# Regular British-to-American endings beyond codespell's list (travelled, organisation);
# the American form must be a common word for the pattern to count.
_GB_TO_US = [
    (regex.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (regex.compile(r"([^aeiouy]i)s(e|es|ed|ing|ation|ations)$"), r"\1z\2"),
]
COMMON = 3.0


def to_american(word: str) -> str | None:
    known = british_to_american().get(word)
    if known:
        return known
    for pattern, repl in _GB_TO_US:
        if pattern.search(word):
            other = pattern.sub(repl, word)
            if zipf(other) >= COMMON:
                return other
    return None


def to_british(word: str) -> str | None:
    return american_to_british().get(word)


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
                other = self.convert(m.group().lower())
                if other and self.in_scope(seg, m.start(), m.end()):
                    other = match_case(m.group(), other)
                    yield self.report(article, seg, m.start(), m.end(), suggestions=(other,),
                                      replacement=other, suggestion=f'"{other}"')
