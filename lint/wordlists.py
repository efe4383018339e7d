"""Word lists that ship inside PyPI packages: codespell's misspellings and its
British-to-American spellings, and wordfreq's frequencies. Loaded once per process."""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

# Words rarer than this all count as unknown (zipf 0): no check tells them apart, and
# leaving them out halves the table every process loads.
ZIPF_FLOOR = 1.5


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


def zipf(word: str) -> float:
    """How common a word is: log10 of its frequency per billion words, rounded to
    hundredths; 0 when unknown or rarer than ZIPF_FLOOR."""
    return _zipf_table().get(word.lower().replace("’", "'"), 0.0)


@lru_cache(maxsize=None)
def _zipf_table() -> dict[str, float]:
    """wordfreq's English words from ZIPF_FLOOR up, with their zipf values.

    Importing wordfreq and building its dictionary of 320,000 words cost a fifth of a
    second in every process (and wordfreq's own zipf_frequency tokenises each word);
    this table is made once and kept in the user's cache folder as one line per
    value ("2.41<TAB>word word ..."), which loads several times faster."""
    from lint.cache import derived_file

    path = derived_file("zipf", ".txt", __file__)
    try:
        table: dict[str, float] = {}
        for line in path.read_text(encoding="utf-8").split("\n"):
            value, _, words = line.partition("\t")
            table.update(dict.fromkeys(words.split(" "), float(value)))
        return table
    except (OSError, ValueError):
        pass  # missing or damaged: made again
    from wordfreq import get_frequency_dict

    by_value: dict[float, list[str]] = {}
    for word, freq in get_frequency_dict("en").items():
        value = round(math.log10(freq * 1e9), 2) if freq > 0 else 0.0
        if value >= ZIPF_FLOOR and word.split() == [word]:  # wordfreq's words hold no spaces; the format needs that
            by_value.setdefault(value, []).append(word)
    try:
        from lint.cache import write_text

        write_text(path, "\n".join(f"{value}\t{' '.join(words)}" for value, words in by_value.items()))
    except OSError:
        pass  # no writable cache folder: the next run makes it again
    return {word: value for value, words in by_value.items() for word in words}
