"""Configuration: `.newslint.yaml` or `[tool.newslint]` in pyproject.toml.

The nearest one above each file applies (or the one given with --config).
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath

from lint.diagnostic import SEVERITY_NAMES
from lint.readers import DEFAULT_KEYS
from lint.yamlfile import ConfigError, Mapping, load

CONFIG_NAME = ".newslint.yaml"
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
DIALECTS = ("any", "en-US", "en-GB")
ENGINES = ("harper", "languagetool", "none")
RULE_SETTINGS = SEVERITY_NAMES + ("off", "on")
# A dialect other than "any" turns on the rule that flags the other one's spellings.
DIALECT_RULES = {"en-US": "spelling.american", "en-GB": "spelling.british"}

_TOP_KEYS = {"packs", "rules", "select", "ignore", "include", "exclude", "dialect", "vocabulary",
             "grammar", "metadata", "overrides"}
_GRAMMAR_KEYS = {"engine", "languagetool_url", "languagetool_timeout", "disabled_rules", "enabled_rules"}


@dataclass
class Override:
    files: list[str]
    rules: dict[str, str]


@dataclass(eq=False)  # compared and hashed by identity: discover() caches one per file
class Config:
    path: Path | None = None  # the file it came from; None for the defaults
    root: Path = field(default_factory=Path.cwd)
    packs: list[str] | None = None  # None: every bundled pack
    rules: dict[str, str] = field(default_factory=dict)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    dialect: str = "any"
    accept: list[Path] = field(default_factory=list)
    reject: list[Path] = field(default_factory=list)
    grammar: dict = field(default_factory=lambda: {"engine": "harper"})
    keys: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))
    overrides: list[Override] = field(default_factory=list)

    def relative(self, path: Path) -> str:
        """`path` relative to the config's folder, in POSIX form, for glob matching."""
        try:
            return PurePosixPath(Path(os.path.abspath(path)).relative_to(self.root)).as_posix()
        except ValueError:
            return PurePosixPath(path).as_posix()

    def rule_settings(self, path: Path) -> dict[str, str]:
        """Rule settings for one file: the dialect's rule, the `rules:` table, then
        matching overrides in order."""
        settings = {DIALECT_RULES[self.dialect]: "on"} if self.dialect in DIALECT_RULES else {}
        settings.update(self.rules)
        rel = self.relative(path)
        for override in self.overrides:
            if any(glob_match(rel, g) for g in override.files):
                settings.update(override.rules)
        return settings

    def excluded(self, path: Path) -> bool:
        rel = self.relative(path)
        return any(glob_match(rel, g) for g in self.exclude)

    def included(self, path: Path) -> bool:
        rel = self.relative(path)
        return any(glob_match(rel, g) for g in self.include)


def glob_match(rel: str, pattern: str) -> bool:
    """Match a POSIX relative path; a pattern without a slash matches the file name."""
    if "/" not in pattern:
        return fnmatch.fnmatchcase(PurePosixPath(rel).name, pattern)
    return fnmatch.fnmatchcase(rel, pattern) or (pattern.startswith("**/") and fnmatch.fnmatchcase(rel, pattern[3:]))


def name_matches(name: str, rule_id: str) -> bool:
    """A setting's name covers a rule by id, by pack (prefix before a dot) or by glob."""
    return name == rule_id or rule_id.startswith(name + ".") or fnmatch.fnmatchcase(rule_id, name)


# -- loading ---------------------------------------------------------------

def _strings(path, data: Mapping, key: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, data.line_of(key), f"`{key}` must be a list of strings")
    return value


def _rules_table(path, data: Mapping, key: str = "rules") -> dict[str, str]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise ConfigError(path, data.line_of(key), f"`{key}` must map rule ids or packs to one of {', '.join(RULE_SETTINGS)}")
    out = {}
    for name, value in table.items():
        value = {True: "on", False: "off"}.get(value, value)
        if value not in RULE_SETTINGS:
            line = table.line_of(name) if isinstance(table, Mapping) else data.line_of(key)
            raise ConfigError(path, line, f"rule setting for {name!r} must be one of {', '.join(RULE_SETTINGS)}, not {value!r}")
        out[str(name)] = value
    return out


def from_mapping(data, path: Path, root: Path) -> Config:
    if data is None:
        data = Mapping()
    if not isinstance(data, dict):
        raise ConfigError(path, None, "the configuration must be a mapping")
    if not isinstance(data, Mapping):  # from TOML: no line numbers
        data = Mapping(data)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(path, data.line_of(key), f"unknown key {key!r} (allowed: {', '.join(sorted(_TOP_KEYS))})")
    cfg = Config(path=path, root=root)
    if "packs" in data:
        cfg.packs = _strings(path, data, "packs")
    cfg.rules = _rules_table(path, data)
    cfg.select = _strings(path, data, "select")
    cfg.ignore = _strings(path, data, "ignore")
    if "include" in data:
        cfg.include = _strings(path, data, "include")
    cfg.exclude = _strings(path, data, "exclude")
    dialect = data.get("dialect", "any")
    if dialect not in DIALECTS:
        raise ConfigError(path, data.line_of("dialect"), f"dialect must be one of {', '.join(DIALECTS)}")
    cfg.dialect = dialect
    vocab = _mapping(path, data, "vocabulary", {"accept", "reject"})
    cfg.accept = [root / p for p in _strings(path, vocab, "accept")]
    cfg.reject = [root / p for p in _strings(path, vocab, "reject")]
    for vocab_file in cfg.accept + cfg.reject:
        if not vocab_file.is_file():
            raise ConfigError(path, data.line_of("vocabulary"), f"vocabulary file not found: {vocab_file}")
    grammar = _mapping(path, data, "grammar", _GRAMMAR_KEYS)
    cfg.grammar = {"engine": "harper", **grammar}
    if cfg.grammar["engine"] not in ENGINES:
        raise ConfigError(path, grammar.line_of("engine"), f"grammar.engine must be one of {', '.join(ENGINES)}")
    meta = _mapping(path, data, "metadata", {"keys"})
    keys = _mapping(path, meta, "keys", set(DEFAULT_KEYS))
    for name in keys:
        cfg.keys[name] = tuple(_strings(path, keys, name))
    cfg.overrides = _overrides(path, data)
    return cfg


def _mapping(path, data: Mapping, key: str, allowed: set[str]) -> Mapping:
    value = data.get(key, Mapping())
    if not isinstance(value, dict):
        raise ConfigError(path, data.line_of(key), f"`{key}` must be a mapping")
    if not isinstance(value, Mapping):
        value = Mapping(value)
    unknown = set(value) - allowed
    if unknown:
        bad = sorted(unknown)[0]
        raise ConfigError(path, value.line_of(bad), f"unknown key {key}.{bad} (allowed: {', '.join(sorted(allowed))})")
    return value


def _overrides(path, data: Mapping) -> list[Override]:
    items = data.get("overrides", [])
    if not isinstance(items, list):
        raise ConfigError(path, data.line_of("overrides"), "`overrides` must be a list")
    out = []
    for item in items:
        if not isinstance(item, dict) or set(item) - {"files", "rules"} or "files" not in item:
            line = item.line if isinstance(item, Mapping) else data.line_of("overrides")
            raise ConfigError(path, line, "each override needs `files` (globs) and `rules` (settings)")
        if not isinstance(item, Mapping):
            item = Mapping(item)
        out.append(Override(_strings(path, item, "files"), _rules_table(path, item)))
    return out


def load_file(path: Path) -> Config:
    path = Path(os.path.abspath(path))
    if not path.is_file():
        raise ConfigError(path, None, "config file not found")
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            raise ConfigError(path, None, f"cannot read: {exc}") from None
        return from_mapping(data.get("tool", {}).get("newslint", {}), path, path.parent)
    return from_mapping(load(path), path, path.parent)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(pyproject, None, f"cannot read: {exc}") from None
    return "newslint" in data.get("tool", {})


@lru_cache(maxsize=None)
def discover(folder: Path) -> Config:
    """The nearest configuration at or above `folder`; the defaults if there is none."""
    for d in (folder, *folder.parents):
        candidate = d / CONFIG_NAME
        if candidate.is_file():
            return load_file(candidate)
        pyproject = d / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return load_file(pyproject)
    return Config()
