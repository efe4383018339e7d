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
  from the word, plus its homophones (the CMU dictionary in the same wheel).
* A few grammar positions show the word cannot stand where it is ("to held",
  "would required"); there the base form is a candidate too and the bar is
  lower.

Everything is read from installed packages: nothing is downloaded. The model
is loaded once per process, on first use (`model()`); the tables derived from
the packages' data are kept in the user's cache folder, which makes loading
about 0.4 s quicker (`tables_file()`).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from lint.article import Article
from lint.dialect import same_word
from lint.wordlists import zipf

# pocketsphinx reports log probabilities in base 1.0001.
_TO_LOG10 = math.log10(1.0001)
_UNKNOWN = -536870912
_ALPHABET = "abcdefghijklmnopqrstuvwxyz'"
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
    # Also judge real but rare words the model lacks ("cheep" for "cheap"),
    # giving them their wordfreq probability; rarer words are left to spelling.
    rare_min_zipf: float = 1.5


@dataclass(frozen=True)
class Token:
    """A word of a sentence, with what the n-gram model knows of it."""

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
        path = tables_file()
        stored = _read_tables(path)
        if stored is None:
            self._build_tables(os.path.join(folder, "cmudict-en-us.dict"))
            _write_tables(path, self)
        else:
            self.zipf, self.vocabulary, self.homophones = stored

    # -- loading ---------------------------------------------------------
    def _build_tables(self, cmudict: str) -> None:
        """zipf, vocabulary and homophones from the packages' data (about 0.5 s)."""
        self.zipf = self._frequencies()
        self.vocabulary = {w for w in self.zipf if self._known(w)}
        self.homophones = self._homophones(cmudict)

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

        Kinds: those of `slip`, and "homophone".
        """
        found = {cand: slip(word, cand) for cand in _one_edit(word) & self._frequent(min_zipf) if cand != word}
        for cand in self.homophones.get(word, ()):
            if self.frequency(cand) >= min_zipf:
                found[cand] = "homophone"
        return tuple(sorted((c, k) for c, k in found.items() if not same_word(word, c)))

    @lru_cache(maxsize=4)
    def _frequent(self, min_zipf: float) -> frozenset[str]:
        # One-letter words are left out: "i" is no word in lower case.
        return frozenset(w for w in self.vocabulary if len(w) > 1 and self.frequency(w) >= min_zipf)


def tables_file() -> Path:
    """Where the model's derived tables are kept between runs: the user's cache
    folder, in a file named by the versions of the packages they are made from
    and by this module's code."""
    from lint.cache import tool_versions, user_cache_dir

    key = hashlib.sha256(tool_versions().encode() + Path(__file__).read_bytes()).hexdigest()[:16]
    return user_cache_dir() / f"realword-{key}.json"


def _read_tables(path: Path) -> tuple[dict, set, dict] | None:
    """The stored tables, or None when missing or damaged (then they are made again)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        homophones = {w: frozenset(s) for w, s in data["homophones"].items()}
        return data["zipf"], set(data["vocabulary"]), homophones
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write_tables(path: Path, mdl: Model) -> None:
    from lint.cache import write_json

    data = {"zipf": mdl.zipf, "vocabulary": sorted(mdl.vocabulary),
            "homophones": {w: sorted(s) for w, s in mdl.homophones.items()}}
    try:
        write_json(path, data)
    except OSError:
        pass  # no writable cache folder: the next run makes them again


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_AT = {ch: (row, col) for row, keys in enumerate(_KEYBOARD) for col, ch in enumerate(keys)}


def _adjacent(a: str, b: str) -> bool:
    """Whether two letters are neighbours on a QWERTY keyboard."""
    if a not in _KEY_AT or b not in _KEY_AT or a == b:
        return False
    (r1, c1), (r2, c2) = _KEY_AT[a], _KEY_AT[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1


def _one_edit(word: str) -> set[str]:
    """Every string one keystroke from `word`: a letter left out, added, changed,
    or two letters swapped (with `word` itself among them)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {head + ch + tail for head, tail in splits for ch in _ALPHABET}
    out.update(head + ch + tail[1:] for head, tail in splits if tail for ch in _ALPHABET)
    out.update(head + tail[1:] for head, tail in splits if tail)
    out.update(head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1)
    return out


def slip(word: str, cand: str) -> str:
    """What the typist did to write `word` for `cand`, a string one keystroke away.

    Labels: "omission" (left a letter out), "insertion" (added one),
    "substitution", "adjacent" (hit a neighbouring key instead, or as well),
    "transposition"; "first" is prefixed when the slip is at the first letter.
    Where two positions explain the slip (a letter doubled or dropped in a
    run: "aab"/"ab"), the first one counts.
    """
    n = len(word)
    if len(cand) > n:
        return "first-omission" if cand[1:] == word else "omission"
    if len(cand) < n:
        i = next(i for i in range(n) if word[:i] + word[i + 1:] == cand)
        near = (i > 0 and _adjacent(word[i], word[i - 1])) or (i + 1 < n and _adjacent(word[i], word[i + 1]))
        kind = "adjacent" if near else "insertion"
    else:
        i = next(i for i in range(n) if word[i] != cand[i])
        if word[i + 1:] != cand[i + 1:]:
            kind = "transposition"
        else:
            kind = "adjacent" if _adjacent(cand[i], word[i]) else "substitution"
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

def tokenize(sentence: str, mdl: Model) -> list[Token | None]:
    """Words of a sentence, with None wherever the n-gram context breaks."""
    out: list[Token | None] = []
    last = 0
    for m in WORD.finditer(sentence):
        if breaks(sentence, last, m.start()) and out and out[-1] is not None:
            out.append(None)
        last = m.end()
        text = m.group()
        lower = text.replace("’", "'").lower()
        word = lower if mdl.knows(lower) else None
        out.append(Token(m.start(), m.end(), text, word, glued=_glued(sentence, m.start(), m.end()), lower=lower))
    return out


def breaks(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the gap between two words, ends the n-gram context."""
    return _BREAK.search(text, start, end) is not None


def _glued(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    before2 = text[start - 2] if start > 1 else " "
    return (
        before in _GLUE or after in _GLUE or before.isalnum() or after.isalnum()
        or (after == "." and after2.isalnum()) or (before == "." and before2.isalnum())
    )


# -- the detector ---------------------------------------------------------

class Detector:
    """Scores words of sentences; `check` returns those that look like typos."""

    def __init__(self, settings: Settings | None = None, mdl: Model | None = None):
        self.settings = settings or Settings()
        self.model = mdl or model()
        self._cache: dict[str, list] = {}

    def check(self, sentence: str, skip=lambda token, index, tokens: False) -> list[Finding]:
        """Findings for one sentence; `skip(token, i, tokens)` leaves a word alone."""
        found = []
        for f in self.score(sentence, skip):
            if f.score > self.settings.threshold:
                found.append(f)
        return found

    def score(self, sentence: str, skip=lambda token, index, tokens: False) -> list[Finding]:
        """The best candidate of every checkable word, whatever its score."""
        tokens = tokenize(sentence, self.model)
        words = ["<s>", *(t.word if t else None for t in tokens), "</s>"]
        # Capitalised words other than the first are names to the model's
        # eyes too: "May" is no modal, "Will" no auxiliary.
        for i, tok in enumerate(tokens[1:], 2):
            if tok is not None and not tok.text.islower() and words[i] in _NEEDS_BASE | {"not"}:
                words[i] = None
        out = []
        for i, tok in enumerate(tokens):
            if tok is None or not self._checkable(tok) or skip(tok, i, tokens):
                continue
            if not self._has_context(words, i + 1):
                continue
            finding = self._best(words, i + 1, tok)
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

    def _best(self, words: list, i: int, tok: Token) -> Finding | None:
        """The best-scoring candidate for words[i] (the word of `tok`)."""
        word = words[i]
        rare = None
        if word is None:  # a real word the model lacks: use its wordfreq probability
            word = tok.lower
            rare = self.model.frequency(word) - 9.0
        grammar = () if rare is not None else self._ungrammatical(words, i)
        candidates = self._candidates(word)
        if grammar:
            # At a grammar position the inflection is the error, and the base
            # form is what is expected: no penalties, and the base form too.
            known = {c for c, _, _ in candidates}
            candidates = [(c, cost, 0.0) for c, cost, _ in candidates]
            candidates += [(b, self.settings.cost_base, 0.0) for b in grammar if b not in known]
        if not candidates:
            return None
        written = self._window(words, i) if rare is None else self._rare_window(words, i, rare)
        scored = []
        for cand, cost, penalty in candidates:
            words[i] = cand
            scored.append((self._window(words, i) - written - cost - penalty, cand))
        words[i] = None if rare is not None else word
        scored.sort(reverse=True)
        best, cand = scored[0]
        if grammar:
            best += self.settings.grammar_bonus
        alternatives = tuple(c for g, c in scored[1:4] if g > 0)
        return Finding(tok.start, tok.end, tok.text, _same_case(tok.text, cand),
                       tuple(_same_case(tok.text, c) for c in alternatives), best, bool(grammar))

    def _candidates(self, word: str) -> list[tuple[str, float, float]]:
        """(candidate, cost of the typo, penalty) for each neighbour of `word`; cached."""
        found = self._cache.get(word)
        if found is None:
            s = self.settings
            found = [(c, self._typo_cost(kind), self._penalty(word, c))
                     for c, kind in self.model.neighbours(word, s.min_candidate_zipf)]
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _window(self, words: list, i: int) -> float:
        """log10 P of the trigrams that contain position i."""
        logp = self.model.logp
        total = 0.0
        for j in range(i, min(i + 3, len(words))):
            w = words[j]
            if w is not None:
                prev = words[j - 1]
                total += logp(w, prev, words[j - 2] if prev is not None and j >= 2 else None)
        return total

    def _rare_window(self, words: list, i: int, logp: float) -> float:
        """`_window` for a word the model lacks, whose log10 probability is `logp`.

        The word costs its probability plus the back-off from its history;
        the next words are predicted as after an unknown word.
        """
        prev = words[i - 1]
        total = logp + (self.model.backoff(prev) if prev is not None else 0.0)
        return total + self._window(words, i)

    def _typo_cost(self, kind: str) -> float:
        """The channel cost: how much less likely this slip is than none."""
        s = self.settings
        cost = 0.0
        if kind.startswith("first-"):
            cost, kind = s.cost_first_letter, kind[6:]
        return cost + {"insertion": s.cost_edit, "substitution": s.cost_edit, "omission": s.cost_omission,
                       "adjacent": s.cost_adjacent, "transposition": s.cost_transposition,
                       "homophone": s.cost_homophone}[kind]

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


def _stems(word: str) -> set[str]:
    out = {word}
    for ending, stem_end in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            out.add(word[: -len(ending)] + stem_end)
    return out


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
                inside = last is not None and not breaks(seg.text, last, m.start())
                if inside and m.group()[0].isupper():
                    names.add(m.group().lower().replace("’", "'"))
                last = m.end()
    return names
