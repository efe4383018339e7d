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
from lint.wordlists import american_to_british, british_to_american, misspellings, zipf

COMMON = 3.0  # zipf of a word most readers know (wordfreq's scale: 3 = once per million words)
RARE = 2.0  # below this a word is rare enough to be a typo

# British and American spellings that differ by a regular pattern.
_VARIANTS = [
    (regex.compile(p + "$"), r) for p, r in (
        (r"our(s|ed|ing|ite|ites|able)?", r"or\1"), (r"or(s|ed|ing|ite|ites|able)?", r"our\1"),
        (r"is(e|es|ed|ing|ation|ations)", r"iz\1"), (r"iz(e|es|ed|ing|ation|ations)", r"is\1"),
        (r"ys(e|es|ed|ing)", r"yz\1"), (r"yz(e|es|ed|ing)", r"ys\1"),
        (r"([aeiou])ll(ed|ing|er|ers)", r"\1l\2"), (r"([aeiou])l(ed|ing|er|ers)", r"\1ll\2"),
        (r"tre(s|d)?", r"ter\1"), (r"ter(s|ed)?", r"tre\1"),
        (r"ence(s)?", r"ense\1"), (r"ense(s)?", r"ence\1"),
        (r"ogue(s)?", r"og\1"),
    )
]
_WORD_CHARS = regex.compile(r"^\p{Ll}[\p{Ll}'’-]*$")


def other_dialect(word: str) -> str | None:
    """The other dialect's spelling of a word, if it is a common word."""
    w = word.lower()
    known = british_to_american().get(w) or american_to_british().get(w)
    if known:
        return known
    for pattern, repl in _VARIANTS:
        if pattern.search(w):
            other = pattern.sub(repl, w)
            if other != w and zipf(other) >= RARE:
                return other
    return None


def names_in(article: Article) -> set[str]:
    """Words the article itself uses as names: capitalised away from a sentence start,
    or in the title and byline."""
    names = set()
    for field in ("title", "author"):
        if field in article.fields:
            names.update(w.lower() for w in regex.findall(r"\w+", article.fields[field].value))
    for seg in article.prose():
        starts = {s for s, _ in seg.sentences}
        for m in regex.finditer(r"\p{Lu}[\p{L}'’-]*", seg.text):
            before = seg.text[:m.start()].rstrip("\"'“‘( ")
            if m.start() not in starts and before and before[-1] not in ".!?:":
                names.add(m.group().lower().rstrip("'’s"))
    return names


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
        if not _WORD_CHARS.match(word) or zipf(base) >= COMMON or other_dialect(base) or derived(base):
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
