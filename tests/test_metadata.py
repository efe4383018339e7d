"""The metadata kind and the bundled metadata pack, on wire, Markdown and plain-text articles."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

import lint.config

from lint.checks.metadata import url_problem
from lint.packs import load_pack
from lint.readers import parse
from lint.yamlfile import ConfigError
from tests.conftest import ROOT, SEED

PACK = ROOT / "rules" / "metadata.yaml"
NOW = datetime(2019, 11, 2, 12, 0, tzinfo=timezone.utc)


def rule(rule_id: str):
    """A fresh copy of a bundled rule, so a test may change it."""
    return next(r for r in load_pack(PACK) if r.id == rule_id)


def found(rule_, text: str, name: str = "a.md"):
    article, problems = parse(name, text)
    assert problems == []
    return [(d.rule, d.line, d.column, d.message) for d in rule_.check(article)]


def wire(title="Storm reaches the coast", date="2019-11-02T10:00:00+00:00", author="AFP",
         source="https://news.yahoo.com/storm") -> str:
    """A wire article; a None field leaves its line out. Lines: title 1, date 2, author 3, source 4."""
    lines = [f"# {title}"]
    lines += [f"Published at: **{date}**"] if date is not None else []
    lines += [f"Author: **{author}**"] if author is not None else []
    lines += [f"Original: [Yahoo]({source})"] if source is not None else []
    return "\n".join(lines) + "\n\nThe storm reached the coast at dawn.\n"


def front(**fields) -> str:
    """Markdown with front matter; the first field is on line 2."""
    body = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{body}---\nThe storm reached the coast at dawn.\n"


def own_rule(write, body: str, message: str = "{field} {reason}"):
    """A rule of kind metadata from a pack of our own; `body` (from line 5 of the file) holds its options."""
    path = write("own.yaml", f"rules:\n  - id: own.meta\n    kind: metadata\n    message: '{message}'\n" + body)
    return load_pack(path)[0]


PLAIN = "Storm reaches the coast\n\nThe storm reached the coast at dawn.\n"


# -- the seed and complete articles --------------------------------------------

def test_seed_has_no_metadata_diagnostics(cli):
    result = cli(["check", "--format", "json", "--grammar", "none", "--select", "metadata", SEED])
    assert json.loads(result.output)["diagnostics"] == []
    # ...and the pack does run on it: a seed with its author line taken out is flagged
    text = SEED.read_text(encoding="utf-8").replace("Author: **AFP**", "")
    assert found(rule("metadata.required.author"), text, "seed.txt")[0][:3] == ("metadata.required.author", 1, 1)


# -- required fields -----------------------------------------------------------

@pytest.mark.parametrize("field", ["date", "author", "source"])
def test_wire_missing_field_is_reported_at_the_top(field):
    label = {"date": "Published at:", "author": "Author:", "source": "Original:"}[field]
    [(rule_id, line, col, message)] = found(rule(f"metadata.required.{field}"), wire(**{field: None}), "a.txt")
    assert (rule_id, line, col) == (f"metadata.required.{field}", 1, 1)
    assert message.startswith({"date": "publication date", "author": "author", "source": "source link"}[field])
    assert "is missing" in message and label in message


def test_wire_empty_author_is_reported_at_the_field():
    [(rule_id, line, col, message)] = found(rule("metadata.required.author"), wire(author=""), "a.txt")
    assert (rule_id, line, col) == ("metadata.required.author", 3, 11)
    assert message == "author is empty: fill in the `Author:` line"


def test_front_matter_missing_date_and_empty_author():
    text = front(title="Storm reaches the coast", author='""')
    [date] = found(rule("metadata.required.date"), text)
    assert date == ("metadata.required.date", 1, 1, "publication date is missing: add `date:` to the front matter")
    [author] = found(rule("metadata.required.author"), text)
    assert author == ("metadata.required.author", 3, 10, "author is empty: give `author:` a value in the front matter")


def test_front_matter_title_may_come_from_the_first_heading():
    with_heading = "---\ndate: 2019-11-02\n---\n# Storm reaches the coast\n\nBody.\n"
    assert found(rule("metadata.required.title"), with_heading) == []
    without = "---\ndate: 2019-11-02\n---\nBody.\n"
    assert [f[:3] for f in found(rule("metadata.required.title"), without)] == [("metadata.required.title", 1, 1)]


def test_other_front_matter_keys_count():
    text = front(headline="Storm reaches the coast", published="2019-11-02", byline="AFP", url="https://x.org/a")
    for field in ("title", "date", "author", "source"):
        assert found(rule(f"metadata.required.{field}"), text) == []


def test_own_rule_requires_a_set_of_fields_in_order(write):
    own = own_rule(write, "    check: required\n    require: [source, title, author]\n", "{field} {problem}")
    assert [(d[1], d[2], d[3]) for d in found(own, front(title="Storm"))] == [
        (1, 1, "source link missing"), (1, 1, "author missing")
    ]


def test_plain_text_gets_one_front_matter_diagnostic_not_one_per_field():
    for field in ("title", "date", "author", "source"):
        assert found(rule(f"metadata.required.{field}"), PLAIN, "a.txt") == []
    [(rule_id, line, col, message)] = found(rule("metadata.front-matter"), PLAIN, "a.txt")
    assert (rule_id, line, col) == ("metadata.front-matter", 1, 1)
    assert message == ("article has no publication date, author or source link: start the file with YAML "
                       "front matter giving `date:`, `author:` and `source:` between two `---` lines")


def test_markdown_without_front_matter_lists_a_missing_title_too():
    [(_, line, col, message)] = found(rule("metadata.front-matter"), "Body only.\n")
    assert (line, col) == (1, 1)
    assert message.startswith("article has no title, publication date, author or source link:")


def test_front_matter_rule_leaves_articles_with_metadata_alone():
    assert found(rule("metadata.front-matter"), wire(author=None), "a.txt") == []
    assert found(rule("metadata.front-matter"), front(title="Storm reaches the coast")) == []


def test_plain_text_with_front_matter_is_checked_like_markdown():
    text = "---\ntitle: Storm reaches the coast\n---\nThe storm reached the coast.\n"
    assert [f[:3] for f in found(rule("metadata.required.date"), text, "a.txt")] == [("metadata.required.date", 1, 1)]


# -- dates -----------------------------------------------------------------------

def test_date_format_wire_calendar_date():
    [(rule_id, line, col, message)] = found(rule("metadata.date-format"), wire(date="2019-02-30T10:00:00+00:00"), "a.txt")
    assert (rule_id, line, col) == ("metadata.date-format", 2, 17)
    assert message == 'publication date "2019-02-30T10:00:00+00:00" is not a real calendar date (2019-02-30)'


def test_date_format_front_matter_without_time_zone():
    [(_, line, col, message)] = found(rule("metadata.date-format"), front(title="T", date='"2019-11-02"'))
    assert (line, col) == (3, 8)
    assert message == ('publication date "2019-11-02" is not ISO 8601 with a time zone, '
                       "like 2019-11-02T14:42:13+00:00")


def test_date_format_unquoted_impossible_date_in_front_matter():
    [(_, line, col, message)] = found(rule("metadata.date-format"), front(title="T", date="2019-02-30"))
    assert (line, col) == (3, 7) and "not a real calendar date" in message


def test_date_format_accepts_a_zone_in_any_iso_spelling():
    for value in ("2019-11-02T14:42:13Z", "2019-11-02T14:42:13.250+01:00", "2019-11-02T09:42-05:00"):
        assert found(rule("metadata.date-format"), wire(date=value), "a.txt") == [], value


def test_date_format_own_formats(write):
    own = own_rule(write, "    check: date-format\n    formats: ['%d %B %Y']\n")
    assert found(own, front(title="T", date='"2 November 2019"')) == []
    [(_, _, _, message)] = found(own, front(title="T", date='"2019-11-02T10:00:00+00:00"'))
    assert message == "publication date is not in one of the formats %d %B %Y"


def test_date_future_uses_the_clock_and_one_day_of_tolerance():
    future = rule("metadata.date-future")
    future.now = lambda: NOW
    assert found(future, wire(date="2019-11-03T11:00:00+00:00"), "a.txt") == []
    [(rule_id, line, col, message)] = found(future, wire(date="2019-11-03T13:00:00+00:00"), "a.txt")
    assert (rule_id, line, col) == ("metadata.date-future", 2, 17)
    assert message == 'publication date "2019-11-03T13:00:00+00:00" is in the future'
    # a date without a time is midnight UTC; front matter
    assert [f[1:3] for f in found(future, front(title="T", date="2019-11-05"))] == [(3, 7)]
    assert found(future, front(title="T", date="2019-11-03")) == []


def test_date_future_against_the_real_clock():
    assert [f[0] for f in found(rule("metadata.date-future"), wire(date="2999-01-01T00:00:00Z"), "a.txt")] == [
        "metadata.date-future"
    ]


def test_date_future_own_tolerance(write):
    own = own_rule(write, "    check: date-future\n    tolerance_days: 0\n")
    own.now = lambda: NOW
    assert len(found(own, wire(date="2019-11-02T13:00:00+00:00"), "a.txt")) == 1


def test_date_too_old():
    [(rule_id, line, col, message)] = found(rule("metadata.date-too-old"), wire(date="1970-01-01T00:00:00+00:00"), "a.txt")
    assert (rule_id, line, col) == ("metadata.date-too-old", 2, 17)
    assert message == 'publication date "1970-01-01T00:00:00+00:00" is before 1990'
    assert found(rule("metadata.date-too-old"), front(title="T", date="1990-01-01")) == []
    assert [f[1:3] for f in found(rule("metadata.date-too-old"), front(title="T", date="1989-12-31"))] == [(3, 7)]


def test_date_too_old_own_year(write):
    own = own_rule(write, "    check: date-age\n    min_year: 2010\n")
    assert len(found(own, wire(date="2006-01-12T00:00:00+00:00"), "a.txt")) == 1
    assert found(own, wire(date="2010-01-01T00:00:00+00:00"), "a.txt") == []


def test_unreadable_dates_are_left_to_date_format():
    for rule_id in ("metadata.date-future", "metadata.date-too-old"):
        assert found(rule(rule_id), wire(date="0000-99-99"), "a.txt") == []


# -- source link -------------------------------------------------------------------

def test_source_url_wire_and_front_matter():
    [(rule_id, line, col, message)] = found(rule("metadata.source-url"), wire(source="news.yahoo.com/storm"), "a.txt")
    assert (rule_id, line, col) == ("metadata.source-url", 4, 19)
    assert message == 'source link "news.yahoo.com/storm" is not an absolute http(s) link'
    [(_, line, col, message)] = found(rule("metadata.source-url"), front(title="T", source="/wiki/Storm"))
    assert (line, col) == (3, 9) and "/wiki/Storm" in message
    assert found(rule("metadata.source-url"), wire(), "a.txt") == []


@pytest.mark.parametrize(("value", "reason"), [
    ("https://news.yahoo.com/a?b=c#d", None),
    ("http://localhost:8080/x", None),
    ("news.yahoo.com/storm", "is not an absolute http(s) link"),
    ("ftp://example.org/a.txt", "uses ftp:, not http(s)"),
    ("https://", "has no host name"),
    ("https:///path", "has no host name"),
    ("https://exa mple.org", "contains spaces"),
    ("http://[::1", "is not a valid URL"),
])
def test_url_problem(value, reason):
    assert url_problem(value) == reason


# -- title -------------------------------------------------------------------------

def test_title_caps_wire_and_front_matter_and_heading():
    [(rule_id, line, col, message)] = found(rule("metadata.title-caps"), wire(title="STORM HITS COAST"), "a.txt")
    assert (rule_id, line, col) == ("metadata.title-caps", 1, 3)
    assert message.startswith("title is in capitals")
    assert [f[1:3] for f in found(rule("metadata.title-caps"), front(title="STORM HITS COAST"))] == [(2, 8)]
    heading = "---\ndate: 2019-11-02\n---\n# STORM HITS COAST\n"
    assert [f[1:3] for f in found(rule("metadata.title-caps"), heading)] == [(4, 3)]
    for fine in ("Storm hits coast", "NATO", "NASA and ESA plan a Mars mission", "中国 发射 卫星"):
        assert found(rule("metadata.title-caps"), wire(title=fine), "a.txt") == [], fine


def test_title_caps_looks_at_plain_text_headlines_too():
    [(rule_id, line, col, _)] = found(rule("metadata.title-caps"), "STORM HITS COAST\n\nBody.\n", "a.txt")
    assert (rule_id, line, col) == ("metadata.title-caps", 1, 1)


def test_title_length():
    [(rule_id, line, col, message)] = found(rule("metadata.title-length"), wire(title="Storm"), "a.txt")
    assert (rule_id, line, col) == ("metadata.title-length", 1, 3)
    assert message == "title has 5 characters: keep it between 10 and 120"
    assert len(found(rule("metadata.title-length"), front(title="x" * 121))) == 1
    assert found(rule("metadata.title-length"), front(title="x" * 120)) == []
    assert found(rule("metadata.title-length"), front(title="x" * 10)) == []


def test_title_length_own_range(write):
    own = own_rule(write, "    check: title-length\n    min: 1\n    max: 20\n")
    assert found(own, wire(title="Storm"), "a.txt") == []
    assert len(found(own, wire(title="Storm reaches the coast"), "a.txt")) == 1


# -- byline ------------------------------------------------------------------------

def test_byline_placeholder_wire_and_front_matter():
    [(rule_id, line, col, message)] = found(rule("metadata.byline-placeholder"), wire(author="Staff"), "a.txt")
    assert (rule_id, line, col) == ("metadata.byline-placeholder", 3, 11)
    assert message == 'author "Staff" is a placeholder: name the writer or the agency'
    for value in ("admin", "N/A", "tbd", "By Unknown", "AUTHOR"):
        assert len(found(rule("metadata.byline-placeholder"), front(title="T", author=value))) == 1, value
    for value in ("AFP", "Wikinews", "Staff and agencies", '""'):
        assert found(rule("metadata.byline-placeholder"), front(title="T", author=value)) == [], value


def test_byline_own_placeholders(write):
    own = own_rule(write, "    check: byline\n    placeholders: [Desk, Web team]\n")
    assert len(found(own, wire(author="web team"), "a.txt")) == 1
    assert found(own, wire(author="Staff"), "a.txt") == []


# -- configuration ------------------------------------------------------------------

def rules_found(cli, *args):
    result = cli(["check", "--format", "json", "--grammar", "none", "--select", "metadata", *args])
    return result.exit_code, [(d["rule"], d["severity"], d["line"], d["column"])
                              for d in json.loads(result.output)["diagnostics"]]


def test_config_sets_the_severity_of_the_required_rules(cli, write, tmp_path):
    article = write("a.md", front(title="Storm reaches the coast", author="AFP", source="https://x.org/a"))
    assert rules_found(cli, article) == (1, [("metadata.required.date", "error", 1, 1)])
    write(".newslint.yaml", "rules:\n  metadata.required: warning\n")
    lint.config.discover.cache_clear()  # the folder's config was looked up once already
    assert rules_found(cli, article) == (0, [("metadata.required.date", "warning", 1, 1)])


def test_config_sets_one_field_and_turns_on_the_front_matter_rule(cli, write, tmp_path):
    write(".newslint.yaml", "rules:\n  metadata.required.author: error\n  metadata.front-matter: on\n")
    missing_author = write("a.md", front(title="Storm reaches the coast", date="2019-11-02T10:00:00Z"))
    plain = write("b.txt", PLAIN)
    assert sorted(rules_found(cli, missing_author, plain)[1]) == [
        ("metadata.front-matter", "warning", 1, 1),
        ("metadata.required.author", "error", 1, 1),
        ("metadata.required.source", "warning", 1, 1),
    ]


def test_front_matter_rule_is_on_by_default_and_can_be_turned_off(cli, write):
    assert [r[0] for r in rules_found(cli, write("b.txt", PLAIN))[1]] == ["metadata.front-matter"]
    write(".newslint.yaml", "rules:\n  metadata.front-matter: off\n")
    import lint.config

    lint.config.discover.cache_clear()
    assert rules_found(cli, write("c.txt", PLAIN)) == (0, [])


BROKEN = {  # the rule's options start on line 5 of the pack
    "unknown check": ("    check: spelling\n", 5, "check must be one of required, bare"),
    "unknown field": ("    check: required\n    require: [title, dateline]\n", 6, "unknown field 'dateline'"),
    "empty require": ("    check: required\n    require: []\n", 6, "`require` must be a non-empty list"),
    "format without year": ("    check: date-format\n    formats: ['%d %B']\n", 6, "needs a year"),
    "year out of range": ("    check: date-age\n    min_year: 0\n", 6, "`min_year` must be a number from 1 to 9999"),
    "max below min": ("    check: title-length\n    min: 50\n    max: 20\n", 7, "max (20) is less than min (50)"),
    "negative tolerance": ("    check: date-future\n    tolerance_days: -1\n", 6, "`tolerance_days` must be a number 0 or more"),
    "boolean tolerance": ("    check: date-future\n    tolerance_days: true\n", 6, "`tolerance_days` must be a number"),
    "option of another check": ("    check: byline\n    min_year: 2000\n", 6, "`min_year` does not apply to check byline"),
    "placeholders not strings": ("    check: byline\n    placeholders: [1, 2]\n", 6, "`placeholders` must be a non-empty list of strings"),
    "missing check": ("    require: [title]\n", 2, "missing `check`"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_bad_options_name_the_line(write, case):
    body, line, words = BROKEN[case]
    with pytest.raises(ConfigError) as err:
        own_rule(write, body)
    assert err.value.line == line, str(err.value)
    assert words in str(err.value)
