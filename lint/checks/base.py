"""What every rule kind shares: common keys, scopes, messages and reporting."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

from lint.article import Article, Segment
from lint.diagnostic import CATEGORIES, Diagnostic, Edit, Fix, Severity
from lint.patterns import Pattern, PatternTimeout
from lint.yamlfile import ConfigError, Mapping

# Where a rule may look. "text" is shorthand for all prose; table cells are
# data more than prose, so only rules that ask for them look there.
PROSE_SCOPES = ("title", "heading", "body", "quote", "table")
SCOPES = PROSE_SCOPES + ("text", "metadata")
DEFAULT_SCOPE = ("title", "heading", "body")


@dataclass(frozen=True)
class Key:
    """A kind-specific key of a rule: its type, whether it is required, its default."""

    type: type | tuple
    required: bool = False
    default: Any = None


@dataclass
class Rule:
    id: str
    kind: str
    message: str
    severity: Severity
    category: str
    scope: tuple[str, ...]
    description: str = ""
    link: str = ""
    docs: str = ""
    examples: dict = field(default_factory=dict)
    pack: str = ""
    fix: str = "safe"  # how safe the rule's fixes are: safe, unsafe or none
    enabled: bool = True  # false: runs only when the config turns it on
    options: dict = field(default_factory=dict)
    where: tuple = ("", 0)  # (file, line) of the rule's definition

    KEYS: ClassVar[dict[str, Key]] = {}
    # Placeholders a message may use, besides {match}.
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self):
        self.prepare()

    @classmethod
    def options_with_defaults(cls, **values) -> Mapping:
        """Kind options for a rule built in code rather than read from YAML."""
        return Mapping({key: values.get(key, k.default) for key, k in cls.KEYS.items()})

    # -- for subclasses -------------------------------------------------
    def prepare(self) -> None:
        """Compile patterns and check option values; raise ConfigError if wrong."""

    def find(self, article: Article) -> Iterator[Diagnostic]:
        raise NotImplementedError

    def patterns(self) -> list[Pattern]:
        """The rule's user regexes, which loading its pack checks (lint/patterns.py)."""
        return []

    @classmethod
    def data_files(cls, options: Mapping, where: tuple) -> tuple[str, ...]:
        """Data files a rule with these options reads besides its pack (they key the
        result cache). Worked out from the options alone, so that a run whose results
        are all cached need not build (compile) any rule."""
        return ()

    # -- shared machinery ----------------------------------------------
    def check(self, article: Article) -> list[Diagnostic]:
        try:
            return list(self.find(article))
        except PatternTimeout:
            start = article.segments[0].source_start(0) if article.segments else 0
            message = f"rule {self.id} gave up: a pattern took too long; simplify its regex"
            return [
                article.diagnostic(start, start, rule=self.id, category=self.category,
                                   severity=Severity.WARNING, message=message)
            ]

    def error(self, message: str, key: str | None = None) -> ConfigError:
        path, line = self.where
        if key is not None and isinstance(self.options, Mapping):
            line = self.options.line_of(key)
        return ConfigError(path, line, f"rule {self.id}: {message}")

    def segments(self, article: Article) -> Iterator[Segment]:
        """Segments that may hold text in this rule's scope."""
        for seg in article.segments:
            if seg.kind == "metadata":
                if "metadata" in self.scope or "metadata." + seg.name in self.scope:
                    yield seg
            elif seg.kind in self.scope or "quote" in self.scope:
                yield seg

    def in_scope(self, segment: Segment, start: int, end: int) -> bool:
        where = segment.scope_of(start, end)
        if where.startswith("metadata."):
            return "metadata" in self.scope or where in self.scope
        return where in self.scope

    def format(self, template: str | None = None, **values) -> str:
        return (template or self.message).format_map(_Blank(values))

    def report(
        self,
        article: Article,
        segment: Segment,
        start: int,
        end: int,
        *,
        suggestions: tuple[str, ...] = (),
        replacement: str | None = None,
        **values,
    ) -> Diagnostic:
        """A diagnostic for segment.text[start:end]; `replacement` makes a fix."""
        src_start, src_end = segment.source_start(start), segment.source_end(end)
        values.setdefault("match", segment.text[start:end])
        fix = None
        if replacement is not None and self.fix != "none":
            fix = Fix((Edit(src_start, src_end, replacement),), safe=self.fix == "safe")
        return article.diagnostic(
            src_start,
            src_end,
            rule=self.id,
            category=self.category,
            severity=self.severity,
            message=self.format(**values),
            suggestions=suggestions,
            fix=fix,
        )


class _Blank(dict):
    """Leaves a placeholder with no value visible rather than failing."""

    def __missing__(self, key):
        return "{" + key + "}"


def placeholders(message: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(message) if name}
    except ValueError as exc:
        raise ValueError(f"bad placeholder in message: {exc}") from None


def check_category(value: str) -> bool:
    return value in CATEGORIES and value != "input"
