"""The human-readable format: location, source line, caret underline, help."""

from __future__ import annotations

from typing import Callable, TextIO

from lint.article import LineIndex
from lint.checks.base import Rule
from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.reporters.common import counts, each, line_text, summary_line

# Wire copy puts a whole paragraph on one line; this much of it is shown.
WIDTH = 100
SNAP = 15
TAB = 4
COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "34"}
BOLD = "1"

Paint = Callable[[str, str], str]


def plain(code: str, text: str) -> str:
    return text


def ansi(code: str, text: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"


def write(results: list[FileResult], rules: dict[str, Rule], out: TextIO, *,
          color: bool = False, statistics: bool = False, quiet: bool = False) -> None:
    paint = ansi if color else plain
    for _, lines, diag in each(results):
        if quiet:
            out.write(header(diag, paint) + "\n")
        else:
            out.write("\n".join(block(lines, diag, paint)) + "\n\n")
    if quiet:
        return
    if statistics:
        out.writelines(row + "\n" for row in table(results, rules))
    out.write(summary(counts(results)) + "\n")


def header(diag: Diagnostic, paint: Paint = plain) -> str:
    where = paint(BOLD, f"{diag.path}:{diag.line}:{diag.column}:")
    what = paint(COLORS[diag.severity], f"{diag.severity}[{diag.rule}]")
    return f"{where} {what} {diag.message}"


def block(lines: LineIndex | None, diag: Diagnostic, paint: Paint = plain) -> list[str]:
    """Everything shown for one diagnostic, one string per output line."""
    rows = [header(diag, paint)]
    margin = " " * (len(str(diag.line)) + 2)
    if lines is not None and diag.line <= len(lines.starts):
        source, pad, width = underline(line_text(lines, diag.line), diag)
        rows.append(f"  {diag.line} | {source}".rstrip())
        rows.append(f"{margin} | {' ' * pad}{paint(COLORS[diag.severity], '^' * width)}")
    if diag.suggestions:
        rows.append(f"{margin} = help: did you mean {either(diag.suggestions)}?")
    return rows


def underline(source: str, diag: Diagnostic) -> tuple[str, int, int]:
    """The line as shown, and where (in display columns) the carets start and how many."""
    start = diag.column - 1
    # A span that runs on past its first line is underlined to that line's end.
    end = diag.end_column - 1 if diag.end_line == diag.line else len(source)
    shown, start, end = window(source, start, end)
    pad = len(shown[:start].expandtabs(TAB))
    width = len(shown[:end].expandtabs(TAB)) - pad
    return shown.expandtabs(TAB), pad, max(width, 1)


def window(source: str, start: int, end: int) -> tuple[str, int, int]:
    """About WIDTH characters of `source` around [start, end), with the span moved to match."""
    if len(source) <= WIDTH:
        return source, start, end
    room = max(WIDTH - (end - start), 0)
    left = max(0, min(start - room // 2, len(source) - WIDTH))
    right = min(len(source), left + WIDTH)
    # Cut between words when a space is near, so the ends read as whole words.
    space = source.find(" ", left, min(start, left + SNAP)) if left else -1
    left = space + 1 if space != -1 else left
    space = source.rfind(" ", max(end, right - SNAP), right) if right < len(source) else -1
    right = space if space != -1 else right
    head = "…" if left else ""
    tail = "…" if right < len(source) else ""
    shift = len(head) - left
    return head + source[left:right] + tail, start + shift, min(end, right) + shift


def either(options: tuple[str, ...]) -> str:
    quoted = [f'"{option}"' for option in options]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def table(results: list[FileResult], rules: dict[str, Rule]) -> list[str]:
    """Counts per rule, most frequent first."""
    seen: dict[str, list] = {}
    for result in results:
        for diag in result.diagnostics:
            row = seen.setdefault(diag.rule, [0, diag.severity, summary_line(rules, diag)])
            row[0] += 1
            row[1] = max(row[1], diag.severity)
    ordered = sorted(seen.items(), key=lambda item: (-item[1][0], item[0]))
    if not ordered:
        return []
    wide = [max(len(str(c)) for _, (c, _, _) in ordered), max(len(r) for r, _ in ordered)]
    return [
        f"{count:>{wide[0]}}  {rule:<{wide[1]}}  {str(severity):<7}  {about}".rstrip()
        for rule, (count, severity, about) in ordered
    ] + [""]


def summary(numbers: dict[str, int]) -> str:
    files = plural(numbers["files"], "file")
    kinds = [("error", "errors"), ("warning", "warnings"), ("info", "info")]
    found = [f"{numbers[one]} {one if numbers[one] == 1 else many}"
             for one, many in kinds if numbers[one]]
    if not found:
        return f"No problems found in {files}."
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
    return f"Found {listed} in {numbers['files_with_diagnostics']} of {files}."


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
