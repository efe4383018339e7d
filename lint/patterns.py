"""User regexes, run with the `regex` module under a time limit.

A rule pack comes from an editor, not a programmer: a pattern with
catastrophic backtracking must cost one warning, not a hung CI job.

A `Pattern` is compiled on first use, and `possible` tells, before that, from
the article's text (`literals.Words`), whether it can match at all (lint/literals.py):
most rules never match most articles, so most patterns are never compiled.
Whether a pattern compiles at all is checked when its pack is loaded
(`Pattern.compiled`), unless the pack's exact bytes compiled before on this
machine (lint/packs.py keeps that record).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import regex

from lint.cache import tool_versions, user_cache_dir, write_json
from lint.literals import Words, required, split_need
from lint.yamlfile import ConfigError

TIMEOUT = 1.0  # seconds for one search over one segment


class PatternTimeout(Exception):
    pass


class Pattern:
    """A rule's regex: its source, compiled when first needed."""

    __slots__ = ("source", "flags", "where", "groups", "literals", "_tests", "_compiled")

    def __init__(self, pattern: str, *, ignorecase: bool, word: bool, where: tuple, groups: tuple[str, ...] = ()):
        """`word` wraps the pattern in word boundaries; `where` is (path, line) for errors;
        `groups` are the numbers or names of groups a replacement refers to."""
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(*where, f"pattern must be a non-empty string, got {pattern!r}")
        self.source = rf"(?<![\w-])(?:{pattern})(?![\w-])" if word else pattern
        # VERSION0: full case folding (V1) makes compiling 10x slower.
        self.flags = regex.IGNORECASE if ignorecase else 0
        self.where = where
        self.groups = groups
        self.literals = required(self.source)
        self._tests = tuple(map(split_need, self.literals or ()))
        self._compiled = None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            try:
                compiled = regex.compile(self.source, self.flags)
            except regex.error as exc:
                raise ConfigError(*self.where, f"bad regular expression {self.source!r}: {exc}") from None
            for ref in self.groups:
                if not (ref.isdigit() and int(ref) <= compiled.groups or ref in compiled.groupindex):
                    raise ConfigError(*self.where, f"a replacement names group {ref!r}, which {self.source!r} does not have")
            self._compiled = compiled
        return self._compiled

    def possible(self, words: Words) -> bool:
        """False when the pattern cannot match the text of `words`."""
        return all(words.holds(test) for test in self._tests)

    def fullmatch(self, text: str):
        return self.compiled().fullmatch(text, timeout=TIMEOUT)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        return finditer(self.compiled(), text, pos, endpos)


def alternatives(patterns: list[str], **kwargs) -> Pattern:
    """One pattern matching any of `patterns`."""
    return Pattern("|".join(f"(?:{p})" for p in patterns), **kwargs)


def finditer(pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    """Matches of a compiled regex or a `Pattern`, in at most TIMEOUT seconds."""
    if isinstance(pattern, Pattern):
        pattern = pattern.compiled()
    try:
        return list(pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def check_compiles(path: Path, patterns: list[Pattern]) -> None:
    """Compile a file's patterns, which raises ConfigError for a bad one, unless the
    file's exact bytes compiled before on this machine with these versions."""
    try:
        key = hashlib.sha256(tool_versions().encode() + path.read_bytes()).hexdigest()
    except OSError:
        key = None
    if key is not None and key in _compiled_files():
        return
    for pattern in patterns:
        pattern.compiled()
    if key is not None:
        _compiled_files()[key] = None
        try:
            write_json(_record_file(), list(_compiled_files())[-_RECORD_SIZE:])
        except OSError:
            pass  # no writable cache folder: the next run compiles again


_RECORD_SIZE = 500  # files remembered, the latest kept


def _record_file() -> Path:
    return user_cache_dir() / "compiled-packs.json"


@lru_cache(maxsize=None)
def _compiled_files() -> dict[str, None]:
    """Digests of the files whose patterns compiled, oldest first."""
    try:
        return dict.fromkeys(json.loads(_record_file().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return {}
