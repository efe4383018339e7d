"""misspelling: common misspellings with known corrections (codespell's list)."""

from __future__ import annotations

from functools import lru_cache

import regex

from lint.checks.base import Key, Rule
from lint.checks.substitution import match_case
from lint.literals import Words
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
            if not _may_hold_entry(seg.words):
                continue
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


def _may_hold_entry(words: Words) -> bool:
    """Whether a paragraph may hold a word of the table, from its quick-test form (lint/literals.py):
    most hold none, and looking every word up cost more than the rest of the rule."""
    plain, split = _entries()
    if not words.words.isdisjoint(plain) or _UNUSUAL.search(words.text):
        return True
    return any(s in words.text for first in split.keys() & words.words for s in split[first])


# Characters the quick-test form keeps inside words, where _WORD may end a word:
# "_", and letters or marks outside ASCII (which may also fold differently).
_UNUSUAL = regex.compile(r"[^a-z0-9 ]")


@lru_cache(maxsize=None)
def _entries() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """The table's words that _WORD can match, as the quick-test form writes them: plain
    words, and words with an apostrophe (" are nt " for "are'nt"), filed by their first part."""
    plain, split = set(), {}
    for entry in misspellings():
        if _PLAIN.fullmatch(entry):
            plain.add(entry)
        elif _APOSTROPHE.fullmatch(entry):
            first, rest = entry.split("'")
            split.setdefault(first, []).append(f" {first} {rest} ")
    return frozenset(plain), {first: tuple(forms) for first, forms in split.items()}


_PLAIN = regex.compile(r"[a-z]+")
_APOSTROPHE = regex.compile(r"[a-z]+'[a-z]+")
