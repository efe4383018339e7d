"""names: one name spelled two ways in the same article ("Kowalczyk" and "Kowalcyzk").

Names are capitalised words of at least `min_length` letters (all-capital abbreviations are not
names here; a possessive "'s" is dropped, and curly and straight apostrophes count as one). Two
spellings are the same name when they are one edit apart (two for names of eight letters or
more, up to `max_distance`), counting a swap of neighbouring letters as one edit. The spelling
used more often wins; on a tie the one used first wins. Every use of the other spelling in the
rule's scope is reported with the winner as its suggestion; uses out of scope (quoted speech,
by default) count towards the winner but are not reported.

What keeps legitimately different names apart:

* one spelling a prefix of the other: plurals, possessives and demonyms (Kurd/Kurds,
  Syria/Syrian, Gabriel/Gabriela);
* endings that make another word of the same stem (Maria/Mario, Argentina/Argentine,
  Texas/Texan, Kosovo/Kosovar, Serbia/Serbs);
* a reported spelling that is a common word or name in its own right (word frequency of
  `max_frequency` or more on the Zipf scale: Iraq, Austria, Smyth, Davies, Hanson), unless the two
  differ only in accents or capitals;
* two spellings that each stand next to a different first name or surname (Maria Rossi and
  Mario Bianchi are two people);
* `exceptions`: spellings never reported.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from lint.checks.base import Key, Rule
from lint.text import edit_distance
from lint.wordlists import ZIPF_FLOOR, zipf

_NAME = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’])\p{Lu}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*(?![\p{N}_])",
                      regex.VERSION1)
_POSSESSIVE = regex.compile(r"['’]s?$")

# Endings that turn one word of a stem into another (after the letters both spellings share).
_SIBLING_ENDINGS = {
    frozenset(p) for p in (
        ("a", "o"), ("a", "e"), ("e", "o"), ("a", "i"), ("o", "i"), ("s", "n"), ("o", "ar"),
        ("ia", "s"), ("ia", "an"), ("ia", "ic"), ("o", "an"), ("e", "an"), ("y", "ies"), ("us", "a"),
        ("is", "es"),
    )
}
# Words next to a name that say what a person is, not who: not evidence of a different person.
_TITLES = {
    "President", "Vice", "Prime", "Minister", "Mayor", "Governor", "Senator", "Representative",
    "General", "Colonel", "Captain", "Major", "Sergeant", "Admiral", "Judge", "Justice", "Chief",
    "Doctor", "Professor", "King", "Queen", "Prince", "Princess", "Pope", "Bishop", "Father",
    "Sister", "Brother", "Saint", "Secretary", "Chancellor", "Speaker", "Sheikh", "Lord", "Lady",
    "Sir", "Dame", "Mr", "Mrs", "Ms", "Dr", "Coach", "Officer", "Detective", "Inspector", "Former",
}


@dataclass
class _Form:
    text: str
    first: int  # order of its first use in the article
    uses: list = field(default_factory=list)  # (segment, start, end, in scope)
    partners: set = field(default_factory=set)


def _deletions(word: str, edits: int) -> set[str]:
    """The word and every string made by deleting up to `edits` of its letters."""
    out = {word}
    layer = {word}
    for _ in range(edits):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        out |= layer
    return out


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


def related(a: str, b: str) -> bool:
    """Whether two spellings are different words of one stem (Kurd/Kurds, Maria/Mario)."""
    x, y = a.lower(), b.lower()
    if x.startswith(y) or y.startswith(x):
        return True
    n = 0
    while x[n] == y[n]:
        n += 1
    return frozenset((x[n:], y[n:])) in _SIBLING_ENDINGS


class Names(Rule):
    KEYS = {
        "min_length": Key(int, default=5),
        "max_distance": Key(int, default=2),
        "max_frequency": Key((int, float), default=3.0),
        "exceptions": Key(list, default=[]),
    }
    PLACEHOLDERS = ("suggestion", "count")

    def prepare(self):
        o = self.options
        if o["max_frequency"] < ZIPF_FLOOR:
            raise self.error(f"max_frequency must be at least {ZIPF_FLOOR}: rarer words all count as unknown",
                             "max_frequency")
        if o["min_length"] < 2:
            raise self.error("min_length must be 2 or more", "min_length")
        if o["max_distance"] not in (1, 2):
            raise self.error("max_distance must be 1 or 2", "max_distance")
        self.exceptions = {str(w) for w in o["exceptions"]}

    def _forms(self, article) -> dict[str, _Form]:
        forms: dict[str, _Form] = {}
        order = 0
        for seg in self.segments(article):
            names = []
            for m in _NAME.finditer(seg.text):
                word = _POSSESSIVE.sub("", m.group()).replace("’", "'")
                names.append((m.start(), m.start() + len(word), word))
            for i, (start, end, word) in enumerate(names):
                if len(word) < self.options["min_length"] or word.isupper():
                    continue
                form = forms.get(word)
                if form is None:
                    form = forms[word] = _Form(word, order)
                    order += 1
                # Uses out of scope (quoted speech, by default) count towards the winning
                # spelling but are not reported.
                form.uses.append((seg, start, end, self.in_scope(seg, start, end)))
                # The capitalised word right before or after, one space away: a first name or surname.
                for j in (i - 1, i + 1):
                    if 0 <= j < len(names):
                        s, e, other = names[j]
                        gap = seg.text[e:start] if j < i else seg.text[end:s]
                        if gap == " " and other not in _TITLES and len(other) > 1 and not other.isupper():
                            form.partners.add(other)
        return forms

    def _same_name(self, a: _Form, b: _Form) -> bool:
        x, y = a.text, b.text
        limit = 1 if min(len(x), len(y)) < 8 else self.options["max_distance"]
        if not 1 <= edit_distance(x, y, limit + 1) <= limit:
            return False
        if _plain(x) == _plain(y):
            return True  # only accents or capitals differ
        if related(x, y):
            return False
        if a.partners and b.partners and not a.partners & b.partners:
            return False
        return True

    def _neighbours(self, forms: dict[str, _Form]) -> dict[str, set[str]]:
        """For each spelling, the others that may be within reach, so that only those pairs
        need an exact distance: two spellings at most k edits apart always leave a common
        string when up to k letters are deleted from each."""
        keys: dict[str, set[str]] = {}
        for word in forms:
            edits = 1 if len(word) < 8 else self.options["max_distance"]
            for key in _deletions(word, edits):
                keys.setdefault(key, set()).add(word)
        near: dict[str, set[str]] = {word: set() for word in forms}
        for group in keys.values():
            if len(group) > 1:
                for word in group:
                    near[word] |= group
        return near

    def find(self, article):
        forms = self._forms(article)
        near = self._neighbours(forms)
        by_use = sorted(forms.values(), key=lambda f: (-len(f.uses), f.first))
        for i, variant in enumerate(by_use):
            if variant.text in self.exceptions:
                continue
            close = near[variant.text]
            winner = next((w for w in by_use[:i] if w.text in close and self._same_name(w, variant)), None)
            if winner is None:
                continue
            if _plain(winner.text) != _plain(variant.text) and \
                    zipf(variant.text) >= self.options["max_frequency"]:
                continue
            for seg, start, end, reportable in variant.uses:
                if not reportable:
                    continue
                # Keep the apostrophe the text uses (O’Rourke stays curly).
                good = winner.text.replace("'", "’") if "’" in seg.text[start:end] else winner.text
                yield self.report(article, seg, start, end, suggestions=(good,), replacement=good,
                                  suggestion=good, count=len(winner.uses))
