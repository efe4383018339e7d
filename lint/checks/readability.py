"""readability: sentences that run too long, or prose above a reading grade."""

from __future__ import annotations

from lint.checks.base import Key, Rule
from lint.text import syllables, words

METRICS = ("words", "grade")
UNITS = ("sentence", "paragraph")


def grade(text: str, sentence_count: int) -> float:
    """Flesch-Kincaid grade level."""
    tokens = [m.group() for m in words(text)]
    if not tokens:
        return 0.0
    syl = sum(syllables(w) for w in tokens)
    return 0.39 * len(tokens) / max(sentence_count, 1) + 11.8 * syl / len(tokens) - 15.59


class Readability(Rule):
    KEYS = {
        "metric": Key(str, default="words"),
        "per": Key(str, default="sentence"),
        "max": Key((int, float), required=True),
        "min_words": Key(int, default=0),
    }
    PLACEHOLDERS = ("value", "max")

    def prepare(self):
        if self.options["metric"] not in METRICS:
            raise self.error(f"metric must be one of {', '.join(METRICS)}", "metric")
        if self.options["per"] not in UNITS:
            raise self.error(f"per must be one of {', '.join(UNITS)}", "per")

    def find(self, article):
        metric, limit = self.options["metric"], self.options["max"]
        for seg in self.segments(article):
            if seg.kind == "metadata":
                continue
            spans = seg.sentences if self.options["per"] == "sentence" else [(0, len(seg.text))]
            for s, e in spans:
                if not self.in_scope(seg, s, e):
                    continue
                text = seg.text[s:e]
                count = len(words(text))
                if count < self.options["min_words"]:
                    continue
                if metric == "words":
                    value = count
                else:
                    value = round(grade(text, max(1, sum(1 for a, b in seg.sentences if s <= a and b <= e))), 1)
                if value > limit:
                    yield self.report(article, seg, s, e, value=value, max=limit)
