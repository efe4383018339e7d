from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FRONT_MATTER = (
    "---\ntitle: Storm hits the coast\ndate: 2019-11-02T10:00:00+00:00\nauthor: Jane Doe\n"
    "source: https://example.com/storm\n---\n\n"
)
BODY_LINE = 8  # the line a story()'s body starts on


def story(body: str) -> str:
    """A Markdown article with complete metadata, so only the body's problems show."""
    return FRONT_MATTER + body
SEED = ROOT / "seeds" / "000_f54d6ccc6f0585c9.txt"


@pytest.fixture(autouse=True, scope="session")
def user_cache(tmp_path_factory):
    """The user's cache folder (the real-word model keeps its tables there), kept out of $HOME."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield


@pytest.fixture
def cli(monkeypatch):
    """Run `newslint ARGS` in a folder; returns click's result (exit_code, output)."""

    def run(args, cwd: Path | None = None, input: bytes | str | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a text file below tmp_path and return its path."""

    def make(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return make
