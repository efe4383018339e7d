"""Sentence and quotation boundaries inside one segment of prose."""

from __future__ import annotations

from functools import lru_cache

import regex

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev
    hon pres supt insp det cpl maj brig pvt corp inc ltd co bros no nos vol vols
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun approx est vs etc al fig cf dept univ ave blvd rd
    """.split()
)

# A sentence may end at . ! ? (possibly followed by closing quotes or
# brackets) when whitespace and a plausible sentence start follow.
_END = regex.compile(
    r"""(?<=[.!?…])["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])""",
    regex.VERSION1,
)


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop at text[end - 1] ends an abbreviation ("Dr.", "U.S.")."""
    # The word is the run of letters and dots before the stop, read backwards: a
    # regex search for it scanned the paragraph from its start at every stop.
    start = end - 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:end - 1]
    if not word:
        return False
    if "." in word:  # U.S. or a.m.
        return len(word) <= 6
    return len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, with surrounding whitespace trimmed."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        stop = m.end()
        if text[m.start() - 1] == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, stop))
        start = stop
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


_OPEN = {"“": "”", '"': '"', "«": "»"}
_MARK = regex.compile("[" + "".join(_OPEN) + "]")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech, quote marks included.

    A quote left open runs to the end of the paragraph: news style opens
    each paragraph of a long quote without closing the one before.
    """
    spans = []
    m = _MARK.search(text)
    while m:
        start = m.start()
        if m.group() == '"' and start > 0 and text[start - 1].isalnum():
            m = _MARK.search(text, start + 1)  # an inch or feet mark, not a quote
            continue
        j = text.find(_OPEN[m.group()], start + 1)
        end = len(text) if j < 0 else j + 1
        spans.append((start, end))
        m = _MARK.search(text, end)
    return spans


WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}]*(?:['’-]\p{L}[\p{L}\p{M}\p{N}]*)*")
_VOWEL_GROUP = regex.compile(r"[aeiouy]+")


def words(text: str) -> list[regex.Match]:
    return list(WORD.finditer(text))


@lru_cache(maxsize=65536)  # a text uses the same few thousand words again and again
def syllables(word: str) -> int:
    """Syllables of an English word by vowel groups, the usual readability estimate."""
    w = word.lower().strip("'’")
    count = len(_VOWEL_GROUP.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(count, 1)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), capped at `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:  # every path is already too long
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)
