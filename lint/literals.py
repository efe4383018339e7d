"""The plain text a regex cannot match without: a quick test that skips a rule.

Most rules of a pack never match a given article. Before compiling or running
a pattern, `required(pattern)` names sets of strings such that text the
pattern matches in holds one string of each set, in the form `word_text`
gives the text; if the text lacks every string of some set, the pattern cannot
match there. Compiling the ~600 patterns of the bundled packs was the largest
start-up cost, and running them all on every paragraph the largest cost of a
run without a grammar engine.

`word_text(text)` folds case and turns every run of non-word characters into one
space, with a space at each end. The strings are read the same way from the
pattern, where a word boundary, a whitespace class or a negative look-around
for a word character count as such a space too: `\\bis\\b` needs " is ",
which unlike "is" is not in "this crisis".

The reading is conservative: whenever the pattern does something this reader
does not follow, it answers None ("no test, always run the pattern"). Only
ASCII characters count as literal: the regex engine pairs an ASCII letter,
case-insensitively, only with characters whose `casefold()` contains it (the
Kelvin sign folds to "k", the long s to "s"), except the dotless i, which
`word_text` maps to "i"; other characters could fold differently from how the
engine pairs them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import regex

# Escapes that stand for a class of characters or a position, not one character.
_CLASS_ESCAPES = set("BdDSwAZzmMGXR")
# Escapes that match a non-word character, or a boundary next to one.
_GAP_ESCAPES = set("bsW")
# Escapes with an argument: \p{L} \pL \N{...} \x41 \x{41} \u0041 \U00000041 \g<1> \k<name>.
_ARGUMENT = {
    "p": r"\{[^}]*\}|.", "P": r"\{[^}]*\}|.", "N": r"\{[^}]*\}",
    "x": r"\{[0-9a-fA-F]+\}|[0-9a-fA-F]{2}", "u": r"[0-9a-fA-F]{4}", "U": r"[0-9a-fA-F]{8}",
    "g": r"<[^>]*>", "k": r"<[^>]*>",
}
# Control escapes: one character, but not worth following.
_CONTROL = set("ntrfva")
_QUANTIFIER = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_FLAGS = re.compile(r"\(\?([a-zA-Z-]+)([:)])")
# ASCII characters that stand for themselves outside a set, read in one go.
_PLAIN = re.compile(r"[A-Za-z0-9 ,'\"<>=@#%&~`:;!/_-]+")
# A negative look-around for a word character: (?<![\w-]) (?!\w) (?![\w'’-]).
_NOT_WORD_AROUND = re.compile(r"\(\?<?!(?:\\w|\[\\w[^\]\[]*\])\)")
_WORD_CHAR = re.compile(r"[a-z0-9_]")
# The body of a set of non-word characters only: no range, no negation, no nested set.
_PUNCTUATION_SET = re.compile(r"(?:\\[sW.?!()|*+-]|[ !\"#$%&'(),./:;<=>?@{|}~’‘“”–—])+")
_NON_WORD = regex.compile(r"\W+")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9_]+")
_GAP = " "  # how a non-word character or a word boundary is written in a need

# Sets of strings that must all be satisfied; a set is satisfied by any one of its strings.
Need = tuple[frozenset[str], ...]


def word_text(text: str) -> str:
    """Text as `required` strings are looked for in it: case folded, every run of
    non-word characters one space, a space at each end."""
    return f" {_NON_WORD.sub(' ', text.casefold().replace('ı', 'i'))} "


class Words:
    """Text as the quick test reads it: `text` from word_text; `words`, the set of its
    words, which answers for a whole word without scanning the text; `heads` and
    `tails`, the first and last letters of its words, which pick the few strings worth
    looking for. `memo` keeps what an index (lint/patterns.py) found in it."""

    __slots__ = ("text", "words", "heads", "tails", "memo")

    def __init__(self, text: str, words: set[str] | None = None):
        self.text = text
        self.words = set(text.split()) if words is None else words
        self.heads = {w[:_EDGE] for w in self.words if len(w) >= _EDGE}
        self.tails = {w[-_EDGE:] for w in self.words if len(w) >= _EDGE}
        self.memo: dict = {}

    @classmethod
    def of(cls, raw: str) -> Words:
        return cls(word_text(raw))

    @classmethod
    def joined(cls, parts: list[Words]) -> Words:
        return cls("".join(p.text for p in parts), set().union(*(p.words for p in parts)))

    @property
    def keys(self) -> tuple[set[str], set[str], set[str]]:
        """What a string or a pattern may be filed by: words, heads, tails."""
        return self.words, self.heads, self.tails

    def holds(self, test: Test) -> bool:
        """Whether the text holds one string of a need set (as `Test`)."""
        words, text = self.words, self.text
        if not test.whole.isdisjoint(words):
            return True
        for filed, have in zip(test.filed, self.keys):
            for key in filed.keys() & have:
                if any(inner <= words and s in text for s, inner in filed[key]):
                    return True
        return any(inner <= words and s in text for s, inner in test.rest)


_EDGE = 3  # letters at the start or end of a word that file a string starting or ending with it

Entry = tuple[str, frozenset[str]]  # a string and the whole words inside it


class Test(NamedTuple):
    """A need set, arranged for `Words.holds`: `whole` words (" is " is the word "is");
    the other strings `filed` by a key the text must have for them to be in it (as
    `Words.keys`: a whole word inside the string, else the first letters of the word it
    starts, else the last letters of the word it ends); the `rest`. Each string comes
    with the whole words inside it (" in order to" holds "order"): the set of the text's
    words rules it out before the text is searched.

    `keys` are the whole words and the keys the strings are filed by, as (words, heads,
    tails), one of which a text holding the set has; None when some string is in `rest`.
    An index files patterns by these."""

    whole: frozenset[str]
    filed: tuple[dict[str, tuple[Entry, ...]], ...]
    rest: tuple[Entry, ...]
    keys: tuple[frozenset[str], ...] | None


def split_need(strings: frozenset[str]) -> Test:
    whole = {s for s in strings if len(s) > 2 and s[0] == s[-1] == _GAP and _GAP not in s[1:-1]}
    filed: tuple[dict[str, list[Entry]], ...] = ({}, {}, {})
    by_word, by_head, by_tail = filed
    rest = []
    for s in sorted(strings - whole):
        parts = s.split(_GAP)
        inner = frozenset(w for w in parts[1:-1] if w)  # the first and last may be parts of longer words
        if inner:
            table, key = by_word, max(inner, key=lambda w: (len(w), w))  # the longest: the rarest, likely
        elif s.startswith(_GAP) and len(parts[1]) >= _EDGE:
            table, key = by_head, parts[1][:_EDGE]
        elif s.endswith(_GAP) and len(parts[-2]) >= _EDGE:
            table, key = by_tail, parts[-2][-_EDGE:]
        else:
            rest.append((s, inner))
            continue
        table.setdefault(key, []).append((s, inner))
    words = frozenset(s.strip() for s in whole)
    keys = (words | filed[0].keys(), frozenset(filed[1]), frozenset(filed[2])) if not rest else None
    return Test(words, tuple({k: tuple(e) for k, e in table.items()} for table in filed), tuple(rest), keys)


def required(pattern: str) -> Need | None:
    """What text must hold for `pattern` to match in it, most selective set first;
    None if nothing is known."""
    try:
        reader = _Reader(pattern)
        found = reader.alternation()
        if reader.i != len(pattern):
            return None  # an unbalanced ")"
    except (_Unknown, IndexError):
        return None
    needs = {frozenset(_ASCII_NON_WORD.sub(_GAP, s) for s in strings) for strings in found}
    needs = [n for n in needs if all(s.strip() for s in n)]  # a set holding " " always holds
    return tuple(sorted(needs, key=_selectivity, reverse=True)) or None


def _selectivity(strings: frozenset[str]) -> tuple[int, int, tuple[str, ...]]:
    """A set whose shortest string is long rarely occurs by chance; fewer strings, less chance."""
    return min(map(len, strings)), -len(strings), tuple(sorted(strings))


class _Unknown(Exception):
    """The pattern does something this reader does not follow."""


class _Reader:
    def __init__(self, pattern: str):
        self.p = pattern
        self.i = 0
        self.gap_after = False  # the atom just read was a look-behind that ends in a gap

    def alternation(self, lead: str = "", trail: str = "") -> Need:
        """Branches up to an unmatched ")": for several, one set joining the best set of each.
        `lead` is the text right before the group, which a branch's first characters follow;
        `trail` a gap right after it, which its last characters meet."""
        branches = [self.sequence(lead, trail)]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence(lead, trail))
        if len(branches) == 1:
            return branches[0]
        if not all(branches):
            return ()
        return (frozenset().union(*(max(b, key=_selectivity) for b in branches)),)

    def sequence(self, lead: str = "", trail: str = "") -> Need:
        """What every match of the branch holds: its literal runs and its groups' needs."""
        options: list[frozenset[str]] = []
        run = lead  # characters in a row, so far

        def flush():
            nonlocal run
            if run:
                options.append(frozenset({run}))
            run = ""

        while self.i < len(self.p) and self.p[self.i] not in "|)":
            plain = _PLAIN.match(self.p, self.i)
            if plain and plain.end() - self.i > 1:  # all but the last may be repeated by a quantifier
                run += plain.group()[:-1].casefold()
                self.i = plain.end() - 1
            if run and not run.endswith(_GAP) and self._gap_ahead(self.i):
                run += _GAP  # "their(?=\\s+is)": the word ends here
            atom = self.atom(run)
            low, repeated = self.quantifier()
            if isinstance(atom, str):
                if low == 0:
                    flush()
                elif repeated and _WORD_CHAR.match(atom):
                    run += atom  # "ab+c": "ab" holds, but c need not follow that b
                    flush()
                else:
                    run += atom  # a repeated non-word character is still one gap
            else:
                flush()
                if atom and low > 0:
                    options.extend(atom)
                if self.gap_after and low > 0:
                    run = _GAP  # "(?<=\\bto\\s)from": what follows starts a word
        if run:
            run += trail
        flush()
        return tuple(options)

    def atom(self, lead: str) -> str | Need | None:
        """A character as it appears in `word_text` (a gap for a non-word one), a
        group's need, or None for anything else; `lead` is the run before it."""
        p, c = self.p, self.p[self.i]
        self.gap_after = False
        if c == "(":
            around = _NOT_WORD_AROUND.match(p, self.i)
            if around:
                self.i = around.end()
                return _GAP
            return self.group(lead)
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c in "*+?" or (c == "{" and _QUANTIFIER.match(p, self.i)):
            raise _Unknown  # a quantifier with nothing to repeat
        self.i += 1
        if c in ".^$":
            return None
        return _literal(c)

    def group(self, lead: str) -> Need:
        """A group's need. A look-ahead or look-behind matches nothing itself, yet the
        text must hold what a positive one looks for; a negative one needs nothing."""
        p = self.p
        self.i += 1
        negative = p.startswith(("?!", "?<!"), self.i)
        around = p.startswith(("?=", "?!", "?<=", "?<!"), self.i)
        flags = _FLAGS.match(p, self.i - 1)
        behind = p.startswith("?<=", self.i)
        if around:
            lead = ""  # a look-behind's text ends here rather than starting here
            self.i += 3 if p[self.i + 1] == "<" else 2
        elif p.startswith(("?P<", "?<"), self.i):  # a named group
            self.i = p.index(">", self.i) + 1
        elif p.startswith(("?:", "?>"), self.i):
            self.i += 2
        elif flags:
            if set(flags.group(1).split("-")[0]) & set("xw"):
                raise _Unknown  # verbose mode gives spaces and # another meaning; w, \b another
            self.i = flags.end()
            if flags.group(2) == ")":  # (?i): a flag for the rest, no group
                return ()
        elif p.startswith("?", self.i):
            raise _Unknown  # conditionals, comments, branch resets, ...
        # Each branch ends in the gap that follows the group, if one does.
        trail = _GAP if not around and self._gap_at(self._closing(self.i) + 1) else ""
        start = self.i
        inner = self.alternation(lead, trail)
        if p[self.i] != ")":
            raise _Unknown
        gap_after = behind and all(map(_ends_in_gap, self._branches(start, self.i)))
        self.i += 1
        self.gap_after = gap_after
        return () if negative else inner

    def _branches(self, start: int, end: int) -> list[str]:
        """The top-level branches of the group whose contents are p[start:end]."""
        p, out, depth, i = self.p, [], 0, start
        while i < end:
            c = p[i]
            if c == "\\":
                i += 2
                continue
            if c == "[":
                i = self._class_end(i)
                continue
            depth += (c == "(") - (c == ")")
            if c == "|" and depth == 0:
                out.append(p[start:i])
                start = i + 1
            i += 1
        return out + [p[start:end]]

    def _closing(self, i: int) -> int:
        """Where the group whose contents start at i ends (its ")")."""
        p, depth = self.p, 1
        while True:
            c = p[i]
            if c == "\\":
                i += 2
            elif c == "[":
                i = self._class_end(i)
            else:
                depth += (c == "(") - (c == ")")
                if depth == 0:
                    return i
                i += 1

    def _gap_at(self, i: int) -> bool:
        """Whether a gap comes at position i, not repeated: the word-boundary look-around
        that ends most rule patterns, \\b, \\s, \\W or a space."""
        p = self.p
        if _NOT_WORD_AROUND.match(p, i) or self._gap_ahead(i):
            return True
        size = _gap_size(p, i)
        return size > 0 and not p.startswith(("*", "?", "{", "+"), i + size)

    def _gap_ahead(self, i: int) -> bool:
        """Whether a positive look-ahead starts at i whose every branch starts with a gap."""
        if not self.p.startswith("(?=", i):
            return False
        return all(map(_starts_with_gap, self._branches(i + 3, self._closing(i + 3))))

    def char_class(self) -> str | None:
        """A [...] set as one character of `word_text`: a letter in both cases ([Tt]) is
        that letter, a set of punctuation only ([,;] ['’]) a gap; None for others."""
        start = self.i
        self.i = self._class_end(start)
        body = self.p[start + 1:self.i - 1]
        if len(body) == 2 and body.isascii() and body.isalpha() and body[0].casefold() == body[1].casefold():
            return body[0].casefold()
        return _GAP if _PUNCTUATION_SET.fullmatch(body) else None

    def _class_end(self, i: int) -> int:
        """Where the [...] set starting at i ends (after its "]")."""
        p = self.p
        i += 1
        if p[i] == "^":
            i += 1
        if p[i] == "]":
            i += 1
        while p[i] != "]":
            if p[i] == "\\":
                i += 2
            elif p.startswith("[:", i):
                i = p.index(":]", i) + 2
            elif p[i] == "[":
                raise _Unknown  # a nested set (regex's V1 syntax)
            else:
                i += 1
        return i + 1

    def escape(self) -> str | None:
        p = self.p
        c = p[self.i + 1]
        self.i += 2
        if c.isdigit():  # a back-reference, or an octal escape like \012
            while self.i < len(p) and p[self.i].isdigit():
                self.i += 1
            return None
        if c in _ARGUMENT:
            arg = re.compile(_ARGUMENT[c]).match(p, self.i)
            if not arg:
                raise _Unknown
            self.i = arg.end()
            return None
        if c in _GAP_ESCAPES:
            return _GAP
        if c in _CLASS_ESCAPES or c in _CONTROL:
            return None
        if c.isalnum() or c == "_":
            raise _Unknown
        return _literal(c)

    def quantifier(self) -> tuple[int, bool]:
        """(least number of repeats, whether there was a quantifier); skips a lazy or possessive mark."""
        p, i = self.p, self.i
        if i >= len(p):
            return 1, False
        if p[i] in "*?":
            low = 0
            self.i += 1
        elif p[i] == "+":
            low = 1
            self.i += 1
        elif m := _QUANTIFIER.match(p, i):
            if not m.group(1) and m.group(2) is None:
                return 1, False  # "{}" is literal text to the regex engine, which this reader does not follow
            low = int(m.group(1) or 0)
            self.i = m.end()
        else:
            return 1, False
        if self.i < len(p) and p[self.i] in "?+":
            self.i += 1
        # "a{2}" requires "a" once at least; more would need counting.
        return (min(low, 1) if low else 0), True


def _gap_size(p: str, i: int) -> int:
    """The length of the gap atom at p[i:] (a space, \\b, \\s or \\W), 0 if none starts there."""
    return 1 if p.startswith(" ", i) else 2 if p.startswith(("\\b", "\\s", "\\W"), i) else 0


def _starts_with_gap(branch: str) -> bool:
    """Whether a branch's first atom is a gap that occurs at least once: a space, \\s,
    \\W or \\b, not followed by a quantifier that allows none."""
    size = _gap_size(branch, 0)
    return size > 0 and not _OPTIONAL.match(branch, size)


_OPTIONAL = re.compile(r"[*?]|\{0*[,}]")


def _ends_in_gap(branch: str) -> bool:
    """Whether a branch's last atom is one unrepeated gap: a space, \\s or \\W (an odd run
    of backslashes before the letter: "\\\\s" is a backslash and an s)."""
    if branch.endswith(" "):
        return True
    if not branch.endswith(("\\s", "\\W")):
        return False
    slashes = len(branch[:-1]) - len(branch[:-1].rstrip("\\"))
    return slashes % 2 == 1


def _literal(char: str) -> str | None:
    """The character as it must appear in `word_text`; None when not ASCII."""
    return char.casefold() if char.isascii() else None
