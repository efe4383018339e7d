"""--fix, --diff, baselines and the result cache."""

from __future__ import annotations

import json
import os

import pytest

from lint import fix as fixing
from lint.runner import Options, lint_path
from tests.conftest import story

FIXABLE = story("The council could of acted sooner in order to help.\r\nThe the goverment agreed.\r\n")
FIXED = story("The council could have acted sooner to help.\r\nThe government agreed.\r\n")


def rules_of(result) -> list[str]:
    return [d["rule"] for d in json.loads(result.stdout)["diagnostics"]]


def test_fix_writes_safe_fixes_and_is_idempotent(cli, write):
    path = write("a.md", FIXABLE.encode("utf-8"))
    first = cli(["check", "--fix", "--format", "json", "--no-cache", path])
    assert path.read_bytes() == FIXED.encode("utf-8")
    assert "style.common-errors" not in rules_of(first)
    second = cli(["check", "--fix", "--no-cache", path])
    assert path.read_bytes() == FIXED.encode("utf-8")
    assert "Fixed 0 problems" in second.output


def test_fix_keeps_bom_and_permissions(cli, write):
    path = write("a.md", b"\xef\xbb\xbf" + FIXABLE.encode("utf-8"))
    os.chmod(path, 0o600)
    cli(["check", "--fix", "--no-cache", path])
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_diff_prints_and_does_not_write(cli, write):
    path = write("a.md", FIXABLE)
    before = path.read_bytes()
    result = cli(["check", "--diff", "--no-cache", path])
    assert result.exit_code == 1
    assert "-The the goverment agreed." in result.output and "+The government agreed." in result.output
    assert path.read_bytes() == before


def test_unsafe_fixes_only_when_asked(cli, write):
    path = write("a.md", story("Armoured cars moved in.\n"))
    write(".newslint.yaml", "dialect: en-US\n")
    cli(["check", "--fix", "--no-cache", path])
    assert "Armored" in path.read_text()  # the dialect rule's fix is safe
    real_word = write("b.md", story("The council voted to held a public inquiry.\n"))
    cli(["check", "--fix", "--no-cache", real_word])
    assert "to held" in real_word.read_text()
    cli(["check", "--fix", "--unsafe-fixes", "--no-cache", real_word])
    assert "to held" not in real_word.read_text()


def test_file_changed_since_it_was_read_is_left_alone(write):
    path = write("a.md", FIXABLE)
    result = lint_path(str(path), Options(no_cache=True))
    changed = (FIXABLE + "New paragraph.\n").encode()
    path.write_bytes(changed)
    outcome = fixing.fix_results([result], Options(no_cache=True), unsafe=False, write=True)
    assert path.read_bytes() == changed
    assert outcome.problems and "changed on disk" in outcome.problems[0]


def test_fix_refuses_standard_input(cli):
    result = cli(["check", "--fix", "-"], input=FIXABLE)
    assert result.exit_code == 2


def test_baseline_reports_only_new_diagnostics_and_survives_moved_lines(cli, write, tmp_path):
    path = write("a.md", story("The council could of acted sooner.\n"))
    baseline = tmp_path / "base.json"
    made = cli(["baseline", path, "-o", baseline, "--config", write("c.yaml", "grammar: {engine: none}\n")])
    assert made.exit_code == 0 and baseline.exists()
    args = ["check", "--format", "json", "--grammar", "none", "--no-cache", "--baseline", baseline, path]
    assert rules_of(cli(args)) == []
    path.write_text(story("A new first paragraph.\n\nThe council could of acted sooner.\n\nIt could of rained.\n"))
    assert rules_of(cli(args)) == ["style.common-errors"]  # only the new one
    assert json.loads(cli(args).output)["diagnostics"][0]["text"] == "could of"
    assert json.loads(cli(args).output)["diagnostics"][0]["line"] == 12


def test_broken_baseline_exits_2(cli, write):
    bad = write("base.json", "{not json")
    assert cli(["check", "--baseline", bad, write("a.md", story("Fine.\n"))]).exit_code == 2


def test_cache_reuses_results_until_content_or_config_changes(cli, write, tmp_path):
    cache_dir = tmp_path / "cache"
    path = write("a.md", story("The council could of acted sooner.\n"))
    args = ["check", "--format", "json", "--grammar", "none", "--cache-dir", cache_dir, path]
    first = cli(args).output
    entries = list(cache_dir.rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text(json.dumps([]))  # a doctored entry shows the cache is read
    assert rules_of(cli(args)) == []
    path.write_text(story("The council could of acted sooner!\n"))  # new content: linted again
    assert "style.common-errors" in rules_of(cli(args))
    write(".newslint.yaml", "rules:\n  style.common-errors: warning\n")
    import lint.config

    lint.config.discover.cache_clear()
    assert json.loads(cli(args).output)["diagnostics"][0]["severity"] == "warning"
    assert json.loads(first)["diagnostics"][0]["severity"] == "error"


def test_damaged_cache_entry_is_ignored(cli, write, tmp_path):
    cache_dir = tmp_path / "cache"
    path = write("a.md", story("The council could of acted sooner.\n"))
    args = ["check", "--format", "json", "--grammar", "none", "--cache-dir", cache_dir, path]
    cli(args)
    for entry in cache_dir.rglob("*.json"):
        entry.write_text("{garbage")
    assert "style.common-errors" in rules_of(cli(args))


def test_cache_key_covers_files_rules_read(tmp_path):
    """Editing a rule's data file (a sourcing lexicon) must invalidate cached results."""
    from lint import runner
    from lint.config import Config
    from lint.packs import data_files, read_pack

    lexicon = tmp_path / "extra.yaml"
    lexicon.write_text("reporting_verbs: [averred]\n")
    pack = tmp_path / "p.yaml"
    pack.write_text("rules:\n  - id: p.weasel\n    kind: sourcing\n    flag: weasel\n    message: m\n"
                    "    lexicon: extra.yaml\n")
    cfg = Config(packs=[str(pack)], root=tmp_path)
    assert str(lexicon) in data_files(read_pack(pack))  # found relative to the pack
    assert runner.rules_for(cfg)[0].settings.lexicons == tuple(data_files(read_pack(pack)))
    before = runner._setup_digest(cfg, Options())
    lexicon.write_text("reporting_verbs: [averred, opined]\n")
    runner._setup_digest.cache_clear()
    assert runner._setup_digest(cfg, Options()) != before


def test_cached_run_builds_rules_only_for_reporters_that_need_them(cli, write, tmp_path, monkeypatch):
    """Compiling the rules is most of start-up: a run whose results all come from the
    cache skips it, unless the report shows rule metadata (SARIF, --statistics)."""
    from lint import runner

    path = write("a.md", story("The council could of acted sooner.\n"))
    args = ["check", "--grammar", "none", "--cache-dir", tmp_path / "cache", path]
    cli(args)
    runner.rules_for.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(runner, "build_rules", lambda packs: pytest.fail("rules built on a cached run"))
        assert rules_of(cli([*args, "--format", "json"])) == ["style.common-errors"]
    sarif = json.loads(cli([*args, "--format", "sarif"]).output)
    (descriptor,) = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["shortDescription"]["text"] != "style.common-errors"  # the rule's own description


def test_partly_cached_run_keeps_file_order_and_lints_only_the_rest(write, tmp_path, monkeypatch):
    from lint import runner

    bodies = ["The council could of acted sooner.\n", "The the vote was close.\n", "Nothing wrong here.\n"]
    files = [str(write(f"a{i:02}.md", story(bodies[i % 3]))) for i in range(12)]
    options = Options(grammar="none", cache_dir=str(tmp_path / "cache"))
    runner.lint_paths(files[::2], options, jobs=2)  # half of them cached
    linted = []
    real = runner.lint_path
    monkeypatch.setattr(runner, "lint_path", lambda f, o: linted.append(f) or real(f, o))
    results = runner.lint_paths(files, options, jobs=1)
    assert linted == files[1::2]
    assert [r.path for r in results] == files
    monkeypatch.undo()
    uncached = runner.lint_paths(files, Options(grammar="none", no_cache=True), jobs=2)
    assert [r.diagnostics for r in results] == [r.diagnostics for r in uncached]
