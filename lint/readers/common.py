"""Pieces every reader shares: non-prose masking, directives, segment finishing."""

from __future__ import annotations

import regex

from lint.article import Article, Field, ProseBuilder, Segment
from lint.text import find_quotes, split_sentences

# Text inside prose that is not prose: HTML comments and tags, URLs, e-mail
# addresses. Each is masked before checks see the text.
NON_PROSE = regex.compile(
    r"""
    <!--.*?(?:-->|$)
    | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>
    | \b(?:https?|ftp)://[^\s<>"]*[^\s<>".,;:!?)\]'”’]
    | \bwww\.[^\s<>"]*[^\s<>".,;:!?)\]'”’]
    | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b
    """,
    regex.VERSION1 | regex.VERBOSE | regex.DOTALL,
)

DIRECTIVE = regex.compile(
    r"<!--\s*newslint-(disable-next-line|disable|enable)\b(.*?)-->", regex.DOTALL
)


def add_plain(builder: ProseBuilder, article: Article, text: str, offset: int) -> None:
    """Add plain text that starts at source `offset`, masking what is not prose."""
    pos = 0
    for m in NON_PROSE.finditer(text):
        builder.add(text[pos : m.start()], offset + pos)
        builder.mask(offset + m.start(), offset + m.end())
        note_directive(article, m.group(), offset + m.start())
        pos = m.end()
    builder.add(text[pos:], offset + pos)


def note_directive(article: Article, comment: str, offset: int) -> None:
    m = DIRECTIVE.match(comment.strip())
    if m:
        names = tuple(n for n in regex.split(r"[\s,]+", m.group(2).strip()) if n)
        article.directives.append((offset, m.group(1), names))


def add_segment(article: Article, segment: Segment) -> None:
    """Split a finished segment into sentences and quotes and keep it."""
    if not segment.text.strip():
        return
    if segment.kind != "metadata":
        segment.sentences = split_sentences(segment.text)
        segment.quotes = segment.quotes or find_quotes(segment.text)
    article.segments.append(segment)


def add_field(
    article: Article, name: str, value: str, start: int, end: int, prose: ProseBuilder | None = None
) -> None:
    """Record a metadata field and make its value a segment of its own.

    `prose` maps the value to the source when it is not spelled there as is
    (a Markdown heading with emphasis, say); the title is also a prose segment.
    """
    article.fields[name] = Field(name, value, start, end)
    if prose is None:
        prose = ProseBuilder()
        if article.source[start:end] == value:
            prose.add(value, start)
        else:  # quoted or escaped in the source: map the value as a whole
            prose.add(value, start, end)
    add_segment(article, prose.build("metadata", name))
    if name == "title":
        add_segment(article, prose.build("title"))


def plain_paragraph(article: Article, text: str, offset: int, kind: str = "body") -> None:
    builder = ProseBuilder()
    add_plain(builder, article, text, offset)
    add_segment(article, builder.build(kind))
