"""What the grammar and confusions packs catch, and how often they cry wolf.

    .venv/bin/python bench/rulepacks.py [--corpora ../shared/corpora] [--packs rules/grammar.yaml ...]
                                        [--rule ID-PART] [--show flags|misses-fp|hits] [--limit N]

For each pack and each of its rules, run through the linter's own API (load_pack,
parse, rule.check):

(a) grammar_examples_dev.jsonl: an incorrect sentence is found when a flag overlaps
    marker_start..marker_end; correct sentences flagged are counted too;
(b) realword_dev.jsonl: an error is found when a flag overlaps the error word at
    `offset` (natural set en_natural_train apart from the artificial ones); flags that
    miss the error word, and flags on the corrected sentence, are counted as well;
(c) wikinews/: flags per 1,000 body words (words counted as bench/quality.py does).

A flag is a diagnostic of severity error or warning; info diagnostics are counted
apart. `--show flags` prints every wikinews flag and every flag on a correct
sentence, to be read one by one (the published articles keep a few real typos).

The corpora are for measuring: a rule or exception written for one of their
sentences is a defect.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lint.diagnostic import Severity  # noqa: E402
from lint.packs import load_pack  # noqa: E402
from lint.readers import parse  # noqa: E402
from quality import article_body, real_word_row, words  # noqa: E402

TITLE = "Title\n\n"  # plain text: the first line is the title, the sentence is the body
PACKS = [ROOT / "rules" / "grammar.yaml", ROOT / "rules" / "confusions.yaml"]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sentence_flags(rules, text: str) -> dict[str, list]:
    """Flags (start, end, severity, message, matched text) per rule, as offsets into `text`."""
    article, _ = parse("x.txt", TITLE + text + "\n")
    out = {}
    for rule in rules:
        found = [(d.start - len(TITLE), d.end - len(TITLE), d.severity, d.message, d.text)
                 for d in rule.check(article)]
        if found:
            out[rule.id] = found
    return out


def overlaps(span, start, end) -> bool:
    return span[0] < end and start < span[1]


class Tally:
    """Counts for one rule or one pack."""

    def __init__(self):
        self.grammar = [0, 0]  # incorrect sentences found / all
        self.correct = [0, 0]  # correct sentences flagged / all
        self.natural = [0, 0]
        self.artificial = [0, 0]
        self.on_error = 0  # flags overlapping the real-word error
        self.off_error = 0  # flags elsewhere in real-word sentences
        self.fixed_flags = 0  # flags on the corrected real-word sentences
        self.wikinews = 0  # error+warning flags in wikinews
        self.info = 0  # info diagnostics in wikinews

    def precision(self) -> str:
        total = self.on_error + self.off_error
        return f"{self.on_error / total:.2f}" if total else "-"


def pct(pair) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--packs", type=Path, nargs="+", default=PACKS)
    parser.add_argument("--rule", help="only rules whose id contains this")
    parser.add_argument("--show", choices=["flags", "hits", "none"], default="none",
                        help="flags: print wikinews flags and flags on correct sentences; hits: also found errors")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)

    packs: dict[str, list] = {}
    for path in args.packs:
        rules = [r for r in load_pack(path) if not args.rule or args.rule in r.id]
        if rules:
            packs[rules[0].pack] = rules
    all_rules = [r for rules in packs.values() for r in rules]
    pack_of = {r.id: r.pack for r in all_rules}

    grammar = load(args.corpora / "grammar_examples_dev.jsonl")
    realword = load(args.corpora / "realword_dev.jsonl")
    articles = sorted((args.corpora / "wikinews").glob("wn_*.md"))
    if args.limit:
        grammar, realword, articles = grammar[: args.limit], realword[: args.limit], articles[: args.limit]

    tallies: dict[str, Tally] = defaultdict(Tally)  # rule id or "pack:NAME" or "all"

    def keys_for(flags: dict) -> set[str]:
        keys = set(flags)
        keys |= {"pack:" + pack_of[r] for r in flags}
        if flags:
            keys.add("all")
        return keys

    every = [*(r.id for r in all_rules), *("pack:" + p for p in packs), "all"]
    show = args.show

    # (a) grammar examples
    for row in grammar:
        flags = {r: [f for f in fs if f[2] >= Severity.WARNING] for r, fs in sentence_flags(all_rules, row["text"]).items()}
        flags = {r: fs for r, fs in flags.items() if fs}
        if row["incorrect"]:
            hit = {r for r, fs in flags.items() if any(overlaps(f, row["marker_start"], row["marker_end"]) for f in fs)}
            for key in every:
                tallies[key].grammar[1] += 1
            for key in keys_for({r: 1 for r in hit}):
                tallies[key].grammar[0] += 1
            if show == "hits" and hit:
                print(f"GRAMMAR HIT {sorted(hit)} [{row['rule_id']}] {row['text']}")
        else:
            for key in every:
                tallies[key].correct[1] += 1
            for key in keys_for(flags):
                tallies[key].correct[0] += 1
            if show != "none":
                for r, fs in flags.items():
                    for f in fs:
                        print(f"CORRECT FLAGGED {r}: {f[4]!r} [{row['rule_id']}] {row['text']}")

    # (b) real-word errors
    for row in realword:
        text, start, end, fixed = real_word_row(row)
        kind = "natural" if row["set"] == "en_natural_train" else "artificial"
        flags = {r: [f for f in fs if f[2] >= Severity.WARNING] for r, fs in sentence_flags(all_rules, text).items()}
        flags = {r: fs for r, fs in flags.items() if fs}
        hit = {r for r, fs in flags.items() if any(overlaps(f, start, end) for f in fs)}
        for key in every:
            getattr(tallies[key], kind)[1] += 1
        for key in keys_for({r: 1 for r in hit}):
            getattr(tallies[key], kind)[0] += 1
        for r, fs in flags.items():
            on = sum(overlaps(f, start, end) for f in fs)
            for key in (r, "pack:" + pack_of[r], "all"):
                tallies[key].on_error += on
                tallies[key].off_error += len(fs) - on
            if show != "none":
                for f in fs:
                    if not overlaps(f, start, end):
                        print(f"REALWORD OFF-ERROR {r}: {f[4]!r} (error {row['error']!r}) {text}")
        if show == "hits" and hit:
            print(f"REALWORD HIT {sorted(hit)} {row['error']}->{row['correction']} {text}")
        fixed_flags = {r: [f for f in fs if f[2] >= Severity.WARNING] for r, fs in sentence_flags(all_rules, fixed).items()}
        for r, fs in fixed_flags.items():
            for key in (r, "pack:" + pack_of[r], "all"):
                tallies[key].fixed_flags += len(fs)

    # (c) wikinews
    total_words = 0
    for path in articles:
        source = path.read_text(encoding="utf-8")
        total_words += words(article_body(path))
        article, _ = parse(path.name, source)
        for rule in all_rules:
            for d in rule.check(article):
                serious = d.severity >= Severity.WARNING
                for key in (rule.id, "pack:" + rule.pack, "all"):
                    if serious:
                        tallies[key].wikinews += 1
                    else:
                        tallies[key].info += 1
                if show != "none" and serious:
                    line = source[source.rfind("\n", 0, d.start) + 1: source.find("\n", d.end)]
                    i = d.start - (source.rfind("\n", 0, d.start) + 1)
                    snippet = line[max(0, i - 80): i + 80]
                    print(f"WIKINEWS {path.name} {rule.id}: {d.text!r} | ...{snippet}...")

    per_k = lambda n: f"{1000 * n / total_words:.3f}" if total_words else "-"  # noqa: E731
    print(f"\ngrammar examples: {tallies['all'].grammar[1]} incorrect, {tallies['all'].correct[1]} correct; "
          f"real-word: {tallies['all'].natural[1]} natural, {tallies['all'].artificial[1]} artificial; "
          f"wikinews: {len(articles)} articles, {total_words} words\n")
    print("| rule | grammar found | correct flagged | real-word natural | artificial | precision "
          "| off-error flags | flags on corrected | wikinews flags | /1k words | info |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")

    def line(name, t: Tally):
        print(f"| {name} | {pct(t.grammar)} | {pct(t.correct)} | {pct(t.natural)} | {pct(t.artificial)} "
              f"| {t.precision()} | {t.off_error} | {t.fixed_flags} | {t.wikinews} | {per_k(t.wikinews)} | {t.info} |")

    for pack, rules in packs.items():
        line(f"**{pack} pack** ({len(rules)} rules)", tallies["pack:" + pack])
        for rule in rules:
            line(rule.id, tallies[rule.id])
    if len(packs) > 1:
        line("**all packs**", tallies["all"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
