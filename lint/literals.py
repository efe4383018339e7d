"""The plain text a regex cannot match without: a quick test that skips a rule.

Most rules of a pack never match a given article. Before compiling or running
a pattern, `required(pattern)` names sets of strings such that text the
pattern matches in holds one string of each set; if the article's text, as
`fold` gives it, lacks every string of some set, the pattern cannot match there. Compiling the ~600 patterns of the bundled packs was the
largest start-up cost, and running them all on every paragraph the largest
cost of a run without a grammar engine.

The analysis is conservative: whenever the pattern does something this reader
does not follow, it answers None ("no test, always run the pattern"). Only
ASCII characters count as literal: the regex engine pairs an ASCII letter,
case-insensitively, only with characters whose `casefold()` contains it (the
Kelvin sign folds to "k", the long s to "s"), except the dotless i, which
`fold` maps to "i"; other characters could fold differently from how the
engine pairs them.
"""

from __future__ import annotations

import re

# Escapes that stand for a class of characters or a position, not one character.
_CLASS_ESCAPES = set("bBdDsSwWAZzmMGXR")
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


def fold(text: str) -> str:
    """Text as `required` strings are looked for in it."""
    return text.casefold().replace("ı", "i")


class _Unknown(Exception):
    """The pattern does something this reader does not follow."""


# Sets of strings that must all be satisfied; a set is satisfied by any one of its strings.
Need = tuple[frozenset[str], ...]


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
    return tuple(sorted(found, key=_selectivity, reverse=True)) or None


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """A set whose shortest string is long rarely occurs by chance; fewer strings, less chance."""
    return min(map(len, strings)), -len(strings)


class _Reader:
    def __init__(self, pattern: str):
        self.p = pattern
        self.i = 0

    def alternation(self) -> Need:
        """Branches up to an unmatched ")": for several, one set joining the best set of each."""
        branches = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        if not all(branches):
            return ()
        return (frozenset().union(*(max(b, key=_selectivity) for b in branches)),)

    def sequence(self) -> Need:
        """What every match of the branch holds: its literal runs and its groups' needs."""
        options: list[frozenset[str]] = []
        run = ""  # literal characters in a row, so far
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            plain = _PLAIN.match(self.p, self.i)
            if plain and plain.end() - self.i > 1:  # all but the last may be repeated by a quantifier
                run += plain.group()[:-1].casefold()
                self.i = plain.end() - 1
            char, group = self.atom()
            low, repeated = self.quantifier()
            if char is not None and low > 0:
                run += char
            elif run:
                options.append(frozenset({run}))
                run = ""
            if group and low > 0:
                options.extend(group)
            if repeated and run:  # "ab+c": "ab" holds, but c need not follow that b
                options.append(frozenset({run}))
                run = ""
        if run:
            options.append(frozenset({run}))
        return tuple(options)

    def atom(self) -> tuple[str | None, Need | None]:
        """(literal character, None) or (None, a group's need); (None, None) for anything else."""
        p, c = self.p, self.p[self.i]
        if c == "(":
            return None, self.group()
        if c == "[":
            self.char_class()
            return None, None
        if c == "\\":
            return self.escape(), None
        if c in "*+?" or (c == "{" and _QUANTIFIER.match(p, self.i)):
            raise _Unknown  # a quantifier with nothing to repeat
        self.i += 1
        if c in ".^$":
            return None, None
        return _literal(c), None

    def group(self) -> Need:
        """A group's need. A look-ahead or look-behind matches nothing itself, yet the
        text must hold what a positive one looks for; a negative one needs nothing."""
        p = self.p
        self.i += 1
        negative = p.startswith(("?!", "?<!"), self.i)
        flags = _FLAGS.match(p, self.i - 1)
        if p.startswith(("?=", "?!", "?<=", "?<!"), self.i):
            self.i += 3 if p[self.i + 1] == "<" else 2
        elif p.startswith(("?P<", "?<"), self.i):  # a named group
            self.i = p.index(">", self.i) + 1
        elif p.startswith(("?:", "?>"), self.i):
            self.i += 2
        elif flags:
            if "x" in flags.group(1).split("-")[0]:
                raise _Unknown  # verbose mode gives spaces and # another meaning
            self.i = flags.end()
            if flags.group(2) == ")":  # (?i): a flag for the rest, no group
                return ()
        elif p.startswith("?", self.i):
            raise _Unknown  # conditionals, comments, branch resets, ...
        inner = self.alternation()
        if p[self.i] != ")":
            raise _Unknown
        self.i += 1
        return () if negative else inner

    def char_class(self) -> None:
        """Skip a [...] set."""
        p = self.p
        self.i += 1
        if p[self.i] == "^":
            self.i += 1
        if p[self.i] == "]":
            self.i += 1
        while p[self.i] != "]":
            if p[self.i] == "\\":
                self.i += 2
            elif p.startswith("[:", self.i):
                self.i = p.index(":]", self.i) + 2
            elif p[self.i] == "[":
                raise _Unknown  # a nested set (regex's V1 syntax)
            else:
                self.i += 1
        self.i += 1

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


def _literal(char: str) -> str | None:
    """The character as it must appear in case-folded text; None when not ASCII."""
    return char.casefold() if char.isascii() else None
