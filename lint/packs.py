"""Load and validate YAML rule packs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from lint.checks import KINDS
from lint.checks.base import DEFAULT_SCOPE, PROSE_SCOPES, SCOPES, Rule, check_category, placeholders
from lint.diagnostic import SEVERITY_NAMES, Severity
from lint.patterns import Index, check_compiles
from lint.yamlfile import ConfigError, Mapping, load

COMMON_KEYS = {"id", "kind", "message", "severity", "category", "scope", "description",
               "link", "docs", "examples", "fix", "enabled"}
_ID = regex.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$")


def bundled_dir() -> Path:
    """The packs shipped with newslint: inside the installed package, or the checkout's rules/."""
    here = Path(__file__).resolve().parent
    installed = here / "packs"
    return installed if installed.is_dir() else here.parent / "rules"


def bundled_packs() -> dict[str, Path]:
    return {p.stem: p for p in sorted(bundled_dir().glob("*.yaml"))}


@dataclass(frozen=True)
class Pack:
    """A pack file as read: its rule entries, not yet checked or built."""

    path: Path
    name: str
    specs: list
    line: int  # of the `rules:` key


def read_pack(path: Path) -> Pack:
    data = load(path)
    if not isinstance(data, Mapping):
        raise ConfigError(path, None, "a rule pack is a mapping with a `rules:` list")
    unknown = set(data) - {"pack", "description", "rules"}
    if unknown:
        key = sorted(unknown)[0]
        raise ConfigError(path, data.line_of(key), f"unknown key {key!r} (expected pack, description, rules)")
    rules = data.get("rules")
    if not isinstance(rules, list):
        raise ConfigError(path, data.line_of("rules"), "`rules:` must be a list of rules")
    return Pack(path, data.get("pack", path.stem), rules, data.line_of("rules"))


def load_pack(path: Path) -> list[Rule]:
    return build_rules([read_pack(path)])


def data_files(pack: Pack) -> list[str]:
    """The data files the pack's rules read, found without building the rules.

    An entry too broken to say is skipped: building it fails anyway."""
    out: list[str] = []
    for spec in pack.specs:
        cls = KINDS.get(spec.get("kind")) if isinstance(spec, Mapping) else None
        if cls is not None:
            out.extend(cls.data_files(_options(pack.path, spec, cls), (str(pack.path), spec.line)))
    return out


def _expect(path, spec: Mapping, key: str, kind, required=False):
    value = spec.get(key)
    if value is None:
        if required:
            raise ConfigError(path, spec.line, f"rule {spec.get('id', '?')}: missing `{key}`")
        return None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise ConfigError(path, spec.line_of(key), f"rule {spec.get('id', '?')}: `{key}` must be a {names}")
    return value


def _rule(path: Path, pack: str, spec, line: int) -> Rule:
    if not isinstance(spec, Mapping):
        raise ConfigError(path, line, "each entry of `rules:` must be a mapping")
    rule_id = _expect(path, spec, "id", str, required=True)
    if not _ID.match(rule_id):
        raise ConfigError(path, spec.line_of("id"), f"rule id {rule_id!r} must look like pack.name (lower case, dots)")
    kind = _expect(path, spec, "kind", str, required=True)
    cls = KINDS.get(kind)
    if cls is None:
        raise ConfigError(path, spec.line_of("kind"), f"rule {rule_id}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    unknown = set(spec) - COMMON_KEYS - set(cls.KEYS)
    if unknown:
        key = sorted(unknown)[0]
        allowed = ", ".join(sorted(COMMON_KEYS | set(cls.KEYS)))
        raise ConfigError(path, spec.line_of(key), f"rule {rule_id}: unknown key {key!r} (allowed: {allowed})")
    message = _expect(path, spec, "message", str, required=True)
    try:
        names = placeholders(message)
    except ValueError as exc:
        raise ConfigError(path, spec.line_of("message"), f"rule {rule_id}: {exc}") from None
    extra = names - {"match"} - set(cls.PLACEHOLDERS)
    if extra:
        allowed = ", ".join("{" + p + "}" for p in ("match", *cls.PLACEHOLDERS))
        raise ConfigError(path, spec.line_of("message"),
                          f"rule {rule_id}: unknown placeholder {{{sorted(extra)[0]}}} (allowed: {allowed})")
    severity = _expect(path, spec, "severity", str) or "warning"
    if severity not in SEVERITY_NAMES:
        raise ConfigError(path, spec.line_of("severity"), f"rule {rule_id}: severity must be one of {', '.join(SEVERITY_NAMES)}")
    category = _expect(path, spec, "category", str) or "style"
    if not check_category(category):
        raise ConfigError(path, spec.line_of("category"), f"rule {rule_id}: unknown category {category!r}")
    scope = _scope(path, spec, rule_id)
    fix = _expect(path, spec, "fix", str) or "safe"
    if fix not in ("safe", "unsafe", "none"):
        raise ConfigError(path, spec.line_of("fix"), f"rule {rule_id}: fix must be safe, unsafe or none")
    examples = _examples(path, spec, rule_id)
    enabled = _expect(path, spec, "enabled", bool)
    options = _options(path, spec, cls)
    docs = _expect(path, spec, "docs", str) or ""
    description = _expect(path, spec, "description", str) or (docs.strip().splitlines() or [message])[0]
    return cls(
        id=rule_id, kind=kind, message=message, severity=Severity.parse(severity), category=category,
        scope=scope, description=description, link=_expect(path, spec, "link", str) or "", docs=docs,
        examples=examples, pack=pack, fix=fix, enabled=enabled is not False, options=options,
        where=(str(path), spec.line),
    )


def _options(path: Path, spec: Mapping, cls: type[Rule]) -> Mapping:
    """The kind's own keys of a rule, type-checked, with their defaults."""
    options = Mapping(line=spec.line)
    options.key_lines = spec.key_lines
    for key, want in cls.KEYS.items():
        value = _expect(path, spec, key, want.type, required=want.required)
        options[key] = want.default if value is None else value
    return options


def _scope(path, spec, rule_id) -> tuple[str, ...]:
    raw = spec.get("scope", list(DEFAULT_SCOPE))
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        raise ConfigError(path, spec.line_of("scope"), f"rule {rule_id}: scope must be a name or a list of names")
    out = []
    for item in items:
        base = str(item).split(".", 1)[0]
        if base not in SCOPES or (base != "metadata" and "." in str(item)):
            raise ConfigError(path, spec.line_of("scope"),
                              f"rule {rule_id}: unknown scope {item!r} (one of {', '.join(SCOPES)}, or metadata.FIELD)")
        out.extend(PROSE_SCOPES if item == "text" else (str(item),))
    return tuple(dict.fromkeys(out))


def _examples(path, spec, rule_id) -> dict:
    examples = spec.get("examples")
    if examples is None:
        return {"bad": [], "good": []}
    if not isinstance(examples, Mapping) or set(examples) - {"bad", "good"}:
        raise ConfigError(path, spec.line_of("examples"), f"rule {rule_id}: examples must be a mapping with bad and good lists")
    out = {}
    for key in ("bad", "good"):
        items = examples.get(key, [])
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise ConfigError(path, examples.line_of(key), f"rule {rule_id}: examples.{key} must be a list of strings")
        out[key] = items
    return out


def load_packs(paths: list[Path]) -> list[Rule]:
    """All rules of the given pack files; a rule id may be defined once."""
    return build_rules([read_pack(p) for p in paths])


def build_rules(packs: list[Pack]) -> list[Rule]:
    """All rules of the packs, checked and compiled; a rule id may be defined once."""
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    for pack in packs:
        built = [_rule(pack.path, pack.name, spec, pack.line) for spec in pack.specs]
        for rule in built:
            if rule.id in seen:
                first = seen[rule.id].where
                raise ConfigError(pack.path, rule.where[1], f"rule {rule.id} is already defined at {first[0]}:{first[1]}")
            seen[rule.id] = rule
        check_compiles(pack.path, [p for rule in built for p in rule.patterns()])
        rules.extend(built)
    Index([p for rule in rules for p in rule.patterns()])  # each pattern keeps it
    return rules
