"""Attribution analysis: who says what in an article, and which sentences make claims.

An article is analysed once per set of settings and the result is kept on the
article, so the five sourcing rules and `newslint claims` share one pass.

Only body paragraphs are analysed: titles and headings summarise, tables are data.
Quoted speech is masked before anything is looked for, so a figure inside a quote
is the speaker's and never a claim of the article's, and a reporting verb inside
a quote attributes nothing.

Attribution is found with the lexicon (`rules/lexicons/attribution.yaml`):

- "X said ..." and "..., said X": a reporting verb and its speaker, the subject
  before it or, after a quote or a clause, the name after it;
- "was confirmed by X": a passive reporting verb with its agent;
- "according to X", "citing X": a source phrase and what follows it;
- a paragraph carries a sentence's attribution to the next sentence(s) of the
  same paragraph, which continue the speaker's account.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from lint.article import MASK, Article, Segment
from lint.literals import word_text
from lint.patterns import Pattern, check_compiles, finditer
from lint.yamlfile import ConfigError, Mapping, load

LEXICON_FILE = "attribution.yaml"

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


# -- the lexicon --------------------------------------------------------------


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
        multi = [f for f in everything if " " in f]
        self.verb_phrase_re = _word_list(sorted(multi, key=len, reverse=True), phrases=True)
        self.source_re = _word_list(e["source_phrases"], phrases=True)
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
        self.hedge_re = regex.compile(
            r"(?<![\w-])(?:" + "|".join(_phrase(h) for h in sorted(e["hedges"], key=len, reverse=True)) + r")\s+$",
            regex.I,
        ) if e["hedges"] else None

    def _patterns(self, section: str) -> Pattern | None:
        items = self.entries[section]
        if not items:
            return None
        where = self.entries.get("_where", {}).get(section, ("lexicon", None))
        return Pattern("|".join(f"(?:{p})" for p in items), ignorecase=True, word=True, where=where)


def _lexicon_matches(pattern: Pattern | None, text: str, lo: int, hi: int, folded: str) -> list:
    """Matches of a lexicon pattern in text[lo:hi], whose lint.literals.word_text is `folded`."""
    if pattern is None or not pattern.possible(folded):
        return []
    return pattern.finditer(text, lo, hi)


def _lower(items) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items)


def _phrase(text: str) -> str:
    return r"\s+".join(regex.escape(w) for w in str(text).split())


def _word_list(items, phrases: bool = False) -> regex.Pattern | None:
    if not items:
        return None
    body = "|".join(_phrase(i) if phrases else regex.escape(i) for i in items)
    return regex.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", regex.I)


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


# -- results ----------------------------------------------------------------------


@dataclass
class Attribution:
    """A cue ("said", "according to") and its speaker, as spans of the segment text."""

    cue: str
    cue_span: tuple[int, int]
    speaker: str
    speaker_span: tuple[int, int]
    order: str  # speaker-cue, cue-speaker, source-phrase, passive, elided
    anonymous: bool = False
    weasel: bool = False
    definite: bool = False  # "the source": refers back to one already introduced
    head: str = ""  # the source noun of an anonymous or weasel speaker


@dataclass
class Finding:
    """One claim cue in a sentence; start/end are offsets in the segment text."""

    kind: str  # statistic, superlative, comparison, causal, weasel, anonymous-source
    start: int
    end: int
    attribution: Attribution | None = None


@dataclass
class Quote:
    segment: Segment
    start: int
    end: int
    words: int
    speech: bool  # long enough and not a title: someone's words
    group: int = 0
    speaker: Attribution | None = None
    speaker_sentence: "Sentence | None" = None


@dataclass
class Sentence:
    segment: Segment
    paragraph: int  # index of the paragraph among the analysed ones
    index: int  # index of the sentence in its paragraph
    start: int
    end: int
    masked: str  # the segment's text with quoted speech masked
    attributions: list[Attribution] = field(default_factory=list)
    carried: Attribution | None = None
    carried_from: "Sentence | None" = None
    dateline: bool = False
    findings: list[Finding] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # quotes that start in this sentence

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]

    @property
    def attribution(self) -> Attribution | None:
        """The sentence's own first attribution, else the one carried to it."""
        return self.attributions[0] if self.attributions else self.carried

    @property
    def attributed(self) -> bool:
        return self.attribution is not None

    @property
    def sourced(self) -> bool:
        """Attributed, or vaguely attributed ("reportedly"), which the weasel rule flags."""
        return self.attributed or any(f.kind == "weasel" for f in self.findings)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]


@dataclass
class Analysis:
    sentences: list[Sentence]
    quotes: list[Quote]


@dataclass(frozen=True)
class Settings:
    lexicons: tuple[str, ...] = ()  # empty: the bundled lexicon
    carry: int = 1  # sentences of the same paragraph an attribution carries to
    min_count: int = 1000  # a plain number this large is a statistic
    min_quote_words: int = 5  # shorter quoted passages are phrases or titles, not speech

    def lexicon(self) -> Lexicon:
        return load_lexicon(self.lexicons or (str(default_lexicon_path()),))


def analyse(article: Article, settings: Settings = Settings()) -> Analysis:
    """The article's analysis for these settings, computed once and kept on the article."""
    cache = article.__dict__.setdefault("_sourcing", {})
    if settings not in cache:
        cache[settings] = _Analyser(article, settings).run()
    return cache[settings]


# -- analysis ---------------------------------------------------------------------

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*(?<!\.)|[\p{L}\p{N}]\.")
DETERMINERS = frozenset(
    "a an the this that these those one some any many most several few each every all both another other".split()
)
POSSESSIVES = frozenset("its his her their our my your".split())
BE = frozenset("is are was were be been being".split())
# A reporting verb right after one of these is a noun or an adjective: "an announced
# pullout", "amid reports of", "declined to say".
NOT_VERB_AFTER = POSSESSIVES | frozenset(
    """a an the this these those any each every other another no such of in on at for with without by
    from into amid among despite about over after before under""".split()
)
# Before "reports", "claims", "estimates": these make them nouns ("media reports").
NOUN_BEFORE = frozenset(
    """new official initial early earlier recent media news press local first latest unconfirmed
    unverified many several some all conflicting varying preliminary later further""".split()
)
# Words that open a sentence with something other than its subject.
OPENERS = frozenset(
    """with without while when whenever after before in on at for from during despite although though if as
    because since until under over by to into through yesterday today tonight however meanwhile also last
    earlier later according once following amid among upon unlike like besides beyond""".split()
)
# Words after a source noun that attach an office or a place to it.
POST_HEAD = frozenset("at in from of for with inside within to on".split())
# Words after a source noun that end its name: a relative clause or a description follows.
HEAD_END = frozenset("who whom whose that which familiar close speaking briefed knowledgeable involved".split())
PARTICIPLES = frozenset("believed thought estimated reported alleged rumoured rumored understood expected".split())
QUANTIFIERS = frozenset("some many most several few all both".split())
# "declined to say", "is expected to announce": nothing is said yet
NOT_YET = frozenset(
    """declined refused decline refuse declines refuses declining refusing unable unwilling failed fails
    expected due set going plans planned plan likely hopes hoped hope wants wanted want intends intended
    scheduled poised ready about""".split()
)
NOUN_FORMS = frozenset("reports claims estimates warnings notes findings counts shows records comments".split())
PRONOUNS = frozenset("he she they it we i you".split())
AUX = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should".split()
)
# Words that end the noun phrase naming a speaker after a cue: "according to X on Friday".
NP_STOP = frozenset(
    """on in at during after before when while as since about over that which who whom to than
    because although though if until yesterday today tonight earlier later last this also however
    recently previously now then there here said says told""".split()
)
_BOUNDARY = regex.compile(
    r"[,;:()\[\]\u2014\u2013\ufffc\"“”]|\s-{1,2}\s"
    r"|(?<![\w'’-])(?:that|because|before|after|when|whenever|while|although|though|since|until|unless|if"
    r"|whereas|as|but|so|where|whom|whether)(?![\w'’-])",
    regex.I,
)
_DATELINE = regex.compile(r"^(?P<head>[^\n]{2,100}?)\s+(?:-{1,2}|–|—)\s+\S")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}.,:/$€£¥₹#-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{N}]|[.,:]\d|\p{L}|-\p{L}|[°′″])",

)
_WORD_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "dozen": 12}
_WORD_NUMBER = regex.compile(
    r"(?<![\w'’-])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|a thousand)(?![\w'’-])",
    regex.I,
)
_MAGNITUDE = regex.compile(r"^\s*(?:(hundred|thousand|million|billion|trillion)|(bn|m|k))\b", regex.I)
_MONEY = regex.compile(
    r"(?:(?<![\p{L}])(?:US|A|C|NZ|HK|S|R)?[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    r"|(?<![\p{L}\p{N}])\d[\d,]*(?:\.\d+)?\s?(?:million |billion |trillion )?(?:dollars|euros|pounds|yen|yuan|rupees|rubles|roubles|francs|USD|EUR|GBP)\b)",

)
# Numbers that are not quantities: dates, times, ages, names, ordinals, addresses.
_NOT_QUANTITY = regex.compile(
    r"(?<![\p{L}\p{N}])(?:1[5-9]\d\d|20\d\d)(?:s|['’]s)?(?:\s*[–/-]\s*(?:\d{2}|\d{4}))?(?!\s?%|\s?per\s?cent|,\d|\.\d|\s*(?:percent|people|deaths|cases|votes))(?!\p{N})"
    rf"|(?<![\p{{L}}]){_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    rf"|(?<!\p{{N}})\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}T))?"
    r"|\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)"
    r"|\d+(?:st|nd|rd|th)\b"
    r"|\d+(?:\.\d+)?[- ](?:years?|months?|weeks?|days?|hours?)[- ]old"
    r"|\b(?:aged?|ages)\s+(?:of\s+)?\d+(?:\s*(?:and|to|-|–)\s*\d+)?"
    r"|,(?<=[\p{Lu}][\p{L}.'’-]*(?:\s[\p{Lu}][\p{L}.'’-]*)*,)\s*\d{1,3}\s*,"
    r"|\((?<=[\p{Lu}][\p{L}'’-]+\s\()\d{1,3}\)"
    r"|\b(?:was|is|turned|turns|died at)\s+(?:about |around |nearly |almost |over |under )?\d{1,3}(?=\s*(?:[.,;]|$|when|years|at the time))"
    r"|\d{1,3}(?:\s*[–-]\s*|\sto\s)\d{1,3}(?=\s+(?:win|victory|defeat|loss|draw|vote|decision|margin|lead|score))"
    r"|(?<!\p{N})\d{1,3}\s*[–-]\s*\d{1,3}(?!\s*(?:%|percent|people|deaths|per))(?!\p{N})"
    r"|\b\d+[- ](?:day|week|month|year|hour|minute|second|mile|km|metre|meter|foot|storey|story|point|seat|member)s?\b(?=[- ]\p{L})"
    r"|\d+\s+(?:[\p{Lu}][\p{L}.'’-]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive|Way|Place|Square|Court|Highway)\b"
    r"|(?<![\p{L}])(?:No|Nos|no|nos|number|Number|#|Room|Gate|Platform|Pier|[Ff]light|[Rr]oute|[Hh]ighway|[Bb]us|[Tt]rain|[Cc]hannel"
    r"|[Cc]hapter|[Aa]rticle|[Ss]ection|[Bb]ill|[Rr]esolution|[Ll]evel|[Gg]rade|[Ss]tage|[Pp]hase|[Cc]ategory|[Cc]lass"
    r"|[Vv]ersion|[Ss]eason|[Ee]pisode|[Gg]ame|[Rr]ound|[Ww]ard|[Dd]istrict|[Zz]one|[Pp]roposition|[Aa]mendment)\.?\s*\d+"
    r"|\b\d+\s*(?:mm|cm|kg|g|mg|ml|km/h|mph|kmh|°[CF]?)\b",

)
# A number right after a capitalised word is part of a name: Boeing 747, Apollo 11.
# A run of word characters as the lexicon's word lists see it ("said", "didn't").
# How far from a cue a speaker is looked for, in characters: keeps long paragraphs linear.
WINDOW = 300
_TOKEN = regex.compile(r"[\w'’-]+")
_DIGIT = regex.compile(r"\d")
_DEFINITE = regex.compile(r"(?<![\w'’-])(?:the|these|those|his|her|their|its|our|my|your|all|both)\s+$", regex.I)
_NAME_BEFORE = regex.compile(r"(?:^|[\s(])([\p{Lu}][\p{L}\p{N}'’.&-]*)\s$")


class _Analyser:
    def __init__(self, article: Article, settings: Settings):
        self.article = article
        self.settings = settings
        self.lex = settings.lexicon()

    def run(self) -> Analysis:
        sentences: list[Sentence] = []
        quotes: list[Quote] = []
        paragraphs, self.adjacent = [], []  # adjacent: nothing (a table, a heading) between it and the last
        previous = None
        for seg in self.article.segments:
            if seg.kind == "metadata":
                continue
            if seg.kind == "body":
                self.adjacent.append(previous == "body")
                paragraphs.append(seg)
            previous = seg.kind
        para_sentences: list[list[Sentence]] = []
        for p, seg in enumerate(paragraphs):
            masked = _mask(seg)
            spans = seg.sentences or [(0, len(seg.text))]
            here = [Sentence(seg, p, i, s, e, masked) for i, (s, e) in enumerate(spans)]
            quoted = [any(qs < e and s < qe for qs, qe in seg.quotes) for s, e in spans]
            for i, sent in enumerate(here):
                near = quoted[max(i - 1, 0) : i + 2]
                sent.attributions = self.attributions(sent, any(near))
            self.carry(here)
            para_sentences.append(here)
            sentences.extend(here)
            for qs, qe in seg.quotes:
                owner = next((s for s in here if s.start <= qs < s.end), None) or _nearest(here, qs)
                inner = seg.text[qs:qe]
                words = len(_words(inner))
                quote = Quote(seg, qs, qe, words, self.is_speech(inner, words))
                owner.quotes.append(quote)
                quotes.append(quote)
        if sentences and _is_dateline(sentences[0].text):
            sentences[0].dateline = True
        self.speakers(para_sentences)
        earlier: set[str] = set()  # words of the sentences read so far
        for sent in sentences:
            sent.findings = self.findings(sent, earlier)
            earlier.update(w.group().lower() for w in _words(sent.text))
        return Analysis(sentences, quotes)

    # -- attribution ----------------------------------------------------------
    def attributions(self, sent: Sentence, quoted: bool) -> list[Attribution]:
        """Attributions in a sentence; `quoted`: it or a neighbour holds a quote."""
        text, lo, hi = sent.masked, sent.start, sent.end
        found: list[Attribution] = []
        if self.lex.source_re is not None:
            for m in self.lex.source_re.finditer(text, lo, hi):
                at_start = m.start() - lo < 8 and not text[lo : m.start()].strip(" \t\"“”'‘’(")
                span = _np_after(text, m.end(), hi, appositive=not at_start)
                if span:
                    found.append(self.attribution(m.group(), (m.start(), m.end()), span, sent, "source-phrase"))
        cues = [m for m in _TOKEN.finditer(text, lo, hi) if m.group().lower() in self.lex.verb_words]
        if self.lex.verb_phrase_re is not None:
            cues += list(self.lex.verb_phrase_re.finditer(text, lo, hi))
        if cues:
            cues.sort(key=lambda m: m.start())
            cue_ends: list[int] = []
            for m in cues:
                att = self.verb_attribution(sent, m, quoted, cue_ends[-1] if cue_ends else lo)
                if att is not None:
                    found.append(att)
                    cue_ends.append(m.end())
        found.sort(key=lambda a: a.cue_span)
        # one cue, one attribution: "said" found as a verb inside a source phrase is dropped
        out: list[Attribution] = []
        for a in found:
            if any(b.cue_span[0] <= a.cue_span[0] < b.cue_span[1] or b.speaker_span == a.speaker_span
                   or b.speaker_span[0] <= a.cue_span[0] < b.speaker_span[1] for b in out):
                continue
            out.append(a)
        return out

    def verb_attribution(self, sent: Sentence, m: regex.Match, quoted: bool, floor: int) -> Attribution | None:
        """The attribution a reporting verb makes, if it is used as one.

        `floor`: where the clause may start at the earliest, just after an earlier
        reporting verb ("Police said they found ...": the finder is "they").
        """
        text, lo, hi = sent.masked, sent.start, sent.end
        form = m.group().lower()
        before = list(WORD.finditer(text, max(lo, m.start() - 40), m.start()))
        after = list(WORD.finditer(text, m.end(), min(hi, m.end() + 40)))
        prev = before[-1].group().lower() if before and _adjacent(text, before[-1].end(), m.start()) else ""
        prev2 = before[-2].group().lower() if prev and len(before) > 1 else ""
        nxt = after[0].group().lower() if after and _adjacent(text, m.end(), after[0].start()) else ""
        if prev in NOT_VERB_AFTER or prev.endswith(("'s", "’s")) or regex.fullmatch(r"[\d.,]+", prev or "x"):
            return None
        if prev == "to" and (prev2 in NOT_YET or prev2 in BE):
            return None  # "declined to say", "is expected to announce"
        if prev in QUANTIFIERS and form.endswith("ed") and regex.fullmatch(r"[a-z][a-z-]*", nxt or "X") and (
            nxt not in DETERMINERS | POSSESSIVES | PRONOUNS | {"that", "to", "by", "on", "in"}
        ):
            return None  # "some estimated death tolls": an adjective
        if prev in ("not", "never") or prev.endswith(("n't", "n’t")):
            return None  # "had not confirmed": nobody says anything
        if form in NOUN_FORMS and (prev in NOUN_BEFORE or nxt in ("of", "from", "by") or nxt == "that" and not prev):
            return None
        if nxt == "to" and form in PARTICIPLES:
            return None  # "36 people believed to have been involved"
        if nxt in ("up", "out", "off", "down") and form not in ("said", "says", "say"):
            return None  # "showed up", "found out"
        if form in self.lex.speech_verbs and form not in self.lex.verbs:
            tail = text[m.end() : hi].lstrip()
            if not (quoted or nxt == "that" or tail.startswith(":") or tail.rstrip().endswith(":")):
                return None
        cue = (m.start(), m.end())
        if prev in BE:  # passive: only "was confirmed by X" names anyone
            if nxt == "by":
                span = _np_after(text, after[0].end(), hi, appositive=True)
                if span:
                    return self.attribution(m.group(), cue, span, sent, "passive")
            return None
        clause_start, boundary = _clause_start(text, max(lo, floor, m.start() - WINDOW), m.start())
        words = _words(text[clause_start : m.start()])
        raw = [w.group().lower() for w in words]
        if raw and raw[-1] in ("and", "but", "then") and not (len(raw) >= 2 and raw[-2] in PRONOUNS):
            return self.elided(sent, m, cue)  # "He smiled and said"
        if raw and raw[-1] == "to":
            return self.elided(sent, m, cue)  # "She went as far as to say"
        span = _trim_subject(text, clause_start, m.start())
        if span is not None:
            s, e = span
            first = text[s:e].split()[0].lower()
            if first in ("who", "which") and boundary is not None:
                ps, pe = _previous_piece(text, lo, boundary)  # "X, who said ...": the speaker is X
                if ps is not None:
                    s, e = ps, pe
            return self.attribution(m.group(), cue, (s, e), sent, "speaker-cue")
        # nothing between the clause start and the verb
        if boundary is not None and text[boundary] == ",":
            if form.endswith("ing"):
                return self.elided(sent, m, cue)  # "..., adding that ...": the sentence's subject
            chain = _comma_chain(text, lo, boundary)
            if chain and MASK not in text[chain[0] : chain[1]] and _looks_like_np(text[chain[0] : chain[2]]):
                # "X, a monitor, says" and "Anderson Cooper, of CNN, one of her sons, stated"
                if chain[2] < chain[1]:
                    return self.attribution(m.group(), cue, (chain[0], chain[1]), sent, "speaker-cue")
            mask_before = MASK in text[max(lo, boundary - 2) : boundary + 1]
            span = _np_after(text, m.end(), hi, appositive=True)
            if span and (mask_before or len(_words(text[span[0] : span[1]])) <= 8 and _looks_like_np(text[span[0] : span[1]])):
                return self.attribution(m.group(), cue, span, sent, "cue-speaker")  # "..., said Smith."
            return None
        if boundary is not None and (text[boundary] in "\ufffc\"“”:" or MASK in text[boundary : m.start()]):
            span = _np_after(text, m.end(), hi, appositive=True)
            return self.attribution(m.group(), cue, span, sent, "cue-speaker") if span else None
        if boundary is not None and text[boundary : boundary + 3].lower() in ("but", "and"):
            return self.elided(sent, m, cue)
        if boundary is None and clause_start == lo:  # "Said the chairman: ..."
            span = _np_after(text, m.end(), hi, appositive=True)
            if span and _looks_like_np(text[span[0] : span[1]]):
                return self.attribution(m.group(), cue, span, sent, "cue-speaker")
        return None

    def elided(self, sent: Sentence, m: regex.Match, cue) -> Attribution | None:
        """"The coalition declined to comment, but said ...": the speaker is the sentence's subject."""
        span = _leading_np(sent.masked, sent.start, m.start())
        return self.attribution(m.group(), cue, span, sent, "elided") if span else None

    def attribution(self, cue_text, cue, span, sent: Sentence, order: str) -> Attribution:
        s, e = span
        speaker = sent.masked[s:e]
        anonymous, weasel, definite, head = self.classify(speaker)
        return Attribution(cue_text, cue, speaker, (s, e), order, anonymous, weasel, definite, head)

    def classify(self, speaker: str) -> tuple[bool, bool, bool, str]:
        """(anonymous, weasel, definite, head noun) of a speaker's noun phrase."""
        low = speaker.lower()
        words = _words(speaker)
        if not words:
            return False, False, False, ""
        explicit = self.lex.anonymous_re is not None and finditer(self.lex.anonymous_re, speaker)
        conjuncts = [c for c in regex.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", speaker) if c.strip()]
        heads = []
        for conj in conjuncts:
            state = self._conjunct(conj)
            if state == "named":
                if not explicit:
                    return False, False, False, ""
                continue
            if state is not None:
                heads.append(state)
        if explicit:
            head = heads[0][1] if heads else "source"
            return True, False, low.startswith(("the ", "this ", "that ", "these ", "those ")), head
        if not heads:
            return False, False, False, ""
        kinds = {k for k, _, _ in heads}
        head, definite = heads[0][1], any(d for _, _, d in heads)
        if "weasel" in kinds and not definite:
            return False, True, False, head
        if "anonymous" in kinds:
            return True, False, definite, head
        return False, False, definite, head

    def _conjunct(self, text: str):
        """'named', None (a bare modifier), or (kind, head, definite) for an unnamed source."""
        words = [w.group() for w in _words(text)]
        if not words:
            return None
        lex = self.lex
        definite = words[0].lower() in ("the", "this", "that", "these", "those")
        quantified = words[0].lower() in ("some", "many", "most", "several", "other", "numerous", "various", "few")

        def names(word: str) -> bool:
            return _names(word, lex.vague_modifiers) or word.lower() in lex.office_words

        i = 0
        while i < len(words) and (words[i].lower() in DETERMINERS or words[i].lower() in POSSESSIVES):
            i += 1
        if i == len(words):  # "some", "many", "others" alone
            last = words[-1].lower()
            return ("weasel", last, False) if last in lex.weasel_nouns else None
        for j in range(i, len(words)):
            low = words[j].lower()
            if low in AUX or low in HEAD_END:
                break
            if low not in lex.anonymous_nouns and low not in lex.weasel_nouns:
                continue
            rest = words[j + 1 :]
            nxt = rest[0] if rest else ""
            if nxt.islower() and nxt not in POST_HEAD | HEAD_END | AUX and not nxt.endswith(("ed", "ing")):
                continue  # "official statements": an adjective, the head comes later
            if any(names(m) for m in words[i:j]):
                return "named"  # "Pentagon officials", "police officials"
            if nxt[:1].isupper():
                return "named"  # "official John Smith"
            if nxt.lower() in POST_HEAD and any(names(r) for r in rest[1:8]):
                return "named"  # "an official at the Pentagon", "sources within the ministry"
            if low in lex.weasel_nouns and not definite and (j == i or quantified):
                if low not in lex.anonymous_nouns or quantified:
                    return ("weasel", low, False)
            if low in lex.anonymous_nouns:
                return ("anonymous", low, definite)
            return None if low in lex.weasel_nouns else "named"
        if any(names(w) for w in words[i:]):
            return "named"
        if all(w.lower() in lex.vague_modifiers for w in words[i:]):
            return None  # "State" in "State and federal officials"
        return "named"  # a common noun that is no source noun: "police", "the coalition"

    def carry(self, paragraph: list[Sentence]) -> None:
        hops = 0
        for prev, sent in zip(paragraph, paragraph[1:]):
            if sent.attributions:
                hops = 0
                continue
            source = prev.attribution
            if source is None:
                hops = 0
                continue
            hops = hops + 1 if prev.carried is not None else 1
            if hops <= self.settings.carry:
                sent.carried = source
                sent.carried_from = prev.carried_from or prev

    # -- quotes ---------------------------------------------------------------
    def is_speech(self, inner: str, words: int) -> bool:
        if words < self.settings.min_quote_words:
            return False
        content = [w.group() for w in _words(inner)]
        small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or", "from"}
        big = [w for w in content if w.lower() not in small]
        title_like = big and sum(w[:1].isupper() or w[:1].isdigit() for w in big) / len(big) >= 0.75
        return not (title_like and not regex.search(r"[.!?]\s", inner))

    def speakers(self, paragraphs: list[list[Sentence]]) -> None:
        """Give each quote a speaker: from its own sentence, the sentence before or after it
        in the paragraph, or for a quote that opens a paragraph, the paragraph before when
        that one ends with a colon or inside a quote that runs on."""
        gid = 0
        groups: dict[int, list[Quote]] = {}
        pool: dict[int, list[tuple[int, Attribution, Sentence]]] = {}
        carried: tuple[str, Sentence, int | None] | None = None  # from the paragraph before
        for p, sentences in enumerate(paragraphs):
            if not self.adjacent[p]:
                carried = None
            seg = sentences[0].segment
            text = seg.text
            first = seg.quotes[0][0] if seg.quotes else None
            opens_with_quote = first is not None and not text[:first].strip()
            last_group = None
            for k, sent in enumerate(sentences):
                for q in sent.quotes:
                    inside = [x for x in sentences if x.start < q.end and q.start < x.end] or [sent]
                    lo_i, hi_i = sentences.index(inside[0]), sentences.index(inside[-1])
                    around = sentences[max(lo_i - 1, 0) : lo_i] + sentences[hi_i + 1 : hi_i + 2]
                    link, extra = None, []
                    if q.start == first and opens_with_quote and carried is not None:
                        kind, before, before_group = carried
                        if kind == "open":
                            link = before_group
                        extra = [(2, a, before) for a in before.attributions]
                        if kind == "colon" and not extra:
                            # "The mayor read a statement:" then the quote
                            span = _leading_np(before.masked, before.start, before.end)
                            if span is not None:
                                colon = before.end - 1
                                extra.append((2, self.attribution(":", (colon, colon + 1), span, before, "colon"), before))
                        extra += [(2, b.speaker, b.speaker_sentence) for b in before.quotes if b.speaker is not None]
                    if link is None:
                        gid += 1
                        link = gid
                    q.group = link
                    groups.setdefault(link, []).append(q)
                    cands = pool.setdefault(link, [])
                    cands.extend((0, a, x) for x in inside for a in x.attributions
                                 if min(abs(a.cue_span[0] - q.start), abs(a.cue_span[0] - q.end)) <= WINDOW)
                    cands.extend((1, a, x) for x in around for a in x.attributions)
                    cands.extend(extra)
                    implicit = self.implicit_speaker(sent, q)
                    if implicit is not None:
                        cands.append((0, implicit, sent))
                    last_group = link
            last = seg.quotes[-1] if seg.quotes else None
            runs_on = last is not None and last[1] == len(text) and (
                not text.rstrip().endswith(("”", '"', "»")) or last[1] - last[0] < 2
            )
            block = seg.quotes == [(0, len(text))] and not text.lstrip().startswith(("“", '"', "«"))
            if runs_on or block:
                carried = ("open", sentences[-1], last_group)
            elif text.rstrip().endswith(":"):
                carried = ("colon", sentences[-1], None)
            else:
                carried = None
        for link, quotes in groups.items():
            cands = [c for c in pool.get(link, []) if c[1] is not None]
            if not cands:
                continue
            q0 = quotes[0]
            best = min(cands, key=lambda c: (c[0], abs(c[1].cue_span[0] - q0.start) if c[2].segment is q0.segment else 10**6))
            for q in quotes:
                q.speaker, q.speaker_sentence = best[1], best[2]

    def implicit_speaker(self, sent: Sentence, q: Quote) -> Attribution | None:
        """A quote introduced by a colon ("X disagreed: "...""), or a fragment quoted inside
        the writer's sentence ("He called it "a serious violation""), belongs to the
        sentence's subject."""
        text = sent.masked
        pre = text[sent.start : q.start].rstrip()
        if not pre:
            return None
        inner = sent.segment.text[q.start : q.end].lstrip("\"“”«»'‘ [#@")
        colon = pre.endswith((":", ","))
        fragment = inner[:1].islower()
        if not (colon or fragment):
            return None
        span = _leading_np(text, sent.start, len(pre) + sent.start)
        if span is None:
            return None
        cue = (len(pre) + sent.start - 1, len(pre) + sent.start) if colon else (q.start, q.start)
        mark = pre[-1] if colon else ""
        return self.attribution(mark or "(quoted fragment)", cue, span, sent, "colon" if colon else "fragment")

    # -- claims ---------------------------------------------------------------
    def findings(self, sent: Sentence, earlier: set[str]) -> list[Finding]:
        text, lo, hi = sent.masked, sent.start, sent.end
        folded = word_text(text[lo:hi])
        out: list[Finding] = []
        for att in sent.attributions:
            if att.anonymous:
                if att.definite and att.head in earlier:
                    continue  # "the source told AFP": the source was introduced before
                out.append(Finding("anonymous-source", *att.speaker_span, att))
            elif att.weasel:
                out.append(Finding("weasel", *att.speaker_span, att))
        for m in _lexicon_matches(self.lex.weasel_re, text, lo, hi, folded):
            out.append(Finding("weasel", m.start(), m.end()))
        for s, e in self.statistics(text, lo, hi, folded):
            out.append(Finding("statistic", s, e))
        for kind, pattern in (
            ("superlative", self.lex.superlative_re),
            ("comparison", self.lex.comparison_re),
            ("causal", self.lex.causal_re),
        ):
            for m in _lexicon_matches(pattern, text, lo, hi, folded):
                out.append(Finding(kind, m.start(), m.end()))
        out.sort(key=lambda f: (f.start, -f.end))
        kept: list[Finding] = []
        reach: dict[str, int] = {}  # per kind, the end of the last finding kept (they come sorted)
        for f in out:
            if f.start < reach.get(f.kind, -1):
                continue
            if f.kind == "weasel" and f.start < reach.get("anonymous-source", -1):
                continue
            kept.append(f)
            reach[f.kind] = max(reach.get(f.kind, -1), f.end)
        return kept

    def statistics(self, text: str, lo: int, hi: int, folded: str) -> list[tuple[int, int]]:
        """Spans of figures a reader would want sourced, in sentence text[lo:hi] (`folded` its lint.literals.word_text)."""
        lex = self.lex
        found: list[tuple[int, int]] = []
        if _lexicon_matches(lex.threshold_re, text, lo, hi, folded):
            return []  # a rule or a target: "a two-thirds majority is needed"
        digits = [m.start() for m in _DIGIT.finditer(text, lo, hi)]
        excluded = []
        if digits:  # dates, ages, names and the like all hold a digit: look only near them
            near_lo, near_hi = max(lo, digits[0] - 40), min(hi, digits[-1] + 30)
            excluded = [(m.start(), m.end()) for m in finditer(_NOT_QUANTITY, text, near_lo, near_hi)]

        def free(s, e):
            return not _overlaps(excluded, s, e)

        found.extend((m.start(), m.end()) for m in _lexicon_matches(lex.statistic_re, text, lo, hi, folded)
                     if free(m.start(), m.end()))
        found.extend((m.start(), m.end()) for m in _lexicon_matches(lex.vague_quantity_re, text, lo, hi, folded))
        money = [(m.start(), m.end()) for m in finditer(_MONEY, text, lo, hi)]
        found.extend(span for span in money if free(*span))
        numbers = [(m.start(), m.end(), _value(m.group(), text, m.end())) for m in finditer(_NUMBER, text, lo, hi)]
        numbers += [(m.start(), m.end(), _value(m.group(), text, m.end())) for m in finditer(_WORD_NUMBER, text, lo, hi)]
        for s, e, value in numbers:
            if not free(s, e) or _overlaps(money, s, s + 1) or self._named_number(text, lo, s, e):
                continue
            after = _words(text[e : min(hi, e + 80)])[:6]
            unit = after[0].group().lower() if after else ""
            if unit in lex.not_count_units or unit.rstrip(".") in lex.not_count_units:
                continue
            if unit in ("hundred", "thousand", "million", "billion", "trillion") and len(after) > 1:
                if after[1].group().lower() in lex.not_count_units:
                    continue
            end = e + after[0].end() if unit in ("hundred", "thousand", "million", "billion", "trillion") else e
            before = text[max(lo, s - 40) : s]
            hedged = lex.hedge_re is not None and lex.hedge_re.search(before)
            if not hedged and _DEFINITE.search(before):
                continue  # "the two parents", "all six aboard": a reference, not a count
            if not hedged and unit in lex.tally_nouns:
                continue  # "elected with 58,825 votes": a published tally
            near = [w.group().lower() for w in after[:5]]
            prior = [w.group().lower() for w in _words(text[max(lo, s - 30) : s])][-3:]
            casualty = any(w in lex.count_nouns for w in near) or any(
                w in lex.count_nouns and w.endswith(("ing", "ed")) for w in prior
            )
            value = value or 0
            if casualty and value >= 2 or hedged and value >= 10 or value >= self.settings.min_count:
                start = s - len(hedged.group()) if hedged else s
                found.append((start, end))
        found.sort()
        merged: list[tuple[int, int]] = []
        for s, e in found:
            if merged and s < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged

    def _named_number(self, text: str, lo: int, s: int, e: int) -> bool:
        """Boeing 747, COVID-19, G20, Route 66: a number that is part of a name."""
        if s > lo and (text[s - 1].isalpha() or text[s - 1] in "-/" and text[s - 2 : s - 1].isalpha()):
            return True  # glued to letters: G20, COVID-19, F-35
        if regex.match(r"\s?(?:%|percent|per\s?cent)", text[e : e + 12]):
            return False
        m = _NAME_BEFORE.search(text[max(lo, s - 40) : s])
        # a capitalised word right before: a name, unless it opens the sentence ("About 300")
        return bool(m) and m.group(1).lower() not in _COMMON_OPENERS and m.group(1) != "I"


_COMMON_OPENERS = frozenset(
    """in on at by about around roughly approximately nearly almost over under some since only just more less
    fewer least up to as of the a an and but yet so also another all between from with after before during
    until than exactly precisely barely some many most""".split()
)


# -- helpers ----------------------------------------------------------------------


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of `spans`, which are sorted and disjoint (finditer's matches)."""
    i = bisect.bisect_left(spans, (e,))  # the first span starting at or after e
    return i > 0 and spans[i - 1][1] > s


def _mask(seg: Segment) -> str:
    text = seg.text
    if not seg.quotes:
        return text
    chars = list(text)
    for s, e in seg.quotes:
        for i in range(s, min(e, len(chars))):
            chars[i] = MASK
    return "".join(chars)


def _words(text: str) -> list[regex.Match]:
    return list(WORD.finditer(text))


def _adjacent(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _nearest(sentences: list[Sentence], pos: int) -> Sentence:
    return min(sentences, key=lambda s: abs(s.start - pos))


def _paren_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i in range(lo, hi):
        if text[i] == "(":
            if depth == 0:
                start = i
            depth += 1
        elif text[i] == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _clause_start(text: str, lo: int, pos: int) -> tuple[int, int | None]:
    """Where the clause holding text[pos] starts, and the boundary character's offset.

    Brackets belong to the phrase around them: "Nikki Holland of the NCA (UK) said".
    """
    parens = _paren_spans(text, lo, pos)
    last = None
    for m in _BOUNDARY.finditer(text, lo, pos):
        if m.group() in "()" or any(ps <= m.start() < pe for ps, pe in parens):
            continue
        last = m
    if last is None:
        return lo, None
    return last.end(), last.start()


def _comma_chain(text: str, lo: int, comma: int) -> tuple[int, int, int] | None:
    """For "A, B, C, verb" with `comma` after C: (start of A, end of C, end of A).

    Walks back over comma-separated pieces to the clause start; A is the subject
    and the rest its appositions.
    """
    pieces = []
    end = comma
    while True:
        start, boundary = _clause_start(text, lo, end)
        piece = text[start:end]
        if not piece.strip():
            break
        pieces.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
        if boundary is None or text[boundary] != "," or len(pieces) >= 4:
            break
        end = boundary
    if len(pieces) < 2:
        return None
    first = pieces[-1]
    return first[0], pieces[0][1], first[1]


def _previous_piece(text: str, lo: int, boundary: int) -> tuple[int | None, int | None]:
    """The clause piece that ends at `boundary` (exclusive), trimmed."""
    start, _ = _clause_start(text, lo, boundary)
    piece = text[start:boundary]
    if not piece.strip():
        return None, None
    s = start + len(piece) - len(piece.lstrip())
    e = start + len(piece.rstrip())
    return s, e


def _looks_like_np(text: str) -> bool:
    words = [w.group() for w in _words(text)]
    if not words or len(words) > 12 or MASK in text:
        return False
    if any(w.lower() in AUX for w in words):
        return False
    return words[0][:1].isupper() or words[0].lower() in DETERMINERS | POSSESSIVES or words[0].lower() in PRONOUNS


_LEAD_WORDS = frozenset("and but or then so also yet with amid".split())
_TRAIL_WORDS = AUX | frozenset(
    """also previously later recently now then once still further repeatedly publicly earlier initially
    originally separately reportedly quickly not never""".split()
)


def _trim_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The speaker part of the text before a reporting verb, or None if there is none.

    Drops a leading "and", trailing auxiliaries and adverbs ("Trump also said"), and
    what comes before a last "and" clause; a pronoun at the end is the subject of a
    clause of its own ("the 38 countries they said ...").
    """
    words = _words(text[s:e])
    while words and words[0].group().lower() in _LEAD_WORDS:
        words = words[1:]
    while words and (words[-1].group().lower() in _TRAIL_WORDS or (words[-1].group().islower() and words[-1].group().endswith("ly"))):
        words = words[:-1]
    if not words:
        return None
    if len(words) > 1 and words[-1].group().lower() in PRONOUNS and words[-1].group() != "I" or words[-1].group() == "I":
        return s + words[-1].start(), s + words[-1].end()
    s, e = s + words[0].start(), s + words[-1].end()
    subject = text[s:e]
    words = _words(subject)
    if len(words) > 25:
        return None  # a whole clause, no subject of a reporting verb
    # "The broadcasts began on August 10 and South Korea says": keep "South Korea"
    parts = list(regex.finditer(r"\s(?:and|but|then)\s", subject))
    for part in reversed(parts):
        head = subject[: part.start()]
        if any(w.group().lower() in AUX or (w.group().islower() and w.group().endswith("ed")) for w in _words(head)):
            return s + part.end(), e
    return s, e


def _np_after(text: str, pos: int, hi: int, appositive: bool) -> tuple[int, int] | None:
    """The noun phrase naming a speaker after a cue: "according to X", "said X"."""
    i = pos
    while i < hi and text[i] in " \t\u00a0":
        i += 1
    words = []
    for m in WORD.finditer(text, i, hi):
        gap = text[(words[-1].end() if words else i) : m.start()]
        if words and gap.strip():
            break  # punctuation or a mask in between
        low = m.group().lower()
        lower = m.group().islower() or m.group() == "I"
        if words and lower and (low in NP_STOP or low in PRONOUNS or low.endswith("ing")):
            break
        if not words and low in ("that", "it", "he", "she", "they", "we", "i", "you") and appositive is False:
            break
        if words and m.group().islower() and low.endswith("ed") and len(words) >= 1 and words[-1].group()[:1].isupper():
            break  # "the Ministry of Foreign Affairs he died"
        words.append(m)
        if len(words) >= 10:
            break
    if not words:
        return None
    if words[0].group().lower() in ("that", "the", "a", "an") and len(words) == 1:
        return None
    s, e = words[0].start(), words[-1].end()
    if appositive and hi - e <= WINDOW:
        rest = text[e:hi]
        m = regex.match(r",\s+(?P<app>[^,;:\ufffc]+?)\s*[.!?]?[\"”’)]*\s*$", rest)
        if m:
            app = m.group("app")
            app_words = [w.group().lower() for w in _words(app)]
            if 0 < len(app_words) <= 10 and not any(w in AUX or w in PRONOUNS for w in app_words) and not (
                app_words[0].endswith(("ing", "ed")) and app_words[0] not in ("king",)
            ):
                e = e + m.end("app")
    return s, e


def _leading_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence: its subject, roughly."""
    words = _words(text[lo : min(hi, lo + WINDOW)])
    if words and words[0].group().lower() in OPENERS:
        # "In his message, he appreciated ...": the subject follows the opening phrase
        comma = text.find(",", lo, hi)
        if comma < 0 or len(_words(text[lo:comma])) > 10 or MASK in text[lo:comma]:
            return None
        return _leading_np(text, comma + 1, hi)
    if not words:
        return None
    out = []
    lower_after_det = 0
    for w in words:
        word = w.group()
        low = word.lower()
        if not out and low in DETERMINERS | POSSESSIVES:
            out.append(w)
            continue
        if low in PRONOUNS and not out:
            out.append(w)
            break
        if word[:1].isupper() or (out and low in ("of", "for", "and") and word.islower() and out[-1].group()[:1].isupper()):
            out.append(w)
            continue
        if low in ("even", "also", "just", "only", "still", "then", "now") or low.endswith("ly"):
            break
        if out and out[0].group().lower() in DETERMINERS | POSSESSIVES and lower_after_det < 2 and low not in AUX and not low.endswith("ed"):
            out.append(w)
            lower_after_det += 1
            continue
        break
    while out and out[-1].group().lower() in ("of", "for", "and"):
        out.pop()
    if not out or (len(out) == 1 and out[0].group().lower() in DETERMINERS):
        return None
    return lo + out[0].start(), lo + out[-1].end()


def _names(word: str, vague: frozenset[str]) -> bool:
    """Whether a word in a speaker phrase names someone: a proper noun that is no nationality."""
    if not word[:1].isupper() or word.lower() in vague or word.lower() in DETERMINERS:
        return False
    bare = word.strip(".'’")
    if bare.isupper() and len(bare) <= 3:
        return False  # US, UK, EU
    if regex.search(r"(?:an|ian|ese|ish|i|ch)$", bare.lower()):
        return False  # Syrian, Chinese, British, Israeli, French
    return True


def _value(token: str, text: str, end: int) -> float | None:
    low = token.lower().replace("a ", "").strip()
    if low in _WORD_NUMBERS:
        value = float(_WORD_NUMBERS[low])
    elif "-" in low and all(p in _WORD_NUMBERS for p in low.split("-")):
        value = float(sum(_WORD_NUMBERS[p] for p in low.split("-")))
    else:
        try:
            value = float(low.replace(",", ""))
        except ValueError:
            return None
    m = _MAGNITUDE.match(text[end : end + 12])
    if m:
        scale = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
                 "bn": 10**9, "m": 10**6, "k": 1000}[(m.group(1) or m.group(2)).lower()]
        value *= scale
    return value


def _is_dateline(sentence: str) -> bool:
    """"Springfield (Reuters) - Police on Monday ...": a place (and agency) and a dash."""
    m = _DATELINE.match(sentence)
    if not m:
        return False
    head = m.group("head")
    words = regex.findall(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*", head)
    if not words or len(words) > 8:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    # an agency in brackets, "(AFP)", or a place in capitals, "WASHINGTON"
    return "(" in head or any(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)
