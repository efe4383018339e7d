"""Grammar engines behind one interface; one instance per process and settings."""

from __future__ import annotations

from functools import lru_cache

from lint.engines.base import Engine, EngineError, Issue

__all__ = ["Engine", "EngineError", "Issue", "get_engine"]


@lru_cache(maxsize=None)
def get_engine(name: str, dialect: str, url: str | None = None, timeout: float = 30.0,
               disabled_rules: tuple[str, ...] = (), enabled_rules: tuple[str, ...] = ()) -> Engine | None:
    if name == "none":
        return None
    if name == "harper":
        from lint.engines.harper import HarperEngine

        return HarperEngine(dialect, disabled_rules)
    if name == "languagetool":
        from lint.engines.languagetool import LanguageToolEngine

        language = "en-US" if dialect == "any" else dialect
        return LanguageToolEngine(language, url=url, timeout=timeout,
                                  disabled_rules=list(disabled_rules), enabled_rules=list(enabled_rules))
    raise EngineError(f"unknown grammar engine {name!r}")
