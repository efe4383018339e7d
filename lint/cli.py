"""The `newslint` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

import click

from lint import POOL_THRESHOLD, __version__
from lint.diagnostic import SEVERITY_NAMES, FileResult, Severity
from lint.engines.base import EngineError
from lint.yamlfile import ConfigError

FAIL_ON = SEVERITY_NAMES + ("never",)


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    """--select a,b --select c -> (a, b, c)."""
    return tuple(n.strip() for v in values for n in v.split(",") if n.strip())


class _Group(click.Group):
    """Turns expected failures into one-line messages and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (ConfigError, EngineError) as exc:
            click.echo(f"newslint: error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:  # the reader stopped early (newslint ... | head): nothing to say
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("newslint: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # an unexpected failure is a bug; say so plainly
            if os.environ.get("NEWSLINT_DEBUG"):
                raise
            click.echo(f"newslint: internal error: {type(exc).__name__}: {exc} "
                       "(set NEWSLINT_DEBUG=1 for a traceback)", err=True)
            ctx.exit(2)


def run() -> None:
    """The `newslint` program: the command, then an exit without the interpreter's
    clean-up. Freeing the word tables and Harper's dictionary one object at a time
    took a tenth of a second, a tenth of a one-article run; output is flushed and
    files are closed by then."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away (newslint ... | head)
        code = code or 1
    os._exit(code or 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main():
    """A text-quality and fact-check linter for news articles."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "junit"]),
              default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", multiple=True, help="Only these rules or packs (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules or packs (comma-separated, repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config for every file.")
@click.option("--grammar", type=click.Choice(["harper", "languagetool", "none"]),
              help="Grammar engine (default: grammar.engine in the config, else harper).")
@click.option("--languagetool-url", metavar="URL",
              help="A LanguageTool server (remote or Docker); implies --grammar languagetool.")
@click.option("--stdin-filename", help="File name to report for `-` (standard input).")
@click.option("--statistics", is_flag=True, help="Show counts per rule.")
@click.option("-q", "--quiet", is_flag=True, help="One line per diagnostic, no summary.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Worker processes.")
@click.option("--check-links", is_flag=True, help="Fetch each article's source link and warn when it is dead.")
@click.option("--allow-private-links", is_flag=True,
              help="Let --check-links reach private, loopback and link-local addresses.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes marked unsafe.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, exists=True),
              help="Report only diagnostics that this baseline (newslint baseline) does not record.")
@click.option("--no-cache", is_flag=True, help="Lint every file again, ignoring and not writing the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where to keep the result cache.")
def check(paths, fmt, output, fail_on, select, ignore, config_path, grammar, languagetool_url, stdin_filename,
          statistics, quiet, no_color, jobs, check_links, allow_private_links, fix, unsafe_fixes, diff,
          baseline_path, no_cache, cache_dir):
    """Lint articles: files, folders (recursively) or - for standard input."""
    if _few_files(paths) and grammar in (None, "harper") and not languagetool_url:
        # The pre-commit case: Harper's start-up is the longest single cost, so it begins
        # before anything else. A run of many files lints in workers, which build their own.
        from lint.engines.harper import warm_up

        warm_up()
    from lint import runner
    from lint.reporters import FORMATS

    options = runner.Options(config=config_path, select=_names(select), ignore=_names(ignore),
                             grammar=grammar, languagetool_url=languagetool_url,
                             check_links=check_links, allow_private_links=allow_private_links,
                             cache_dir=cache_dir, no_cache=no_cache)
    if fix and not diff and "-" in paths:
        raise click.UsageError("--fix cannot write to standard input; use --diff")
    results = _lint_all(paths, options, jobs, stdin_filename)
    if fix or diff:
        from lint import fix as fixing

        outcome = fixing.fix_results(results, options, unsafe=unsafe_fixes, write=not diff)
        for problem in outcome.problems:
            click.echo(f"newslint: {problem}", err=True)
        if diff:
            sys.stdout.write(outcome.diff)
            sys.exit(1 if outcome.diff else 0)
        click.echo(f"Fixed {outcome.fixed} problem{'s' * (outcome.fixed != 1)} "
                   f"in {outcome.files} file{'s' * (outcome.files != 1)}.", err=True)
        results = outcome.results
    if baseline_path:
        from lint import baseline

        results = baseline.new_only(results, baseline.read(Path(baseline_path)))
    stream = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
    try:
        color = not no_color and not output and stream.isatty() and "NO_COLOR" not in os.environ
        FORMATS[fmt](results, _rules_of(results, options), stream, color=color, statistics=statistics, quiet=quiet)
    finally:
        if output:
            stream.close()
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(d.severity >= threshold for r in results for d in r.diagnostics):
            sys.exit(1)


def _lint_all(paths, options, jobs, stdin_filename=None) -> list[FileResult]:
    """Lint the named files, folders and standard input, then check links if asked."""
    from lint import runner

    if options.config:
        runner.config_for(Path(options.config), options)  # a broken config fails before any file
    results: list[FileResult] = []
    named = _named(paths)
    if "-" in named:
        name = stdin_filename or "<stdin>"
        data = sys.stdin.buffer.read()
        results.append(runner.lint_bytes(name, data, options, Path(stdin_filename or "stdin.md")))
    files = runner.discover_files([p for p in named if p != "-"], options)
    results.extend(runner.lint_paths(files, options, jobs))
    if options.check_links:  # in this process, after linting: each URL fetched once per run
        from lint import links

        links.check_results(results, options)
    return results


def _few_files(paths) -> bool:
    """Whether PATHS names only a few files (no folder): a run too small for workers."""
    return 0 < len(paths) < POOL_THRESHOLD and all(os.path.isfile(p) for p in paths)


def _named(paths) -> list[str]:
    """The PATHS argument, defaulting to the current folder; a missing path is a usage error."""
    named = list(paths) or ["."]
    for p in named:
        if p != "-" and not os.path.exists(p):
            raise click.BadParameter(f"no such file or folder: {p}", param_hint="PATHS")
    return named


def _rules_of(results, options) -> Mapping:
    """Every rule the files' configurations load, by id, for the reporters' metadata."""
    from lint import runner

    def load() -> dict:
        rules = {}
        for cfg in {id(c): c for c in (runner.config_for(Path(r.path), options) for r in results)}.values():
            rules.update((r.id, r) for r in runner.rules_for(cfg))
        return rules

    return _OnDemand(load)


class _OnDemand(Mapping):
    """A mapping made by `load` on first use. Loading the rules compiles every
    pattern, and most reports never look a rule up: a run whose results all come
    from the cache would build them for nothing."""

    def __init__(self, load):
        self._load = load

    @cached_property
    def _data(self) -> dict:
        return self._load()

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=".newslint-baseline.json",
              show_default=True, help="Where to write the baseline.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config for every file.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="cores",
              help="Worker processes.")
def make_baseline(paths, output, config_path, jobs):
    """Record today's diagnostics, so that `check --baseline` reports only new ones."""
    from lint import baseline, runner

    results = _lint_all(paths, runner.Options(config=config_path), jobs)
    count = baseline.write(results, Path(output))
    click.echo(f"Recorded {count} diagnostic{'s' * (count != 1)} of {len(results)} files in {output}.")


def _all_rules(config_path):
    from lint import runner

    options = runner.Options(config=config_path)
    return runner.rules_for(runner.config_for(Path("."), options))


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config to read packs from.")
def list_rules(config_path):
    """List the rules in force: id, pack, kind, severity, description."""
    rules = _all_rules(config_path)
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        click.echo(f"{r.id:<{width}}  {r.pack:<10} {r.kind:<14} {str(r.severity):<8} {r.description}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config to read packs from.")
def explain(rule_id, config_path):
    """Show a rule's documentation and examples."""
    rules = {r.id: r for r in _all_rules(config_path)}
    rule = rules.get(rule_id)
    if rule is None and rule_id.startswith("harper."):
        from lint.engines import get_engine

        text = get_engine("harper", "any").describe(rule_id.split(".", 1)[1])
        if text:
            click.echo(f"{rule_id} (Harper grammar engine)\n\n{text.strip()}")
            return
    if rule is None:
        close = [r for r in rules if rule_id in r]
        hint = f" (did you mean {', '.join(close[:5])}?)" if close else ""
        raise click.UsageError(f"unknown rule {rule_id!r}{hint}; `newslint rules` lists them all")
    click.echo(f"{rule.id} ({rule.kind}, {rule.severity}, {rule.category})")
    click.echo(f"pack: {rule.pack}   defined at: {rule.where[0]}:{rule.where[1]}")
    click.echo("")
    click.echo((rule.docs or rule.description).rstrip())
    if rule.link:
        click.echo(f"\nMore: {rule.link}")
    for label, key in (("Flagged", "bad"), ("Not flagged", "good")):
        if rule.examples.get(key):
            click.echo(f"\n{label}:")
            for text in rule.examples[key]:
                # Whole-article examples (metadata rules) keep their lines, indented.
                click.echo("  - " + text.rstrip("\n").replace("\n", "\n    "))


@main.command("test-rules")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def test_rules(paths):
    """Run every rule's examples: bad ones must be flagged, good ones not."""
    from lint.examples import failures
    from lint.packs import bundled_packs, load_packs

    files = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    rules = load_packs(files or list(bundled_packs().values()))
    problems = [f for rule in rules for f in failures(rule)]
    for line in problems:
        click.echo(line)
    examples = sum(len(r.examples.get("bad", [])) + len(r.examples.get("good", [])) for r in rules)
    click.echo(f"{len(rules)} rules, {examples} examples: {len(problems)} failed")
    sys.exit(1 if problems else 0)


STARTER = Path(__file__).with_name("starter.yaml")


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .newslint.yaml.")
def init(force):
    """Write a commented starter .newslint.yaml in this folder."""
    target = Path(".newslint.yaml")
    if target.exists() and not force:
        raise click.UsageError(".newslint.yaml already exists (use --force to overwrite)")
    target.write_text(STARTER.read_text(encoding="utf-8"), encoding="utf-8")
    click.echo(f"wrote {target}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the list to a file.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False),
              help="An extra attribution lexicon, merged over the bundled one (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config for every file.")
def claims(paths, fmt, output, lexicons, config_path):
    """List check-worthy sentences (statistics, quotes, comparisons, causal claims,
    anonymous sources) with their attribution: files or folders (recursively)."""
    from lint import claims as claimlist
    from lint import runner
    from lint.lexicon import default_lexicon_path, load_lexicon
    from lint.sourcing import Settings

    options = runner.Options(config=config_path)
    settings = Settings(tuple([str(default_lexicon_path())] + [str(Path(p).resolve()) for p in lexicons]))
    load_lexicon(settings.lexicons)  # a broken lexicon stops the run before any file
    files = runner.discover_files(_named(paths), options)
    results = [claimlist.read_claims(f, runner.config_for(Path(f), options).keys, settings) for f in files]
    for r in results:
        if r.error is not None:
            click.echo(f"newslint: {r.path}: {r.error}", err=True)
    stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        claimlist.WRITERS[fmt](results, stream)
    finally:
        if output:
            stream.close()
    sys.exit(1 if any(r.error is not None for r in results) else 0)
