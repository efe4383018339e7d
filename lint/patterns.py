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
from lint.literals import Need, Test, Words, required, split_need
from lint.yamlfile import ConfigError

TIMEOUT = 1.0  # seconds for one search over one segment


class PatternTimeout(Exception):
    pass


class Pattern:
    """A rule's regex: its source, compiled when first needed."""

    __slots__ = ("source", "flags", "where", "groups", "_literals", "_tests", "_compiled", "_index")

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
        self._literals: Need | None | bool = False  # False: not read yet
        self._tests: tuple[Test, ...] | None = None
        self._compiled = None
        self._index: Index | None = None  # set by the Index that files this pattern

    @property
    def literals(self) -> Need | None:
        """What a text must hold for a match (lint/literals.py); None if unknown."""
        if self._literals is False:
            known = _KNOWN_NEEDS.get(self.source, False)
            self._literals = required(self.source) if known is False else known
        return self._literals

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

    @property
    def tests(self) -> tuple[Test, ...]:
        if self._tests is None:
            self._tests = tuple(map(split_need, self.literals or ()))
        return self._tests

    def possible(self, words: Words) -> bool:
        """False when the pattern cannot match the text of `words`."""
        if self._index is not None and self not in self._index.hits(words):
            return False
        return self.holds(words)

    def holds(self, words: Words) -> bool:
        """Whether the text of `words` passes the pattern's own quick tests (`possible`
        without asking the index)."""
        for test in self.tests:
            if not words.holds(test):
                return False
        return True

    def matches(self, text: str, words: Words, pos: int = 0, endpos: int | None = None) -> list:
        """Matches in text[pos:endpos], whose quick-test form is `words`: none, without
        running the regex, when the quick test rules them out."""
        return self.finditer(text, pos, endpos) if self.possible(words) else []

    def fullmatch(self, text: str):
        return self.compiled().fullmatch(text, timeout=TIMEOUT)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        return finditer(self.compiled(), text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        try:
            return self.compiled().search(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.source) from None


class Index:
    """Patterns filed by the words a text must hold for them to match.

    Asking every pattern whether it may match a paragraph cost more than running
    those that may: most rules match nowhere. The index finds the few candidates
    from the paragraph's words at once; `possible` then asks only those. A pattern
    with no keys (lint/literals.py) is not filed: it is a hit in every text."""

    def __init__(self, patterns: list[Pattern]):
        self._filed: tuple[dict[str, list[Pattern]], ...] = ({}, {}, {})  # by words, heads, tails
        self._always: set[Pattern] = set()
        for pattern in patterns:
            keys = min((t.keys for t in pattern.tests if t.keys is not None), key=_commonness, default=None)
            if keys is None:
                self._always.add(pattern)
            for table, found in zip(self._filed, keys or ()):
                for key in found:
                    table.setdefault(key, []).append(pattern)
            pattern._index = self

    def hits(self, words: Words) -> set[Pattern]:
        """The patterns that may match the text of `words` (kept in `words.memo`)."""
        found = words.memo.get(self)
        if found is None:
            found = set(self._always)
            for table, have in zip(self._filed, words.keys):
                for key in table.keys() & have:
                    found.update(table[key])
            words.memo[self] = found
        return found


def live(patterns: list[Pattern], words: Words) -> list[Pattern]:
    """Those of `patterns` that may match the text of `words`, in order; as asking
    each `possible`, but most are ruled out by one look in their index's hits, which
    counts when hundreds of patterns are asked about every paragraph. The patterns
    are filed by one index, as those of a rule or a lexicon are."""
    if not patterns or patterns[0]._index is None:
        return [p for p in patterns if p.possible(words)]
    hits = patterns[0]._index.hits(words)
    return [p for p in patterns if p in hits and p.holds(words)]


def _commonness(keys: tuple[frozenset[str], ...]) -> float:
    """How often a text holds one of the keys, roughly: short words are the common ones,
    and a head ("the") or tail ("ing") is part of many words, like a word of two letters."""
    words, heads, tails = keys
    return sum(4.0 ** -len(w) for w in words) + (len(heads) + len(tails)) * 4.0 ** -2


def alternatives(patterns: list[str], **kwargs) -> Pattern:
    """One pattern matching any of `patterns`."""
    return Pattern("|".join(f"(?:{p})" for p in patterns), **kwargs)


class Choice:
    """Patterns tried in order at each position of a text, as one regex joining them
    with "|" tries them, but each with its own quick test, so that in a paragraph only
    the branches that may match are run: a rule listing many phrases ran everywhere as
    one regex as soon as one phrase held a common word.

    Branches that share something in one regex (a global inline flag such as "(?i)",
    references to groups) are run as that one regex, and so is a text where a branch
    matches empty text, where the joined regex's rules for empty matches apply."""

    def __init__(self, patterns: list[str], **kwargs):
        self.joined = alternatives(patterns, **kwargs)
        shared = len(patterns) < 2 or any(_SHARED.search(p) for p in patterns)
        self.branches = [self.joined] if shared else [Pattern(p, **kwargs) for p in patterns]

    def live(self, words: Words) -> list[Pattern]:
        """The branches that may match the text of `words`, in order."""
        if self.branches[0]._index is None:
            # Not filed with a pack's or a lexicon's patterns: an index of its own,
            # made now rather than when built, so that check_compiles comes first.
            Index(self.branches)
        return live(self.branches, words)

    def matches(self, text: str, words: Words, pos: int = 0, endpos: int | None = None) -> list:
        """The joined regex's matches in text[pos:endpos], whose quick-test form is `words`."""
        return self.finditer(text, self.live(words), pos, endpos)

    def finditer(self, text: str, live: list[Pattern], pos: int = 0, endpos: int | None = None) -> list:
        """The joined regex's matches in text[pos:endpos], whose live branches are `live`."""
        if len(live) < 2:
            return live[0].finditer(text, pos, endpos) if live else []
        found = [b.search(text, pos, endpos) for b in live]
        out = []
        while True:
            first = min((i for i, m in enumerate(found) if m), key=lambda i: found[i].start(), default=None)
            if first is None:
                return out
            m = found[first]
            if m.start() == m.end():
                return self.joined.finditer(text, pos, endpos)
            out.append(m)
            for i, other in enumerate(found):
                if other is not None and other.start() < m.end():
                    found[i] = live[i].search(text, m.end(), endpos)


# What branches joined in one regex share: global inline flags, group references,
# recursion ((?R), (?&name), (?1), (?-1)); a scoped flag such as (?-i:...) is no such thing.
_SHARED = regex.compile(r"\(\?[a-zA-Z-]*\)|\\[1-9]|\\[gk]<|\(\?P[=>]|\(\?(?:R|&|[+-]?[0-9])")


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    """Matches of a compiled regex, in at most TIMEOUT seconds."""
    try:
        return list(pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT))
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def check_compiles(path: Path, patterns: list[Pattern]) -> None:
    """Compile a file's patterns, which raises ConfigError for a bad one, unless the
    file's exact bytes compiled before on this machine with these versions; then the
    record also gives what each pattern needs (reading that is a start-up cost too)."""
    try:
        key = hashlib.sha256(tool_versions().encode() + _CODE + path.read_bytes()).hexdigest()
    except OSError:
        key = None
    needs = _stored_needs(_compiled_files().get(key), len(patterns))
    if needs is not None:
        _KNOWN_NEEDS.update(zip((p.source for p in patterns), needs))
        return
    for pattern in patterns:
        pattern.compiled()
    if key is not None:
        record = _compiled_files()
        record[key] = [None if p.literals is None else [sorted(s) for s in p.literals] for p in patterns]
        try:
            write_json(_record_file(), dict(list(record.items())[-_RECORD_SIZE:]))
        except OSError:
            pass  # no writable cache folder: the next run compiles again


def _stored_needs(stored, count: int) -> list[Need | None] | None:
    """The needs a record entry gives for `count` patterns; None when it has none or is damaged."""
    try:
        if len(stored) != count:
            return None
        return [None if n is None else tuple(frozenset(map(str, s)) for s in n) for n in stored]
    except TypeError:
        return None


# What check_compiles read from the record, by pattern source: a pattern made later from
# the same source (a rule's or a lexicon's Choice) needs no reading of its own.
_KNOWN_NEEDS: dict[str, Need | None] = {}
_RECORD_SIZE = 200  # files remembered, the latest kept
# The record depends on how patterns are read, not only on the pack file.
_CODE = (Path(__file__).read_bytes() + (Path(__file__).parent / "literals.py").read_bytes())


def _record_file() -> Path:
    return user_cache_dir() / "compiled-packs.json"


@lru_cache(maxsize=None)
def _compiled_files() -> dict[str, list | None]:
    """For each file whose patterns compiled (by digest, oldest first): each pattern's need."""
    try:
        record = json.loads(_record_file().read_text(encoding="utf-8"))
        return record if isinstance(record, dict) else {}
    except (OSError, ValueError, TypeError):
        return {}
