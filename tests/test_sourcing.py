from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.lexicon import default_lexicon_path, load_lexicon
from lint.packs import bundled_dir, bundled_packs, load_pack
from lint.readers import parse
from lint.sourcing import Settings, analyse
from lint.yamlfile import ConfigError
from tests.conftest import SEED

RULES = {r.id.split(".", 1)[1]: r for r in load_pack(bundled_packs()["sourcing"])}


def flags(name: str, text: str, path: str = "a.md") -> list[str]:
    """The flagged texts of one sourcing rule on an article."""
    article, _ = parse(path, text)
    return [d.text for d in RULES[name].check(article)]


def stat(text: str) -> list[str]:
    return flags("unattributed-statistic", text)


# -- statistics -------------------------------------------------------------------


@pytest.mark.parametrize("text, figure", [
    ("Turnout in the valley fell to 38 percent.", "fell to 38 percent"),
    ("At least 12 people were hurt when the stand collapsed.", "At least 12"),
    ("Thousands of fans queued overnight for tickets.", "Thousands of"),
    ("The waiting list has doubled since the spring.", "doubled"),
    ("Nearly a third of the town's shops are empty.", "a third of"),
    ("The storm left 4,300 homes without power.", "4,300"),
    ("The renovation cost $4.5 million.", "$4.5 million"),
    ("Around 2,000 people were evacuated from the valley.", "Around 2,000"),
])
def test_statistic_without_source_is_flagged(text, figure):
    assert stat(text) == [figure]


@pytest.mark.parametrize("text", [
    "Turnout in the valley fell to 38 percent, the county clerk said.",  # X said
    "Turnout in the valley fell to 38 percent, said Ines Moreau, the county clerk.",  # said X
    "The county clerk said turnout in the valley fell to 38 percent.",
    "According to the county clerk, turnout in the valley fell to 38 percent.",
    "Turnout in the valley fell to 38 percent, according to the county clerk.",
    "Turnout in the valley fell to 38 percent, a figure confirmed by the county clerk.",
    "Turnout figures were released on Monday by the clerk, who said 38 percent voted.",
])
def test_attributed_statistic_is_not_flagged(text):
    assert stat(text) == []


def test_attribution_carries_to_the_next_sentence_of_the_paragraph():
    assert stat("The fire service said 40 homes were damaged. Another 300 were evacuated.\n") == []


def test_attribution_does_not_carry_two_sentences_or_across_paragraphs():
    two_away = "The fire service said 40 homes were damaged. Crews worked all night. At least 300 were evacuated.\n"
    assert stat(two_away) == ["At least 300"]
    next_paragraph = "The fire service said 40 homes were damaged.\n\nAt least 300 people were evacuated.\n"
    assert stat(next_paragraph) == ["At least 300"]


def test_carry_option_widens_the_reach(write):
    pack = write("p.yaml", "rules:\n  - id: p.stat\n    kind: sourcing\n    flag: statistic\n    message: m\n"
                           "    scope: [body]\n    carry: 2\n")
    rule = load_pack(pack)[0]
    article, _ = parse("a.md", "The fire service said 40 homes were damaged. Crews worked all night. "
                               "At least 300 were evacuated.\n")
    assert rule.check(article) == []


@pytest.mark.parametrize("text", [
    "The 53-year-old teacher was born in 1971 and moved to 14 Elm Road in 2003.",
    "Okafor, 61, was detained at 10:30 p.m. on March 9.",
    "The Airbus A330 was grounded during the COVID-19 outbreak.",
    "She finished 2nd at the 2019 games and dominated in the 1990s.",
    "He was sentenced to 12 years and served 18 months of it.",
    "The visitors won 3-1 in front of a full stadium.",
    "The summit opened on 4 June at 9am GMT in Room 12.",
    "Of the committee's seven members, five voted for the plan.",
    "The two brothers were arrested on Friday.",
    "The candidate was elected with 48,112 votes.",
    "A two-thirds majority is needed to change the charter.",
])
def test_years_dates_ages_names_and_small_counts_are_not_statistics(text):
    assert stat(text) == []


def test_numbers_in_headings_and_titles_are_not_checked():
    assert stat("# Turnout falls to 38 percent\n\n## 4,000 homes without power\n\nCrews are at work.\n") == []


def test_quoted_speech_is_not_checked_for_claims():
    text = '"We pulled 400 people out of the water, the biggest rescue ever," the harbour master said.\n'
    assert stat(text) == []
    assert flags("unsourced-superlative", text) == []
    # ...but the quote itself still needs a speaker
    bare = '"We pulled 400 people out of the water in the first two days of the search."\n'
    assert stat(bare) == []
    assert flags("quote-without-speaker", bare) == [bare.strip()]


def test_dateline_sentence_is_the_reporters_own_account():
    dateline = "LYON (AFP) - At least 40 people were injured when a tram left the rails on Sunday.\n"
    assert stat(dateline) == []
    assert stat(dateline.replace("LYON (AFP) - ", "")) == ["At least 40"]
    later = "LYON (AFP) - A tram left the rails on Sunday.\n\nAt least 40 people were injured.\n"
    assert stat(later) == ["At least 40"]


def test_one_diagnostic_per_sentence():
    assert stat("Prices rose 4 percent and rents climbed 9 percent in a year.") == ["4 percent"]


# -- quotes -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '"The bridge will be closed until the inspection is finished," Mayor Ana Ruiz said.\n',
    'Mayor Ana Ruiz said: "The bridge will be closed until the inspection is finished."\n',
    'Said the mayor, "The bridge will be closed until the inspection is finished."\n',
    'Mayor Ana Ruiz spoke at the town hall. "The bridge will be closed until the inspection is finished."\n',
    '"The bridge will be closed until the inspection is finished." That was the word from Mayor Ana Ruiz, '
    'who said it twice.\n',
    'Mayor Ana Ruiz read a statement:\n\n"The bridge will be closed until the inspection is finished."\n',
    '"The bridge will be closed until the inspection is finished.\n\n"We are sorry for the trouble," the mayor said.\n',
    'The mayor called the closure "a necessary step that nobody wanted to take".\n',
    'Locals call the crossing "the rattler".\n',
    'The choir sang "Songs Of The River And The Sea" at the reopening.\n',
])
def test_quote_with_speaker_or_no_speech_is_not_flagged(text):
    assert flags("quote-without-speaker", text) == []


@pytest.mark.parametrize("text", [
    '"The bridge will be closed until the inspection is finished."\n',
    'The council met on Monday.\n\n"The bridge will be closed until the inspection is finished."\n',
    'The council met on Monday. Then it rained. "The bridge will be closed until the inspection is finished."\n',
])
def test_quote_without_speaker_is_flagged(text):
    assert flags("quote-without-speaker", text) == ['"The bridge will be closed until the inspection is finished."']


# -- anonymous sources ------------------------------------------------------------------


def test_the_seed_anonymous_source_is_flagged():
    article, _ = parse(str(SEED), SEED.read_text(encoding="utf-8"))
    found = RULES["anonymous-source"].check(article)
    assert [(d.line, d.text) for d in found] == [
        (15, "A source who took part in one of the Kurdish-US meetings on Saturday")
    ]


@pytest.mark.parametrize("text, speaker", [
    ("Officials said the ferry would resume on Friday.", "Officials"),
    ("A senior US official said the ferry would resume on Friday.", "A senior US official"),
    ("The ferry will resume on Friday, according to people familiar with the matter.",
     "people familiar with the matter"),
    ("A port worker, who spoke on condition of anonymity, said the ferry would resume.",
     "A port worker, who spoke on condition of anonymity"),
    ("Sources close to the talks said the ferry would resume on Friday.", "Sources close to the talks"),
])
def test_anonymous_source_is_flagged(text, speaker):
    assert flags("anonymous-source", text) == [speaker]


@pytest.mark.parametrize("text", [
    "Harbour master Lena Berg said the ferry would resume on Friday.",
    "An official at the Maritime Authority said the ferry would resume on Friday.",
    "Coastguard officials said the ferry would resume on Friday.",
    "Police said the ferry would resume on Friday.",
    "Reporters and a local source said the ferry had resumed.",
    "A source said the ferry would resume. The source told reporters it was safe.",
])
def test_named_or_already_introduced_source_is_not_flagged(text):
    found = flags("anonymous-source", text)
    assert len(found) <= 1 and "The source" not in found


# -- weasel words -----------------------------------------------------------------


@pytest.mark.parametrize("text, match", [
    ("Experts say the levee could fail.", "Experts"),
    ("Critics argue the levee was built too cheaply.", "Critics"),
    ("It is believed the levee was built too cheaply.", "It is believed"),
    ("Many believe the levee will fail.", "Many believe"),
    ("The levee is widely regarded as unsafe.", "is widely regarded as"),
    ("The contractor reportedly cut corners.", "reportedly"),
])
def test_weasel_attribution_is_flagged(text, match):
    assert flags("weasel", text) == [match]


@pytest.mark.parametrize("text", [
    "Engineer Sam Otieno said the levee could fail.",
    "Critics, including councillor Mary Oduya, argue the levee was built too cheaply.",
    "Analysts at the Rivers Institute said the levee could fail.",
    "The researchers said the levee was built too cheaply.",
])
def test_named_critics_and_experts_are_not_weasels(text):
    assert flags("weasel", text) == []


def test_weasel_attribution_counts_as_a_source_for_statistics():
    # the weasel rule flags it; the statistic rule does not pile on
    assert stat("Experts say 40 percent of the levee is unsafe.") == []


# -- superlatives -----------------------------------------------------------------


def test_superlative_without_source_is_flagged_and_attributed_one_is_not():
    assert flags("unsourced-superlative", "It was the wettest month on record.") == ["the wettest month on record"]
    assert flags("unsourced-superlative", "It was the wettest month on record, the Met Office said.") == []
    assert flags("unsourced-superlative", "The library is the largest building on the street.") == []
    assert flags("unsourced-superlative", "Never before had the river frozen in March.") == ["Never before"]


# -- the seed ---------------------------------------------------------------------


def test_the_seed_does_not_drown():
    article, _ = parse(str(SEED), SEED.read_text(encoding="utf-8"))
    found = sorted((d.rule, d.line, d.text) for r in RULES.values() for d in r.check(article))
    assert found == [
        ("sourcing.anonymous-source", 15, "A source who took part in one of the Kurdish-US meetings on Saturday"),
        ("sourcing.unsourced-superlative", 21, "for the first time in"),
    ]


def test_seed_attributions():
    article, _ = parse(str(SEED), SEED.read_text(encoding="utf-8"))
    analysis = analyse(article)
    first = analysis.sentences[0]
    assert first.dateline
    assert [(a.speaker, a.cue) for a in first.attributions] == [("AFP correspondents and a local source", "said")]
    quote = next(q for q in analysis.quotes if q.speech)
    assert (quote.speaker.speaker, quote.speaker.cue) == ("the source", "told")
    observatory = next(s for s in analysis.sentences if "Observatory" in s.text)
    assert observatory.attributions[0].cue == "says"
    assert observatory.attributions[0].speaker.startswith("The Syrian Observatory for Human Rights")
    coalition = next(s for s in analysis.sentences if s.text.startswith("The coalition"))
    assert coalition.attributions[0].speaker == "The coalition"


def test_analysis_is_computed_once_and_shared():
    article, _ = parse(str(SEED), SEED.read_text(encoding="utf-8"))
    for rule in RULES.values():
        rule.check(article)
    assert len(article._sourcing) == 1
    assert analyse(article) is analyse(article)


# -- lexicons ---------------------------------------------------------------------


def test_lexicon_ships_beside_the_packs_and_is_not_a_pack():
    path = default_lexicon_path()
    assert path.is_file() and path.parent.parent == bundled_dir()
    assert "attribution" not in bundled_packs() and "lexicons" not in bundled_packs()
    assert set(bundled_packs()) >= {"sourcing"}


def _pack(write, extra: str, lexicon: str | None) -> Path:
    if lexicon is not None:
        write("desk/extra.yaml", lexicon)
    return write("desk/pack.yaml", "rules:\n  - id: desk.stat\n    kind: sourcing\n    flag: statistic\n"
                                   "    message: m\n    scope: [body]\n" + extra)


def test_lexicon_option_extends_the_default(write):
    text = "Turnout fell to 38 percent, the clerk grumbled.\n"
    assert stat(text) == ["fell to 38 percent"]
    pack = _pack(write, "    lexicon: extra.yaml\n", "reporting_verbs:\n  grumble: [grumbled, grumbles]\n")
    rule = load_pack(pack)[0]
    assert rule.check(parse("a.md", text)[0]) == []
    # the defaults still apply
    assert rule.check(parse("a.md", "Turnout fell to 38 percent, the clerk said.\n")[0]) == []


def test_lexicon_can_add_weasels_and_remove_entries(write):
    write("w/extra.yaml", "weasel_phrases:\n  - insiders whisper\nremove:\n  weasel_phrases: [reportedly]\n")
    pack = write("w/pack.yaml", "rules:\n  - id: w.weasel\n    kind: sourcing\n    flag: weasel\n    message: m\n"
                                "    scope: [body]\n    lexicon: extra.yaml\n")
    rule = load_pack(pack)[0]
    assert [d.text for d in rule.check(parse("a.md", "Insiders whisper the mayor will quit.\n")[0])] == ["Insiders whisper"]
    assert rule.check(parse("a.md", "The mayor reportedly will quit.\n")[0]) == []


@pytest.mark.parametrize("lexicon, words", [
    ("colours: [red]\n", "unknown lexicon section 'colours'"),
    ("weasel_phrases: ['(unclosed']\n", "bad regular expression"),
    ("weasel_phrases:\n  - it is: said\n", "put quotes around"),
    ("reporting_verbs: {grumble: 3}\n", "must be a list of word forms"),
])
def test_broken_lexicon_names_file_and_line(write, lexicon, words):
    pack = _pack(write, "    lexicon: extra.yaml\n", lexicon)
    with pytest.raises(ConfigError) as err:
        load_pack(pack)
    assert err.value.path.endswith("extra.yaml") and err.value.line
    assert words in str(err.value)


def test_missing_lexicon_and_bad_flag_are_config_errors(write):
    with pytest.raises(ConfigError, match="lexicon file not found"):
        load_pack(_pack(write, "    lexicon: nowhere.yaml\n", None))
    bad = write("b.yaml", "rules:\n  - id: b.x\n    kind: sourcing\n    flag: vibes\n    message: m\n")
    with pytest.raises(ConfigError, match="flag must be one of"):
        load_pack(bad)


def test_lexicon_merge_is_ordered_and_cached(tmp_path):
    extra = tmp_path / "x.yaml"
    extra.write_text("anonymous_nouns: [whistleblower]\n", encoding="utf-8")
    paths = (str(default_lexicon_path()), str(extra))
    lex = load_lexicon(paths)
    assert "whistleblower" in lex.anonymous_nouns and "official" in lex.anonymous_nouns
    assert load_lexicon(paths) is lex
    article, _ = parse("a.md", "A whistleblower said the audit was buried.\n")
    found = [f.kind for s in analyse(article, Settings(paths)).sentences for f in s.findings]
    assert "anonymous-source" in found


# -- noise on real copy -----------------------------------------------------------------

WIKINEWS = Path(os.environ.get("NEWSLINT_WIKINEWS", "/work/shared/corpora/wikinews"))


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="wikinews corpus not available")
def test_wikinews_does_not_drown_in_sourcing_warnings():
    from lint.diagnostic import Severity

    files = sorted(WIKINEWS.glob("wn_*.md"))
    warnings = 0
    for f in files:
        article, _ = parse(str(f), f.read_text(encoding="utf-8"))
        warnings += sum(d.severity >= Severity.WARNING for r in RULES.values() for d in r.check(article))
    assert warnings / len(files) < 1.5
