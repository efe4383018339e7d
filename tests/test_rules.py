from __future__ import annotations

import time

import pytest

from lint.checks.base import Rule
from lint.diagnostic import Severity
from lint.examples import failures
from lint.packs import bundled_packs, load_pack, load_packs
from lint.readers import parse
from lint.yamlfile import ConfigError

BUNDLED = load_packs(list(bundled_packs().values()))


@pytest.mark.parametrize("rule", BUNDLED, ids=lambda r: r.id)
def test_bundled_rule_examples(rule):
    assert failures(rule) == []


def test_every_bundled_rule_is_documented():
    for rule in BUNDLED:
        assert rule.docs.strip(), rule.id
        assert rule.examples["bad"] and rule.examples["good"], rule.id


def pack(write, body: str, name: str = "p.yaml"):
    return write(name, "rules:\n" + body)


def one_rule(write, body: str) -> Rule:
    return load_pack(pack(write, body))[0]


def lint(rule: Rule, text: str, name: str = "a.md"):
    article, _ = parse(name, text)
    return rule.check(article)


# -- validation -------------------------------------------------------------

BROKEN = {
    "unknown key": ("  - id: p.a\n    kind: existence\n    message: m\n    tokens: [x]\n    colour: red\n", 6, "unknown key 'colour'"),
    "bad regex": ("  - id: p.a\n    kind: existence\n    message: m\n    tokens: ['(unclosed']\n", 5, "bad regular expression"),
    "missing message": ("  - id: p.a\n    kind: existence\n    tokens: [x]\n", 2, "missing `message`"),
    "unknown kind": ("  - id: p.a\n    kind: telepathy\n    message: m\n", 3, "unknown kind 'telepathy'"),
    "bad placeholder": ("  - id: p.a\n    kind: existence\n    message: 'saw {nothing}'\n    tokens: [x]\n", 4, "unknown placeholder {nothing}"),
    "bad severity": ("  - id: p.a\n    kind: existence\n    message: m\n    severity: fatal\n    tokens: [x]\n", 5, "severity must be one of"),
    "wrong type": ("  - id: p.a\n    kind: existence\n    message: m\n    tokens: word\n", 5, "`tokens` must be a list"),
    "bad id": ("  - id: Not An Id\n    kind: existence\n    message: m\n    tokens: [x]\n", 2, "must look like pack.name"),
    "bad scope": ("  - id: p.a\n    kind: existence\n    message: m\n    scope: footer\n    tokens: [x]\n", 5, "unknown scope 'footer'"),
    "bad group": ("  - id: p.a\n    kind: substitution\n    message: m\n    swap: {'a(b)': '\\2'}\n", 5, "names group"),
    "invalid yaml": ("  - id: p.a\n    kind: [unclosed\n", 4, "invalid YAML"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_pack_names_file_line_and_problem(write, case):
    body, line, words = BROKEN[case]
    path = pack(write, body)
    with pytest.raises(ConfigError) as err:
        load_pack(path)
    assert err.value.path == str(path)
    assert err.value.line == line, str(err.value)
    assert words in str(err.value)


def test_a_pack_that_compiled_before_is_not_compiled_again(write):
    path = pack(write, "  - id: p.a\n    kind: existence\n    message: m\n    tokens: ['in order to']\n")
    assert load_pack(path)[0].choice.joined._compiled is not None  # first load: checked
    again = load_pack(path)[0]
    assert again.choice.joined._compiled is None  # same bytes: compiled only when an article needs it
    assert [d.rule for d in lint(again, "We left in order to win.\n")] == ["p.a"]


def test_an_edited_pack_is_checked_again(write):
    body = "  - id: p.a\n    kind: existence\n    message: m\n    tokens: ['{}']\n"
    load_pack(pack(write, body.format("fine")))
    with pytest.raises(ConfigError, match="bad regular expression"):
        load_pack(pack(write, body.format("(unclosed")))


def test_duplicate_rule_id_across_packs(write):
    body = "  - id: p.a\n    kind: existence\n    message: m\n    tokens: [x]\n"
    with pytest.raises(ConfigError, match="already defined"):
        load_packs([pack(write, body, "one.yaml"), pack(write, body, "two.yaml")])


def test_catastrophic_pattern_gives_up_with_a_warning(write):
    rule = one_rule(write, "  - id: p.slow\n    kind: existence\n    message: m\n    nonword: true\n    tokens: ['(a|aa)+b']\n")
    started = time.monotonic()
    # The "b" at the end lets the pattern past the quick test for its literal "b".
    found = lint(rule, "a" * 60 + "c b\n")
    assert time.monotonic() - started < 10
    assert [(d.rule, d.severity) for d in found] == [("p.slow", Severity.WARNING)]
    assert "took too long" in found[0].message


# -- kinds ------------------------------------------------------------------

def test_existence_word_boundaries_case_and_exceptions(write):
    rule = one_rule(write, "  - id: p.a\n    kind: existence\n    message: 'no {match}'\n    ignorecase: true\n"
                    "    tokens: [very, 'utter(?:ly)?']\n    exceptions: [Very]\n")
    text = "Everyday things. It was VERY utterly odd. Very well.\n"
    assert [(d.text, d.message) for d in lint(rule, text)] == [("utterly", "no utterly")]
    strict = one_rule(write, "  - id: p.a\n    kind: existence\n    message: m\n    tokens: [very, utterly]\n")
    assert [d.text for d in lint(strict, text)] == ["utterly"]


def test_existence_skips_quotes_unless_scoped(write):
    base = "  - id: p.a\n    kind: existence\n    message: m\n    tokens: [awful]\n"
    text = 'It was awful. "It was awful," she said.\n'
    assert len(lint(one_rule(write, base), text)) == 1
    assert len(lint(one_rule(write, base + "    scope: quote\n"), text)) == 1
    assert len(lint(one_rule(write, base + "    scope: text\n"), text)) == 2


def test_substitution_keeps_case_and_fixes(write):
    rule = one_rule(write, "  - id: p.a\n    kind: substitution\n    message: 'use {suggestion}'\n"
                    "    swap: {utilise: use, 'in order to': to}\n")
    found = lint(rule, "Utilise it in order to win.\n")
    assert [d.suggestions for d in found] == [("Use",), ("to",)]
    assert found[0].message == 'use "Use"'
    assert found[0].fix.edits[0].text == "Use" and found[0].fix.safe


def test_substitution_with_alternatives_has_no_fix(write):
    rule = one_rule(write, "  - id: p.a\n    kind: substitution\n    message: m\n    swap: {commence: begin|start}\n")
    [d] = lint(rule, "We commence today.\n")
    assert d.suggestions == ("begin", "start") and d.fix is None


def test_occurrence_per_sentence(write):
    rule = one_rule(write, "  - id: p.a\n    kind: occurrence\n    message: '{count} commas'\n    token: ','\n    max: 2\n")
    found = lint(rule, "One, two, three, four. Five, six.\n")
    assert [d.message for d in found] == ["3 commas"]
    assert found[0].text == "One, two, three, four."


def test_occurrence_minimum_per_article(write):
    rule = one_rule(write, "  - id: p.a\n    kind: occurrence\n    message: 'only {count}'\n    token: 'said'\n    per: article\n    min: 1\n")
    assert [d.message for d in lint(rule, "Nobody spoke. Nothing else.\n")] == ["only 0"]
    assert lint(rule, "He said so.\n") == []


def test_repetition_fix_keeps_one_word(write):
    rule = one_rule(write, "  - id: p.a\n    kind: repetition\n    message: '{word} twice'\n    exceptions: [had]\n")
    found = lint(rule, "The the cat. He had had enough. He saw a\na dog.\n")
    assert [(d.text, d.fix.edits[0].text, d.message) for d in found] == [("The the", "The", "The twice"), ("a\na", "a", "a twice")]


def test_consistency_follows_first_spelling(write):
    rule = one_rule(write, "  - id: p.a\n    kind: consistency\n    message: '{match} vs {first}'\n    either: [[adviser, advisor]]\n")
    found = lint(rule, "# Advisor quits\n\nThe adviser left. Her advisor stayed.\n")
    assert [(d.text, d.suggestions) for d in found] == [("adviser", ("advisor",))]


def test_capitalization_title_style(write):
    rule = one_rule(write, "  - id: p.a\n    kind: capitalization\n    message: 'fix {suggestion}'\n    style: title\n    scope: title\n")
    assert [d.message for d in lint(rule, "# Storm Leaves thousands Without Power\n")] == ["fix thousands"]
    assert lint(rule, "# Storm Leaves Thousands Without Power\n") == []


def test_readability_words_per_sentence(write):
    rule = one_rule(write, "  - id: p.a\n    kind: readability\n    message: '{value} > {max}'\n    max: 5\n")
    found = lint(rule, "Short one here. This sentence has more than five words in it.\n")
    assert [d.message for d in found] == ["9 > 5"]


def test_metadata_scope(write):
    rule = one_rule(write, "  - id: p.a\n    kind: existence\n    message: m\n    tokens: [Staff]\n    scope: metadata.author\n")
    text = "---\ntitle: Staff picks\nauthor: Staff\n---\nStaff said so.\n"
    [d] = lint(rule, text)
    assert (d.line, d.column) == (3, 9)


def test_misspelling_fixes_and_skips_names_and_acronyms(write):
    rule = one_rule(write, "  - id: p.a\n    kind: misspelling\n    message: 'use {suggestion}'\n")
    text = "The Goverment said teh plan, by Ned of IST, came 2nd. The Represenative agreed.\n"
    found = lint(rule, text)
    assert [(d.text, d.suggestions) for d in found] == [
        ("teh", ("the",)), ("Represenative", ("Representative",))
    ]
    assert found[0].fix.edits[0].text == "the"


def test_variant_flags_the_other_dialect(write):
    us = one_rule(write, "  - id: p.a\n    kind: variant\n    message: 'use {suggestion}'\n    prefer: en-US\n")
    found = lint(us, "Colour photos of armoured cars travelled far. The color was fine.\n")
    assert [(d.text, d.suggestions) for d in found] == [
        ("Colour", ("Color",)), ("armoured", ("armored",)), ("travelled", ("traveled",))
    ]
    gb = one_rule(write, "  - id: p.a\n    kind: variant\n    message: m\n    prefer: en-GB\n")
    assert [d.suggestions for d in lint(gb, "The color was fine.\n")] == [("colour",)]


def test_default_off_rule_runs_only_when_turned_on(cli, write, tmp_path):
    write("house.yaml", "rules:\n  - id: house.a\n    kind: existence\n    message: m\n    severity: error\n"
          "    enabled: false\n    tokens: [slammed]\n")
    write(".newslint.yaml", "packs: [house.yaml]\n")
    article = write("a.md", "# T\n\nCritics slammed it.\n")
    assert cli(["check", "--grammar", "none", article]).exit_code == 0
    write(".newslint.yaml", "packs: [house.yaml]\nrules:\n  house.a: on\n")
    import lint.config

    lint.config.discover.cache_clear()
    assert cli(["check", "--grammar", "none", article]).exit_code == 1


def test_damaged_record_of_compiled_packs_is_ignored(write):
    from lint import patterns

    path = pack(write, "  - id: p.a\n    kind: existence\n    message: m\n    tokens: ['in order to']\n")
    load_pack(path)
    record = patterns._compiled_files()
    for key in record:
        record[key] = 42  # damaged entry: checked and read again
    rule = load_pack(path)[0]
    assert rule.choice.joined._compiled is not None
    assert [d.rule for d in lint(rule, "We left in order to win.\n")] == ["p.a"]


def test_a_pack_read_again_takes_what_its_patterns_need_from_the_record(write, monkeypatch):
    """Reading what a pattern needs is a start-up cost: a pack that compiled before is
    not read again, even by the Choices its rules make before the record is asked."""
    from lint import patterns

    path = pack(write, "  - id: p.a\n    kind: existence\n    message: m\n    tokens: ['in order to', 'at this point']\n")
    load_pack(path)

    def refuse(source):
        raise AssertionError(f"read again: {source}")

    monkeypatch.setattr(patterns, "required", refuse)
    rule = load_pack(path)[0]
    assert [d.rule for d in lint(rule, "We left in order to win.\n")] == ["p.a"]
