"""British and American spellings of one word: codespell's list of pairs, plus the
regular endings that tell the two dialects apart (colour/color, organise/organize).

The spelling filter, the real-word detector and the dialect rules all ask this
module, so they agree on what counts as a choice of dialect rather than a slip.
"""

from __future__ import annotations

import regex

from lint.wordlists import american_to_british, british_to_american, zipf

_OUR = r"(?=(?:s|ed|ing|ite|ites|able|ful|er|ers|hood|less|ly|ism|ist)?$)"
_LL = r"(?=(?:ed|ing|er|ers|or|ors)$)"

# (British pattern, American replacement), (American pattern, British replacement).
_ENDINGS = (
    ((rf"(?<=\w{{3}})our{_OUR}", "or"), (rf"(?<=\w{{3}})or{_OUR}", "our")),  # colour
    ((r"(?<=\w{2})is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)", "iz"),
     (r"(?<=\w{2})iz(?=(?:e|es|ed|ing|ation|ations|er|ers)$)", "is")),  # organise
    ((r"(?<=\w{2})ys(?=(?:e|es|ed|ing|er|ers)$)", "yz"), (r"(?<=\w{2})yz(?=(?:e|es|ed|ing|er|ers)$)", "ys")),
    ((r"ence(?=s?$)", "ense"), (r"ense(?=s?$)", "ence")),  # licence, defence
    ((r"gement", "gment"), (r"gment", "gement")),  # judgement
    ((rf"(?<=[aeiou]l)l{_LL}", ""), (rf"(?<=\w[aeiou]l){_LL}", "l")),  # travelled
    ((r"(?<=\w\w[tbg])re(?=s?$)", "er"), (r"(?<=\w\w[tbg])er(?=s?$)", "re")),  # centre, fibre
    ((r"ogue(?=s?$)", "og"), (r"(?<=\w)og(?=s?$)", "ogue")),  # catalogue
)
_GB_TO_US = tuple((regex.compile(p), r) for (p, r), _ in _ENDINGS)
_US_TO_GB = tuple((regex.compile(p), r) for _, (p, r) in _ENDINGS)
# Spelled differently but never made by a rule: anaemia/anemia, foetus/fetus.
_DIGRAPHS = ((regex.compile(r"(?<=\w)ae"), "e"), (regex.compile(r"(?<=\w)oe(?=\w\w)"), "e"))


def _swaps(word: str, table) -> list[str]:
    return [p.sub(r, word, count=1) for p, r in table if p.search(word)]


def to_american(word: str, min_zipf: float) -> str | None:
    """The American spelling of a British `word` (lower case), if it is that common."""
    known = british_to_american().get(word)
    if known:
        return known
    return next((w for w in _swaps(word, _GB_TO_US) if w != word and zipf(w) >= min_zipf), None)


def to_british(word: str, min_zipf: float) -> str | None:
    known = american_to_british().get(word)
    if known:
        return known
    return next((w for w in _swaps(word, _US_TO_GB) if w != word and zipf(w) >= min_zipf), None)


def other_dialect(word: str, min_zipf: float) -> str | None:
    """The other dialect's spelling of a word, if there is one that common."""
    w = word.lower()
    return to_american(w, min_zipf) or to_british(w, min_zipf)


def same_word(a: str, b: str) -> bool:
    """Whether `a` and `b` are the British and American spellings of one word."""
    if british_to_american().get(a) == b or british_to_american().get(b) == a:
        return True
    return any(b in _swaps(a, t) or a in _swaps(b, t) for t in (_GB_TO_US, _DIGRAPHS))
