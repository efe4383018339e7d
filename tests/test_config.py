from __future__ import annotations

import json

ERROR_TEXT = "# Storm hits coast\n\nThe council could of acted sooner.\n"
WARNING_TEXT = "# Storm hits coast\n\nThe council acted prior to the vote.\n"
CLEAN_TEXT = "# Storm hits coast\n\nThe storm reached the coast at dawn.\n"


def rules_found(cli, *args):
    """Rules that fire; the grammar engine and metadata checks are off, as these tests are
    about configuration."""
    result = cli(["check", "--format", "json", "--grammar", "none", "--ignore", "metadata", *args])
    assert result.exit_code in (0, 1), result.output
    return [(d["rule"], d["severity"]) for d in json.loads(result.output)["diagnostics"]]


def test_config_is_found_in_a_parent_folder(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  style.common-errors: warning\n")
    write("desk/politics/a.md", ERROR_TEXT)
    assert rules_found(cli, tmp_path / "desk") == [("style.common-errors", "warning")]


def test_nearest_config_wins(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  style.common-errors: warning\n")
    write("desk/.newslint.yaml", "rules:\n  style.common-errors: info\n")
    write("desk/a.md", ERROR_TEXT)
    write("b.md", ERROR_TEXT)
    found = rules_found(cli, tmp_path)
    assert sorted(found) == [("style.common-errors", "info"), ("style.common-errors", "warning")]


def test_pyproject_tool_table(cli, write, tmp_path):
    write("pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint.rules]\n"style.common-errors" = "off"\n')
    write("a.md", ERROR_TEXT)
    assert rules_found(cli, tmp_path) == []


def test_pyproject_without_tool_table_is_skipped(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  style: off\n")
    write("sub/pyproject.toml", '[project]\nname = "x"\n')
    write("sub/a.md", ERROR_TEXT)
    assert rules_found(cli, tmp_path / "sub") == []


def test_explicit_config_overrides_discovery(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  style: off\n")
    other = write("elsewhere/strict.yaml", "rules:\n  style.wordy: error\n")
    write("a.md", WARNING_TEXT)
    assert rules_found(cli, "--config", other, tmp_path) == [("style.wordy", "error")]


def test_pack_setting_and_most_specific_wins(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  style: off\n  style.wordy: on\n")
    write("a.md", ERROR_TEXT + "\nWe met prior to the vote.\n")
    assert rules_found(cli, tmp_path) == [("style.wordy", "warning")]


def test_overrides_by_glob(cli, write, tmp_path):
    write(".newslint.yaml", "overrides:\n  - files: ['opinion/**']\n    rules: {style.common-errors: off}\n")
    write("opinion/a.md", ERROR_TEXT)
    write("news/a.md", ERROR_TEXT)
    result = cli(["check", "--format", "json", "--grammar", "none", "--ignore", "metadata", tmp_path])
    paths = [d["path"] for d in json.loads(result.output)["diagnostics"]]
    assert len(paths) == 1 and "news" in paths[0]



def test_override_turns_a_rule_back_on_for_files_read_later(cli, write, tmp_path):
    # The rules to run are worked out once per set of settings: the file read
    # second must not be given the first one's.
    write(".newslint.yaml", "rules: {style.common-errors: off}\n"
          "overrides:\n  - files: ['b/**']\n    rules: {style.common-errors: on}\n")
    write("a/a.md", ERROR_TEXT)
    write("b/a.md", ERROR_TEXT)
    write("c/a.md", ERROR_TEXT)
    result = cli(["check", "--format", "json", "--grammar", "none", "--ignore", "metadata", tmp_path])
    paths = [d["path"] for d in json.loads(result.output)["diagnostics"]]
    assert len(paths) == 1 and "/b/" in paths[0]

def test_include_and_exclude(cli, write, tmp_path):
    write(".newslint.yaml", "include: ['*.md', '*.rst']\nexclude: ['drafts/**']\n")
    write("a.rst", ERROR_TEXT)
    write("b.txt", ERROR_TEXT)
    write("drafts/c.md", ERROR_TEXT)
    result = cli(["check", "--format", "json", "--ignore", "metadata", tmp_path])
    paths = {d["path"].rsplit("/", 1)[-1] for d in json.loads(result.output)["diagnostics"]}
    assert paths == {"a.rst"}


def test_select_and_ignore_from_config_and_cli(cli, write, tmp_path):
    write(".newslint.yaml", "ignore: [style.common-errors]\n")
    write("a.md", ERROR_TEXT + "\nWe met prior to the vote.\n")
    assert rules_found(cli, tmp_path) == [("style.wordy", "warning")]
    assert rules_found(cli, "--select", "style.common-errors,style.wordy", tmp_path) == [("style.wordy", "warning")]
    assert rules_found(cli, "--ignore", "style", tmp_path) == []


def test_rejected_vocabulary(cli, write, tmp_path):
    write("vocab/reject.txt", "# house bans\nslammed\nmegadeal\n")
    write(".newslint.yaml", "vocabulary:\n  reject: [vocab/reject.txt]\n")
    article = write("a.md", "# Deal\n\nCritics slammed the Megadeal.\n")
    assert rules_found(cli, article) == [("vocabulary.rejected", "error")] * 2


def test_own_pack_by_path(cli, write, tmp_path):
    write("house/rules.yaml", "rules:\n  - id: house.no-slammed\n    kind: existence\n    message: m\n    severity: error\n"
          "    tokens: [slammed]\n    examples: {bad: [They slammed it.], good: [They criticised it.]}\n")
    write(".newslint.yaml", "packs: [style, house/]\n")
    write("a.md", "# Deal\n\nCritics slammed the deal.\n")
    assert rules_found(cli, tmp_path) == [("house.no-slammed", "error")]


BROKEN_CONFIGS = {
    "unknown key": ("rulez:\n  style: off\n", ".newslint.yaml:1", "unknown key 'rulez'"),
    "bad setting": ("rules:\n  style.wordy: loud\n", ".newslint.yaml:2", "must be one of"),
    "bad dialect": ("dialect: en-AU\n", ".newslint.yaml:1", "dialect must be one of"),
    "bad engine": ("grammar:\n  engine: clippy\n", ".newslint.yaml:2", "grammar.engine"),
    "missing pack": ("packs: [nosuch]\n", ".newslint.yaml", "neither a bundled pack"),
    "missing vocabulary": ("vocabulary:\n  accept: [nope.txt]\n", ".newslint.yaml:1", "vocabulary file not found"),
    "invalid yaml": ("rules: [\n", ".newslint.yaml:2", "invalid YAML"),
}


def test_broken_configs_exit_2_with_file_and_line(cli, write, tmp_path):
    write("a.md", CLEAN_TEXT)
    for name, (text, where, words) in BROKEN_CONFIGS.items():
        write(".newslint.yaml", text)
        import lint.config
        import lint.runner

        lint.config.discover.cache_clear()
        lint.runner.rules_for.cache_clear()
        result = cli(["check", tmp_path])
        assert result.exit_code == 2, name
        assert where in result.output and words in result.output, (name, result.output)
        assert "Traceback" not in result.output


def test_broken_pyproject_exits_2(cli, write, tmp_path):
    write("pyproject.toml", "[tool.newslint\n")
    write("a.md", CLEAN_TEXT)
    result = cli(["check", tmp_path])
    assert result.exit_code == 2 and "pyproject.toml" in result.output
