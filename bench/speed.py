"""How fast newslint is, next to Harper alone and proselint, on the same files in one run.

    .venv/bin/python bench/speed.py [--copies N] [--corpus DIR] [--jobs N] [--skip NAMES] [--pause S]

The corpus (default ../shared/corpora/wikinews, every *.md but its README) is
copied N times into a temporary folder, so that a large archive can be measured
from a small corpus. On that folder, each run is one child process timed from
start to exit, so interpreter start-up and imports count for every tool:

- default      newslint check DIR --format json --fail-on never -j JOBS
- no-grammar   the same with --grammar none
- harper       harper-py alone: one Linter, every body paragraph linted as plain text
- proselint    proselint's Python API over the same files, in one process
- cache        newslint default profile twice with the result cache on; the second
               run's time and its ratio to the first
- one-article  newslint check ONE_FILE (the pre-commit case), for 9 articles of
               different lengths: the median, the slowest, how many took a second or more

Peak memory is the largest resident set of any single process in the run
(os.wait4 reports it per child, including the workers it waited for).
Absolute times are noisy on shared machines, so the table also gives each time
as a multiple of Harper alone measured in the same run; compare those.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews"
RUNS = ("default", "no-grammar", "harper", "proselint", "cache", "one-article")
ONE_ARTICLE_SAMPLE = 9
# Shared virtual machines slow down under sustained load: right after the minutes of
# the heavy runs, the nine one-article runs took 1.1 s where they take 0.9 s on a
# rested machine. Every run after the first starts after this rest, so that none
# inherits the load of the one before.
PAUSE = 20.0

# Wire-format header lines: the "# headline" and the "Label: value" lines above the body.
_HEADER_LINE = re.compile(r"^(#\s|(Published at|Author|Original)\s*:)", re.I)


def body_paragraphs(text: str) -> list[str]:
    """The body paragraphs of a wire article: one a line, after the header."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = 0
    while start < len(lines) and _HEADER_LINE.match(lines[start]):
        start += 1
    return lines[start:]


# The competitors run as `python -c SCRIPT BENCH_DIR ARCHIVE`, so their imports and
# set-up are timed like newslint's start-up. Each prints how many findings it made.
HARPER_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import harper
from speed import body_paragraphs
linter = harper.Linter()
found = 0
for path in sorted(Path(sys.argv[2]).rglob("*.md")):
    for paragraph in body_paragraphs(path.read_text(encoding="utf-8")):
        found += len(linter.lint(paragraph, language=harper.Language.PLAINTEXT))
print(found)
"""

PROSELINT_SCRIPT = """
import sys
from pathlib import Path
try:  # 0.16 and later: checks are registered, then each LintFile is linted
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile
    CheckRegistry().register_many(__register__)
    def lint(path):
        return LintFile(path).lint()
except ImportError:  # 0.14 and 0.15: tools.lint takes the text
    from proselint.tools import lint as lint_text
    def lint(path):
        return lint_text(path.read_text(encoding="utf-8"))
print(sum(len(lint(path)) for path in sorted(Path(sys.argv[2]).rglob("*.md"))))
"""


@dataclass
class Result:
    name: str
    seconds: float | None = None  # None: not measured (skipped, failed, not available)
    words: int = 0
    files: int = 0
    rss_mb: float | None = None
    findings: int | None = None
    note: str = ""


# ---------------------------------------------------------------- corpus


def articles(corpus: Path) -> list[Path]:
    # The README describes the corpus; it is not an article.
    files = sorted(p for p in corpus.glob("*.md") if p.name.lower() != "readme.md")
    if not files:
        sys.exit(f"no articles (*.md) in {corpus}")
    return files


def word_count(path: Path) -> int:
    """Body words split on whitespace, as the wikinews README counts them."""
    return sum(len(p.split()) for p in body_paragraphs(path.read_text(encoding="utf-8")))


def build_archive(files: list[Path], copies: int, dest: Path) -> Path:
    """Copy the corpus `copies` times, one sub-folder per copy, so every tool walks
    the same large tree (and no result can be reused between copies: paths differ)."""
    archive = dest / "archive"
    for n in range(copies):
        folder = archive / f"copy_{n + 1:03d}"
        folder.mkdir(parents=True)
        for path in files:
            shutil.copy2(path, folder / path.name)
    return archive


def sample_articles(files: list[Path], n: int) -> list[Path]:
    """`n` articles spread evenly over the corpus's range of lengths: commits touch
    articles of every length, and what one article costs depends on its words too
    (Harper builds its spelling-suggestion index the first time a word calls for it)."""
    by_length = sorted(files, key=word_count)
    n = min(n, len(by_length))
    return [by_length[round(i * (len(by_length) - 1) / max(1, n - 1))] for i in range(n)]


# ---------------------------------------------------------------- running


@dataclass
class Run:
    seconds: float
    rss_mb: float
    exit_code: int
    stdout: str
    stderr: str


def run(cmd: list[str], cwd: Path) -> Run:
    """Run `cmd` to completion; wall time from start to exit and its peak RSS.

    os.wait4 gives the rusage of this one child (and of the workers it waited
    for), unlike RUSAGE_CHILDREN, which keeps the maximum over every earlier child.
    Output goes to files, not pipes, so a large JSON report cannot block the child.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, out.read(), err.read())


def failure(run_: Run) -> str:
    last = (run_.stderr.strip().splitlines() or ["no message"])[-1]
    return f"failed (exit {run_.exit_code}): {last[:120]}"


def newslint_command() -> list[str]:
    # The console script next to this interpreter is what users run; `-m lint` if absent.
    script = Path(sys.executable).parent / "newslint"
    return [str(script), "check"] if script.exists() else [sys.executable, "-m", "lint", "check"]


def newslint_flags() -> str:
    """`newslint check --help`: which flags this version has (the cache is new)."""
    return subprocess.run(newslint_command() + ["--help"], capture_output=True, text=True).stdout


class Bench:
    def __init__(self, archive: Path, words: int, files: int, jobs: int, work: Path):
        self.archive, self.words, self.files, self.jobs, self.work = archive, words, files, jobs, work
        help_text = newslint_flags()
        self.has_no_cache = "--no-cache" in help_text
        self.has_cache_dir = "--cache-dir" in help_text

    def fresh_dir(self, prefix: str) -> Path:
        # Each newslint run starts in an empty folder, so a cache kept in the working
        # folder (or found by looking upwards from it) cannot leak between runs.
        return Path(tempfile.mkdtemp(prefix=prefix, dir=self.work))

    def newslint(self, name: str, extra: list[str], cache: bool = False, cwd: Path | None = None) -> Result:
        cmd = newslint_command() + [str(self.archive), "--format", "json", "--fail-on", "never",
                                    "-j", str(self.jobs)] + extra
        if self.has_no_cache and not cache:
            cmd.append("--no-cache")
        done = run(cmd, cwd or self.fresh_dir("cwd-"))
        result = Result(name, words=self.words, files=self.files, rss_mb=done.rss_mb)
        if done.exit_code != 0:
            result.note = failure(done)
            return result
        result.seconds = done.seconds
        try:
            result.findings = len(json.loads(done.stdout)["diagnostics"])
        except (ValueError, KeyError, TypeError):
            result.note = "report is not the expected JSON"
        return result

    def script(self, name: str, source: str) -> Result:
        done = run([sys.executable, "-c", source, str(Path(__file__).parent), str(self.archive)], self.work)
        result = Result(name, words=self.words, files=self.files, rss_mb=done.rss_mb)
        if done.exit_code != 0:
            result.note = failure(done)
        else:
            result.seconds, result.findings = done.seconds, int(done.stdout.split()[-1])
        return result

    # ---- the runs, in the order of the table

    def default(self) -> list[Result]:
        return [self.newslint("newslint default", [])]

    def no_grammar(self) -> list[Result]:
        return [self.newslint("newslint --grammar none", ["--grammar", "none"])]

    def harper(self) -> list[Result]:
        if find_spec("harper") is None:
            return [Result("Harper alone", note="harper-py is not installed")]
        return [self.script("Harper alone", HARPER_SCRIPT)]

    def proselint(self) -> list[Result]:
        if find_spec("proselint") is None:
            return [Result("proselint", note="proselint is not installed: pip install -e '.[bench]'")]
        return [self.script("proselint", PROSELINT_SCRIPT)]

    def cache(self) -> list[Result]:
        if not self.has_no_cache:
            return [Result("newslint cached re-run", note="no --no-cache flag: this newslint has no result cache yet")]
        cwd = self.fresh_dir("cache-")
        extra = ["--cache-dir", str(cwd / "cache")] if self.has_cache_dir else []
        first = self.newslint("newslint cache: 1st run (fills)", extra, cache=True, cwd=cwd)
        second = self.newslint("newslint cache: 2nd run", extra, cache=True, cwd=cwd)
        if first.seconds and second.seconds:
            second.note = f"{second.seconds / first.seconds:.3f} of the 1st run"
        if first.findings != second.findings:
            # Same files, same flags: a different count means the rules or code changed
            # between the two runs (which also empties the cache) or a stale entry was served.
            second.note += f"; findings differ from the 1st run ({first.findings}): rules changed meanwhile?"
        return [first, second]

    def one_article(self, articles: list[Path]) -> list[Result]:
        runs = []
        for article in articles:
            cmd = newslint_command() + [str(article)] + (["--no-cache"] if self.has_no_cache else [])
            runs.append(run(cmd, self.fresh_dir("one-")))
        # Exit 1 only means the article has errors; anything else is a crash.
        bad = [r for r in runs if r.exit_code not in (0, 1)]
        words = statistics.median(map(word_count, articles))
        result = Result("newslint one article", words=int(words), files=1, rss_mb=max(r.rss_mb for r in runs))
        if bad:
            result.note = failure(bad[0])
            return [result]
        times = sorted(r.seconds for r in runs)
        result.seconds = statistics.median(times)
        over = sum(t >= 1.0 for t in times)
        result.note = (f"median of {len(runs)} articles of different lengths; fastest {times[0]:.2f} s, "
                       f"slowest {times[-1]:.2f} s, {over} of {len(runs)} took a second or more")
        return [result]


# ---------------------------------------------------------------- report


def find(results: list[Result], prefix: str) -> Result | None:
    return next((r for r in results if r.name.startswith(prefix)), None)


def table(results: list[Result], harper: Result | None) -> str:
    base = harper.seconds if harper and harper.seconds else None
    rows = ["| run | files | words | time (s) | words/s | × Harper alone | peak RSS (MB) | findings | note |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        if r.seconds is None:
            cells = [r.name, "", "", "–", "–", "–", "–", "–", r.note]
        else:
            # "× Harper alone" compares the same files; the one-article row is its own case.
            ratio = f"{r.seconds / base:.2f}" if base and r.files == harper.files else "–"
            cells = [r.name, str(r.files), f"{r.words:,}", f"{r.seconds:.2f}", f"{r.words / r.seconds:,.0f}",
                     ratio, f"{r.rss_mb:.0f}", "–" if r.findings is None else f"{r.findings:,}", r.note]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def target(label: str, met: bool | None, detail: str) -> str:
    mark = "not measured" if met is None else ("met" if met else "NOT met")
    return f"| {label} | {detail} | {mark} |"


def targets(results: list[Result], jobs: int) -> str:
    def seconds(prefix):
        r = find(results, prefix)
        return r.seconds if r else None

    default, harper = seconds("newslint default"), seconds("Harper alone")
    bare, prose = seconds("newslint --grammar none"), seconds("proselint")
    one = seconds("newslint one article")
    first, second = seconds("newslint cache: 1st"), seconds("newslint cache: 2nd")
    both = lambda a, b: a is not None and b is not None  # noqa: E731
    rows = ["| target | measured | |", "|---|---|---|"]
    # The default-profile target is stated for 2 cores; say so when run with another count.
    on = f"-j {jobs}" + ("" if jobs == 2 else ", target is for -j 2")
    rows.append(target("default profile no slower than Harper alone (2 cores)",
                       default <= harper if both(default, harper) else None,
                       f"{default / harper:.2f} × Harper ({on})" if both(default, harper) else "–"))
    rows.append(target("no-grammar profile at least as fast as proselint",
                       bare <= prose if both(bare, prose) else None,
                       f"{bare / prose:.2f} × proselint" if both(bare, prose) else "–"))
    rows.append(target("one article under 1 s", one < 1.0 if one is not None else None,
                       f"{one:.2f} s" if one is not None else "–"))
    rows.append(target("cached re-run under 1/10 of the first run",
                       second < first / 10 if both(first, second) else None,
                       f"{second / first:.3f} of the 1st run" if both(first, second) else "–"))
    return "\n".join(rows)


# ---------------------------------------------------------------- main


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="copies of the corpus in the archive (default 1)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of *.md articles")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="newslint -j (default: cores)")
    parser.add_argument("--skip", default="", help=f"comma-separated runs to leave out: {','.join(RUNS)}")
    parser.add_argument("--pause", type=float, default=PAUSE,
                        help=f"seconds of rest before each run after the first (default {PAUSE:g})")
    args = parser.parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if unknown := args.skip - set(RUNS):
        parser.error(f"unknown --skip {','.join(sorted(unknown))}; choose from {','.join(RUNS)}")
    if args.copies < 1 or args.jobs < 1:
        parser.error("--copies and --jobs must be at least 1")
    if args.pause < 0:
        parser.error("--pause must not be negative")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    files = articles(args.corpus)
    words = sum(map(word_count, files)) * args.copies
    with tempfile.TemporaryDirectory(prefix="newslint-speed-") as tmp:
        work = Path(tmp)
        archive = build_archive(files, args.copies, work)
        bench = Bench(archive, words, len(files) * args.copies, args.jobs, work)
        plan = {"default": bench.default, "no-grammar": bench.no_grammar, "harper": bench.harper,
                "proselint": bench.proselint, "cache": bench.cache,
                "one-article": lambda: bench.one_article(sample_articles(files, ONE_ARTICLE_SAMPLE))}
        results = []
        for i, name in enumerate(n for n in RUNS if n not in args.skip):
            if i:
                time.sleep(args.pause)
            print(f"running {name} …", end=" ", file=sys.stderr, flush=True)
            start = time.perf_counter()
            results += plan[name]()
            print(f"{time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    print(f"\n{len(files)} articles × {args.copies} copies from {args.corpus}, "
          f"{words:,} body words; newslint -j {args.jobs} on {os.cpu_count()} cores; "
          f"result cache flag: {'--no-cache' if bench.has_no_cache else 'none'}\n")
    print(table(results, find(results, "Harper alone")))
    print()
    print(targets(results, args.jobs))


if __name__ == "__main__":
    main()
