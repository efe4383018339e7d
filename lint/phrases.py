"""The phrases of a sentence that attribution hangs on: its words, where its
clauses start, the noun phrases that name a speaker before or after a reporting
verb, and the dateline that opens a wire story.

Most helpers read a segment's text with quoted speech masked (lint.article.MASK)
between offsets, so a span they return indexes the segment directly.
"""

from __future__ import annotations

import regex

from lint.article import MASK

_AND_BUT_THEN = regex.compile(r"\s(?:and|but|then)\s")
_APPOSITION = regex.compile(r",\s+(?P<app>[^,;:\ufffc]+?)\s*[.!?]?[\"”’)]*\s*$")
_HEAD_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’-]*")
_PAREN = regex.compile(r"[()]")

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*(?<!\.)|[\p{L}\p{N}]\.")
DETERMINERS = frozenset(
    "a an the this that these those one some any many most several few each every all both another other".split()
)
POSSESSIVES = frozenset("its his her their our my your".split())
DETERMINERS_POSSESSIVES = DETERMINERS | POSSESSIVES
PRONOUNS = frozenset("he she they it we i you".split())
AUX = frozenset(
    "is are was were be been being has have had do does did will would can could may might must shall should".split()
)
# Words that open a sentence with something other than its subject.
OPENERS = frozenset(
    """with without while when whenever after before in on at for from during despite although though if as
    because since until under over by to into through yesterday today tonight however meanwhile also last
    earlier later according once following amid among upon unlike like besides beyond""".split()
)
# Words that end the noun phrase naming a speaker after a cue: "according to X on Friday".
NP_STOP = frozenset(
    """on in at during after before when while as since about over that which who whom to than
    because although though if until yesterday today tonight earlier later last this also however
    recently previously now then there here said says told""".split()
)
# How far from a cue a speaker is looked for, in characters: keeps long paragraphs linear.
WINDOW = 300
_BOUNDARY = regex.compile(
    r"[,;:()\[\]\u2014\u2013\ufffc\"“”]|\s-{1,2}\s"
    r"|(?<![\w'’-])(?:that|because|before|after|when|whenever|while|although|though|since|until|unless|if"
    r"|whereas|as|but|so|where|whom|whether)(?![\w'’-])",
    regex.I,
)
_DATELINE = regex.compile(r"^(?P<head>[^\n]{2,100}?)\s+(?:-{1,2}|–|—)\s+\S")


def words_in(text: str) -> list[regex.Match]:
    return list(WORD.finditer(text))


def _paren_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for m in _PAREN.finditer(text, lo, hi):
        if m.group() == "(":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, m.end()))
    return spans


def clause_start(text: str, lo: int, pos: int) -> tuple[int, int | None]:
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


def comma_chain(text: str, lo: int, comma: int) -> tuple[int, int, int] | None:
    """For "A, B, C, verb" with `comma` after C: (start of A, end of C, end of A).

    Walks back over comma-separated pieces to the clause start; A is the subject
    and the rest its appositions.
    """
    pieces = []
    end = comma
    while True:
        start, boundary = clause_start(text, lo, end)
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


def previous_piece(text: str, lo: int, boundary: int) -> tuple[int | None, int | None]:
    """The clause piece that ends at `boundary` (exclusive), trimmed."""
    start, _ = clause_start(text, lo, boundary)
    piece = text[start:boundary]
    if not piece.strip():
        return None, None
    s = start + len(piece) - len(piece.lstrip())
    e = start + len(piece.rstrip())
    return s, e


def looks_like_np(text: str) -> bool:
    words = [w.group() for w in words_in(text)]
    if not words or len(words) > 12 or MASK in text:
        return False
    if any(w.lower() in AUX for w in words):
        return False
    return words[0][:1].isupper() or words[0].lower() in DETERMINERS_POSSESSIVES or words[0].lower() in PRONOUNS


_LEAD_WORDS = frozenset("and but or then so also yet with amid".split())
_TRAIL_WORDS = AUX | frozenset(
    """also previously later recently now then once still further repeatedly publicly earlier initially
    originally separately reportedly quickly not never""".split()
)


def trim_subject(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The speaker part of the text before a reporting verb, or None if there is none.

    Drops a leading "and", trailing auxiliaries and adverbs ("Trump also said"), and
    what comes before a last "and" clause; a pronoun at the end is the subject of a
    clause of its own ("the 38 countries they said ...").
    """
    words = words_in(text[s:e])
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
    words = words_in(subject)
    if len(words) > 25:
        return None  # a whole clause, no subject of a reporting verb
    # "The broadcasts began on August 10 and South Korea says": keep "South Korea"
    parts = list(_AND_BUT_THEN.finditer(subject))
    for part in reversed(parts):
        head = subject[: part.start()]
        if any(w.group().lower() in AUX or (w.group().islower() and w.group().endswith("ed")) for w in words_in(head)):
            return s + part.end(), e
    return s, e


def np_after(text: str, pos: int, hi: int, appositive: bool) -> tuple[int, int] | None:
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
        m = _APPOSITION.match(rest)
        if m:
            app = m.group("app")
            app_words = [w.group().lower() for w in words_in(app)]
            if 0 < len(app_words) <= 10 and not any(w in AUX or w in PRONOUNS for w in app_words) and not (
                app_words[0].endswith(("ing", "ed")) and app_words[0] not in ("king",)
            ):
                e = e + m.end("app")
    return s, e


def leading_np(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence: its subject, roughly."""
    words = words_in(text[lo : min(hi, lo + WINDOW)])
    if words and words[0].group().lower() in OPENERS:
        # "In his message, he appreciated ...": the subject follows the opening phrase
        comma = text.find(",", lo, hi)
        if comma < 0 or len(words_in(text[lo:comma])) > 10 or MASK in text[lo:comma]:
            return None
        return leading_np(text, comma + 1, hi)
    if not words:
        return None
    out = []
    lower_after_det = 0
    for w in words:
        word = w.group()
        low = word.lower()
        if not out and low in DETERMINERS_POSSESSIVES:
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
        if out and out[0].group().lower() in DETERMINERS_POSSESSIVES and lower_after_det < 2 and low not in AUX and not low.endswith("ed"):
            out.append(w)
            lower_after_det += 1
            continue
        break
    while out and out[-1].group().lower() in ("of", "for", "and"):
        out.pop()
    if not out or (len(out) == 1 and out[0].group().lower() in DETERMINERS):
        return None
    return lo + out[0].start(), lo + out[-1].end()


def is_dateline(sentence: str) -> bool:
    """"Springfield (Reuters) - Police on Monday ...": a place (and agency) and a dash."""
    m = _DATELINE.match(sentence)
    if not m:
        return False
    head = m.group("head")
    words = _HEAD_WORD.findall(head)
    if not words or len(words) > 8:
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    # an agency in brackets, "(AFP)", or a place in capitals, "WASHINGTON"
    return "(" in head or any(len(w) >= 3 and w.isalpha() and w.isupper() for w in words)
