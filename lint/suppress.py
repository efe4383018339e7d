"""Inline and front-matter suppression of diagnostics.

    <!-- newslint-disable RULE ... -->  ...  <!-- newslint-enable RULE ... -->
    <!-- newslint-disable-next-line RULE ... -->
    front matter:  newslint: {disable: [RULE, ...]}

A RULE may be a rule id, a pack or a glob; no RULE means every rule.
"""

from __future__ import annotations

from lint.article import Article
from lint.config import name_matches
from lint.diagnostic import Diagnostic

ALL = "*"


def _ranges(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, name) source ranges in which `name` is switched off."""
    out = []
    directives = sorted(article.directives)
    for i, (offset, kind, names) in enumerate(directives):
        if kind == "disable-next-line":
            line, _ = article.lines.position(offset)
            starts = article.lines.starts
            start = starts[line] if line < len(starts) else len(article.source)
            end = starts[line + 1] if line + 1 < len(starts) else len(article.source)
            out.extend((start, end, n) for n in names or (ALL,))
        elif kind == "disable":
            for name in names or (ALL,):
                end = next(
                    (o for o, k, ns in directives[i + 1 :] if k == "enable" and (not ns or name in ns)),
                    len(article.source),
                )
                out.append((offset, end, name))
    return out


def _covers(name: str, diagnostic: Diagnostic) -> bool:
    return name == ALL or name_matches(name, diagnostic.rule)


def apply(article: Article, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    ranges = _ranges(article)
    if not ranges and not article.disabled:
        return diagnostics
    return [
        d
        for d in diagnostics
        if not any(_covers(n, d) for n in article.disabled)
        and not any(s <= d.start < e and _covers(n, d) for s, e, n in ranges)
    ]
