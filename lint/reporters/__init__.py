"""Output formats. Every writer has the same signature:

    write(results, rules, out, *, color=False, statistics=False, quiet=False)

`results` are sorted by path, `rules` maps rule ids to Rule objects for
metadata (ids missing from it are still reported), and `out` is a text stream.
The keyword options only change the human-readable `text` format.
"""

from __future__ import annotations

from typing import Callable

from lint.reporters import github, json, junit, sarif, text

Writer = Callable[..., None]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json.write,
    "sarif": sarif.write,
    "github": github.write,
    "junit": junit.write,
}
