"""The attribution lexicon (`rules/lexicons/attribution.yaml`): reporting verbs,
source nouns and claim phrases, read from one or more YAML files, merged, and
compiled into the word sets and patterns the sourcing analysis matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from lint.literals import Words
from lint.patterns import Choice, Index, Pattern, check_compiles
from lint.yamlfile import ConfigError, Mapping, load

LEXICON_FILE = "attribution.yaml"
_ASCII_WORD = regex.compile(r"[a-z]+")

# section -> how its entries are read
SECTIONS = {
    "reporting_verbs": "forms",
    "speech_verbs": "forms",
    "source_phrases": "phrases",
    "anonymous_nouns": "words",
    "anonymous_phrases": "patterns",
    "vague_modifiers": "words",
    "office_words": "words",
    "weasel_nouns": "words",
    "weasel_phrases": "patterns",
    "superlative_phrases": "patterns",
    "statistic_phrases": "patterns",
    "count_nouns": "words",
    "threshold_phrases": "patterns",
    "hedges": "phrases",
    "vague_quantities": "patterns",
    "not_count_units": "words",
    "tally_nouns": "words",
    "comparison_phrases": "patterns",
    "causal_phrases": "patterns",
}


def default_lexicon_path() -> Path:
    """The bundled lexicon: lint/packs/lexicons/ when installed, rules/lexicons/ in a checkout."""
    from lint.packs import bundled_dir  # lint.packs imports the rule kinds, which import us

    return bundled_dir() / "lexicons" / LEXICON_FILE


@dataclass
class Lexicon:
    """Lexicon entries merged from one or more files, compiled for matching."""

    entries: dict[str, object]
    paths: tuple[str, ...] = ()

    def __post_init__(self):
        e = self.entries
        self.verbs = {f.lower(): lemma for lemma, forms in e["reporting_verbs"].items() for f in forms}
        self.speech_verbs = {f.lower(): lemma for lemma, forms in e["speech_verbs"].items() for f in forms}
        everything = {**self.verbs, **self.speech_verbs}
        self.verb_words = frozenset(f for f in everything if " " not in f)
        # Whether every form is ASCII letters, as usual. Then a token (lint.sourcing reads
        # runs of [\w'’-]) that lowercases to a form is a word of the text's quick-test form
        # too (lint.literals.Words): only ASCII letters and the Kelvin sign lowercase to
        # ASCII letters, and they casefold alike. A sentence whose words hold none has none.
        self.plain_verbs = all(_ASCII_WORD.fullmatch(f) for f in self.verb_words)
        multi = [f for f in everything if " " in f]
        self.verb_phrase_re = _phrase_list(sorted(multi, key=len, reverse=True), self._where("reporting_verbs"))
        self.source_re = _phrase_list(e["source_phrases"], self._where("source_phrases"))
        self.anonymous_nouns = _lower(e["anonymous_nouns"])
        self.vague_modifiers = _lower(e["vague_modifiers"])
        self.office_words = _lower(e["office_words"])
        self.weasel_nouns = _lower(e["weasel_nouns"])
        self.count_nouns = _lower(e["count_nouns"])
        self.not_count_units = _lower(e["not_count_units"])
        self.tally_nouns = _lower(e["tally_nouns"])
        self.anonymous_re = self._patterns("anonymous_phrases")
        self.weasel_re = self._patterns("weasel_phrases")
        self.superlative_re = self._patterns("superlative_phrases")
        self.statistic_re = self._patterns("statistic_phrases")
        self.threshold_re = self._patterns("threshold_phrases")
        self.vague_quantity_re = self._patterns("vague_quantities")
        self.comparison_re = self._patterns("comparison_phrases")
        self.causal_re = self._patterns("causal_phrases")
        # One index for all the phrase lists, as for a pack's rules: a sentence's words
        # are looked up once, not once for each list.
        Index([b for c in (self.anonymous_re, self.weasel_re, self.superlative_re, self.statistic_re,
                           self.threshold_re, self.vague_quantity_re, self.comparison_re, self.causal_re)
               if c is not None for b in c.branches]
              + [p for p in (self.source_re, self.verb_phrase_re) if p is not None])
        self.hedge_re = regex.compile(
            r"(?<![\w-])(?:" + "|".join(_phrase(h) for h in sorted(e["hedges"], key=len, reverse=True)) + r")\s+$",
            regex.I,
        ) if e["hedges"] else None

    def _patterns(self, section: str) -> Choice | None:
        items = self.entries[section]
        if not items:
            return None
        return Choice(items, ignorecase=True, word=True, where=self._where(section))

    def _where(self, section: str) -> tuple:
        return self.entries.get("_where", {}).get(section, ("lexicon", None))


def matches(choice: Choice | None, text: str, lo: int, hi: int, words: Words) -> list:
    """Matches of a lexicon section's phrases in text[lo:hi], whose quick-test form is `words`."""
    return [] if choice is None else choice.matches(text, words, lo, hi)


def _lower(items) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


def _phrase(text: str) -> str:
    return r"\s+".join(regex.escape(w) for w in str(text).split())


def _phrase_list(items, where: tuple) -> Pattern | None:
    """Any of the phrases, as whole words; a Pattern, whose quick test skips most sentences."""
    if not items:
        return None
    body = "|".join(_phrase(i) for i in items)
    return Pattern(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", ignorecase=True, word=False, where=where)


def _read_lexicon(path: Path) -> Mapping:
    data = load(path)
    if data is None:
        return Mapping()
    if not isinstance(data, Mapping):
        raise ConfigError(path, None, "a lexicon is a mapping of sections (reporting_verbs, weasel_phrases, ...)")
    allowed = set(SECTIONS) | {"remove"}
    for key in data:
        if key not in allowed:
            raise ConfigError(path, data.line_of(key), f"unknown lexicon section {key!r} (one of {', '.join(sorted(allowed))})")
    return data


def _entries(path: Path, data: Mapping, section: str, value) -> object:
    """A section's entries as a list, or for verbs a dict lemma -> forms."""
    line = data.line_of(section)
    if SECTIONS[section] == "forms":
        if isinstance(value, list):  # a plain list of forms: each is its own lemma
            value = {str(f): [f] for f in value}
        if not isinstance(value, dict):
            raise ConfigError(path, line, f"{section} must map a verb to its forms, or list the forms")
        out = {}
        for lemma, forms in value.items():
            forms = [forms] if isinstance(forms, str) else forms
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                raise ConfigError(path, line, f"{section}.{lemma} must be a list of word forms")
            out[str(lemma)] = [f.strip() for f in forms]
        return out
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(path, line, f"{section} must be a list of strings")
    for v in value:
        if not isinstance(v, (str, int, float)) or not str(v).strip():
            hint = " (put quotes around an entry that holds ': ')" if isinstance(v, dict) else ""
            raise ConfigError(path, line, f"{section}: entry {v!r} is not a non-empty string{hint}")
    return [str(v).strip() for v in value]


@lru_cache(maxsize=None)
def load_lexicon(paths: tuple[str, ...]) -> Lexicon:
    """Merge lexicon files in order: later files add entries, `remove:` takes them out."""
    merged: dict[str, object] = {s: ({} if kind == "forms" else []) for s, kind in SECTIONS.items()}
    where: dict[str, tuple] = {}
    for raw in paths:
        path = Path(raw)
        data = _read_lexicon(path)
        patterns = []
        for section, value in data.items():
            if section == "remove":
                continue
            entries = _entries(path, data, section, value)
            where[section] = (str(path), data.line_of(section))
            if SECTIONS[section] == "patterns":
                patterns += [Pattern(item, ignorecase=True, word=True, where=where[section]) for item in entries]
            if isinstance(entries, dict):
                for lemma, forms in entries.items():
                    have = merged[section].setdefault(lemma, [])
                    have.extend(f for f in forms if f not in have)
            else:
                merged[section].extend(e for e in entries if e not in merged[section])
        check_compiles(path, patterns)
        removals = data.get("remove")
        if removals is None:
            continue
        if not isinstance(removals, Mapping):
            raise ConfigError(path, data.line_of("remove"), "remove: must map sections to the entries to take out")
        for section, value in removals.items():
            if section not in SECTIONS:
                raise ConfigError(path, removals.line_of(section), f"unknown lexicon section {section!r} under remove")
            gone = {str(v).strip().lower() for v in (value if isinstance(value, list) else [value])}
            if SECTIONS[section] == "forms":
                merged[section] = {
                    lemma: [f for f in forms if f.lower() not in gone]
                    for lemma, forms in merged[section].items() if lemma.lower() not in gone
                }
            else:
                merged[section] = [e for e in merged[section] if e.lower() not in gone]
    merged["_where"] = where
    return Lexicon(merged, paths)
