"""Real-word typos: a valid word where another was meant ("to held stamp out").

A spelling checker cannot see these, because every word is in its
dictionary. This module scores each word against its near neighbours with a
noisy-channel model (in the spirit of Mays, Damerau and Mercer, 1991):

    score(c) = log10 P(sentence with c) - log10 P(sentence as written)
               - cost(the typo that turns c into the word)

and the word is flagged when its best candidate scores above a threshold.

* P is the trigram model shipped in the pocketsphinx wheel (72.5k lower-case
  words, no punctuation, no digits); only the three trigrams that contain the
  word change, so only those are compared.
* Candidates are frequent words (wordfreq, data inside its wheel) at one edit
  from the word, found through an index of what each becomes with a letter
  deleted, plus its homophones (the CMU dictionary in the same wheel).
* A few grammar positions show the word cannot stand where it is ("to held",
  "would required"); there the base form is a candidate too and the bar is
  lower.

Everything is read from installed packages: nothing is downloaded. The model
is loaded once per process, on first use (`model()`); the tables derived from
the packages' data are kept in the user's cache folder (`lint.cache.derived`),
which makes loading about a second quicker.
"""

from __future__ import annotations

import math
import os
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from lint.article import Article
from lint.cache import derived
from lint.dialect import same_word
from lint.wordlists import zipf

# pocketsphinx reports log probabilities in base 1.0001.
_TO_LOG10 = math.log10(1.0001)
_UNKNOWN = -536870912
_VOWELS = set("aeiouy")

# A word: letters, with apostrophes inside ("don't", "Syria's").
WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
# Punctuation between two words that ends the n-gram context: the language
# model was trained on text without it, so "said. The" is not a bigram.
_BREAK = regex.compile(r"[.;:!?()\[\]{}\"“”«»—–/|…\ufffc]|--|\s-\s|\p{N}")
# Characters that glue a word into a larger token (then-governor, K2-18b,
# e-mail, example.com): such parts are not checked.
_GLUE = set("-_@&/\\")


@dataclass(frozen=True)
class Settings:
    """How eager the detector is; log10 units throughout.

    The costs play the role of the channel model: -log10 of how much less
    likely a given typo is than no typo at all (alpha = 0.99 gives about 2).
    """

    threshold: float = 0.5
    cost_edit: float = 2.3  # one added or changed letter
    cost_omission: float = 1.8  # the word lacks one letter of the candidate (word/world)
    cost_adjacent: float = 2.0  # a neighbouring key hit instead or as well
    cost_transposition: float = 1.8  # two letters swapped
    cost_first_letter: float = 0.0  # extra: the slip is at the first letter
    cost_homophone: float = 1.5  # sounds the same (their/there, capitol/capital)
    cost_base: float = 1.0  # the base form of a verb, offered at a grammar position
    cost_inflection: float = 2.0  # extra: the candidate is only another inflection (car/cars)
    freq_weight: float = 0.5  # extra: per zipf unit the candidate is more frequent
    grammar_bonus: float = 1.5  # lowers the bar where the word is ungrammatical
    min_length: int = 2  # words of one letter have too many neighbours to judge
    min_candidate_zipf: float = 3.0  # candidates are at least this frequent
    # A word of up to `short_word` letters has dozens of neighbours one keystroke
    # away, and the rare ones are hardly ever what was meant ("of" for "oz" or
    # "ofc", "in" for "ibn" or "qin"): its candidates must be this frequent.
    short_word: int = 3
    min_short_candidate_zipf: float = 4.5
    # Nor is a word a hundred times rarer than the one written: the model's own
    # preference for frequent words would hardly ever let it win anyway.
    max_rarer: float = 2.0
    # Also judge real but rare words the model lacks ("cheep" for "cheap"),
    # giving them their wordfreq probability; rarer words are left to spelling.
    rare_min_zipf: float = 1.5


class Token(NamedTuple):
    """A word of a sentence, with what the n-gram model knows of it.

    A named tuple, not a frozen dataclass: every word of every sentence gets
    one, and those take several times longer to make."""

    start: int
    end: int
    text: str
    word: str | None  # lower-cased form the model knows, or None (a context break)
    lower: str = ""  # lower-cased form, known or not
    glued: bool = False  # part of a hyphenated, dotted or digit-attached token


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    word: str
    suggestion: str
    alternatives: tuple[str, ...]  # further candidates that beat the word, best first
    score: float
    grammar: bool  # found through a grammar position


class Model:
    """The trigram model, the candidate vocabulary and the homophones."""

    def __init__(self):
        import pocketsphinx
        from pocketsphinx import Config, LogMath, NGramModel

        folder = os.path.join(os.path.dirname(pocketsphinx.__file__), "model", "en-us")
        # The lm.bin file is memory-mapped, so loading it is quick and light.
        self.lm = NGramModel(Config(), LogMath(), os.path.join(folder, "en-us.lm.bin"))
        cmudict = os.path.join(folder, "cmudict-en-us.dict")
        self.zipf, self.vocabulary, self.homophones, index, slips = derived(
            "realword", __file__, lambda: self._build_tables(cmudict), _are_tables)
        self.deletions = index.split("\n")
        self.slips = slips.split("\n")

    # -- loading ---------------------------------------------------------
    def _build_tables(self, cmudict: str) -> tuple[dict, set, dict, str, str]:
        """zipf, vocabulary, homophones, the deletion index and the slips of the
        candidate words, from the packages' data (about 1.5 s)."""
        self.zipf = self._frequencies()
        self.vocabulary = {w for w in self.zipf if self._known(w)}
        self.homophones = self._homophones(cmudict)
        words = self._candidate_words(Settings.min_candidate_zipf)
        index = deletion_index(words)
        self.deletions = index.split("\n")  # what _slips reads
        slips = "\n".join(sorted(
            f"{w}\t{' '.join(f'{c}:{kind}' for c, kind in self._slips(w, Settings.min_candidate_zipf))}"
            for w in words))
        return self.zipf, self.vocabulary, self.homophones, index, slips

    @staticmethod
    def _frequencies(size: int = 100_000) -> dict[str, float]:
        """Zipf frequency of the most frequent plain English words."""
        import wordfreq

        plain = regex.compile(r"[a-z]+(?:'[a-z]+)*")
        return {w: zipf(w) for w in wordfreq.top_n_list("en", size) if plain.fullmatch(w)}

    def _known(self, word: str) -> bool:
        return self.lm.prob([word]) != _UNKNOWN

    def _homophones(self, path: str) -> dict[str, frozenset[str]]:
        """Words of the vocabulary that share a pronunciation with another."""
        by_sound: dict[str, set[str]] = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                word, _, sound = line.rstrip("\n").partition(" ")
                word = word.split("(")[0]  # "read(2)" is a second pronunciation
                if word in self.vocabulary:
                    by_sound.setdefault(sound, set()).add(word)
        out: dict[str, set[str]] = {}
        for words in by_sound.values():
            for w in words:
                out.setdefault(w, set()).update(words - {w})
        return {w: frozenset(s) for w, s in out.items() if s}

    # -- language model --------------------------------------------------
    def knows(self, word: str) -> bool:
        return word in self.vocabulary or self._known(word)

    def logp(self, word: str, prev: str | None = None, prev2: str | None = None) -> float:
        """log10 P(word | prev2 prev); a None history is a context break.

        Not cached: a call costs under a microsecond, about what a cache
        lookup would, and the contexts of a text rarely repeat.
        """
        if prev is None:
            return self.lm.prob([word]) * _TO_LOG10
        if prev2 is None:
            return self.lm.prob([word, prev]) * _TO_LOG10
        return self.lm.prob([word, prev, prev2]) * _TO_LOG10

    def affinity(self, word: str, prev: str) -> float:
        """How much more likely `word` is after `prev` than anywhere.

        For a pair the model never saw this equals prev's back-off weight;
        `backoff` gives that floor.
        """
        return self.logp(word, prev) - self.logp(word)

    def backoff(self, prev: str) -> float:
        # "<s>" never follows a word, so its bigram always backs off.
        return self.logp("<s>", prev) - self.logp("<s>")

    # -- candidates ------------------------------------------------------
    def frequency(self, word: str) -> float:
        return self.zipf.get(word, 0.0)

    @lru_cache(maxsize=50_000)
    def neighbours(self, word: str, min_zipf: float) -> tuple[tuple[str, str], ...]:
        """(candidate, kind of typo) for frequent words one slip from `word`.

        Kinds: those of `slip`, and "homophone". The word's spelling in the
        other dialect may be among them (colour/color): telling it is slow,
        so the detector asks only about the candidates it would show.
        """
        floor = Settings.min_candidate_zipf
        if min_zipf < floor:
            return self._slips(word, min_zipf)
        # Those of the candidate words are stored: working them out takes a
        # process 80 us a word, a third of a second for the words of 100 articles.
        stored = filed(self.slips, word, missing=None)
        found = self._slips(word, floor) if stored is None else [tuple(s.split(":")) for s in stored]
        zipf = self.zipf
        return tuple((c, kind) for c, kind in found if zipf.get(c, 0.0) >= min_zipf)

    def _slips(self, word: str, min_zipf: float) -> tuple[tuple[str, str], ...]:
        """`neighbours`, worked out from the deletion index and the homophones."""
        # A word one letter longer loses a letter to become `word`; one as
        # long, changed or swapped, loses a letter to become what `word`
        # does when it loses that letter; one shorter is what it becomes.
        index = self._index(min_zipf)
        keys = {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}
        near = {c for key in keys for c in filed(index, key) if c != word}
        found = {c: kind for c in near if (kind := slip(word, c))}
        for cand in self.homophones.get(word, ()):
            if self.frequency(cand) >= min_zipf:
                found[cand] = "homophone"
        return tuple(sorted(found.items()))

    def _index(self, min_zipf: float) -> list[str]:
        """The lines of the `deletion_index` of the candidate words. The tables hold
        that of the default setting: making it (0.6 s) takes forty times as long as reading it."""
        if min_zipf == Settings.min_candidate_zipf:
            return self.deletions
        return self._lower_index(min_zipf)

    @lru_cache(maxsize=4)
    def _lower_index(self, min_zipf: float) -> list[str]:
        return deletion_index(self._candidate_words(min_zipf)).split("\n")

    def _candidate_words(self, min_zipf: float) -> list[str]:
        # One-letter words are left out: "i" is no word in lower case.
        return [w for w in self.vocabulary if len(w) > 1 and self.frequency(w) >= min_zipf]


def _are_tables(data) -> bool:
    """Whether what the cache holds has the shape of `Model._build_tables`'s result."""
    return (isinstance(data, tuple) and len(data) == 5
            and all(map(isinstance, data, (dict, set, dict, str, str))))


def deletion_index(words: list[str]) -> str:
    """Each word filed under itself and under what it becomes with one letter
    deleted, as sorted lines "key<tab>word word ...": any two words one keystroke
    apart share a key. One string, which a process reads and splits into lines
    five times faster than marshal reads a dictionary of as many keys; `filed`
    looks a key up in the lines."""
    index: dict[str, list[str]] = {}
    for w in words:
        for key in {w, *(w[:i] + w[i + 1:] for i in range(len(w)))}:
            index.setdefault(key, []).append(w)
    return "\n".join(sorted(f"{key}\t{' '.join(found)}" for key, found in index.items()))


def filed(lines: list[str], key: str, missing=()) -> list[str]:
    """The words that sorted lines "key<tab>word word ..." (as those of a
    `deletion_index`) file under `key`; `missing` if no line has that key. A tab
    sorts before any letter, so a key's line comes before those of longer keys it begins."""
    probe = key + "\t"
    i = bisect_left(lines, probe)
    if i < len(lines) and lines[i].startswith(probe):
        rest = lines[i][len(probe):]
        return rest.split(" ") if rest else []
    return missing


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (row, col) for row, keys in enumerate(_KEYBOARD) for col, ch in enumerate(keys)}


def _adjacent(a: str, b: str) -> bool:
    """Whether two letters are neighbours on a QWERTY keyboard."""
    if a not in _KEY_AT or b not in _KEY_AT or a == b:
        return False
    (r1, c1), (r2, c2) = _KEY_AT[a], _KEY_AT[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1


def slip(word: str, cand: str) -> str | None:
    """What the typist did to write `word` for `cand`, or None if that takes
    more than one keystroke.

    Labels: "omission" (left a letter out), "insertion" (added one),
    "substitution", "adjacent" (hit a neighbouring key instead, or as well),
    "transposition"; "first" is prefixed when the slip is at the first letter.
    Where two positions explain it (a doubled letter: "aab"/"ab") the first counts.
    """
    n = len(word)
    i = 0  # where the two first differ
    while i < n and i < len(cand) and word[i] == cand[i]:
        i += 1
    if len(cand) == n + 1 and cand[i + 1:] == word[i:]:
        kind = "omission"
        i = 0 if cand[1:] == word else i  # "ab" for "aab": the first a was left out
    elif len(cand) == n - 1 and word[i + 1:] == cand[i:]:
        while i > 0 and word[i - 1] == word[i]:  # "aab" for "ab": the first a was added
            i -= 1
        near = (i > 0 and _adjacent(word[i], word[i - 1])) or (i + 1 < n and _adjacent(word[i], word[i + 1]))
        kind = "adjacent" if near else "insertion"
    elif len(cand) == n and i < n and word[i + 1:] == cand[i + 1:]:
        kind = "adjacent" if _adjacent(cand[i], word[i]) else "substitution"
    elif len(cand) == n and i + 1 < n and word[i:i + 2] == cand[i + 1] + cand[i] and word[i + 2:] == cand[i + 2:]:
        kind = "transposition"
    else:
        return None
    return ("first-" if i == 0 else "") + kind


_MODEL: Model | None = None
_LOCK = threading.Lock()


def model() -> Model:
    """The process's one Model, loaded on first use (about 1.5 s of CPU, 150 MB)."""
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = Model()
    return _MODEL


# -- grammar positions ----------------------------------------------------

# Words after which a verb must be in its base form: the infinitive marker and
# the modal and auxiliary verbs ("to help", "would require", "did not go").
_NEEDS_BASE = frozenset(
    "to will would shall should can could may might must do does did "
    "won't wouldn't shan't shouldn't can't cannot couldn't mightn't mustn't don't doesn't didn't".split()
)
# After these only irregular past forms count: "led to increased costs" uses
# a regular participle as an adjective, which "to went" can never be.
_IRREGULAR_ONLY = frozenset({"to"})
_MODAL_OR_NOT = _NEEDS_BASE | {"not"}

# Past-tense and participle forms of irregular verbs that differ from the base.
_IRREGULAR = """
arise arose arisen; awake awoke awoken; bear bore borne; beat beat beaten;
become became; begin began begun; bend bent; bind bound; bite bit bitten;
bleed bled; blow blew blown; break broke broken; breed bred; bring brought;
build built; buy bought; catch caught; choose chose chosen; cling clung;
come came; creep crept; deal dealt; dig dug; do did done; draw drew drawn;
drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feed fed; feel felt; fight fought; find found; flee fled; fly flew flown;
forbid forbade forbidden; forget forgot forgotten; forgive forgave forgiven;
freeze froze frozen; get got gotten; give gave given; go went gone;
grow grew grown; hang hung; have had; hear heard; hide hid hidden; hold held;
keep kept; know knew known; lay laid; lead led; leave left; lend lent;
lie lay lain; lose lost; make made; mean meant; meet met; pay paid;
ride rode ridden; ring rang rung; rise rose risen; run ran; say said; see saw seen;
seek sought; sell sold; send sent; shake shook shaken; shoot shot; show showed shown;
shrink shrank shrunk; sing sang sung; sink sank sunk; sit sat; sleep slept;
slide slid; speak spoke spoken; spend spent; spin spun; spring sprang sprung;
stand stood; steal stole stolen; stick stuck; strike struck stricken;
swear swore sworn; sweep swept; swim swam swum; swing swung; take took taken;
teach taught; tear tore torn; tell told; think thought; throw threw thrown;
understand understood; wake woke woken; wear wore worn; win won; wind wound;
withdraw withdrew withdrawn; write wrote written
"""


def _irregular_bases() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for entry in _IRREGULAR.replace("\n", " ").split(";"):
        base, *forms = entry.split()
        for form in forms:
            if form != base:
                out.setdefault(form, []).append(base)
    return {form: tuple(bases) for form, bases in out.items()}


IRREGULAR_BASES = _irregular_bases()


def regular_bases(word: str) -> tuple[str, ...]:
    """Possible base forms of a regular past form: required, called, stopped, tried."""
    if not word.endswith("ed") or len(word) < 5:
        return ()
    stem = word[:-2]
    out = [word[:-1], stem]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        out.append(stem[:-1])  # stopped -> stop
    if stem.endswith("i"):
        out.append(stem[:-1] + "y")  # tried -> try
    return tuple(out)


# -- tokens ---------------------------------------------------------------

# Token(...) goes through the named tuple's Python-level __new__; tuple.__new__
# makes the same tuple in less than half the time, which counts at one per word.
_new_token = tuple.__new__


def tokenize(sentence: str, mdl: Model) -> list[Token | None]:
    """Words of a sentence, with None wherever the n-gram context breaks."""
    out: list[Token | None] = []
    knows = mdl.knows
    last = 0
    for m in WORD.finditer(sentence):
        start, end = m.span()
        if out and breaks(sentence, last, start):
            out.append(None)
        last = end
        text = m.group()
        lower = text.replace("’", "'").lower()
        word = lower if knows(lower) else None
        out.append(_new_token(Token, (start, end, text, word, lower, _glued(sentence, start, end))))
    return out


def breaks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the gap between two words, ends the n-gram context."""
    if end - start == 1 and text[start] == " ":
        return False  # most gaps: quicker than the search
    return _BREAK.search(text, start, end) is not None


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == " " and after == " ":
        return False  # most words: quicker than the tests below
    return (
        before in _GLUE or after in _GLUE or before.isalnum() or after.isalnum()
        or (after == "." and end + 1 < len(text) and text[end + 1].isalnum())
        or (before == "." and start > 1 and text[start - 2].isalnum())
    )


# -- the detector ---------------------------------------------------------

class Detector:
    """Scores words of sentences; `check` returns those that look like typos."""

    def __init__(self, settings: Settings | None = None, mdl: Model | None = None):
        self.settings = settings or Settings()
        self.model = mdl or model()
        self._cache: dict[str, list] = {}
        self._costs = self._typo_costs()

    def check(self, sentence: str, skip=lambda token, index, tokens: False) -> list[Finding]:
        """Findings for one sentence; `skip(token, i, tokens)` leaves a word alone."""
        return self.score(sentence, skip, above=self.settings.threshold)

    def score(self, sentence: str, skip=lambda token, index, tokens: False,
              above: float | None = None) -> list[Finding]:
        """The best candidate of every checkable word, whatever its score, or
        only those scoring above `above` (much quicker: most candidates are then
        dropped after one or two of their three trigrams)."""
        tokens = tokenize(sentence, self.model)
        words = ["<s>", *(t.word if t else None for t in tokens), "</s>"]
        # Capitalised words other than the first are names to the model's
        # eyes too: "May" is no modal, "Will" no auxiliary.
        for i in range(2, len(words) - 1):
            if words[i] in _MODAL_OR_NOT and not tokens[i - 1].text.islower():
                words[i] = None
        terms = self._terms(words)
        out = []
        for i, tok in enumerate(tokens):
            if tok is None or not self._checkable(tok) or not self._has_context(words, i + 1):
                continue
            if skip(tok, i, tokens):
                continue
            finding = self._best(words, terms, i + 1, tok, above)
            if finding is not None:
                out.append(finding)
        return out

    @staticmethod
    def _has_context(words: list, i: int) -> bool:
        """A word between two words the model does not know is judged on nothing
        but its frequency ("Mohammed bin Salman"): leave it."""
        return words[i - 1] is not None or words[i + 1] is not None

    def _checkable(self, tok: Token) -> bool:
        """Words the model can judge: known or rare but real, long enough, not in a compound."""
        if tok.glued or len(tok.lower) < self.settings.min_length:
            return False
        if tok.word is None:
            # A rare word the model lacks is judged only in lower case: with a
            # capital it is far more often a name ("Shiu") than a slip.
            return tok.text.islower() and self.model.frequency(tok.lower) >= self.settings.rare_min_zipf
        # Only lower case or a capital first letter: "NATO" and "iPhone" are names.
        return tok.text.islower() or (tok.text[0].isupper() and tok.text[1:].islower())

    def _best(self, words: list, terms: list, i: int, tok: Token, above: float | None = None) -> Finding | None:
        """The best-scoring candidate for words[i] (the word of `tok`); None
        when there is none or, given `above`, it scores no higher than that."""
        word = words[i]
        rare = None
        if word is None:  # a real word the model lacks: use its wordfreq probability
            word = tok.lower
            rare = self.model.frequency(word) - 9.0
        # Most words follow no word of _NEEDS_BASE (nor "not"): no need to ask.
        grammar = self._ungrammatical(words, i) if rare is None and words[i - 1] in _MODAL_OR_NOT else ()
        candidates = self._candidates(word)
        if grammar:
            # At a grammar position the inflection is the error, and the base
            # form is what is expected: no penalties, and the base form too.
            candidates = [(c, cost, 0.0) for c, cost, _ in candidates if not same_word(word, c)]
            known = {c for c, _, _ in candidates}
            candidates += [(b, self.settings.cost_base, 0.0) for b in grammar if b not in known]
        if not candidates:
            return None
        written = 0.0
        for term in terms[i:i + 3]:
            if term is not None:
                written += term
        if rare is not None:
            # The word costs its probability plus the back-off from its
            # history; the next words are predicted as after an unknown word.
            prev = words[i - 1]
            written = rare + (self.model.backoff(prev) if prev is not None else 0.0) + written
        bonus = self.settings.grammar_bonus if grammar else 0.0
        # Log probabilities are at most 0, so a candidate whose first trigrams
        # already put it below `floor` can neither win above `above` nor be an
        # alternative (those score above 0); the 1e-9 absorbs rounding.
        floor = -math.inf if above is None else min(0.0, above - bonus) - 1e-9
        # The trigrams that contain position i, with the candidate there, added
        # up in the order of the written word's, so that scores stay the same
        # to the last bit.
        prob = self.model.lm.prob
        prev, next1 = words[i - 1], words[i + 1]
        next2 = words[i + 2] if i + 2 < len(words) else None
        before = words[i - 2] if i >= 2 else None
        at = [None] if prev is None else [None, prev] if before is None else [None, prev, before]
        after = [next1, None] if prev is None else [next1, None, prev]
        last = [next2, next1, None]
        # After a context break the last trigram is a unigram, whatever the candidate.
        lone = self.model.logp(next2) if next2 is not None and next1 is None else 0.0
        lowest = floor + written  # the least window worth going on with, before costs
        scored = []
        for cand, cost, penalty in candidates:
            at[0] = cand
            bar = lowest + cost + penalty
            total = prob(at) * _TO_LOG10
            if total < bar:
                continue
            if next1 is not None:
                after[1] = last[2] = cand
                total += prob(after) * _TO_LOG10
                if total < bar:
                    continue
                if next2 is not None:
                    total += prob(last) * _TO_LOG10
            elif next2 is not None:
                total += lone
            scored.append((total - written - cost - penalty, cand))
        if not scored:
            return None
        scored.sort(reverse=True)
        if not grammar:
            scored = self._top_slips(word, scored, above)
        if not scored:
            return None
        best, cand = scored[0]
        if grammar:
            best += self.settings.grammar_bonus
        if above is not None and not best > above:
            return None
        alternatives = tuple(c for g, c in scored[1:4] if g > 0)
        return Finding(tok.start, tok.end, tok.text, _same_case(tok.text, cand),
                       tuple(_same_case(tok.text, c) for c in alternatives), best, bool(grammar))

    @staticmethod
    def _top_slips(word: str, scored: list, above: float | None) -> list[tuple[float, str]]:
        """The head of `scored` (best first) that a Finding shows: the best and
        up to three alternatives above 0, less the word's spelling in the other
        dialect (colour/color), which is no slip. Asking `same_word` is slow,
        so only these are asked about."""
        out = []
        for g, cand in scored:
            if (out and (len(out) == 4 or g <= 0)) or (not out and above is not None and not g > above):
                break
            if not same_word(word, cand):
                out.append((g, cand))
        return out

    def _candidates(self, word: str) -> list[tuple[str, float, float]]:
        """(candidate, cost of the typo, penalty) for each neighbour of `word`; cached."""
        found = self._cache.get(word)
        if found is None:
            s = self.settings
            min_zipf = max(s.min_candidate_zipf, self.model.frequency(word) - s.max_rarer)
            if len(word) <= s.short_word:
                min_zipf = max(min_zipf, s.min_short_candidate_zipf)
            found = [(c, self._costs[kind], self._penalty(word, c))
                     for c, kind in self.model.neighbours(word, min_zipf)]
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _terms(self, words: list) -> list[float | None]:
        """log10 P of each word given the two before it, None for a context
        break: a word's window is the sum of its own term and the next two."""
        logp = self.model.logp
        return [None, *(None if w is None else logp(w, prev, prev2)
                        for prev2, prev, w in zip([None, *words], words, words[1:]))]

    def _typo_costs(self) -> dict[str, float]:
        """The channel cost of each kind of slip: how much less likely it is than none."""
        s = self.settings
        costs = {"insertion": s.cost_edit, "substitution": s.cost_edit, "omission": s.cost_omission,
                 "adjacent": s.cost_adjacent, "transposition": s.cost_transposition}
        return {**costs, **{"first-" + kind: s.cost_first_letter + c for kind, c in costs.items()},
                "homophone": s.cost_homophone}

    def _penalty(self, word: str, cand: str) -> float:
        """What the model's own biases make the candidate win by, unfairly."""
        s = self.settings
        # Number and tense agreement is the grammar checker's job; here
        # singular/plural swaps were the main source of false alarms.
        penalty = s.cost_inflection if is_inflection(word, cand) else 0.0
        # The model prefers frequent words; a rare correct word ("seeps")
        # would otherwise lose to its frequent neighbour ("steps").
        gap = self.model.frequency(cand) - self.model.frequency(word)
        return penalty + s.freq_weight * max(0.0, gap)

    def _ungrammatical(self, words: list, i: int) -> tuple[str, ...]:
        """Base forms to offer when words[i] is a past form where a base form must stand.

        The position is one right after "to", a modal or "do" (or those and
        "not"); the model must also never have seen the word there, which
        keeps out homographs such as "to found" or "to wound".
        """
        prev = words[i - 1]
        if prev == "not" and i >= 2:
            prev = words[i - 2]
        if prev not in _NEEDS_BASE:
            return ()
        word = words[i]
        bases = IRREGULAR_BASES.get(word, ())
        if not bases and prev not in _IRREGULAR_ONLY:
            bases = regular_bases(word)
        bases = tuple(b for b in bases if b in self.model.vocabulary)
        if not bases:
            return ()
        floor = self.model.backoff(prev) + 0.05
        if self.model.affinity(word, prev) > floor:
            return ()
        return tuple(b for b in bases if self.model.affinity(b, prev) > floor)


# Regular endings, longest first: (ending, what replaces it to give the stem).
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("'s", ""), ("s'", ""), ("es", ""),
            ("ed", ""), ("ing", "e"), ("es", "e"), ("ed", "e"), ("s", ""), ("d", ""), ("'", ""))


@lru_cache(maxsize=50_000)
def _stems(word: str) -> frozenset[str]:
    out = {word}
    for ending, stem_end in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.add(word[: -len(ending)] + stem_end)
    return frozenset(out)


def is_inflection(a: str, b: str) -> bool:
    """True when a and b are forms of one stem with regular endings.

    car/cars, die/dies/died, try/tries, stop/stopping; also man/men.
    """
    if a == b:
        return False
    if _stems(a) & _stems(b):
        return True
    return a[:-3] == b[:-3] and {a[-3:], b[-3:]} == {"man", "men"}


def _same_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def article_names(article: Article) -> set[str]:
    """Lower-cased words that the article capitalises inside a sentence.

    "Duda" at the start of one sentence is a name if another sentence has
    "President Duda"; title-case headlines say nothing, so only body text counts.
    """
    names: set[str] = set()
    for seg in article.segments:
        if seg.kind != "body":
            continue
        for start, end in seg.sentences or [(0, len(seg.text))]:
            last = None
            for m in WORD.finditer(seg.text, start, end):
                # After a quote mark or colon a capital may start quoted speech.
                if m.group()[0].isupper() and last is not None and not breaks(seg.text, last, m.start()):
                    names.add(m.group().lower().replace("’", "'"))
                last = m.end()
    return names
