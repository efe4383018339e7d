"""Word lists and tables derived from installed packages: made once, then read from
the user's cache folder."""

from __future__ import annotations

import math
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import cache, wordlists
from lint.literals import Words


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlists._zipf_table.cache_clear()
    yield tmp_path / "newslint"
    wordlists._zipf_table.cache_clear()


def made_by(calls: list):
    def make():
        calls.append(1)
        return {"word": (1.5, "x")}
    return make


def test_derived_data_is_made_once_and_read_back(user_cache):
    calls = []
    first = cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict))
    again = cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict))
    assert first == again == {"word": (1.5, "x")}
    assert len(calls) == 1


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", b"\xe9\x00\x00\x00\x00"])
def test_damaged_derived_file_is_made_again(user_cache, damage):
    calls = []
    cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict))
    (stored,) = user_cache.glob("table-*.marshal")
    stored.write_bytes(damage)
    assert cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict)) == {"word": (1.5, "x")}
    assert len(calls) == 2


def test_derived_file_of_the_wrong_shape_is_made_again(user_cache):
    calls = []
    cache.derived("table", wordlists.__file__, lambda: [1, 2], lambda d: True)
    assert cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict)) == {"word": (1.5, "x")}
    assert calls == [1]


def test_files_older_code_made_go_once_stale(user_cache):
    user_cache.mkdir(parents=True)
    stale, recent, other = user_cache / "table-0000.marshal", user_cache / "table-1111.marshal", user_cache / "zipf-2222.marshal"
    for path in (stale, recent, other):
        path.write_bytes(b"old")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    os.utime(other, (month_ago, month_ago))
    cache.derived("table", wordlists.__file__, made_by([]), lambda d: isinstance(d, dict))
    assert not stale.exists()
    assert recent.exists()  # another version, in use lately: kept
    assert other.exists()  # another table


def test_unwritable_cache_folder_still_gives_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # no folder can be made under a file
    calls = []
    for _ in range(2):
        assert cache.derived("table", wordlists.__file__, made_by(calls), lambda d: isinstance(d, dict))
    assert len(calls) == 2


def test_zipf_values_match_wordfreq_down_to_the_floor(user_cache):
    from wordfreq import get_frequency_dict

    for word, freq in list(get_frequency_dict("en").items())[::997]:
        value = round(math.log10(freq * 1e9), 2)
        assert wordlists.zipf(word) == (value if value >= wordlists.ZIPF_FLOOR else 0.0), word
    assert wordlists.zipf("Zyxwvutsrq") == 0.0
    made = dict(wordlists._zipf_table())
    wordlists._zipf_table.cache_clear()
    assert len(list(user_cache.glob("zipf-*.marshal"))) == 1
    assert wordlists._zipf_table() == made  # read back from the stored file


def test_codespell_pairs_read_back_as_parsed(user_cache):
    parsed = wordlists._parse_codespell("dictionary.txt")
    assert wordlists._codespell_pairs("dictionary.txt") == parsed
    assert wordlists._codespell_pairs("dictionary.txt") == parsed  # from the stored file
    assert parsed["teh"] == ("the",)


_PIECES = ["teh", "are'nt", "Teh", "TEH", "the", "_", "-", "'", "’", " ", "1", "é", "\u212a", "ß", "ı", "\u0301", ".", "recieve"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_paragraphs_skipped_by_the_misspelling_rule_hold_no_entry(pieces):
    """The quick test of spelling.misspelling lets through every paragraph where its
    word pattern finds an entry of the table."""
    from lint.checks.misspelling import _WORD, _may_hold_entry

    text = "".join(pieces)
    table = wordlists.misspellings()
    if any(m.group().lower() in table for m in _WORD.finditer(text)):
        assert _may_hold_entry(Words.of(text)), text
