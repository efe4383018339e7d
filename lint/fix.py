"""Applying fixes to text and writing files back without losing a byte.

Overlapping fixes are never applied together: the first (by position) wins
and the others wait for the next pass, when the text has been linted again.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lint import runner
from lint.cache import digest
from lint.diagnostic import Diagnostic, Edit, FileResult

BOM = "\ufeff".encode()
PASSES = 10  # a fix can make room for another; stop long before a loop could hurt


def fixable(diagnostics: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if d.fix and (d.fix.safe or unsafe)]


def apply(text: str, diagnostics: list[Diagnostic], unsafe: bool = False) -> tuple[str, list[Diagnostic]]:
    """`text` with the fixes of `diagnostics` applied, and the diagnostics whose fixes were."""
    chosen: list[Diagnostic] = []
    taken: list[Edit] = []
    for diag in sorted(fixable(diagnostics, unsafe), key=lambda d: min(e.start for e in d.fix.edits)):
        edits = diag.fix.edits
        if any(_clash(e, t) for e in edits for t in taken) or any(
            _clash(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        ):
            continue
        chosen.append(diag)
        taken.extend(edits)
    out = text
    for edit in sorted(taken, key=lambda e: e.start, reverse=True):
        out = out[: edit.start] + edit.text + out[edit.end :]
    return out, chosen


def _clash(a: Edit, b: Edit) -> bool:
    """Edits overlap, or insert at the same point (their order would be a guess)."""
    return a.start < b.end and b.start < a.end or a.start == b.start


def encode(text: str, original: bytes) -> bytes:
    """Text back to bytes the way the original was stored (UTF-8, BOM kept)."""
    data = text.encode("utf-8")
    return BOM + data if original.startswith(BOM) else data


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file's content in one step, keeping its permissions."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                             fromfile=f"a/{path}", tofile=f"b/{path}")
    )


@dataclass
class Outcome:
    results: list[FileResult]
    fixed: int = 0  # fixes applied
    files: int = 0  # files changed
    diff: str = ""
    problems: list[str] = field(default_factory=list)


def fix_text(path: str, text: str, diagnostics: list[Diagnostic], options, unsafe: bool):
    """Apply fixes pass after pass, linting again in between, until none apply.

    Returns the fixed text, the number of fixes and the diagnostics of the final text.
    """
    cfg = runner.config_for(Path(path), options)
    count = 0
    for _ in range(PASSES):
        new, used = apply(text, diagnostics, unsafe)
        if not used:
            break
        count += len(used)
        text = new
        diagnostics = runner.lint_text(path, text, cfg, options)
    return text, count, diagnostics


def fix_results(results: list[FileResult], options, unsafe: bool, write: bool) -> Outcome:
    """Fix every file that has fixable diagnostics; with `write` false, only make the diff."""
    outcome = Outcome([])
    for result in results:
        if result.text is None or not fixable(result.diagnostics, unsafe):
            outcome.results.append(result)
            continue
        text, count, diagnostics = fix_text(result.path, result.text, result.diagnostics, options, unsafe)
        outcome.diff += unified_diff(result.path, result.text, text)
        if write:
            path = Path(result.path)
            try:
                original = path.read_bytes()
                if digest(original) != result.digest:
                    outcome.problems.append(f"{result.path}: changed on disk since it was read; left alone")
                    outcome.results.append(result)
                    continue
                write_atomic(path, encode(text, original))
            except OSError as exc:
                outcome.problems.append(f"{result.path}: cannot write fixes: {exc.strerror or exc}")
                outcome.results.append(result)
                continue
        outcome.fixed += count
        outcome.files += 1
        outcome.results.append(FileResult(result.path, text, diagnostics, result.digest))
    return outcome
