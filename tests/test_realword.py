"""The real-word typo detector (lint.realword) and its rule kind (realword)."""

from __future__ import annotations

import json
import time

import pytest

from lint.dialect import same_word

from lint import realword
from lint.checks.realword import RealWord
from lint.realword import article_names
from lint.packs import load_pack
from lint.readers import parse
from lint.yamlfile import ConfigError
from tests.conftest import ROOT, SEED

RULE = """rules:
  - id: p.typo
    kind: realword
    message: '"{match}" may be {suggestion}'
"""


@pytest.fixture(scope="module")
def detector():
    return realword.Detector()


def make_rule(write, extra: str = "") -> RealWord:
    return load_pack(write("p.yaml", RULE + extra))[0]


def flagged(rule: RealWord, text: str, name: str = "a.md") -> list[tuple[str, str]]:
    article, _ = parse(name, text)
    return [(d.text, d.suggestions[0]) for d in rule.check(article)]


# -- candidates -------------------------------------------------------------

def test_edits_are_labelled_by_the_slip():
    edits = dict(realword._edits("word"))
    assert edits["world"] == "omission"  # the typist left out the l
    assert edits["wod"] in ("insertion", "adjacent")  # the typist added the r
    assert edits["wird"] == "adjacent"  # i sits next to o
    assert edits["wxrd"] == "substitution"
    assert edits["owrd"] == "first-transposition"
    assert edits["sword"] == "first-omission"


def test_neighbours_are_frequent_words_one_slip_away_and_homophones():
    model = realword.model()
    held = dict(model.neighbours("held", 3.0))
    assert {"help", "hold", "head", "herd"} <= set(held)
    assert dict(model.neighbours("forth", 3.0))["fourth"] == "homophone"
    assert dict(model.neighbours("word", 3.0))["world"] == "omission"
    # Not candidates: dialect spellings, one-letter words, the word itself.
    assert "color" not in dict(model.neighbours("colour", 3.0))
    assert "i" not in dict(model.neighbours("in", 3.0))
    assert "held" not in held


def test_the_model_is_loaded_once_per_process():
    assert realword.model() is realword.model()
    assert realword.Detector().model is realword.model()


def test_model_tables_are_kept_between_runs(tmp_path, monkeypatch):
    """The tables made from the packages' data are stored once, then read back
    unchanged; a damaged file is made again."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = realword.Model()
    stored = realword.tables_file()
    assert stored.is_relative_to(tmp_path) and stored.is_file()
    monkeypatch.setattr(realword.Model, "_build_tables", lambda *a: pytest.fail("tables made again"))
    read = realword.Model()
    assert (read.zipf, read.vocabulary, read.homophones) == (built.zipf, built.vocabulary, built.homophones)
    assert isinstance(read.homophones["forth"], frozenset) and "fourth" in read.homophones["forth"]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stored.write_text('{"zipf": [')
    assert realword.Model().vocabulary == built.vocabulary
    assert realword._read_tables(stored) is not None  # written whole again


def test_loading_a_pack_does_not_load_the_model(write, monkeypatch):
    monkeypatch.setattr(realword, "_MODEL", None)
    rule = make_rule(write)
    assert realword._MODEL is None
    assert rule.detector.model is realword._MODEL is not None


@pytest.mark.parametrize("a, b, same", [
    ("dies", "died", True), ("car", "cars", True), ("try", "tries", True),
    ("chairman", "chairmen", True), ("word", "world", False), ("help", "held", False),
])
def test_is_inflection(a, b, same):
    assert realword.is_inflection(a, b) is same


@pytest.mark.parametrize("a, b, same", [
    ("colour", "color", True), ("organisation", "organization", True), ("licence", "license", True),
    ("judgement", "judgment", True), ("travelled", "traveled", True), ("centre", "center", True),
    ("tell", "tel", False), ("word", "world", False),
])
def test_is_spelling_variant(a, b, same):
    assert same_word(a, b) is same


def test_base_forms_of_past_forms():
    assert realword.IRREGULAR_BASES["held"] == ("hold",)
    assert "go" in realword.IRREGULAR_BASES["went"]
    assert "require" in realword.regular_bases("required")
    assert "stop" in realword.regular_bases("stopped")
    assert "try" in realword.regular_bases("tried")
    assert realword.regular_bases("seen") == ()


# -- tokens and scoring -----------------------------------------------------

def test_tokens_break_context_at_punctuation_and_numbers():
    tokens = realword.tokenize('He left. Then, in 2011, "we" won', realword.model())
    words = [t.word if t else None for t in tokens]
    assert words == ["he", "left", None, "then", "in", None, "we", None, "won"]


def test_parts_of_compounds_are_glued():
    tokens = realword.tokenize("a then-governor visited example.com and K2 today", realword.model())
    glued = {t.text for t in tokens if t and t.glued}
    assert glued == {"then", "governor", "example", "com", "K"}


@pytest.mark.parametrize("sentence, word, suggestion", [
    ("The storm cut power across the costal region.", "costal", "coastal"),
    ("Firefighters brought the blaze under control after four ours.", "ours", "hours"),
    ("Investors fear they will loose money if the deal fails.", "loose", "lose"),
    ("The mayor said he was to tired to comment.", "to", "too"),
])
def test_clear_typos_are_found(detector, sentence, word, suggestion):
    found = [(f.word, f.suggestion) for f in detector.check(sentence)]
    assert (word, suggestion) in found


@pytest.mark.parametrize("sentence", [
    "The storm cut power across the coastal region.",
    "Investors fear they will lose money if the deal fails.",
    "Rain is expected to spread across the north of the country overnight.",
])
def test_clean_sentences_pass(detector, sentence):
    assert detector.check(sentence) == []


def test_past_form_after_to_or_a_modal_is_ungrammatical(detector):
    [f] = detector.check("Troops were sent to held the town.")
    assert (f.word, f.grammar) == ("held", True)
    assert f.suggestion in ("hold", "help")
    [f] = detector.check("The change would required approval from the board.")
    assert (f.word, f.suggestion, f.grammar) == ("required", "require", True)
    # "led to increased costs": a regular participle after "to" is an adjective.
    assert detector.check("The policy led to increased costs for families.") == []


def test_capitalised_name_is_no_modal(detector):
    """ "Theresa May stepped down": May is a name, so "stepped" stands where it should."""
    found = detector.score("Theresa May stepped down as leader in July.")
    assert not any(f.grammar for f in found)


def test_scores_are_thresholded(detector):
    sentence = "Investors fear they will loose money if the deal fails."
    [scored] = [f for f in detector.score(sentence) if f.word == "loose"]
    strict = realword.Detector(realword.Settings(threshold=scored.score + 0.01))
    assert strict.check(sentence) == []


# -- the rule kind ----------------------------------------------------------

def test_rule_reports_with_suggestion_and_unsafe_fix(write):
    rule = make_rule(write, "    fix: unsafe\n")
    article, _ = parse("a.md", "The storm cut power across the costal region.\n")
    [d] = rule.check(article)
    assert (d.text, d.suggestions[0], d.message) == ("costal", "coastal", '"costal" may be "coastal"')
    assert d.fix.edits[0].text == "coastal" and not d.fix.safe


def test_names_inside_a_sentence_are_skipped(write):
    rule = make_rule(write)
    assert flagged(rule, "Officials met Ours in the capital.\n") == []
    assert flagged(rule, "Firefighters worked for four ours.\n") == [("ours", "hours")]


def test_sentence_start_is_a_name_when_the_article_says_so():
    text = "Loose Bridge opened today. Later, the mayor thanked Loose for the work.\n"
    article, _ = parse("a.md", text)
    assert "loose" in article_names(article)
    assert "the" not in article_names(parse("b.md", 'He said: "The end."\n')[0])


def test_particles_of_names_are_skipped(write):
    rule = make_rule(write)
    assert flagged(rule, "Shares in Mohammed bin Rashid Holdings rose on Monday.\n") == []


def test_quotes_are_skipped_unless_scoped(write):
    text = '"Investors will loose money if the deal fails," he said.\n'
    assert flagged(make_rule(write), text) == []
    assert flagged(make_rule(write, "    scope: [body, quote]\n"), text) == [("loose", "lose")]


def test_repeated_rare_words_are_the_topic(write):
    rule = make_rule(write)
    one = "Investors fear they will loose money if the deal fails.\n"
    assert flagged(rule, one) == [("loose", "lose")]
    assert flagged(rule, one + "A loose screw caused the fault.\n") == []


def test_exceptions_and_threshold_options(write):
    text = "Investors fear they will loose money if the deal fails.\n"
    assert flagged(make_rule(write, "    exceptions: [Loose]\n"), text) == []
    assert flagged(make_rule(write, "    threshold: 6\n"), text) == []
    assert flagged(make_rule(write, "    threshold: -1.5\n"), text) == [("loose", "lose")]


@pytest.mark.parametrize("extra, words", [
    ("    threshold: high\n", "`threshold` must be a float or int"),
    ("    threshold: true\n", "threshold must be a number"),
    ("    threshold: 50\n", "between -5 and 10"),
    ("    min_length: 1\n", "min_length must be at least 2"),
    ("    grammar: sometimes\n", "`grammar` must be a bool"),
])
def test_bad_options_name_the_line(write, extra, words):
    path = write("p.yaml", RULE + extra)
    with pytest.raises(ConfigError) as err:
        load_pack(path)
    assert words in str(err.value)
    assert err.value.line == 5


def test_grammar_positions_can_be_switched_off(write):
    text = "Troops were sent to held the town.\n"
    assert flagged(make_rule(write), text)
    rule = make_rule(write, "    grammar: false\n    threshold: 3\n")
    assert flagged(rule, text) == []


# -- the shipped pack on the seed -------------------------------------------

def test_seed_flags_held_with_help(cli):
    result = cli(["check", SEED, "--format", "json", "--fail-on", "never", "--select", "spelling"], cwd=ROOT)
    found = [(d["text"], d["suggestions"][0]) for d in json.loads(result.output)["diagnostics"]]
    assert ("held", "help") in found


def test_seed_word_for_world_is_weighed(detector):
    """The seed's other typo ("involving word powers") gets "world" as its best
    candidate but stays under the default bar: two words of context on each
    side are too little to tell it from correct uses of "word"."""
    text = SEED.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "word powers" in line)
    [f] = [f for f in detector.score(sentence) if f.word == "word"]
    assert f.suggestion == "world"


def test_speed_per_thousand_words(detector):
    text = SEED.read_text(encoding="utf-8").split("\n", 8)[-1]
    words = len(text.split())
    started = time.perf_counter()
    for line in text.splitlines():
        detector.score(line)
    per_1k = (time.perf_counter() - started) / words * 1000
    assert per_1k < 1.0, f"{per_1k:.2f} s per 1,000 words"
