"""What kind of source a speaker's noun phrase is: someone named ("Pentagon
officials", "an official at the ministry"), an anonymous source ("a senior
official", "sources close to the talks") or a weasel ("experts", "some").
"""

from __future__ import annotations

import regex

from lint.lexicon import Lexicon
from lint.phrases import AUX, DETERMINERS, DETERMINERS_POSSESSIVES, WORD, words_in

_CONJUNCTION = regex.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_NATIONALITY_END = regex.compile(r"(?:an|ian|ese|ish|i|ch)$")

# Words after a source noun that attach an office or a place to it.
POST_HEAD = frozenset("at in from of for with inside within to on".split())
# Words after a source noun that end its name: a relative clause or a description follows.
HEAD_END = frozenset("who whom whose that which familiar close speaking briefed knowledgeable involved".split())
# Lowercase words after a source noun that leave it the head: any other makes it a modifier.
AFTER_HEAD = POST_HEAD | HEAD_END | AUX


def classify(lex: Lexicon, speaker: str) -> tuple[bool, bool, bool, str]:
    """(anonymous, weasel, definite, head noun) of a speaker's noun phrase."""
    low = speaker.lower()
    if not WORD.search(speaker):
        return False, False, False, ""
    explicit = lex.anonymous_re is not None and lex.anonymous_re.joined.search(speaker)
    conjuncts = [c for c in _CONJUNCTION.split(speaker) if c.strip()]
    heads = []
    for conj in conjuncts:
        state = _conjunct(lex, conj)
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


def _conjunct(lex: Lexicon, text: str):
    """'named', None (a bare modifier), or (kind, head, definite) for an unnamed source."""
    words = [w.group() for w in words_in(text)]
    if not words:
        return None
    definite = words[0].lower() in ("the", "this", "that", "these", "those")
    quantified = words[0].lower() in ("some", "many", "most", "several", "other", "numerous", "various", "few")

    def names(word: str) -> bool:
        return _names(word, lex.vague_modifiers) or word.lower() in lex.office_words

    i = 0
    while i < len(words) and words[i].lower() in DETERMINERS_POSSESSIVES:
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
        if nxt.islower() and nxt not in AFTER_HEAD and not nxt.endswith(("ed", "ing")):
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


def _names(word: str, vague: frozenset[str]) -> bool:
    """Whether a word in a speaker phrase names someone: a proper noun that is no nationality."""
    if not word[:1].isupper() or word.lower() in vague or word.lower() in DETERMINERS:
        return False
    bare = word.strip(".'’")
    if bare.isupper() and len(bare) <= 3:
        return False  # US, UK, EU
    if _NATIONALITY_END.search(bare.lower()):
        return False  # Syrian, Chinese, British, Israeli, French
    return True

