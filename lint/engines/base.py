"""The interface every grammar engine implements, and how its findings become diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from lint.diagnostic import Severity


class EngineError(Exception):
    """The engine cannot run (server unreachable, package missing); the CLI exits 2."""


@dataclass(frozen=True)
class Issue:
    """One finding of an engine in one piece of text (offsets into that text, end exclusive)."""

    start: int
    end: int
    rule: str  # the engine's own rule name, e.g. "SpellCheck" or "MORFOLOGIK_RULE_EN_US"
    category: str  # one of ours: spelling, grammar, style, ...
    message: str
    suggestions: tuple[str, ...] = ()


class Engine:
    """A grammar engine: checks plain-text paragraphs and reports Issues.

    Engines are costly to create, so each process makes one per settings
    (see lint.engines.get_engine) and reuses it for every file.
    """

    name = ""
    # Whether `check` makes use of `known` words (finding them costs the caller a search).
    takes_known_words = False

    def check(self, texts: list[str], known: frozenset[str] = frozenset()) -> list[list[Issue]]:
        """Issues for each text, in order; texts are paragraphs of one article. `known`
        are words of the texts whose spelling the caller never reports: an engine that
        `takes_known_words` may take them as dictionary words for this call."""
        raise NotImplementedError

    def unknown_word(self, issue: Issue) -> bool:
        """Whether the issue says only that the word is not in the engine's dictionary
        (those go through the news spelling filter instead of `level`)."""
        return issue.category == "spelling"

    def level(self, issue: Issue) -> Severity | None:
        """Severity of a grammar or style issue (spelling goes through the news filter);
        None drops it. Engines tune this from measurements on edited news copy."""
        return Severity.WARNING if issue.category == "grammar" else Severity.INFO
