"""What several output formats need: counts, positions, rule metadata, levels."""

from __future__ import annotations

from typing import Iterator

from lint.article import LineIndex
from lint.checks.base import Rule
from lint.diagnostic import Diagnostic, Edit, FileResult, Severity

TOOL = "newslint"
# No public home page exists yet; change this in one place when it does.
HOME = "https://github.com/newslint/newslint"

# SARIF has no "info"; "note" is its lowest level that still shows up.
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def lines_of(result: FileResult) -> LineIndex | None:
    return LineIndex(result.text) if result.text is not None else None


def each(results: list[FileResult]) -> Iterator[tuple[FileResult, LineIndex | None, Diagnostic]]:
    """Every diagnostic with its file and that file's line index (built once per file)."""
    for result in results:
        if result.diagnostics:
            lines = lines_of(result)
            for diag in result.diagnostics:
                yield result, lines, diag


def counts(results: list[FileResult]) -> dict[str, int]:
    summary = {"files": len(results), "files_with_diagnostics": 0}
    summary.update({str(s): 0 for s in reversed(Severity)})
    for result in results:
        summary["files_with_diagnostics"] += bool(result.diagnostics)
        for diag in result.diagnostics:
            summary[str(diag.severity)] += 1
    return summary


def edit_range(lines: LineIndex, edit: Edit) -> tuple[int, int, int, int]:
    """(line, column, end line, end column) of an edit, 1-based, end exclusive."""
    return lines.position(edit.start) + lines.position(edit.end)


def line_text(lines: LineIndex | None, line: int) -> str:
    if lines is None or not 1 <= line <= len(lines.starts):
        return ""
    return lines.line_text(line)


def summary_line(rules: dict[str, Rule], diag: Diagnostic) -> str:
    """First line of a rule's description; unknown rules have none.

    Not the message: that is a template with {placeholders}, not a summary.
    """
    rule = rules.get(diag.rule)
    text = rule.description.strip() if rule else ""
    return text.splitlines()[0] if text else ""


def used_rules(results: list[FileResult]) -> dict[str, Diagnostic]:
    """First diagnostic of every rule that fired, by rule id, in id order."""
    first: dict[str, Diagnostic] = {}
    for result in results:
        for diag in result.diagnostics:
            first.setdefault(diag.rule, diag)
    return dict(sorted(first.items()))
