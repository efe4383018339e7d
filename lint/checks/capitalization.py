"""capitalization: headlines in the house style (sentence case or title case)."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.text import words

# Short words that title case leaves in lower case (AP and Chicago agree on these).
MINOR = frozenset("a an and as at but by for in nor of on or per so the to up via vs yet".split())
STYLES = ("sentence", "title")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    return sum(ch.isupper() for ch in word) > 1


class Capitalization(Rule):
    KEYS = {
        "style": Key(str, required=True),
        "exceptions": Key(list, default=[]),
        "min_words": Key(int, default=4),
    }
    PLACEHOLDERS = ("style", "suggestion")

    def prepare(self):
        if self.options["style"] not in STYLES:
            raise self.error(f"style must be one of {', '.join(STYLES)}", "style")
        self.exceptions = {str(w) for w in self.options["exceptions"]}

    def find(self, article):
        for seg in self.segments(article):
            if seg.kind not in ("title", "heading") or not self.in_scope(seg, 0, len(seg.text)):
                continue
            tokens = [m for m in words(seg.text) if m.group() not in self.exceptions]
            if len(tokens) < self.options["min_words"]:
                continue
            if self.options["style"] == "sentence":
                wrong = self._title_cased(tokens)
            else:
                wrong = self._not_title_cased(tokens)
            if wrong:
                yield self.report(article, seg, 0, len(seg.text), style=self.options["style"],
                                  suggestion=", ".join(wrong))

    @staticmethod
    def _title_cased(tokens) -> list[str]:
        """Words after the first that are capitalised for title case, not for being names.

        Names keep their capitals in sentence case, so a headline counts as
        title case only when every major word after the first is capitalised:
        one lower-case verb or noun shows the writer used sentence case.
        """
        rest = [m.group() for m in tokens[1:] if not _is_acronym(m.group())]
        major = [w for w in rest if w.lower() not in MINOR]
        if len(major) >= 3 and all(_is_capitalised(w) for w in major):
            return major
        return []

    @staticmethod
    def _not_title_cased(tokens) -> list[str]:
        wrong = []
        for i, m in enumerate(tokens):
            w = m.group()
            edge = i in (0, len(tokens) - 1)
            if w.lower() in MINOR and not edge:
                if _is_capitalised(w) and not _is_acronym(w):
                    wrong.append(w)
            elif not _is_capitalised(w):
                wrong.append(w)
        return wrong
