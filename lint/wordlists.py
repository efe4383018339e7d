"""Word lists that ship inside PyPI packages: codespell's misspellings and its
British-to-American spellings, and wordfreq's frequencies. Loaded once per process."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from lint.cache import derived

# Words rarer than this all count as unknown (zipf 0): no check tells them apart, and
# leaving them out halves the table every process loads.
ZIPF_FLOOR = 1.5


def _codespell_pairs(name: str) -> dict[str, tuple[str, ...]]:
    """codespell's `wrong->right` lines (several rights are comma-separated), read once
    per machine: parsing its 65,000 lines cost every process a tenth of a second."""
    return derived(f"codespell-{name.split('.')[0]}", __file__, lambda: _parse_codespell(name), _is_dict)


def _parse_codespell(name: str) -> dict[str, tuple[str, ...]]:
    text = (resources.files("codespell_lib") / "data" / name).read_text(encoding="utf-8")
    pairs = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        fixes = tuple(f.strip() for f in right.split(",") if f.strip())
        if wrong and fixes:
            pairs[wrong.strip().lower()] = fixes
    return pairs


def _is_dict(data) -> bool:
    return isinstance(data, dict)


@lru_cache(maxsize=None)
def misspellings() -> dict[str, tuple[str, ...]]:
    """Common misspellings and their corrections (codespell's main dictionary)."""
    return _codespell_pairs("dictionary.txt")


@lru_cache(maxsize=None)
def british_to_american() -> dict[str, str]:
    return {gb: us[0] for gb, us in _codespell_pairs("dictionary_en-GB_to_en-US.txt").items()}


@lru_cache(maxsize=None)
def american_to_british() -> dict[str, str]:
    return {us: gb for gb, us in british_to_american().items()}


def zipf(word: str) -> float:
    """How common a word is: log10 of its frequency per billion words, rounded to
    hundredths; 0 when unknown or rarer than ZIPF_FLOOR."""
    return _zipf_table().get(word.lower().replace("’", "'"), 0.0)


@lru_cache(maxsize=None)
def _zipf_table() -> dict[str, float]:
    """wordfreq's English words from ZIPF_FLOOR up, with their zipf values, made once
    per machine: importing wordfreq and building its dictionary of 320,000 words cost
    a fifth of a second in every process."""
    return derived("zipf", __file__, _make_zipf_table, _is_dict)


def _make_zipf_table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table = {}
    for word, freq in get_frequency_dict("en").items():
        value = round(math.log10(freq * 1e9), 2) if freq > 0 else 0.0
        if value >= ZIPF_FLOOR:
            table[word] = value
    return table
