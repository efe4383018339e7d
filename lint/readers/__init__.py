"""Turn a file's bytes into an Article, or into input diagnostics when it cannot be read."""

from __future__ import annotations

from lint.article import Article
from lint.diagnostic import Diagnostic, Severity
from lint.readers import markdown, plain, wire

# Front matter keys accepted for each metadata field, in order of preference.
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "pubdate"),
    "author": ("author", "byline", "authors"),
    "source": ("source", "url", "original", "canonical_url"),
}

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def input_problem(path: str, rule: str, message: str, severity=Severity.ERROR) -> Diagnostic:
    """A diagnostic for a file that could not be turned into an article."""
    return Article(path, "", "text").diagnostic(0, 0, rule=rule, category="input", severity=severity, message=message)


def decode(path: str, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """The text of a file; a byte-order mark is dropped (the fixer puts it back)."""
    if b"\0" in data[:8192]:
        return None, input_problem(path, "input.binary", "binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, byte {col}); save the file as UTF-8"
        return None, input_problem(path, "input.encoding", message)
    if not text.strip():
        return None, input_problem(path, "input.empty", "empty file", severity=Severity.WARNING)
    return text, None


def parse(path: str, text: str, keys: dict[str, tuple[str, ...]] = DEFAULT_KEYS) -> tuple[Article, list[Diagnostic]]:
    """Parse decoded text; the format is told from the content, then the file name."""
    problems: list[Diagnostic] = []
    if wire.looks_like_wire(text):
        article = Article(path, text, "wire")
        wire.read(article)
    elif text.startswith("---") or path.lower().endswith(MARKDOWN_SUFFIXES):
        article = Article(path, text, "markdown")
        try:
            markdown.read(article, keys)
        except markdown.FrontMatterError as exc:
            problems.append(
                article.diagnostic(exc.offset, exc.offset, rule="input.front-matter", category="input",
                                   severity=Severity.ERROR, message=str(exc))
            )
    else:
        article = Article(path, text, "text")
        plain.read(article)
    return article, problems


def read_bytes(path: str, data: bytes, keys=DEFAULT_KEYS) -> tuple[Article | None, list[Diagnostic]]:
    text, problem = decode(path, data)
    if problem:
        return None, [problem]
    return parse(path, text, keys)
