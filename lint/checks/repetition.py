"""repetition: the same word twice in a row, as in "the the"."""

from __future__ import annotations

import regex

from lint.checks.base import Key, Rule
from lint.patterns import finditer

# Simple case folding (VERSION0): the full folding of VERSION1 made this one
# pattern cost as much as all the bundled rules together.
_REPEAT = regex.compile(r"(?<![\w'’-])(\p{L}[\p{L}'’]*)(\s+)(\1)(?![\w'’-])", regex.IGNORECASE)


class Repetition(Rule):
    KEYS = {"exceptions": Key(list, default=[])}
    PLACEHOLDERS = ("word",)

    def prepare(self):
        self.allowed = {str(w).lower() for w in self.options["exceptions"]}

    def find(self, article):
        for seg in self.segments(article):
            for m in finditer(_REPEAT, seg.text):
                word = m.group(1)
                if word.lower() in self.allowed or not self.in_scope(seg, m.start(), m.end()):
                    continue
                if word[:1].isupper() and m.group(3)[:1].isupper():  # a name: Duran Duran, Walla Walla
                    continue
                yield self.report(article, seg, m.start(), m.end(), suggestions=(word,),
                                  replacement=word, word=word)
