"""GitHub Actions workflow commands, which the runner turns into annotations."""

from __future__ import annotations

from typing import TextIO

from lint.checks.base import Rule
from lint.diagnostic import Diagnostic, FileResult
from lint.reporters.common import GITHUB_COMMANDS


def write(results: list[FileResult], rules: dict[str, Rule], out: TextIO, *,
          color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
    for result in results:
        for diag in result.diagnostics:
            out.write(command(diag) + "\n")


def command(diag: Diagnostic) -> str:
    # GitHub rejects columns on an annotation that spans several lines.
    one_line = diag.end_line == diag.line
    props = {
        "file": diag.path,
        "line": diag.line,
        "col": diag.column if one_line else None,
        "endLine": diag.end_line,
        "endColumn": diag.end_column if one_line else None,
        "title": diag.rule,
    }
    listed = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in props.items() if value is not None
    )
    return f"::{GITHUB_COMMANDS[diag.severity]} {listed}::{escape_data(diag.message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
