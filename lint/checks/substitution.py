"""substitution: a word or phrase with a preferred replacement, which is also the fix."""

from __future__ import annotations

import regex

from lint.checks.base import Key, Rule
from lint.patterns import Pattern, live

_GROUP_REF = regex.compile(r"\\(\d+)|\\g<(\w+)>")


def match_case(original: str, replacement: str) -> str:
    """Carry the capitalisation of the flagged text over to its replacement."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(Rule):
    KEYS = {
        "swap": Key(dict, required=True),
        "ignorecase": Key(bool, default=True),
        "nonword": Key(bool, default=False),
    }
    PLACEHOLDERS = ("suggestion",)

    def prepare(self):
        # A swap value may name groups of its pattern (\1, \g<name>); "a|b" offers both.
        o = self.options
        where = (self.where[0], o.line_of("swap"))
        self.swaps: dict[Pattern, list[str]] = {}  # in the order of the file
        for bad, good in o["swap"].items():
            if not isinstance(good, str) or not good:
                raise self.error(f"swap value for {bad!r} must be a non-empty string", "swap")
            refs = tuple(a or b for a, b in _GROUP_REF.findall(good))
            pattern = Pattern(bad, ignorecase=o["ignorecase"], word=not o["nonword"], where=where, groups=refs)
            self.swaps[pattern] = [g.strip() or g for g in good.split("|")]

    def patterns(self):
        return list(self.swaps)

    def find(self, article):
        swaps = live(self.patterns(), article.words)
        if not swaps:
            return
        for seg in self.segments(article):
            taken: list[tuple[int, int]] = []
            for pattern in live(swaps, seg.words):
                goods = self.swaps[pattern]
                for m in pattern.finditer(seg.text):
                    s, e = m.start(), m.end()
                    if not self.in_scope(seg, s, e) or any(s < te and ts < e for ts, te in taken):
                        continue
                    suggestions = tuple(match_case(m.group(), m.expand(g)) for g in goods)
                    if m.group() in suggestions:  # already the preferred spelling
                        continue
                    taken.append((s, e))
                    fix = suggestions[0] if len(suggestions) == 1 else None
                    yield self.report(article, seg, s, e, suggestions=suggestions, replacement=fix,
                                      suggestion=" or ".join(f'"{x}"' for x in suggestions))
