"""How well the checkers find typos and grammar errors, and how often they cry wolf.

    .venv/bin/python bench/quality.py [--corpora ../shared/corpora] [--limit N]

For each checker, and for the default profile (everything newslint runs out of
the box), in one run:
- real-word errors (realword_dev.jsonl): recall on the natural errors and on the
  artificial ones, and precision = flags on the error / all flags in those sentences;
- grammar examples (grammar_examples_dev.jsonl): recall on the incorrect sentences
  and the share of correct sentences flagged;
- false alarms per 1,000 words of correct text: the corrected real-word sentences,
  the correct grammar examples, and the edited news articles in wikinews/.
A flag is a spelling or grammar diagnostic of severity error or warning; an error
counts as found when a flag overlaps it. Harper alone (every lint it raises, no
filtering) is measured in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from lint.config import Config  # noqa: E402
from lint.diagnostic import Severity  # noqa: E402
from lint.runner import Options, lint_text  # noqa: E402

TITLE = "Title\n\n"  # plain text: the first line is the title, the sentence is the body


@dataclass
class Score:
    found: dict = field(default_factory=lambda: {"natural": [0, 0], "artificial": [0, 0], "grammar": [0, 0]})
    on_error: int = 0  # flags that overlap the error, in real-word sentences
    flags_rw: int = 0  # all flags in real-word sentences
    correct_flagged: list = field(default_factory=lambda: [0, 0])  # correct grammar sentences flagged / all
    false: dict = field(default_factory=lambda: {"sentences": [0, 0], "wikinews": [0, 0]})  # flags, words
    seconds: float = 0.0


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Checker:
    """A named way of running newslint: which rules, which grammar engine."""

    def __init__(self, name: str, select: tuple[str, ...] = (), grammar: str = "harper"):
        self.name, self.cfg = name, Config()
        self.options = Options(select=select, grammar=grammar)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Flag spans as offsets into `text`."""
        diags = lint_text("x.txt", TITLE + text, self.cfg, self.options)
        return [(d.start - len(TITLE), d.end - len(TITLE)) for d in diags
                if d.category in ("spelling", "grammar") and d.severity >= Severity.WARNING]


class HarperAlone(Checker):
    def __init__(self):
        from lint.engines.harper import HarperEngine

        self.name, self.engine = "Harper alone", HarperEngine("any")

    def spans(self, text):
        return [(i.start, i.end) for i in self.engine.check([text])[0]]


_SPACE_BEFORE = regex.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_SPACE_AFTER = regex.compile(r"([(\[{$]) ")


def detokenize(text: str) -> str:
    """Undo the corpus's tokenised spacing ("room , and") that no edited text has."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def real_word_row(row) -> tuple[str, int, int, str]:
    """The sentence as a writer would type it, the error's span in it, and the corrected sentence."""
    text, start = row["sentence"], row["offset"]
    end = start + len(row["error"])
    before, after = detokenize(text[:start]), detokenize(text[end:])
    return before + row["error"] + after, len(before), len(before) + len(row["error"]), before + row["correction"] + after


def overlaps(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)


def words(text: str) -> int:
    return len(text.split())


def article_body(path: Path) -> str:
    """The body of a wire-format article: everything after the Original: line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i + 1 for i, ln in enumerate(lines) if ln.startswith("Original:")), 0)
    return "\n".join(lines[start:])


def measure(checker: Checker, realword, grammar, articles) -> Score:
    score = Score()
    started = time.perf_counter()
    for row in realword:
        text, start, end, fixed = real_word_row(row)
        spans = checker.spans(text)
        kind = "natural" if row["set"] == "en_natural_train" else "artificial"
        hit = overlaps(spans, start, end)
        score.found[kind][0] += hit
        score.found[kind][1] += 1
        score.on_error += sum(1 for s, e in spans if s < end and start < e)
        score.flags_rw += len(spans)
        score.false["sentences"][0] += len(checker.spans(fixed))
        score.false["sentences"][1] += words(fixed)
    for row in grammar:
        spans = checker.spans(row["text"])
        if row["incorrect"]:
            score.found["grammar"][0] += overlaps(spans, row["marker_start"], row["marker_end"])
            score.found["grammar"][1] += 1
        else:
            score.correct_flagged[0] += bool(spans)
            score.correct_flagged[1] += 1
            score.false["sentences"][0] += len(spans)
            score.false["sentences"][1] += words(row["text"])
    for path in articles:
        body = article_body(path)
        score.false["wikinews"][0] += len(checker.spans(body))
        score.false["wikinews"][1] += words(body)
    score.seconds = time.perf_counter() - started
    return score


def ratio(pair) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


def row(name: str, s: Score) -> str:
    per_k = {k: 1000 * ratio(v) for k, v in s.false.items()}
    precision = s.on_error / s.flags_rw if s.flags_rw else 0.0
    return (f"| {name} | {ratio(s.found['natural']):.2f} | {ratio(s.found['artificial']):.2f} | {precision:.2f} "
            f"| {ratio(s.found['grammar']):.2f} | {100 * ratio(s.correct_flagged):.0f}% "
            f"| {per_k['sentences']:.2f} | {per_k['wikinews']:.2f} | {s.seconds:.0f} |")


CHECKERS = [
    Checker("spelling.misspelling", select=("spelling.misspelling",), grammar="none"),
    Checker("spelling.real-word", select=("spelling.real-word",), grammar="none"),
    Checker("confusions pack", select=("confusions",), grammar="none"),
    Checker("grammar pack", select=("grammar",), grammar="none"),
    Checker("style pack", select=("style",), grammar="none"),
    Checker("Harper (newslint mapping)", select=("harper",)),
    Checker("default profile"),
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N rows and articles of each set")
    parser.add_argument("--only", help="run only checkers whose name contains this")
    args = parser.parse_args(argv)
    realword = load(args.corpora / "realword_dev.jsonl")
    grammar = load(args.corpora / "grammar_examples_dev.jsonl")
    articles = sorted((args.corpora / "wikinews").glob("wn_*.md"))
    if args.limit:
        realword, grammar, articles = realword[: args.limit], grammar[: args.limit], articles[: args.limit]
    natural = sum(r["set"] == "en_natural_train" for r in realword)
    print(f"real-word sentences: {len(realword)} ({natural} natural); grammar examples: {len(grammar)}; "
          f"wikinews articles: {len(articles)}\n")
    print("| checker | real-word R (natural) | R (artificial) | precision | grammar R | correct flagged "
          "| false alarms /1k words (sentences) | /1k words (wikinews) | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    checkers = [HarperAlone(), *CHECKERS]
    for checker in checkers:
        if args.only and args.only not in checker.name:
            continue
        print(row(checker.name, measure(checker, realword, grammar, articles)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
