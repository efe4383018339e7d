from __future__ import annotations

import os
import stat

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.article import Article
from lint.diagnostic import Edit, Fix, Severity
from lint.fix import BOM, apply, encode, write_atomic


def diag(text: str, start: int, end: int, replacement: str, safe: bool = True):
    return Article("a.md", text, "text").diagnostic(
        start, end, rule="t.r", category="style", severity=Severity.WARNING, message="m",
        fix=Fix((Edit(start, end, replacement),), safe=safe),
    )


def test_applies_fixes_and_keeps_the_rest():
    text = "The the cat\r\nsat on teh mat.\r\n"
    fixed, used = apply(text, [diag(text, 0, 7, "The"), diag(text, 20, 23, "the")])
    assert fixed == "The cat\r\nsat on the mat.\r\n" and len(used) == 2


def test_overlapping_fixes_are_not_applied_together():
    text = "could of been"
    first, second = diag(text, 0, 8, "could have"), diag(text, 6, 13, "have been")
    fixed, used = apply(text, [second, first])
    assert fixed == "could have been" and used == [first]


def test_unsafe_fixes_need_asking():
    text = "word powers"
    unsafe = diag(text, 0, 4, "world", safe=False)
    assert apply(text, [unsafe]) == (text, [])
    assert apply(text, [unsafe], unsafe=True)[0] == "world powers"


_chars = st.sampled_from(list("ab \r\n\t\u00e9\u4e2d\U0001f600.,"))


@settings(max_examples=300, deadline=None)
@given(st.text(_chars, max_size=60), st.data())
def test_text_outside_fixed_spans_never_changes(text, data):
    """Whatever the edits, every character outside them survives in order."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2]))
    reps = [data.draw(st.text(_chars, max_size=5)) for _ in spans]
    diags = [diag(text, s, e, r) for (s, e), r in zip(spans, reps)]
    fixed, used = apply(text, diags)
    kept = [(d.start, d.end, d.fix.edits[0].text) for d in used]
    # Rebuild the expected text from the untouched pieces and the chosen replacements.
    expected, pos = [], 0
    for s, e, r in sorted(kept):
        expected += [text[pos:s], r]
        pos = e
    expected.append(text[pos:])
    assert fixed == "".join(expected)
    for a, b in zip(kept, kept[1:]):
        assert a[1] <= b[0] and a[0] != b[0]


@settings(max_examples=100, deadline=None)
@given(st.text(_chars, max_size=40), st.booleans())
def test_encoding_keeps_bom_and_line_endings(text, bom):
    original = (BOM if bom else b"") + text.encode("utf-8")
    assert encode(original.decode("utf-8-sig") if bom else text, original) == original


def test_write_atomic_keeps_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_atomic(path, b"new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
