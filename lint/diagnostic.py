"""The one record every check produces and every reporter consumes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


SEVERITY_NAMES = tuple(str(s) for s in Severity)

# "input" is for files the reader could not turn into an article.
CATEGORIES = ("spelling", "grammar", "style", "metadata", "sourcing", "consistency", "input")


@dataclass(frozen=True)
class Edit:
    """Replace source[start:end] (character offsets) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Diagnostic:
    path: str
    start: int  # character offsets into the decoded file, end exclusive
    end: int
    line: int  # 1-based; columns count characters, end_column is exclusive
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: Severity
    message: str
    text: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # The sentence (or line) around the flagged text: what a baseline remembers
    # instead of line numbers, which change whenever text above moves.
    context: str = ""

    def sort_key(self):
        return (self.path, self.start, self.end, self.rule)


@dataclass
class FileResult:
    """What one file produced; `text` is its decoded content when it could be read,
    `digest` the hash of the bytes it was read from (to notice later changes)."""

    path: str
    text: str | None
    diagnostics: list[Diagnostic]
    digest: str = ""
