"""A result cache: a file whose content, configuration, rules and tools have not
changed since the last run is not linted again.

Entries are JSON (never pickle: a cache folder is not trusted code), one file
each, named by the hash of everything that decides the result.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
import time
from dataclasses import asdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

from lint import __version__
from lint.diagnostic import Diagnostic, Edit, Fix, Severity

DIR_NAME = ".newslint_cache"
T = TypeVar("T")
# Packages whose data or code decides what newslint reports.
_PACKAGES = ("harper-py", "codespell", "wordfreq", "pocketsphinx", "markdown-it-py", "regex")


@lru_cache(maxsize=None)
def tool_versions() -> str:
    versions = [__version__]
    for name in _PACKAGES:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return ",".join(versions)


def user_cache_dir() -> Path:
    """Where newslint keeps what it derives once per machine, not per project."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslint"


def derived_file(name: str, suffix: str, module: str) -> Path:
    """Where data that `module` (a source file) derives from installed packages is kept
    between runs: the user cache folder, under a name keyed by the tool versions, the
    interpreter and the module's code, so a change to any makes the data again."""
    key = hashlib.sha256(tool_versions().encode() + sys.version.encode() + Path(module).read_bytes()).hexdigest()[:16]
    return user_cache_dir() / f"{name}-{key}{suffix}"


def derived(name: str, module: str, make: Callable[[], T], valid: Callable[[T], bool]) -> T:
    """Data that `module` derives from installed packages (word lists, tables), made by
    `make` once per machine and kept in the user cache folder.

    Stored with marshal, the format of Python's own .pyc files, which reads large
    dictionaries of strings two to three times faster than JSON or text; like a .pyc
    file it is trusted because only this user writes there. A file that is missing,
    damaged, or not `valid` is made again. Files that older code made are removed
    once they have not been written for a month."""
    path = derived_file(name, ".marshal", module)
    try:
        data = marshal.loads(path.read_bytes())
        if valid(data):
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = make()
    try:
        write_bytes(path, marshal.dumps(data))
        for old in path.parent.glob(f"{name}-*"):
            if old != path and time.time() - old.stat().st_mtime > _STALE_SECONDS:
                old.unlink()
    except OSError:
        pass  # no writable cache folder: the next run makes it again
    return data


_STALE_SECONDS = 30 * 24 * 3600


def files_digest(paths) -> str:
    """One hash over the names and bytes of the files that configure a run."""
    h = hashlib.sha256(tool_versions().encode())
    for path in paths:
        h.update(str(path).encode() + b"\0")
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def key(setup: str, path: str, content_digest: str) -> str:
    return hashlib.sha256("\0".join((setup, path, content_digest)).encode()).hexdigest()


def _to_json(d: Diagnostic) -> dict:
    data = asdict(d)
    data["severity"] = int(d.severity)
    return data


def _from_json(data: dict) -> Diagnostic:
    fix = data.pop("fix")
    data["severity"] = Severity(data["severity"])
    data["suggestions"] = tuple(data["suggestions"])
    if fix:
        fix = Fix(tuple(Edit(**e) for e in fix["edits"]), fix["safe"])
    return Diagnostic(**data, fix=fix)


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, k: str) -> Path:
        return self.folder / k[:2] / f"{k}.json"

    def get(self, k: str) -> list[Diagnostic] | None:
        try:
            data = json.loads(self._file(k).read_text(encoding="utf-8"))
            return [_from_json(d) for d in data]
        except (OSError, ValueError, TypeError, KeyError):
            return None  # missing or damaged: lint again

    def put(self, k: str, diagnostics: list[Diagnostic]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# made by newslint\n*\n", encoding="utf-8")
            write_json(self._file(k), [_to_json(d) for d in diagnostics])
        except OSError:
            pass  # a read-only tree still gets its results, just not cached


def write_json(target: Path, data) -> None:
    write_bytes(target, json.dumps(data).encode("utf-8"))


def write_bytes(target: Path, data: bytes) -> None:
    """Write whole or not at all: a concurrent reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
