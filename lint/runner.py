"""Find files, lint each with the rules its configuration turns on, in parallel."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import regex

from lint import POOL_THRESHOLD, cache
from lint import config as configuration
from lint import suppress
from lint.checks.base import DEFAULT_SCOPE, Rule
from lint.checks.existence import Existence
from lint.checks.grammar import GrammarCheck
from lint.config import Config, name_matches
from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.engines import get_engine
from lint.packs import Pack, build_rules, bundled_packs, data_files, read_pack
from lint.progress import Progress
from lint.readers import decode, input_problem, parse, read_bytes
from lint.spelling import NewsSpelling
from lint.yamlfile import ConfigError

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".newslint_cache"}
ENGINE_PREFIXES = ("harper.", "languagetool.")


@dataclass(frozen=True)
class Options:
    """Settings from the command line that apply to every file."""

    config: str | None = None  # --config: one file for all
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    grammar: str | None = None  # --grammar: overrides grammar.engine
    languagetool_url: str | None = None
    # --check-links: fetch each article's source link after linting (lint/links.py);
    # --allow-private-links: let it reach private, loopback and link-local addresses.
    check_links: bool = False
    allow_private_links: bool = False
    cache_dir: str | None = None  # --cache-dir; default .newslint_cache beside the config
    no_cache: bool = False


def config_for(path: Path, options: Options) -> Config:
    if options.config:
        return _explicit_config(options.config)
    return configuration.discover(Path(os.path.abspath(path)).parent)


@lru_cache(maxsize=None)
def _explicit_config(path: str) -> Config:
    return configuration.load_file(Path(path))


def pack_paths(cfg: Config) -> list[Path]:
    bundled = bundled_packs()
    if cfg.packs is None:
        return list(bundled.values())
    out = []
    for name in cfg.packs:
        if name in bundled:
            out.append(bundled[name])
            continue
        path = (cfg.root / name).resolve()
        if path.is_dir():
            out.extend(sorted(path.glob("*.yaml")))
        elif path.is_file():
            out.append(path)
        else:
            raise ConfigError(cfg.path or "config", None,
                              f"pack {name!r} is neither a bundled pack ({', '.join(bundled)}) nor a file or folder")
    return out


def read_words(path: Path) -> list[str]:
    """A vocabulary file: one word or phrase a line; # starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, f"cannot read vocabulary: {exc}") from None
    return [w for w in (ln.split("#", 1)[0].strip() for ln in lines) if w]


def _rejected_words_rule(cfg: Config) -> Existence | None:
    words = [w for path in cfg.reject for w in read_words(path)]
    if not words:
        return None
    options = Existence.options_with_defaults(tokens=[regex.escape(w) for w in words], ignorecase=True)
    return Existence(
        id="vocabulary.rejected", kind="existence", message='"{match}" is on the list of rejected words',
        severity=Severity.ERROR, category="style", scope=DEFAULT_SCOPE,
        description="Words the house vocabulary rejects", pack="vocabulary", options=options,
        where=(str(cfg.reject[0]), 0),
    )


@lru_cache(maxsize=None)
def packs_for(cfg: Config) -> list[Pack]:
    """The config's packs, read once: both building the rules and the cache key need them."""
    return [read_pack(p) for p in pack_paths(cfg)]


@lru_cache(maxsize=None)
def rules_for(cfg: Config):
    rules = build_rules(packs_for(cfg))
    rejected = _rejected_words_rule(cfg)
    return rules + [rejected] if rejected else rules


def engine_choice(cfg: Config, options: Options) -> tuple[str, str | None]:
    """The grammar engine's name and LanguageTool URL: the command line, then the config."""
    url = options.languagetool_url or cfg.grammar.get("languagetool_url")
    name = options.grammar or ("languagetool" if options.languagetool_url else cfg.grammar["engine"])
    return name, url


@lru_cache(maxsize=None)
def grammar_for(cfg: Config, options: Options) -> GrammarCheck | None:
    """The grammar check, its engine made once per process. The first call comes from the
    thread of `_engine_lint`: Harper builds its linter (about 0.6 s) outside the GIL,
    while the rules compile and run."""
    settings = cfg.grammar
    name, url = engine_choice(cfg, options)
    engine = get_engine(name, cfg.dialect, url, float(settings.get("languagetool_timeout", 30)),
                        tuple(settings.get("disabled_rules") or ()), tuple(settings.get("enabled_rules") or ()))
    if engine is None:
        return None
    accept = {w for path in cfg.accept for w in read_words(path)}
    return GrammarCheck(engine, NewsSpelling(accept))


@lru_cache(maxsize=None)
def _engine_thread(pid: int) -> ThreadPoolExecutor:
    """The one thread of this process (`pid`: a forked worker gets its own) that runs
    the grammar engine. Harper keeps caches per thread: with a new thread for each
    article, a run took three times as long."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-engine")


def _setting(rule_id: str, settings: dict[str, str]) -> str | None:
    """The most specific setting that names the rule."""
    names = [n for n in settings if name_matches(n, rule_id)]
    return settings[max(names, key=len)] if names else None


def wanted(rule_id: str, cfg: Config, options: Options, settings: dict[str, str], default: bool = True) -> bool:
    """Whether a rule runs for a file: --select/--ignore, the config, and its settings.

    A rule that is off by default (`default` false) runs only when a setting or
    --select names it.
    """
    select = options.select or cfg.select
    if select and not any(name_matches(n, rule_id) for n in select):
        return False
    if any(name_matches(n, rule_id) for n in (*cfg.ignore, *options.ignore)):
        return False
    setting = _setting(rule_id, settings)
    return setting != "off" and (default or setting is not None or rule_id in select)


def settle(article, found: list[Diagnostic], cfg: Config, options: Options,
           settings: dict[str, str]) -> list[Diagnostic]:
    """What the user asked to see of `found`: wanted rules, not suppressed, at their configured
    severity; `settings` are the config's rule settings for the article's file."""
    out = []
    for d in suppress.apply(article, found):
        if not wanted(d.rule, cfg, options, settings):
            continue
        setting = _setting(d.rule, settings)
        if setting in ("error", "warning", "info"):
            d = replace(d, severity=Severity.parse(setting))
        out.append(d)
    return sorted(set(out), key=Diagnostic.sort_key)


@lru_cache(maxsize=256)
def _running(cfg: Config, options: Options, settings: tuple[tuple[str, str], ...]) -> list[Rule]:
    """The rules `wanted` for files with these settings: asked once, not for every file."""
    as_dict = dict(settings)
    return [rule for rule in rules_for(cfg) if wanted(rule.id, cfg, options, as_dict, rule.enabled)]


def lint_text(path: str, text: str, cfg: Config, options: Options) -> list[Diagnostic]:
    """Diagnostics for one file's decoded text."""
    article, problems = parse(path, text, cfg.keys)
    return _lint(article, problems, cfg, options)


def _lint(article, problems, cfg: Config, options: Options) -> list[Diagnostic]:
    # The grammar engine is built (once) and run over the article in a thread while
    # the rules compile and run: it works outside the GIL.
    engine_work = _engine_thread(os.getpid()).submit(_engine_lint, article, cfg, options)
    settings = cfg.rule_settings(Path(article.path))
    found = list(problems)
    for rule in _running(cfg, options, tuple(settings.items())):
        found.extend(rule.check(article))
    linted = engine_work.result()
    if linted is not None:
        found.extend(grammar_for(cfg, options).check(article, linted))
    return settle(article, one_per_slip(found), cfg, options, settings)


def _engine_lint(article, cfg: Config, options: Options):
    grammar = grammar_for(cfg, options)
    return None if grammar is None else grammar.lint(article)


def one_per_slip(found: list[Diagnostic]) -> list[Diagnostic]:
    """One typo or grammar diagnostic per slip: where several overlap, the most severe
    stays, then ours over an engine's, then the most precise (shortest span)."""
    def rank(d: Diagnostic):
        return (-d.severity, d.rule.startswith(ENGINE_PREFIXES), d.end - d.start, d.rule)

    kept: list[Diagnostic] = []
    for d in sorted((d for d in found if d.category in ("spelling", "grammar")), key=rank):
        if not any(d.start < k.end and k.start < d.end for k in kept):
            kept.append(d)
    return [d for d in found if d.category not in ("spelling", "grammar")] + kept


def lint_bytes(path: str, data: bytes, options: Options, config_path: Path | None = None,
               use_cache: bool = False) -> FileResult:
    cfg = config_for(config_path or Path(path), options)
    content = cache.digest(data)
    store = _cache_for(cfg, options) if use_cache else None
    key = cache.key(_setup_digest(cfg, options), path, content) if store else ""
    hit = _from_store(store, key, path, data, content)
    if hit is not None:
        return hit
    article, problems = read_bytes(path, data, cfg.keys)
    if article is None:
        result = FileResult(path, None, problems, content)
    else:
        result = FileResult(path, article.source, _lint(article, problems, cfg, options), content)
    if store:
        store.put(key, result.diagnostics)
    return result


def _from_store(store: cache.Cache | None, key: str, path: str, data: bytes, content: str) -> FileResult | None:
    diagnostics = store.get(key) if store else None
    if diagnostics is None:
        return None
    text, _ = decode(path, data)
    return FileResult(path, text, diagnostics, content)


def cached_result(path: str, options: Options) -> FileResult | None:
    """The file's result from the cache, or None: not cached, unreadable, or no cache."""
    cfg = config_for(Path(path), options)
    store = _cache_for(cfg, options)
    if store is None:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None  # lint_path reports it
    content = cache.digest(data)
    return _from_store(store, cache.key(_setup_digest(cfg, options), path, content), path, data, content)


@lru_cache(maxsize=None)
def _setup_digest(cfg: Config, options: Options) -> str:
    """What decides a file's result besides its bytes: config, rule and word files,
    tool versions, command-line options."""
    # The rules' data files come from their options: a run whose results are all
    # cached then never compiles a rule.
    files = [cfg.path, *pack_paths(cfg), *cfg.accept, *cfg.reject, *(f for p in packs_for(cfg) for f in data_files(p))]
    return cache.files_digest([f for f in files if f]) + repr(replace(options, cache_dir=None, no_cache=False))


@lru_cache(maxsize=None)
def _cache_for(cfg: Config, options: Options) -> cache.Cache | None:
    if options.no_cache:
        return None
    return cache.Cache(Path(options.cache_dir) if options.cache_dir else cfg.root / cache.DIR_NAME)


def lint_path(path: str, options: Options) -> FileResult:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return FileResult(path, None, [input_problem(path, "input.unreadable", f"cannot read file: {reason}")])
    return lint_bytes(path, data, options, use_cache=True)


def discover_files(paths: list[str], options: Options) -> list[str]:
    """Files named on the command line, and article files under named folders."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    cfg = config_for(f, options)
                    if cfg.included(f) and not cfg.excluded(f):
                        found.append(str(f))
        else:
            found.append(raw)
    return list(dict.fromkeys(found))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reported when read


def lint_paths(files: list[str], options: Options, jobs: int) -> list[FileResult]:
    """Results in the order of `files`, whatever the number of worker processes."""
    # Each worker would start its own local LanguageTool (a Java server): one is enough.
    if any(engine_choice(config_for(Path(f), options), options) == ("languagetool", None) for f in files):
        jobs = 1
    progress = Progress(len(files))
    results: list[FileResult | None] = []
    try:
        # Cached results first, here: a run that finds all its files cached starts no workers.
        done = 0
        for f in files:
            results.append(cached_result(f, options))
            if results[-1] is not None:
                done += 1
                progress.step(done, f)
        todo = [i for i, r in enumerate(results) if r is None]
        if jobs <= 1 or len(todo) < POOL_THRESHOLD:
            for i in todo:
                results[i] = lint_path(files[i], options)
                done += 1
                progress.step(done, files[i])
            return results
        # Longest files first, in small chunks, so that the workers finish together
        # rather than one waiting for another's last long chunk.
        todo.sort(key=lambda i: -_size(files[i]))
        chunk = max(1, len(todo) // (jobs * 32))
        from concurrent.futures import ProcessPoolExecutor  # only here: importing it slows every start

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for i, result in zip(todo, pool.map(lint_path, [files[i] for i in todo], [options] * len(todo), chunksize=chunk)):
                results[i] = result
                done += 1
                progress.step(done, result.path)
        return results
    finally:
        progress.close()
