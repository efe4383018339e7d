"""A baseline: today's diagnostics, recorded so that later runs report only new ones.

A diagnostic is remembered by its fingerprint: rule, file, flagged text and the
sentence around it (white space folded), never its line, so editing text above
it does not make an old diagnostic new. The same fingerprint may occur several
times; only occurrences beyond the recorded count are new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from lint import __version__
from lint.diagnostic import Diagnostic, FileResult
from lint.yamlfile import ConfigError

FORMAT = 1


def fingerprint(diag: Diagnostic) -> str:
    context = " ".join(diag.context.split())
    key = "\0".join((diag.rule, Path(diag.path).as_posix(), diag.text, context))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def write(results: list[FileResult], path: Path) -> int:
    counts = Counter(fingerprint(d) for r in results for d in r.diagnostics)
    data = {"version": FORMAT, "tool": {"name": "newslint", "version": __version__},
            "fingerprints": dict(sorted(counts.items()))}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return sum(counts.values())


def read(path: Path) -> Counter:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, None, f"cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(path, exc.lineno, f"baseline is not valid JSON: {exc.msg}") from None
    prints = data.get("fingerprints") if isinstance(data, dict) else None
    if data.get("version") != FORMAT or not isinstance(prints, dict) \
            or not all(isinstance(v, int) for v in prints.values()):
        raise ConfigError(path, None, f"not a newslint baseline (version {FORMAT} with fingerprints)")
    return Counter(prints)


def new_only(results: list[FileResult], known: Counter) -> list[FileResult]:
    """The results with every diagnostic the baseline knows taken out."""
    left = Counter(known)
    out = []
    for result in results:
        kept = []
        for diag in result.diagnostics:
            key = fingerprint(diag)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(diag)
        out.append(FileResult(result.path, result.text, kept))
    return out
