from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import BODY_LINE, ROOT, story

GOLDEN = Path(__file__).parent / "golden"
ERROR_TEXT = story("The council could of acted sooner.\n")
WARNING_TEXT = story("The council acted prior to the vote.\n")
CLEAN_TEXT = story("The storm reached the coast at dawn.\n")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_seed_report_matches_golden(cli, fmt):
    """The seed's report in every format; UPDATE_GOLDEN=1 rewrites the files after a reviewed change."""
    result = cli(["check", "seeds/", "--format", fmt, "--fail-on", "never"], cwd=ROOT)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"seed.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8")


def test_exit_codes(cli, write):
    assert cli(["check", write("clean.md", CLEAN_TEXT)]).exit_code == 0
    assert cli(["check", write("bad.md", ERROR_TEXT)]).exit_code == 1
    warn = write("warn.md", WARNING_TEXT)
    assert cli(["check", warn]).exit_code == 0
    assert cli(["check", "--fail-on", "warning", warn]).exit_code == 1
    assert cli(["check", "--fail-on", "never", write("bad2.md", ERROR_TEXT)]).exit_code == 0


def test_usage_errors_exit_2(cli, tmp_path):
    assert cli(["check", tmp_path / "missing.md"]).exit_code == 2
    assert cli(["check", "--format", "xml", tmp_path]).exit_code == 2
    assert cli(["check", "--config", tmp_path / "none.yaml", tmp_path]).exit_code == 2


def test_bad_files_are_reported_and_the_run_goes_on(cli, write, tmp_path):
    write("a_binary.md", b"\x00\x01\x02")
    write("b_latin1.md", b"caf\xe9\n")
    write("c_empty.md", "")
    write("d_bad.md", ERROR_TEXT)
    (tmp_path / "e_dangling.md").symlink_to(tmp_path / "nowhere.md")
    result = cli(["check", "--format", "json", tmp_path])
    assert result.exit_code == 1
    found = {(Path(d["path"]).name, d["rule"]) for d in json.loads(result.output)["diagnostics"]}
    assert found == {
        ("a_binary.md", "input.binary"),
        ("b_latin1.md", "input.encoding"),
        ("c_empty.md", "input.empty"),
        ("d_bad.md", "style.common-errors"),
        ("e_dangling.md", "input.unreadable"),
    }
    assert "Traceback" not in result.output


def test_stdin_with_filename(cli):
    result = cli(["check", "-", "--stdin-filename", "desk/story.md", "--format", "json"], input=ERROR_TEXT)
    assert result.exit_code == 1
    [diag] = json.loads(result.output)["diagnostics"]
    assert diag["path"] == "desk/story.md" and diag["line"] == BODY_LINE


def test_output_file(cli, write, tmp_path):
    out = tmp_path / "report.json"
    result = cli(["check", write("bad.md", ERROR_TEXT), "--format", "json", "-o", out])
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(out.read_text())["summary"]["error"] == 1


def test_text_output_points_at_the_error(cli, write):
    result = cli(["check", write("bad.md", ERROR_TEXT), "--no-color"])
    lines = result.output.splitlines()
    assert lines[0].endswith(f'{BODY_LINE}:13: error[style.common-errors] "could of" should be "could have"')
    source, carets = lines[1], lines[2]
    assert source.endswith("The council could of acted sooner.")
    assert carets.index("^") == source.index("could of") and carets.count("^") == len("could of")
    assert "\x1b[" not in result.output


def test_statistics_and_quiet(cli, write):
    path = write("bad.md", ERROR_TEXT + "\nIt could of been worse.\n")
    stats = cli(["check", "--statistics", path]).output
    assert any(line.split()[:2] == ["2", "style.common-errors"] for line in stats.splitlines())
    quiet = cli(["check", "--quiet", path]).output.splitlines()
    assert len(quiet) == 2 and all("style.common-errors" in line for line in quiet)


def test_parallel_run_matches_serial(cli, write, tmp_path):
    # Later files are longer: the workers take the longest first, and the report
    # must still follow the files' order. No cache, or the second run would only
    # read what the first stored.
    for i in range(12):
        write(f"a{i:02}.md", (ERROR_TEXT if i % 2 else WARNING_TEXT) + f"\nStory {i} could of ended.\n"
              + "The vote was held. " * i)
    serial = cli(["check", "--format", "json", "--no-cache", "--jobs", "1", tmp_path]).output
    parallel = cli(["check", "--format", "json", "--no-cache", "--jobs", "2", tmp_path]).output
    assert serial == parallel
    assert json.loads(serial)["summary"]["files"] == 12


def test_rules_lists_every_bundled_rule(cli):
    result = cli(["rules"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert "style.wordy" in ids and "style.repeated-word" in ids


def test_explain(cli):
    result = cli(["explain", "style.wordy"])
    assert result.exit_code == 0
    assert "substitution" in result.output and "in order to" in result.output
    missing = cli(["explain", "style.nosuch"])
    assert missing.exit_code == 2 and "unknown rule" in missing.output


def test_test_rules_passes_on_bundled_and_fails_on_a_bad_example(cli, write):
    ok = cli(["test-rules"])
    assert ok.exit_code == 0 and "0 failed" in ok.output
    bad = write("p.yaml", "rules:\n  - id: p.a\n    kind: existence\n    message: m\n    tokens: [slammed]\n"
                "    examples: {bad: [They criticised it.], good: [They slammed it.]}\n")
    result = cli(["test-rules", bad])
    assert result.exit_code == 1
    assert "bad example not flagged" in result.output and "good example flagged" in result.output
    broken = write("q.yaml", "rules:\n  - id: p.a\n    kind: nope\n    message: m\n")
    assert cli(["test-rules", broken]).exit_code == 2


def test_init_writes_a_valid_config_once(cli, tmp_path, write):
    assert cli(["init"], cwd=tmp_path).exit_code == 0
    config = tmp_path / ".newslint.yaml"
    assert config.exists() and "packs" in config.read_text()
    assert cli(["check", write("clean.md", CLEAN_TEXT)]).exit_code == 0
    again = cli(["init"], cwd=tmp_path)
    assert again.exit_code == 2 and "already exists" in again.output


def test_program_exit_codes_and_a_reader_that_goes_away(write):
    """`python -m lint` runs lint.cli.run, which ends the process itself."""
    import subprocess
    import sys

    bad = write("bad.md", story("The council could of acted sooner.\n"))
    good = write("good.md", story("The council acted sooner.\n"))
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--grammar", "none"]
    assert subprocess.run([*command, str(good)], capture_output=True).returncode == 0
    done = subprocess.run([*command, str(bad)], capture_output=True, text=True)
    assert done.returncode == 1 and "style.common-errors" in done.stdout
    assert subprocess.run([*command, "--format", "nope"], capture_output=True).returncode == 2
    reader = subprocess.Popen([*command, str(bad)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader.stdout.close()  # gone before the report is written
    said = reader.stderr.read()
    assert reader.wait() == 1 and b"Traceback" not in said and b"error" not in said, said
