"""Word lists that ship inside PyPI packages: codespell's misspellings and its
British-to-American spellings, and wordfreq's frequencies. Loaded once per process."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources


def _codespell_pairs(name: str) -> dict[str, tuple[str, ...]]:
    """codespell's `wrong->right` lines; several rights are comma-separated."""
    text = (resources.files("codespell_lib") / "data" / name).read_text(encoding="utf-8")
    pairs = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        fixes = tuple(f.strip() for f in right.split(",") if f.strip())
        if wrong and fixes:
            pairs[wrong.strip().lower()] = fixes
    return pairs


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


@lru_cache(maxsize=None)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def zipf(word: str) -> float:
    """How common a word is: log10 of its frequency per billion words (0 when unknown).

    A dictionary look-up: wordfreq's own zipf_frequency tokenises every word it is
    given, which made it the largest start-up cost."""
    freq = _frequencies().get(word.lower().replace("’", "'"))
    return round(math.log10(freq * 1e9), 2) if freq else 0.0
