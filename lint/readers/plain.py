"""Plain text: the first non-empty line is the title, blank lines part paragraphs."""

from __future__ import annotations

import regex

from lint.article import Article
from lint.readers.common import add_field, plain_paragraph

_BLOCK = regex.compile(r"\S(?:.|\n(?![ \t\r]*\n))*", regex.VERSION1)


def read(article: Article) -> None:
    first = True
    for m in _BLOCK.finditer(article.source):
        block = m.group().rstrip()
        if first:
            line_end = block.find("\n")
            title = block if line_end < 0 else block[:line_end].rstrip()
            add_field(article, "title", title, m.start(), m.start() + len(title))
            first = False
            if line_end < 0:
                continue
            rest = block[line_end + 1 :]
            offset = m.start() + line_end + 1
            lead = len(rest) - len(rest.lstrip())
            block, start = rest.lstrip(), offset + lead
        else:
            start = m.start()
        if block:
            plain_paragraph(article, block, start)
