"""Word frequencies: made once from wordfreq, then read from the user's cache folder."""

from __future__ import annotations

import math

import pytest

from lint import wordlists


@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordlists._zipf_table.cache_clear()
    yield tmp_path
    wordlists._zipf_table.cache_clear()


def test_stored_table_reads_back_as_made(fresh_table):
    made = dict(wordlists._zipf_table())
    (stored,) = fresh_table.rglob("zipf-*.txt")
    wordlists._zipf_table.cache_clear()
    assert wordlists._zipf_table() == made
    stored.write_text("not a table")  # damaged: made again
    wordlists._zipf_table.cache_clear()
    assert wordlists._zipf_table() == made


def test_values_match_wordfreq_down_to_the_floor(fresh_table):
    from wordfreq import get_frequency_dict

    for word, freq in list(get_frequency_dict("en").items())[::997]:
        value = round(math.log10(freq * 1e9), 2)
        assert wordlists.zipf(word) == (value if value >= wordlists.ZIPF_FLOOR else 0.0), word
    assert wordlists.zipf("Zyxwvutsrq") == 0.0
