"""Runs the configured grammar engine over an article's prose and maps what it finds."""

from __future__ import annotations

from typing import Iterator

from lint.article import MASK, Article, Segment
from lint.diagnostic import Diagnostic, Edit, Fix
from lint.engines import Engine
from lint.engines.base import Issue
from lint.spelling import NewsSpelling, close_first, names_in, unreported


class GrammarCheck:
    def __init__(self, engine: Engine, spelling: NewsSpelling):
        self.engine = engine
        self.spelling = spelling

    def lint(self, article: Article) -> list[tuple[Segment, list[Issue]]]:
        """The engine's issues in each prose segment. Engines do their work outside the
        GIL (Harper in Rust, LanguageTool in another process), so the runner calls this
        in a thread while the rules run."""
        segments = [s for s in article.prose() if s.kind != "table"]
        # Engines see masked text (code, URLs) as spaces: same length, no words.
        texts = [s.text.replace(MASK, " ") for s in segments]
        known = unreported(texts) if self.engine.takes_known_words else frozenset()
        return list(zip(segments, self.engine.check(texts, known)))

    def check(self, article: Article, linted: list[tuple[Segment, list[Issue]]] | None = None) -> Iterator[Diagnostic]:
        """Diagnostics from the engine's issues (`linted`, from `lint`, if already made)."""
        names = None
        for seg, issues in self.lint(article) if linted is None else linted:
            for issue in issues:
                word = seg.text[issue.start : issue.end]
                suggestions = issue.suggestions
                if self.engine.unknown_word(issue):
                    names = names_in(article) if names is None else names
                    severity = self.spelling.severity(word, suggestions, names, seg.text, issue.start, issue.end)
                    suggestions = close_first(word, suggestions)
                elif seg.kind == "title" or seg.in_quote(issue.start, issue.end):
                    continue  # headlines have their own grammar; quotes are the speaker's words
                else:
                    severity = self.engine.level(issue)
                if severity is None:
                    continue
                start, end = seg.source_start(issue.start), seg.source_end(issue.end)
                fix = Fix((Edit(start, end, suggestions[0]),), safe=False) if suggestions else None
                yield article.diagnostic(
                    start, end, rule=f"{self.engine.name}.{issue.rule}", category=issue.category,
                    severity=severity, message=issue.message, suggestions=suggestions[:5], fix=fix,
                )
