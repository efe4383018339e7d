"""End-to-end check of the hook published in .pre-commit-hooks.yaml.

Each test makes a throwaway git repository holding a few articles and runs the
real `pre-commit try-repo` against this checkout, the way a hook author tries a
hook before tagging it. try-repo clones the checkout (uncommitted edits to
tracked files are carried over in a temporary commit; untracked files are not),
builds the hook's virtualenv with pip and runs `newslint check` on the files.

Needs git and network access to PyPI (pip installs newslint's dependencies into
the hook environment); each run takes a few seconds to a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOK_ID = "newslint"
TIMEOUT = 900  # seconds; building the hook environment dominates

# Variables that would point git (or pre-commit) at some other repository or
# change which hooks run, e.g. when the test suite itself runs inside a git hook.
_LEAKY_ENV = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX",
    "GIT_CEILING_DIRECTORIES", "SKIP", "PRE_COMMIT_COLOR",
)

CLEAN_MD = "# Storm hits coast\n\nThe storm reached the coast at dawn.\n"
CLEAN_TXT = "Storm hits coast\n\nThe storm reached the coast at dawn.\n"


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """Environment shared by every run in this module, with its own PRE_COMMIT_HOME."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed; pre-commit needs it to clone the hook repository")
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY_ENV}
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    inside = subprocess.run(
        ["git", "rev-parse", "--is-inside-work-tree"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert inside.stdout.strip() == "true", (
        f"{ROOT} is not a git checkout, which `pre-commit try-repo` needs: {inside.stderr.strip()}"
    )
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)


def make_repo(path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    """A git repository at `path` with `files` committed in it."""
    path.mkdir()
    _git(path, env, "init", "--quiet")
    _git(path, env, "config", "user.name", "newslint tests")
    _git(path, env, "config", "user.email", "tests@newslint.invalid")
    _git(path, env, "config", "commit.gpgsign", "false")
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    _git(path, env, "add", "--", *files)
    _git(path, env, "commit", "--quiet", "--no-verify", "-m", "articles")
    return path


def try_repo(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo ROOT newslint ARGS` run inside `repo`; output is stdout + stderr."""
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), HOOK_ID,
           "--color", "never", *args]
    return subprocess.run(cmd, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("name", "text", "rule"),
    [
        ("council.md", "# Council vote\n\nThe council could of acted sooner.\n", "style.common-errors"),
        ("storm.txt", "Storm hits coast\n\nThe the storm reached the coast.\n", "style.repeated-word"),
    ],
    ids=["markdown", "plain-text"],
)
def test_hook_fails_on_article_with_error(tmp_path, env, name, text, rule):
    repo = make_repo(tmp_path / "articles", env, {name: text, "clean.md": CLEAN_MD})

    proc = try_repo(repo, env, "--files", name)

    assert proc.returncode == 1, proc.stdout
    assert "Failed" in proc.stdout, proc.stdout
    assert rule in proc.stdout, proc.stdout
    assert name in proc.stdout, proc.stdout
    assert "clean.md" not in proc.stdout.split("Using config:")[-1], proc.stdout


def test_hook_passes_on_clean_articles(tmp_path, env):
    files = {
        "storm.md": CLEAN_MD,
        "storm.txt": CLEAN_TXT,
        # Not an article: the hook must leave it alone although newslint would flag it.
        "notes.py": "# The council could of acted sooner.\nNOTES = []\n",
    }
    repo = make_repo(tmp_path / "articles", env, files)
    direct = subprocess.run([sys.executable, "-m", "lint", "check", "--quiet", "notes.py"],
                            cwd=repo, env=env, capture_output=True, text=True)
    assert direct.returncode == 1, f"notes.py should have an error when linted directly:\n{direct.stdout}"

    proc = try_repo(repo, env, "--all-files")

    assert proc.returncode == 0, proc.stdout
    assert "Passed" in proc.stdout, proc.stdout
    assert "style." not in proc.stdout, proc.stdout
