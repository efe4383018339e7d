"""The parsed form of one file: metadata fields and prose segments.

Every piece of prose keeps a map back to character offsets of the file, so a
check can work on clean text and still point at the right line and column.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic, Fix, Severity
from lint.literals import Words

# Stands in for text that is not prose (code, URLs, HTML) so that words on
# either side never run together and no check matches inside it.
MASK = "\ufffc"


class LineIndex:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        i = text.find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = text.find("\n", i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


@dataclass
class Chunk:
    """Prose text[prose_start:prose_end] came from source[src_start:src_end].

    Equal lengths map character by character; otherwise (escapes, entities,
    masks, line breaks) the chunk maps as a whole.
    """

    prose_start: int
    prose_end: int
    src_start: int
    src_end: int


class ProseBuilder:
    """Collects prose text piece by piece, remembering where each came from."""

    def __init__(self):
        self.parts: list[str] = []
        self.chunks: list[Chunk] = []
        self.length = 0

    def add(self, text: str, src_start: int, src_end: int | None = None) -> None:
        if not text:
            return
        src_end = src_start + len(text) if src_end is None else src_end
        self.chunks.append(Chunk(self.length, self.length + len(text), src_start, src_end))
        self.parts.append(text)
        self.length += len(text)

    def mask(self, src_start: int, src_end: int) -> None:
        if self.parts and self.parts[-1] == MASK:
            self.chunks[-1].src_end = src_end
            return
        self.add(MASK, src_start, src_end)

    def build(self, kind: str, name: str = "") -> "Segment":
        return Segment(kind, "".join(self.parts), self.chunks, name=name)


@dataclass
class Segment:
    """A run of prose: the title, a heading, a paragraph or a metadata value.

    `kind` is one of title, heading, body, table or metadata; `name` holds the
    metadata field name. Sentences and quotes are (start, end) spans of `text`.
    """

    kind: str
    text: str
    chunks: list[Chunk]
    name: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        self._starts = [c.prose_start for c in self.chunks]

    @cached_property
    def words(self) -> Words:
        """The text for the quick test of lint/literals.py."""
        return Words.of(self.text)

    def _chunk(self, i: int) -> Chunk:
        return self.chunks[max(bisect.bisect_right(self._starts, i) - 1, 0)]

    def source_start(self, i: int) -> int:
        if not self.chunks:
            return 0
        c = self._chunk(i)
        if i >= c.prose_end:
            return c.src_end
        if c.prose_end - c.prose_start == c.src_end - c.src_start:
            return c.src_start + i - c.prose_start
        return c.src_start

    def source_end(self, i: int) -> int:
        """Source offset just after prose character i-1 (for exclusive ends)."""
        if i <= 0 or not self.chunks:
            return self.source_start(0)
        c = self._chunk(i - 1)
        if c.prose_end - c.prose_start == c.src_end - c.src_start:
            return c.src_start + i - c.prose_start
        return c.src_end

    def in_quote(self, start: int, end: int) -> bool:
        return any(qs <= start and end <= qe for qs, qe in self.quotes)

    def scope_of(self, start: int, end: int) -> str:
        if self.kind == "metadata":
            return "metadata." + self.name
        return "quote" if self.in_quote(start, end) else self.kind


@dataclass
class Field:
    """A metadata value and where it sits in the file (end exclusive)."""

    name: str
    value: str
    start: int
    end: int


@dataclass
class Article:
    path: str
    source: str
    format: str  # wire, markdown or text
    fields: dict[str, Field] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)
    # Rules switched off for the whole file, from front matter.
    disabled: list[str] = field(default_factory=list)
    # Inline comments: (source offset, directive, rule names).
    directives: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)

    def __post_init__(self):
        self.lines = LineIndex(self.source)

    @cached_property
    def words(self) -> Words:
        """All segment text for the quick test of lint/literals.py: a rule whose pattern
        needs a string that is not in here skips the article. Read once the article is built."""
        return Words.joined([seg.words for seg in self.segments])

    def diagnostic(
        self,
        start: int,
        end: int,
        *,
        rule: str,
        category: str,
        severity: Severity,
        message: str,
        suggestions: tuple[str, ...] = (),
        fix: Fix | None = None,
    ) -> Diagnostic:
        """A diagnostic for source[start:end]."""
        line, col = self.lines.position(start)
        end_line, end_col = self.lines.position(end)
        return Diagnostic(
            path=self.path,
            start=start,
            end=end,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            rule=rule,
            category=category,
            severity=severity,
            message=message,
            text=self.source[start:end],
            suggestions=tuple(suggestions),
            fix=fix,
            context=self.sentence_at(start),
        )

    def sentence_at(self, offset: int) -> str:
        """The source text of the sentence around an offset, else of its line."""
        for seg in self.segments:
            for s, e in seg.sentences:
                start, end = seg.source_start(s), seg.source_end(e)
                if start <= offset < end:
                    return self.source[start:end]
        line, _ = self.lines.position(offset)
        return self.lines.line_text(line) if self.source else ""

    @property
    def title(self) -> Segment | None:
        return next((s for s in self.segments if s.kind == "title"), None)

    def prose(self) -> list[Segment]:
        return [s for s in self.segments if s.kind != "metadata"]
