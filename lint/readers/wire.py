"""The wire format: `# Title`, labelled metadata lines, one paragraph per line.

    # Storm leaves thousands without power
    Published at: **2019-11-02T14:42:13+00:00**
    Author: **AFP**
    Original: [Yahoo](https://news.yahoo.com/...)
"""

from __future__ import annotations

import regex

from lint.article import Article
from lint.readers.common import add_field, plain_paragraph

LABELS = {"published at": "date", "author": "author", "original": "source"}

_TITLE = regex.compile(r"^#[ \t]+(.*?)[ \t#]*$")
_LABEL = regex.compile(r"^(Published at|Author|Original)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.I)
_BOLD = regex.compile(r"^\*\*(.*)\*\*$")
_LINK = regex.compile(r"^\[(.*?)\]\((\S*?)\)$")


def looks_like_wire(text: str) -> bool:
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    return bool(lines) and bool(_TITLE.match(lines[0])) and any(
        _LABEL.match(ln) for ln in lines[1:6]
    )


def read(article: Article) -> None:
    text = article.source
    pos = 0
    in_header = True
    for line in text.splitlines(keepends=True):
        start = pos
        pos += len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            continue
        if in_header and "title" not in article.fields and (m := _TITLE.match(content)):
            add_field(article, "title", m.group(1), start + m.start(1), start + m.end(1))
            continue
        if in_header and (m := _LABEL.match(content)):
            _read_label(article, m, start)
            continue
        in_header = False
        plain_paragraph(article, content, start)


def _read_label(article: Article, m: regex.Match, line_start: int) -> None:
    name = LABELS[m.group(1).lower()]
    value, vstart = m.group(2), line_start + m.start(2)
    if b := _BOLD.match(value):
        value, vstart = b.group(1), vstart + b.start(1)
    elif link := _LINK.match(value):
        add_field(article, "publisher", link.group(1), vstart + link.start(1), vstart + link.end(1))
        value, vstart = link.group(2), vstart + link.start(2)
    add_field(article, name, value, vstart, vstart + len(value))
