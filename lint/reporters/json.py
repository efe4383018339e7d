"""Machine-readable JSON: one object with every diagnostic and a summary."""

from __future__ import annotations

import json
from typing import TextIO

from lint import __version__
from lint.article import LineIndex
from lint.checks.base import Rule
from lint.diagnostic import Diagnostic, FileResult
from lint.reporters.common import TOOL, counts, each, edit_range

# Bump when a key changes meaning or goes away; adding keys does not need it.
VERSION = 1


def write(results: list[FileResult], rules: dict[str, Rule], out: TextIO, *,
          color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
    document = {
        "version": VERSION,
        "tool": {"name": TOOL, "version": __version__},
        "diagnostics": [record(lines, diag) for _, lines, diag in each(results)],
        "summary": counts(results),
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")


def record(lines: LineIndex | None, diag: Diagnostic) -> dict:
    return {
        "path": diag.path,
        "line": diag.line,
        "column": diag.column,
        "end_line": diag.end_line,
        "end_column": diag.end_column,
        "rule": diag.rule,
        "category": diag.category,
        "severity": str(diag.severity),
        "message": diag.message,
        "text": diag.text,
        "suggestions": list(diag.suggestions),
        "fix": fix(lines, diag),
    }


def fix(lines: LineIndex | None, diag: Diagnostic) -> dict | None:
    # Edit offsets mean nothing without the file's text to place them in.
    if diag.fix is None or lines is None:
        return None
    edits = []
    for edit in diag.fix.edits:
        line, column, end_line, end_column = edit_range(lines, edit)
        edits.append({
            "start": {"line": line, "column": column},
            "end": {"line": end_line, "column": end_column},
            "text": edit.text,
        })
    return {"safe": diag.fix.safe, "edits": edits}
