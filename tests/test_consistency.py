"""The consistency pack: weekdays against dates and the article's date, names spelled two ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.checks.dates import dateline, publication_days
from lint.checks.names import related
from lint.text import edit_distance
from lint.packs import bundled_packs, load_pack
from lint.readers import parse
from lint.yamlfile import ConfigError

from tests.conftest import SEED

RULES = {r.id: r for r in load_pack(bundled_packs()["consistency"])}
CORPUS = Path("/work/shared/corpora/wikinews")


def wire(body: str, date: str | None = "2019-11-02T00:00:00+00:00") -> str:
    head = f"# A headline\n\nPublished at: **{date}**\n\n" if date else "# A headline\n\nAuthor: **AFP**\n\n"
    return head + "Author: **AFP**\n\n" + body + "\n"


def found(rule_id: str, text: str, name: str = "a.txt"):
    article, _ = parse(name, text)
    return RULES[rule_id].check(article)


def texts(rule_id: str, text: str) -> list[str]:
    return [d.text for d in found(rule_id, text)]


# -- weekday-date ---------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "The summit opens on Sunday, November 4, 2019.",
    "The summit opens on Sunday 4 November 2019.",
    "The summit opens on Sunday, Nov. 4.",
    "The summit opens on Sunday, Nov 4.",
    "The summit opens on Sunday (November 4).",
    "The summit opens on Sunday the 4th of November.",
    "The summit opens on Sunday, November 4th.",
    "The summit opens on Sun., Nov. 4.",
])
def test_weekday_date_forms(body):
    diags = found("consistency.weekday-date", wire(body))
    assert len(diags) == 1
    d = diags[0]
    assert d.text in ("Sunday", "Sun.")
    assert d.suggestions == (("Monday",) if d.text == "Sunday" else ("Mon.",))
    assert d.fix is not None and not d.fix.safe  # which half is wrong is the reporter's call
    assert "is a Monday" in d.message


@pytest.mark.parametrize("body", [
    "The summit opens on Monday, November 4, 2019.",
    "The summit opens on Monday 4 November.",
    "Matches are on Friday and Saturday, November 1 and 2.",
    "Matches run from Sunday, November 3-5.",
    "On Tuesday, 20 bodies had been recovered.",
    "On Sunday, May said the talks would go on.",
    "The deadline is Sunday, February 30.",  # no such date: not this rule's business
])
def test_weekday_date_quiet(body):
    assert found("consistency.weekday-date", wire(body)) == []


def test_weekday_date_without_year_needs_the_article_date():
    assert found("consistency.weekday-date", wire("Talks open on Sunday, November 4.", date=None)) == []
    assert texts("consistency.weekday-date", wire("Talks open on Sunday, November 4, 2019.", date=None)) == ["Sunday"]


def test_weekday_date_year_boundary():
    # Published 2 January 2020: "Tuesday, December 31" is 2019's, a Tuesday.
    assert found("consistency.weekday-date", wire("Talks ended Tuesday, December 31.", "2020-01-02T00:00:00Z")) == []
    assert texts("consistency.weekday-date", wire("Talks ended Monday, December 31.", "2020-01-02T00:00:00Z")) \
        == ["Monday"]


def test_weekday_date_skips_quotes_by_default():
    body = 'He said: "We met on Sunday, November 4, 2019, and agreed."'
    assert found("consistency.weekday-date", wire(body)) == []


def test_weekday_date_fix_applies(cli, write):
    path = write("a.md", "---\ndate: 2019-11-02\n---\n\nThe summit opens on Sunday, November 4.\n")
    result = cli(["check", "--select", "consistency.weekday-date", "--format", "json", path])
    assert '"text": "Monday"' in result.output


# -- the article's date ---------------------------------------------------------

def test_publication_days():
    def days(date):
        return publication_days(parse("a.txt", wire("Text.", date))[0])

    assert [str(d) for d in days("2019-11-02T00:00:00+00:00")] == ["2019-11-02"]
    assert [str(d) for d in days("2019-11-02T14:42:13+00:00")] == ["2019-11-02", "2019-11-03"]
    assert [str(d) for d in days("2019-11-02T01:00:00Z")] == ["2019-11-01", "2019-11-02"]
    assert [str(d) for d in days("2019-11-02T23:30:00-05:00")] == ["2019-11-02"]
    assert days(None) == ()


@pytest.mark.parametrize("first, day", [
    ("Saturday, November 2, 2019", "2019-11-02"),
    ("November 2, 2019 — Police said the road was shut.", "2019-11-02"),
    ("2 November 2019: Police said the road was shut.", "2019-11-02"),
    ("Friday, November 2, 2019", None),  # a dateline that contradicts itself is no dateline
    ("On November 2, 2019 police said the road was shut.", None),
])
def test_dateline(first, day):
    article, _ = parse("a.md", first + "\n\nMore text.\n")
    found_day = dateline(article)
    assert (str(found_day) if found_day else None) == day


# -- weekday-window -------------------------------------------------------------

@pytest.mark.parametrize("body, flagged, meant", [
    ("Police said yesterday (Thursday) that the road was shut.", "Thursday", "Friday"),
    ("Yesterday, Thursday, the road was shut.", "Thursday", "Friday"),
    ("The vote was on Thursday (yesterday).", "Thursday", "Friday"),
    ("Ministers meet today, Friday, in Brussels.", "Friday", "Saturday"),
    ("The result is due tomorrow (Monday).", "Monday", "Sunday"),
    ("Shots were heard late last night, Thursday, residents said.", "Thursday", "Friday"),
    ("The vote takes place today, November 3.", "November 3", "November 2"),
    ("The vote took place yesterday, 31 October 2019.", "31 October 2019", "1 November 2019"),
])
def test_weekday_window_flags(body, flagged, meant):
    diags = found("consistency.weekday-window", wire(body))
    assert [d.text for d in diags] == [flagged]
    assert f"means {meant}" in diags[0].message and "2019-11-02" in diags[0].message


@pytest.mark.parametrize("body", [
    "Police said yesterday (Friday) that the road was shut.",
    "Ministers meet today, Saturday, in Brussels.",
    "The result is due tomorrow (Sunday).",
    "The vote takes place today, November 2.",
    "He said yesterday, Thursday would be the deadline.",  # not an apposition
    "Patrols started on Friday; two days earlier, a convoy was seen on Wednesday.",
    "The bridge reopened on Monday after repairs.",  # a bare weekday is never flagged
    'The minister said: "We met yesterday (Monday) and agreed."',  # quoted speech
])
def test_weekday_window_quiet(body):
    assert found("consistency.weekday-window", wire(body)) == []


def test_weekday_window_needs_an_article_date():
    assert found("consistency.weekday-window", wire("It shut yesterday (Thursday).", date=None)) == []


def test_weekday_window_uses_a_dateline():
    text = "Saturday, November 2, 2019\n\nThe bridge reopened yesterday (Thursday).\n"
    article, _ = parse("a.md", text)
    assert [d.text for d in RULES["consistency.weekday-window"].check(article)] == ["Thursday"]


def test_weekday_window_utc_time_allows_two_days():
    body = "Results came in today (Sunday)."
    assert found("consistency.weekday-window", wire(body, "2019-11-02T23:00:00Z")) == []
    diags = found("consistency.weekday-window", wire("Results came in today (Monday).", "2019-11-02T23:00:00Z"))
    assert diags[0].suggestions == ("Saturday", "Sunday") and diags[0].fix is None


# -- names -----------------------------------------------------------------------

def names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(d.text, d.suggestions) for d in found("consistency.name-spelling", wire(text))]


def test_name_spelled_two_ways():
    text = ("Mayor Pawel Adamowicz was stabbed on stage. Adamowicz died the next day. "
            "Thousands mourned Adamowitz in Gdansk.")
    assert names(text) == [("Adamowitz", ("Adamowicz",))]


def test_the_later_spelling_loses_a_tie():
    assert names("Troops entered Qamishli on Saturday and left Qamishly by nightfall.") == \
        [("Qamishly", ("Qamishli",))]


def test_every_use_of_the_rarer_spelling_is_flagged():
    text = "Chirac won. Chirac lost. Chirac retired. Chriac wrote a book; Chriac's book sold well."
    diags = found("consistency.name-spelling", wire(text))
    assert [d.text for d in diags] == ["Chriac", "Chriac"]  # the possessive 's stays out of the span
    assert "(3x)" in diags[0].message


@pytest.mark.parametrize("text", [
    "Iran and Iraq signed; Austria and Australia welcomed the deal.",
    "The Kurds said Kurdish fighters and a Kurd commander would stay. Trump's aides and Trump agreed.",
    "Syria and the Syrian army; Korea and Korean firms; Texas and a Texan rancher.",
    "Maria Rossi and her brother Mario Rossi; Argentina and the Argentine team; Kosovo and a Kosovar.",
    "Serbia and the Serbs; Gabriel and Gabriela; Louis and Louise; Kowalski and Kowalska.",
    "Jon and John met Smith and Smyth.",
    "Anna Nowicka spoke to Piotr Nowacki.",  # different first names: two people
    "The NATO summit and the NAVO report.",  # all capitals: abbreviations, not names
])
def test_names_quiet(text):
    assert names(text) == []


def test_accents_and_apostrophes():
    assert names("Erdogan spoke. Erdogan left. Later Erdoğan returned.") == [("Erdoğan", ("Erdogan",))]
    assert names("O'Rourke spoke, then O’Rourke left.") == []  # curly and straight are one spelling


def test_name_exceptions_and_quotes(write):
    pack = write("p.yaml", "rules:\n  - id: p.names\n    kind: names\n    message: m\n    exceptions: [Qamishly]\n")
    rule = load_pack(pack)[0]
    article, _ = parse("a.txt", wire("Troops entered Qamishli and left Qamishly."))
    assert rule.check(article) == []
    # Quoted speech is not flagged, but its spellings count towards the winner.
    quoted = wire('Troops entered Qamishli. "We left Qamishly," he said.')
    assert found("consistency.name-spelling", quoted) == []
    quoted = wire('His wife Dierdre spoke. "Deirdre was with him," the family said. "Deirdre knew."')
    assert texts("consistency.name-spelling", quoted) == ["Dierdre"]


def test_distance_and_related():
    assert edit_distance("Adamowicz", "Adamowciz", 3) == 1  # a swap is one edit
    assert edit_distance("Qamishli", "Qamishly", 3) == 1
    assert edit_distance("Australia", "Austria", 3) == 2
    assert edit_distance("Mugabe", "Tsvangirai", 3) == 3  # capped: more than two
    assert related("Kurd", "Kurds") and related("Maria", "Mario") and not related("Qamishli", "Qamishly")


def test_bad_options(write):
    with pytest.raises(ConfigError, match="check must be one of"):
        load_pack(write("p.yaml", "rules:\n  - id: p.d\n    kind: dates\n    check: moon-phase\n    message: m\n"))
    with pytest.raises(ConfigError, match="max_distance"):
        load_pack(write("q.yaml", "rules:\n  - id: p.n\n    kind: names\n    max_distance: 3\n    message: m\n"))
    with pytest.raises(ConfigError, match="max_frequency must be at least"):
        load_pack(write("r.yaml", "rules:\n  - id: p.n\n    kind: names\n    max_frequency: 1\n    message: m\n"))


# -- the seed and the corpus -----------------------------------------------------

def seed_with(old: str, new: str) -> list:
    text = SEED.read_text(encoding="utf-8")
    assert old in text
    article, _ = parse(str(SEED), text.replace(old, new, 1))
    return [d for rule in RULES.values() for d in rule.check(article)]


def test_seed_is_clean():
    article, _ = parse(str(SEED), SEED.read_text(encoding="utf-8"))
    assert publication_days(article)  # 2019-11-02T14:42:13+00:00
    assert [d for rule in RULES.values() for d in rule.check(article)] == []


def test_seed_with_errors_put_in():
    assert [(d.rule, d.text) for d in seed_with("the city of Qamishli", "the city of Qamishly")] == \
        [("consistency.name-spelling", "Qamishly")]
    assert [(d.rule, d.text) for d in seed_with("on October 9", "on Wednesday, October 10")] == \
        [("consistency.weekday-date", "Wednesday")]
    assert [(d.rule, d.text) for d in seed_with("started on Friday", "started yesterday (Thursday)")] == \
        [("consistency.weekday-window", "Thursday")]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the wikinews corpus is not on this machine")
def test_wikinews_is_nearly_silent():
    """Measured: no date flags; eleven name flags, each a real typo or a name spelled two ways."""
    flagged = {}
    for path in sorted(CORPUS.glob("wn_*.md")):
        article, _ = parse(str(path), path.read_text(encoding="utf-8"))
        for rule in RULES.values():
            for d in rule.check(article):
                flagged.setdefault(rule.id, []).append(f"{path.name}:{d.text}")
    assert "consistency.weekday-date" not in flagged
    assert "consistency.weekday-window" not in flagged
    assert flagged["consistency.name-spelling"] == [
        "wn_0008.md:Untied", "wn_0013.md:Magnitigorsk", "wn_0015.md:Brudzinski", "wn_0055.md:Erdoğan",
        "wn_0076.md:Lousiana", "wn_0119.md:Chriac", "wn_0132.md:Erdoğan", "wn_0157.md:Wasif",
        "wn_0168.md:Dierdre", "wn_0232.md:Belarussian", "wn_0249.md:Tuskish",
    ]


def test_many_names_stay_fast():
    import random
    import string
    import time

    rng = random.Random(1)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 12))).capitalize()
             for _ in range(2000)]
    text = "\n\n".join(" ".join(f"{w} said it." for w in words[i:i + 20]) for i in range(0, 2000, 20))
    article, _ = parse("a.md", text)
    started = time.monotonic()
    RULES["consistency.name-spelling"].check(article)
    assert time.monotonic() - started < 5
