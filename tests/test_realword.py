"""The real-word typo detector (lint.realword) and its rule kind (realword)."""

from __future__ import annotations

import json
import marshal

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

def test_slips_are_labelled_by_what_the_typist_did():
    assert realword.slip("word", "world") == "omission"  # the typist left out the l
    assert realword.slip("word", "wod") in ("insertion", "adjacent")  # the typist added the r
    assert realword.slip("word", "wird") == "adjacent"  # i sits next to o
    assert realword.slip("word", "wxrd") == "substitution"
    assert realword.slip("word", "owrd") == "first-transposition"
    assert realword.slip("word", "sword") == "first-omission"
    assert realword.slip("aab", "ab") == "first-insertion"  # the first of the two a's counts
    for far in ("word", "wrdo", "bcda", "words'", "wo"):
        assert realword.slip("word", far) is None


ALPHABET = "abcdefghijklmnopqrstuvwxyz'"


def _one_keystroke(word: str):
    """Every string one keystroke from `word`, labelled, in a fixed order: the
    way candidates were once found, kept to check the deletion index against."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        where = "first-" if i == 0 else ""
        for ch in ALPHABET:
            yield head + ch + tail, where + "omission"
        if not tail:
            continue
        near = (head[-1:] and realword._adjacent(tail[0], head[-1])) or (
            tail[1:2] and realword._adjacent(tail[0], tail[1]))
        yield head + tail[1:], where + ("adjacent" if near else "insertion")
        for ch in ALPHABET:
            if ch != tail[0]:
                kind = "adjacent" if realword._adjacent(ch, tail[0]) else "substitution"
                yield head + ch + tail[1:], where + kind
        if len(tail) > 1 and tail[0] != tail[1]:
            yield head + tail[1] + tail[0] + tail[2:], where + "transposition"


@pytest.mark.parametrize("min_zipf", [2.5, 3.0, 4.5])
def test_neighbours_match_trying_every_keystroke(min_zipf):
    """The stored slips of the candidate words, and the deletion index for other
    words or a lower floor, give the same candidates, with the same labels (the
    first slip that explains one), as trying every string one keystroke away."""
    model = realword.model()
    words = sorted(model.vocabulary)[::40] + sorted(model.zipf)[::100] + [
        "aab", "ab", "aa", "aaa", "book", "bookkeeper", "committee", "it's", "naïve", "café", "x", ""]
    for word in words:
        found: dict[str, str] = {}
        for cand, kind in _one_keystroke(word):
            if len(cand) > 1 and cand != word and cand in model.vocabulary and model.frequency(cand) >= min_zipf:
                found.setdefault(cand, kind)
        for cand in model.homophones.get(word, ()):
            if model.frequency(cand) >= min_zipf:
                found[cand] = "homophone"
        assert model.neighbours(word, min_zipf) == tuple(sorted(found.items())), word


def test_neighbours_are_frequent_words_one_slip_away_and_homophones():
    model = realword.model()
    held = dict(model.neighbours("held", 3.0))
    assert {"help", "hold", "head", "herd"} <= set(held)
    assert dict(model.neighbours("forth", 3.0))["fourth"] == "homophone"
    assert dict(model.neighbours("word", 3.0))["world"] == "omission"
    assert realword.filed(model.slips, "held", missing=None), "the candidate words' slips are stored"
    # Not candidates: one-letter words, the word itself.
    assert "i" not in dict(model.neighbours("in", 3.0))
    assert "held" not in held


def test_short_words_take_only_frequent_candidates(detector):
    """Up to three letters a word has dozens of neighbours: the rare ones are
    left out, while a longer word keeps neighbours of the same frequency."""
    settings = detector.settings
    model = detector.model

    def candidates(word):
        return {c for c, _, _ in detector._candidates(word)}

    short, long_ = candidates("of"), candidates("wash")
    assert {"on", "or", "if"} <= short
    assert short and all(model.frequency(c) >= settings.min_short_candidate_zipf for c in short)
    rare = [c for c in long_ if model.frequency(c) < settings.min_short_candidate_zipf]
    assert rare, long_
    assert {c for c, _ in model.neighbours("of", settings.min_candidate_zipf)} - short


def test_candidates_are_not_far_rarer_than_the_word(detector):
    """A neighbour a hundred times rarer than the word written is left out."""
    model, settings = detector.model, detector.settings
    word = "said"  # not "slid" (zipf 3.5 to 6.0), nor "maid"
    every = {c for c, _ in model.neighbours(word, settings.min_candidate_zipf)}
    kept = {c for c, _, _ in detector._candidates(word)}
    floor = model.frequency(word) - settings.max_rarer
    assert kept == {c for c in every if model.frequency(c) >= floor}
    assert every - kept, every


def test_other_dialect_spellings_are_never_suggested(detector):
    """ "color" is a neighbour of "colour", and the model, which prefers it,
    ranks it first; the detector sets it aside."""
    assert "color" in dict(realword.model().neighbours("colour", 3.0))
    sentence = "The colour of the new flag was chosen by the public."
    eager = realword.Detector(realword.Settings(threshold=-3.0))
    for found in (detector.score(sentence), eager.check(sentence)):
        assert found and not any("color" in (f.suggestion, *f.alternatives) for f in found)


def test_the_model_is_loaded_once_per_process():
    assert realword.model() is realword.model()
    assert realword.Detector().model is realword.model()


def test_model_tables_are_kept_between_runs(tmp_path, monkeypatch):
    """The tables made from the packages' data are stored once, then read back
    unchanged; a file cut short (as a writer that crashed would leave it) is
    made again, and one of another shape is not taken for them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = realword.Model()
    tables = (built.zipf, built.vocabulary, built.homophones, built.deletions, built.slips)
    (stored,) = (tmp_path / "newslint").glob("realword-*")
    monkeypatch.setattr(realword.Model, "_build_tables", lambda *a: pytest.fail("tables made again"))
    read = realword.Model()
    assert (read.zipf, read.vocabulary, read.homophones, read.deletions, read.slips) == tables
    assert isinstance(read.homophones["forth"], frozenset) and "fourth" in read.homophones["forth"]
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    stored.write_bytes(stored.read_bytes()[:100_000])
    assert realword.Model().vocabulary == built.vocabulary
    again = marshal.loads(stored.read_bytes())  # written whole again
    assert again[:3] == tables[:3] and [t.split("\n") for t in again[3:]] == list(tables[3:])
    assert realword._are_tables(again)
    assert not any(map(realword._are_tables, (again[:4], list(again), (*again[:4], set()))))


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


@pytest.mark.parametrize("above", [-3.0, -1.0, 0.0, 0.5, 2.0])
def test_scoring_above_a_bar_drops_only_what_is_below_it(detector, above):
    """With `above`, candidates that cannot win are dropped early; the words
    that clear the bar keep the same best candidate, alternatives and score."""
    text = SEED.read_text(encoding="utf-8")
    sentences = [*text.splitlines(), "Troops were sent to held the town.", "He was to tired to comment.",
                 "The change would required approval.", "Investors fear they will loose money."]
    for sentence in sentences:
        assert detector.score(sentence, above=above) == [f for f in detector.score(sentence) if f.score > above]


def test_rule_scores_above_its_threshold_as_without_it(write):
    rule = make_rule(write, "    threshold: -1\n")
    article, _ = parse("a.md", "# Storm cuts power to costal towns\n\n" + SEED.read_text(encoding="utf-8"))
    everything = [(seg.kind, f) for seg, f in rule.scored(article)]
    assert [(k, f) for k, f in everything if f.score > -1] == [
        (seg.kind, f) for seg, f in rule.scored(article, above=-1.0) if f.score > -1]


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


def test_only_the_quoted_part_of_a_sentence_is_skipped(write):
    rule = make_rule(write)
    text = '"It is a fair deal," he said, but investors fear they will loose money if the deal fails.\n'
    assert flagged(rule, text) == [("loose", "lose")]
    quoted = '"It is a fair deal," he said, but "investors fear they will loose money if the deal fails."\n'
    assert flagged(rule, quoted) == []


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
