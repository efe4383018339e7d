"""The quick test that skips a pattern must never skip text the pattern matches."""

from __future__ import annotations

import string

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.literals import fold, required
from lint.packs import bundled_packs, load_packs
from lint.patterns import Pattern

# Patterns are built from pieces over a small alphabet, so that random texts match often.
_ATOMS = st.sampled_from(["a", "b", "c", "ab", "ba", "A", " ", "\\.", ".", "[ab]", "[^a]", "\\w", "\\s", "\\b",
                          "^", "$", "\\p{L}", "\\x61", "\\u0062", "é", "K"])
_QUANT = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "+?"])


@st.composite
def patterns(draw, depth=2):
    items = []
    for _ in range(draw(st.integers(1, 4))):
        if depth and draw(st.booleans()):
            inner = "|".join(draw(patterns(depth - 1)) for _ in range(draw(st.integers(1, 3))))
            opener = draw(st.sampled_from(["(", "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<g>", "(?i:"]))
            if opener in ("(?<=", "(?<!", "(?P<g>") and depth < 2:
                opener = "(?:"  # a name may be used once; look-behinds stay simple
            items.append(opener + inner + ")" + draw(_QUANT))
        else:
            atom = draw(_ATOMS)
            quant = "" if atom in ("\\b", "^", "$") else draw(_QUANT)
            items.append(atom + quant)
    return "".join(items)


_TEXT = st.text(alphabet="abcABC .éKk\u212aı\n", max_size=12)


def possible(pattern: str, text: str) -> bool:
    need = required(pattern)
    folded = fold(text)
    return need is None or all(any(s in folded for s in strings) for strings in need)


@settings(max_examples=600, deadline=None)
@given(patterns(), _TEXT, st.booleans())
def test_a_pattern_that_matches_is_never_ruled_out(pattern, text, ignorecase):
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    except regex.error:
        return  # random pieces need not form a valid pattern
    if compiled.search(text):
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
            assert letter.casefold() in fold(char), (letter, char)


@pytest.mark.parametrize(
    "pattern, need",
    [
        ("in order to", [{"in order to"}]),
        ("colou?r", [{"colo"}, {"r"}]),
        ("ab+c", [{"ab"}, {"c"}]),
        ("(?:who|whom)ever", [{"ever"}, {"who", "whom"}]),
        ("(?<=\\bbe\\s)eat", [{"eat"}, {"be"}]),
        ("(?<!not )very", [{"very"}]),
        ("[Tt]he", [{"he"}]),
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
                    assert pattern.possible(fold(example)), (rule.id, pattern.source, example)


def test_a_skipped_pattern_is_never_compiled():
    pattern = Pattern("in order to", ignorecase=True, word=True, where=("p.yaml", 1))
    assert not pattern.possible(fold("We went home."))
    assert pattern._compiled is None
