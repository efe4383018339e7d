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

The pieces it is built from: lint.lexicon reads the lexicon, lint.phrases finds
the noun phrases around a cue, lint.speakers tells a named source from an
anonymous or a vague one, and lint.figures finds the figures that need a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from lint.article import MASK, Article, Segment
from lint.figures import statistic_spans
from lint.lexicon import Lexicon, default_lexicon_path, load_lexicon, matches
from lint.literals import Words
from lint.phrases import (DETERMINERS_POSSESSIVES, POSSESSIVES, PRONOUNS, WINDOW, WORD, clause_start, comma_chain, is_dateline,
                          leading_np, looks_like_np, np_after, previous_piece, trim_subject, words_in)
from lint.speakers import classify

_FIGURE = regex.compile(r"[\d.,]+")
_LOWER_WORD = regex.compile(r"[a-z][a-z-]*")
_SENTENCE_END = regex.compile(r"[.!?]\s")

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

    @cached_property
    def words(self) -> Words:
        """The masked text as quick tests read it (lint.literals)."""
        return Words.of(self.masked[self.start : self.end])

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
PARTICIPLES = frozenset("believed thought estimated reported alleged rumoured rumored understood expected".split())
QUANTIFIERS = frozenset("some many most several few all both".split())
# After "some estimated", the words that leave it a verb ("some estimated that ..."); any
# other lowercase word makes it an adjective ("some estimated death tolls").
STILL_VERB_BEFORE = DETERMINERS_POSSESSIVES | PRONOUNS | {"that", "to", "by", "on", "in"}
# "declined to say", "is expected to announce": nothing is said yet
NOT_YET = frozenset(
    """declined refused decline refuse declines refuses declining refusing unable unwilling failed fails
    expected due set going plans planned plan likely hopes hoped hope wants wanted want intends intended
    scheduled poised ready about""".split()
)
NOUN_FORMS = frozenset("reports claims estimates warnings notes findings counts shows records comments".split())
# Words a title leaves in lowercase ("The Lord of the Rings").
_TITLE_SMALL_WORDS = frozenset("of the a an and in on for to at by with or from".split())
# A run of word characters as the lexicon's word lists see it ("said", "didn't").
_TOKEN = regex.compile(r"[\w'’-]+")


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
                words = words_in(inner)
                quote = Quote(seg, qs, qe, len(words), self.is_speech(inner, words))
                owner.quotes.append(quote)
                quotes.append(quote)
        if sentences and is_dateline(sentences[0].text):
            sentences[0].dateline = True
        self.speakers(para_sentences)
        for i, sent in enumerate(sentences):
            sent.findings = self.findings(sent, sentences[:i])
        return Analysis(sentences, quotes)

    # -- attribution ----------------------------------------------------------
    def attributions(self, sent: Sentence, quoted: bool) -> list[Attribution]:
        """Attributions in a sentence; `quoted`: it or a neighbour holds a quote."""
        text, lo, hi, words = sent.masked, sent.start, sent.end, sent.words
        found: list[Attribution] = []
        if self.lex.source_re is not None:
            for m in self.lex.source_re.matches(text, words, lo, hi):
                at_start = m.start() - lo < 8 and not text[lo : m.start()].strip(" \t\"“”'‘’(")
                span = np_after(text, m.end(), hi, appositive=not at_start)
                if span:
                    found.append(self.attribution(m.group(), (m.start(), m.end()), span, sent, "source-phrase"))
        cues = []
        if not self.lex.plain_verbs or not self.lex.verb_words.isdisjoint(words.words):  # else none is here
            cues = [m for m in _TOKEN.finditer(text, lo, hi) if m.group().lower() in self.lex.verb_words]
        if self.lex.verb_phrase_re is not None:
            cues += self.lex.verb_phrase_re.matches(text, words, lo, hi)
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
        if prev in NOT_VERB_AFTER or prev.endswith(("'s", "’s")) or _FIGURE.fullmatch(prev or "x"):
            return None
        if prev == "to" and (prev2 in NOT_YET or prev2 in BE):
            return None  # "declined to say", "is expected to announce"
        if prev in QUANTIFIERS and form.endswith("ed") and _LOWER_WORD.fullmatch(nxt or "X") and (
            nxt not in STILL_VERB_BEFORE
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
                span = np_after(text, after[0].end(), hi, appositive=True)
                if span:
                    return self.attribution(m.group(), cue, span, sent, "passive")
            return None
        start, boundary = clause_start(text, max(lo, floor, m.start() - WINDOW), m.start())
        words = words_in(text[start : m.start()])
        raw = [w.group().lower() for w in words]
        if raw and raw[-1] in ("and", "but", "then") and not (len(raw) >= 2 and raw[-2] in PRONOUNS):
            return self.elided(sent, m, cue)  # "He smiled and said"
        if raw and raw[-1] == "to":
            return self.elided(sent, m, cue)  # "She went as far as to say"
        span = trim_subject(text, start, m.start())
        if span is not None:
            s, e = span
            first = text[s:e].split()[0].lower()
            if first in ("who", "which") and boundary is not None:
                ps, pe = previous_piece(text, lo, boundary)  # "X, who said ...": the speaker is X
                if ps is not None:
                    s, e = ps, pe
            return self.attribution(m.group(), cue, (s, e), sent, "speaker-cue")
        # nothing between the clause start and the verb
        if boundary is not None and text[boundary] == ",":
            if form.endswith("ing"):
                return self.elided(sent, m, cue)  # "..., adding that ...": the sentence's subject
            chain = comma_chain(text, lo, boundary)
            if chain and MASK not in text[chain[0] : chain[1]] and looks_like_np(text[chain[0] : chain[2]]):
                # "X, a monitor, says" and "Anderson Cooper, of CNN, one of her sons, stated"
                if chain[2] < chain[1]:
                    return self.attribution(m.group(), cue, (chain[0], chain[1]), sent, "speaker-cue")
            mask_before = MASK in text[max(lo, boundary - 2) : boundary + 1]
            span = np_after(text, m.end(), hi, appositive=True)
            if span and (mask_before or len(words_in(text[span[0] : span[1]])) <= 8 and looks_like_np(text[span[0] : span[1]])):
                return self.attribution(m.group(), cue, span, sent, "cue-speaker")  # "..., said Smith."
            return None
        if boundary is not None and (text[boundary] in "\ufffc\"“”:" or MASK in text[boundary : m.start()]):
            span = np_after(text, m.end(), hi, appositive=True)
            return self.attribution(m.group(), cue, span, sent, "cue-speaker") if span else None
        if boundary is not None and text[boundary : boundary + 3].lower() in ("but", "and"):
            return self.elided(sent, m, cue)
        if boundary is None and start == lo:  # "Said the chairman: ..."
            span = np_after(text, m.end(), hi, appositive=True)
            if span and looks_like_np(text[span[0] : span[1]]):
                return self.attribution(m.group(), cue, span, sent, "cue-speaker")
        return None

    def elided(self, sent: Sentence, m: regex.Match, cue) -> Attribution | None:
        """"The coalition declined to comment, but said ...": the speaker is the sentence's subject."""
        span = leading_np(sent.masked, sent.start, m.start())
        return self.attribution(m.group(), cue, span, sent, "elided") if span else None

    def attribution(self, cue_text, cue, span, sent: Sentence, order: str) -> Attribution:
        s, e = span
        speaker = sent.masked[s:e]
        anonymous, weasel, definite, head = classify(self.lex, speaker)
        return Attribution(cue_text, cue, speaker, (s, e), order, anonymous, weasel, definite, head)

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
    def is_speech(self, inner: str, words: list[regex.Match]) -> bool:
        """Whether a quoted passage is someone's words, from its text and `words_in` it."""
        if len(words) < self.settings.min_quote_words:
            return False
        big = [w.group() for w in words if w.group().lower() not in _TITLE_SMALL_WORDS]
        title_like = big and sum(w[:1].isupper() or w[:1].isdigit() for w in big) / len(big) >= 0.75
        return not (title_like and not _SENTENCE_END.search(inner))

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
                            span = leading_np(before.masked, before.start, before.end)
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
        span = leading_np(text, sent.start, len(pre) + sent.start)
        if span is None:
            return None
        cue = (len(pre) + sent.start - 1, len(pre) + sent.start) if colon else (q.start, q.start)
        mark = pre[-1] if colon else ""
        return self.attribution(mark or "(quoted fragment)", cue, span, sent, "colon" if colon else "fragment")

    # -- claims ---------------------------------------------------------------
    def findings(self, sent: Sentence, earlier: list[Sentence]) -> list[Finding]:
        text, lo, hi, words = sent.masked, sent.start, sent.end, sent.words
        out: list[Finding] = []
        for att in sent.attributions:
            if att.anonymous:
                if att.definite and _mentioned(att.head, earlier):
                    continue  # "the source told AFP": the source was introduced before
                out.append(Finding("anonymous-source", *att.speaker_span, att))
            elif att.weasel:
                out.append(Finding("weasel", *att.speaker_span, att))
        for m in matches(self.lex.weasel_re, text, lo, hi, words):
            out.append(Finding("weasel", m.start(), m.end()))
        for s, e in statistic_spans(self.lex, self.settings.min_count, text, lo, hi, words):
            out.append(Finding("statistic", s, e))
        for kind, pattern in (
            ("superlative", self.lex.superlative_re),
            ("comparison", self.lex.comparison_re),
            ("causal", self.lex.causal_re),
        ):
            for m in matches(pattern, text, lo, hi, words):
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


def _mentioned(word: str, sentences: list[Sentence]) -> bool:
    """Whether a lower-case word occurs in the sentences. Only a definite anonymous
    source ("the source") asks, in few sentences, so nothing is read ahead of that."""
    return any(w.group().lower() == word for sent in sentences for w in words_in(sent.text))


def _mask(seg: Segment) -> str:
    text = seg.text
    if not seg.quotes:
        return text
    chars = list(text)
    for s, e in seg.quotes:
        for i in range(s, min(e, len(chars))):
            chars[i] = MASK
    return "".join(chars)


def _adjacent(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _nearest(sentences: list[Sentence], pos: int) -> Sentence:
    return min(sentences, key=lambda s: abs(s.start - pos))

