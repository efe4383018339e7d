"""Markdown, with or without YAML front matter, through markdown-it-py.

Only inline text of paragraphs, headings and table cells becomes prose; code,
HTML, link targets and images are masked, so no check ever sees them.
"""

from __future__ import annotations

from functools import lru_cache

import regex
import yaml
from markdown_it import MarkdownIt

from lint.article import Article, ProseBuilder
from lint.readers.common import add_field, add_plain, add_segment, note_directive

_FRONT = regex.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.M | regex.S)


class FrontMatterError(Exception):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.offset = offset


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Without text_join, escapes and entities stay separate tokens that carry
    # their source spelling, which keeps the offset map exact.
    return MarkdownIt("commonmark").enable("table").disable("text_join")


def read(article: Article, keys: dict[str, tuple[str, ...]]) -> None:
    body_start = 0
    m = _FRONT.match(article.source)
    error = None
    if m:
        body_start = m.end()
        try:
            _read_front_matter(article, m.group(1), m.start(1), keys)
        except FrontMatterError as exc:
            error = exc
    _read_body(article, body_start)
    if error:
        raise error


def _read_front_matter(article, text: str, offset: int, keys) -> None:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        # Every value as the string it is written as: an impossible date such as
        # 2019-02-30 is the metadata checks' to report, not a reason to fail here.
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = offset + (mark.index if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", where) from None
    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("front matter must be a mapping of keys to values", offset)
    by_key = {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    for name, accepted in keys.items():
        key = next((k for k in accepted if k in by_key), None)
        if key is None:
            continue
        value = by_key[key]
        start, end = offset + value.start_mark.index, offset + value.end_mark.index
        if isinstance(value, yaml.ScalarNode):
            if value.style in ('"', "'"):
                start, end = start + 1, end - 1
            add_field(article, name, value.value, start, end)
        elif isinstance(value, yaml.SequenceNode):
            items = [v.value for v in value.value if isinstance(v, yaml.ScalarNode)]
            add_field(article, name, ", ".join(items), start, end)
    settings = data.get("newslint") if isinstance(data, dict) else None
    if isinstance(settings, dict):
        disabled = settings.get("disable") or []
        article.disabled.extend(str(x) for x in (disabled if isinstance(disabled, list) else [disabled]))


def _read_body(article: Article, body_start: int) -> None:
    source = article.source
    body = source[body_start:]
    line_starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]
    tokens = _parser().parse(body)
    heading = None
    quote_depth = 0
    in_table = False
    for tok in tokens:
        if tok.type in ("blockquote_open", "blockquote_close"):
            quote_depth += 1 if tok.type == "blockquote_open" else -1
        elif tok.type in ("table_open", "table_close"):
            in_table = tok.type == "table_open"
        elif tok.type == "heading_open":
            heading = tok.tag
        elif tok.type == "heading_close":
            heading = None
        elif tok.type == "html_block":
            start = body_start + line_starts[tok.map[0]]
            note_directive(article, tok.content, start)
        elif tok.type == "inline" and tok.map:
            kind = "table" if in_table else "body"
            if heading:
                kind = "title" if heading == "h1" and "title" not in article.fields else "heading"
            start = body_start + line_starts[tok.map[0]]
            end = body_start + (line_starts[tok.map[1]] if tok.map[1] < len(line_starts) else len(body))
            prose = _inline(article, tok.children or [], start, end)
            segment = prose.build(kind)
            if kind == "title":
                first, last = segment.source_start(0), segment.source_end(len(segment.text))
                add_field(article, "title", segment.text, first, last, prose)
                continue
            if quote_depth:
                segment.quotes = [(0, len(segment.text))]
            add_segment(article, segment)


def _inline(article: Article, children, start: int, end: int) -> ProseBuilder:
    """Rebuild the prose of one inline token, locating each child in the source."""
    source = article.source
    builder = ProseBuilder()
    cursor = start
    skip_depth = 0  # inside an image or autolink: masked
    for child in children:
        kind = child.type
        if kind in ("text", "text_special"):
            spelled = child.markup if kind == "text_special" else child.content
            at = source.find(spelled, cursor, end)
            if at < 0:
                continue
            if skip_depth:
                builder.mask(at, at + len(spelled))
            elif kind == "text_special":
                builder.add(child.content, at, at + len(spelled))
            else:
                add_plain(builder, article, child.content, at)
            cursor = at + len(spelled)
        elif kind in ("softbreak", "hardbreak"):
            at = source.find("\n", cursor, end)
            if at >= 0:
                builder.add("\n", at)
                cursor = at + 1
        elif kind == "code_inline":
            at = source.find(child.markup, cursor, end)
            close = source.find(child.markup, at + len(child.markup), end) if at >= 0 else -1
            if close >= 0:
                builder.mask(at, close + len(child.markup))
                cursor = close + len(child.markup)
        elif kind == "html_inline":
            at = source.find(child.content, cursor, end)
            if at >= 0:
                builder.mask(at, at + len(child.content))
                note_directive(article, child.content, at)
                cursor = at + len(child.content)
        elif kind == "image":
            at = source.find("![", cursor, end)
            close = _link_end(source, at + 1, end) if at >= 0 else -1
            if close >= 0:
                builder.mask(at, close)
                cursor = close
        elif kind == "link_open" and child.markup == "autolink":
            skip_depth += 1
        elif kind == "link_close" and skip_depth:
            skip_depth -= 1
            at = source.find(">", cursor, end)
            if at >= 0:
                builder.mask(cursor, at + 1)
                cursor = at + 1
        elif kind == "link_close":
            close = _link_end(source, cursor, end)
            if close >= 0:
                cursor = close
    return builder


_TARGET = regex.compile(r"\]\((?:[^()\n]|\((?:[^()\n])*\))*\)|\]\[[^\]\n]*\]|\]")


def _link_end(source: str, at: int, end: int) -> int:
    """End of a link's `](target)` or `][ref]` part, searched from the closing bracket."""
    bracket = source.find("]", at, end)
    if bracket < 0:
        return -1
    m = _TARGET.match(source, bracket, end)
    return m.end() if m else bracket + 1
