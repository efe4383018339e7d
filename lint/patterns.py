"""User regexes, run with the `regex` module under a time limit.

A rule pack comes from an editor, not a programmer: a pattern with
catastrophic backtracking must cost one warning, not a hung CI job.
"""

from __future__ import annotations

import regex

from lint.yamlfile import ConfigError

TIMEOUT = 1.0  # seconds for one search over one segment


class PatternTimeout(Exception):
    pass


def compile_pattern(pattern: str, *, ignorecase: bool, word: bool, where: tuple) -> regex.Pattern:
    """Compile a rule's pattern; `word` wraps it in word boundaries.

    `where` is (path, line) for the error message.
    """
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(*where, f"pattern must be a non-empty string, got {pattern!r}")
    source = rf"(?<![\w-])(?:{pattern})(?![\w-])" if word else pattern
    flags = regex.IGNORECASE if ignorecase else 0  # VERSION0: full case folding (V1) makes compiling 10x slower
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise ConfigError(*where, f"bad regular expression {pattern!r}: {exc}") from None


def alternatives(patterns: list[str], **kwargs) -> regex.Pattern:
    """One pattern matching any of `patterns`."""
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), **kwargs)


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    try:
        return list(pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None
