"""The quick test that skips a pattern must never skip text the pattern matches."""

from __future__ import annotations

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.literals import Words, required, word_text
from lint.packs import bundled_packs, load_packs
from lint.patterns import Choice, Index, Pattern, PatternTimeout, live
from lint.yamlfile import ConfigError

# Patterns are built from pieces over a small alphabet, each piece with the texts it
# matches, so that a pattern comes with a text made to match it (zero-width pieces
# match "", which the text around them may or may not satisfy).
_PIECES = {
    "a": ["a"], "b": ["b"], "ab": ["ab"], "A": ["a", "A"], " ": [" "], "\\.": ["."], ".": ["a", " ", "-"],
    "[ab]": ["a", "b"], "[^a]": ["b", ","], "[Tt]": ["t", "T"], "[,;]": [",", ";"], "['’]": ["'", "’"],
    "\\w": ["a", "_", "1", "é"], "\\s": [" "], "\\W": [",", " ", "½"],
    "\\d": ["1"], "\\b": [""], "\\B": [""], "^": [""], "$": [""], "\\p{L}": ["a", "é"], "\\x61": ["a"],
    "é": ["é"], "K": ["K", "k", "\u212a"], "_": ["_"], "-": ["-"], ",": [","], "1": ["1"], "s": ["s", "\u017f"],
    "(?<![\\w-])": [""], "(?![\\w'’-])": [""], "(?!\\w)": [""], "(?<=[\\w-])": [""], "(?=\\w)": [""],
    "(?<=ab)": [""],
}
_REPEATS = {"": (1, 1), "?": (0, 1), "*": (0, 2), "+": (1, 2), "{2}": (2, 2), "{0,2}": (0, 2), "{1,}": (1, 2),
            "??": (0, 1), "+?": (1, 2)}
_OPENERS = ["(", "(?:", "(?i:", "(?=", "(?!", "(?<=", "(?<!", "(?P<g>"]


@st.composite
def pattern_and_text(draw, depth=2, named=True):
    """(pattern, a text meant to match it)."""
    pattern, text = "", ""
    for _ in range(draw(st.integers(1, 4))):
        if depth and draw(st.booleans()):
            opener = draw(st.sampled_from(_OPENERS if named else _OPENERS[:-1]))
            named = named and opener != "(?P<g>"  # a name is used once
            branches = [draw(pattern_and_text(depth - 1, named=False)) for _ in range(draw(st.integers(1, 3)))]
            piece, made = opener + "|".join(b[0] for b in branches) + ")", draw(st.sampled_from(branches))[1]
            if opener.startswith(("(?=", "(?!", "(?<")):
                made = ""  # a look-around matches no text of its own
        else:
            piece = draw(st.sampled_from(sorted(_PIECES)))
            made = draw(st.sampled_from(_PIECES[piece]))
        if made == "" and piece in _PIECES:
            quant = ""  # a repeated assertion is an error
        else:
            quant = draw(st.sampled_from(sorted(_REPEATS)))
        low, high = _REPEATS[quant]
        pattern += piece + quant
        text += made * draw(st.integers(low, high))
    return pattern, text


_TEXT = st.text(alphabet="abcABC .,-_1½éKk\u212aı\u0301ß’\n", max_size=8)


def possible(pattern: str, text: str) -> bool:
    """The quick test's answer, asked alone and through an index that files the pattern."""
    alone, filed = (Pattern(pattern, ignorecase=False, word=False, where=("p.yaml", 1)) for _ in "ab")
    Index([filed])
    return alone.possible(Words.of(text)) and filed.possible(Words.of(text))


@settings(max_examples=1000, deadline=None)
@given(pattern_and_text(), _TEXT, _TEXT, st.booleans())
def test_a_pattern_that_matches_is_never_ruled_out(made, before, after, ignorecase):
    pattern, middle = made
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    except regex.error:
        return  # pieces need not form a valid pattern
    for text in (middle, before + middle + after):
        try:
            found = compiled.search(text, timeout=1.0)
        except TimeoutError:
            continue  # some generated patterns backtrack without end
        if found:
            assert possible(pattern, text), (pattern, text, required(pattern))


@pytest.mark.parametrize("letter", string.ascii_letters)
def test_case_insensitive_partners_of_ascii_letters_fold_to_them(letter):
    """The reason only ASCII counts as literal: every character the engine pairs with
    an ASCII letter contains that letter once folded (the Kelvin sign, the long s,
    the dotless i)."""
    pattern = regex.compile(letter, regex.IGNORECASE)
    partners = [chr(cp) for cp in range(0x250) if pattern.fullmatch(chr(cp))] + ["\u212a", "\u017f"]
    for char in partners:
        if pattern.fullmatch(char):
            assert letter.casefold() in word_text(char), (letter, char)


@pytest.mark.parametrize(
    "pattern, need",
    [
        ("in order to", [{"in order to"}]),
        ("colou?r", [{"colo"}, {"r"}]),
        ("ab+c", [{"ab"}, {"c"}]),
        ("(?:who|whom)ever", [{"ever"}, {"who", "whom"}]),
        ("(?<=\\bbe\\s)eat", [{" eat"}, {" be "}]),  # what follows a look-behind's gap starts a word
        ("(?<=be|\\s)eat", [{"eat"}]),  # not when a branch ends otherwise
        ("their(?=\\s+is)", [{"their "}, {" is"}]),  # a look-ahead that starts with a gap ends the word
        ("a(?=\\s*b)", [{"a"}, {"b"}]),  # not when the gap may be absent
        ("(?<=be\\\\s)eat", [{"be s"}, {"eat"}]),  # an escaped backslash, then an s
        ("(?<!not )very", [{"very"}]),
        ("[Tt]he", [{"the"}]),  # a letter in both cases is that letter
        ("they['’]re", [{"they re"}]),  # a set of punctuation is a gap
        ("\\bis\\b", [{" is "}]),  # a whole word: not in "this crisis"
        ("(?<![\\w-])(?:it|he)\\s+said(?![\\w-])", [{" said "}, {" it", " he"}]),
        ("U\\.S\\.", [{"u s "}]),  # punctuation is a gap like any other
        ("a|\\w+", None),  # one branch needs nothing
        ("(?x)a b", None),  # verbose mode: spaces mean nothing
        ("caf\u00e9", [{"caf"}]),  # only ASCII counts
    ],
)
def test_needs_of_typical_rule_patterns(pattern, need):
    found = required(pattern)
    assert (None if found is None else sorted(map(set, found), key=sorted)) == (
        None if need is None else sorted(need, key=sorted))


def test_bundled_rules_still_match_their_bad_examples_through_the_quick_test():
    """Every bad example of the bundled packs matches some pattern of its rule, and
    the quick test lets that pattern through."""
    for rule in load_packs(list(bundled_packs().values())):
        for example in rule.examples["bad"]:
            for pattern in rule.patterns():
                if pattern.compiled().search(example):
                    assert pattern.possible(Words.of(example)), (rule.id, pattern.source, example)


def test_a_skipped_pattern_is_never_compiled():
    pattern = Pattern("in order to", ignorecase=True, word=True, where=("p.yaml", 1))
    assert not pattern.possible(Words.of("We went home."))
    assert pattern._compiled is None


@settings(max_examples=500, deadline=None)
@given(st.lists(pattern_and_text(depth=1), min_size=1, max_size=4), _TEXT, _TEXT, st.booleans(), st.booleans())
def test_choice_finds_what_the_joined_regex_finds(branches, before, after, ignorecase, word):
    """Running only the live branches of a Choice, one by one, gives the matches of
    the one regex that joins them all, at the same places and in the same order."""
    tokens = [pattern for pattern, _ in branches]
    text = before + "".join(made for _, made in branches) + after
    try:
        choice = Choice(tokens, ignorecase=ignorecase, word=word, where=("p.yaml", 1))
        expected = choice.joined.finditer(text)
        found = choice.finditer(text, choice.live(Words.of(text)))
    except (regex.error, ConfigError, PatternTimeout):
        return  # pieces need not form a valid or a quick pattern
    assert [m.span() for m in found] == [m.span() for m in expected], (tokens, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(pattern_and_text(depth=1), min_size=1, max_size=5), _TEXT)
def test_live_patterns_are_those_each_quick_test_lets_through(made, text):
    """`live` asks the index first; it must keep the patterns, filed or not, that the
    quick test of each, asked on its own, keeps, in the same order."""
    sources = [pattern for pattern, _ in made] + [r"\w+"]  # a pattern that cannot be filed
    text += "".join(m for _, m in made)
    alone, filed = ([Pattern(s, ignorecase=False, word=False, where=("p.yaml", 1)) for s in sources] for _ in "ab")
    try:
        Index(filed)
    except ConfigError:
        return  # pieces need not form a quick pattern
    words = Words.of(text)
    kept = [i for i, p in enumerate(alone) if p.possible(words)]
    assert [filed.index(p) for p in live(filed, words)] == kept, (sources, text)


def test_choice_runs_branches_that_share_a_flag_or_a_group_as_one_regex():
    for tokens in (["(?i)abc", "def"], ["(a)\\1", "b"], ["(a)(?-1)", "b"], ["(?-i)abc", "def"]):
        choice = Choice(tokens, ignorecase=False, word=True, where=("p.yaml", 1))
        assert choice.branches == [choice.joined], tokens
    for tokens in (["abc", "def"], ["(?-i:a)bc", "def"], ["(?i:abc)", "def"]):
        assert len(Choice(tokens, ignorecase=False, word=True, where=("p.yaml", 1)).branches) == 2, tokens


def test_choice_runs_only_the_branches_a_text_may_match():
    choice = Choice(["in order to", "at this point in time"], ignorecase=True, word=True, where=("p.yaml", 1))
    live = choice.live(Words.of("We left in order to win."))
    assert live == choice.branches[:1]
    assert choice.branches[1]._compiled is None
