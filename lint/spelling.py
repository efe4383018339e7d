"""Which unknown words are misspellings in news copy, and which are names, terms or dialect.

A grammar engine's dictionary does not know most names in the news (Mariupol,
NATO) nor, in one dialect, the other's spellings (armoured, spiralled). Users
drop a linter that flags those, so an engine's spelling finding becomes a
warning only when the word looks like a slip of the keyboard: lower case, rare,
and one or two edits away from a common word.
"""

from __future__ import annotations

import regex

from lint.article import Article
from lint.diagnostic import Severity
from lint.text import edit_distance
from lint.dialect import other_dialect
from lint.realword import article_names
from lint.wordlists import misspellings, zipf

COMMON = 3.0  # zipf of a word most readers know (wordfreq's scale: 3 = once per million words)
RARE = 2.0  # below this a word is rare enough to be a typo

_WORD_CHARS = regex.compile(r"^\p{Ll}[\p{Ll}'’-]*$")


def names_in(article: Article) -> set[str]:
    """Words the article itself uses as names: capitalised inside a sentence, or in the
    title and byline."""
    names = article_names(article)
    for field in ("title", "author"):
        if field in article.fields:
            names.update(w.lower() for w in regex.findall(r"\w+", article.fields[field].value))
    return names


# A capitalised word: NewsSpelling.severity reports none of them, whatever the engine says.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’_-])\p{Lu}[\p{L}\p{M}]*(?![\p{L}\p{M}\p{N}'’_-])")


def unreported(texts: list[str]) -> frozenset[str]:
    """Rare words of the texts whose spelling is never reported (names and other
    capitalised words), which an engine may take as known: it then spends nothing on
    suggestions. Words wordfreq knows are left out: an engine's dictionary likely has
    them too, and adding one in another case changed what Harper said of it ("Ip", IP)."""
    return frozenset(w for text in texts for w in _CAPITALISED.findall(text) if not zipf(w))


class NewsSpelling:
    def __init__(self, accept: set[str] = frozenset()):
        self.accept = {w.lower() for w in accept}

    def severity(self, word: str, suggestions: tuple[str, ...], names: set[str],
                 text: str = "", start: int = 0, end: int = 0) -> Severity | None:
        """How to report an engine's unknown `word` (at text[start:end] when given):
        None (not a misspelling), INFO or WARNING."""
        w = word.lower()
        base = w.rstrip("'’s") if w.endswith(("'s", "’s")) else w
        if w in self.accept or base in self.accept or base in names or w in misspellings():
            return None  # known misspellings are the spelling.misspelling rule's
        if any(ch.isdigit() for ch in word) or sum(ch.isupper() for ch in word) > 1:
            return None  # acronyms, codes, CamelCase brands
        if word[:1].isupper():
            return None  # a name at the start of a sentence
        if text and (text[start - 1 : start] == "]" or text[end : end + 1] == "["):
            return None  # an editor's bracketed letters inside a quote: "[e]xtremely"
        if not _WORD_CHARS.match(word) or zipf(base) >= COMMON or other_dialect(base, RARE) or derived(base):
            return None
        close = [s for s in suggestions if edit_distance(w, s.lower()) <= 1 and zipf(s) >= COMMON]
        if close and zipf(base) < RARE:
            return Severity.WARNING
        return Severity.INFO


_SUFFIXES = ("ly", "ness", "ers", "er", "ees", "ee", "ings", "ing", "ed", "es", "s")


def derived(word: str) -> bool:
    """A word built from a common one with a suffix (molecularly, decrier, stymying):
    its parts are words, so it is no slip, only absent from the dictionary."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            if any(zipf(s) >= COMMON for s in (stem, stem + "e", stem[:-1] + "y", stem[:-1] + "ie")):
                return True
    return False


def close_first(word: str, suggestions: tuple[str, ...]) -> tuple[str, ...]:
    """Suggestions with the nearest spellings first, the engine's order kept among equals."""
    return tuple(sorted(suggestions, key=lambda s: edit_distance(word.lower(), s.lower())))
