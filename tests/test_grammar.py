from __future__ import annotations

import json

import pytest

from lint.checks.grammar import GrammarCheck
from lint.diagnostic import Severity
from lint.engines.base import Engine, Issue
from lint.readers import parse
from lint.dialect import other_dialect
from lint.spelling import RARE, NewsSpelling, names_in
from lint.text import edit_distance


class FixedEngine(Engine):
    """Reports the given (word, rule, category) wherever the word occurs."""

    name = "fake"

    def __init__(self, findings):
        self.findings = findings

    def check(self, texts, known=frozenset()):
        out = []
        for text in texts:
            issues = []
            for word, rule, category, suggestions in self.findings:
                at = text.find(word)
                if at >= 0:
                    issues.append(Issue(at, at + len(word), rule, category, f"about {word}", suggestions))
            out.append(issues)
        return out


def run(findings, text, name="a.md"):
    article, _ = parse(name, text)
    return list(GrammarCheck(FixedEngine(findings), NewsSpelling()).check(article))


def test_edit_distance_counts_swaps_once():
    assert edit_distance("collasped", "collapsed") == 1
    assert edit_distance("pilgrams", "pilgrims") == 1
    assert edit_distance("word", "world") == 1
    assert edit_distance("cat", "elephant") == 3


def test_other_dialect():
    assert other_dialect("colour", RARE) == "color"
    assert other_dialect("organised", RARE) == "organized"
    assert other_dialect("spiralled", RARE) == "spiraled"
    assert other_dialect("hospitel", RARE) is None


@pytest.mark.parametrize(
    "word, suggestions, expected",
    [
        ("hospitel", ("hospital",), Severity.WARNING),  # rare, one edit from a common word
        ("ectoplasmids", ("plasmids",), Severity.INFO),  # unknown but nothing close: a term
        ("Qamishli", ("Hamish",), None),  # a name at a sentence start
        ("YPG", ("Ape",), None),  # an acronym
        ("armoured", ("armored",), None),  # British spelling, fine in dialect "any"
        ("goverment", ("government",), None),  # left to spelling.misspelling, which fixes it
        ("spokesperson", (), None),  # common enough that the engine's dictionary is what lacks it
        ("molecularly", ("molecular",), None),  # a common word plus a suffix
        ("zoui", ("zoo",), Severity.INFO),  # two edits from a short word: as likely a foreign word
    ],
)
def test_news_spelling_severity(word, suggestions, expected):
    assert NewsSpelling().severity(word, suggestions, names=set()) == expected


def test_editors_bracketed_letters_are_not_misspellings():
    text = 'He was "[e]xtremely pained" by the news.'
    start = text.index("xtremely")
    end = start + len("xtremely")
    assert NewsSpelling().severity("xtremely", ("extremely",), set(), text, start, end) is None
    assert NewsSpelling().severity("xtremely", ("extremely",), set()) == Severity.WARNING


def test_accepted_words_and_article_names_pass():
    assert NewsSpelling(accept={"Hospitel"}).severity("hospitel", ("hospital",), set()) is None
    article, _ = parse("a.md", "# Zorbat wins\n\nVoters backed Zorbat. Zorbat said so.\n")
    assert "zorbat" in names_in(article)


def test_engine_issues_map_to_source_positions():
    text = "# Title\n\nSee `code` then teh hospitel.\n"
    [diag] = run([("hospitel", "SpellCheck", "spelling", ("hospital", "hostel"))], text)
    assert (diag.rule, diag.line, diag.column, diag.text) == ("fake.SpellCheck", 3, 21, "hospitel")
    assert diag.severity == Severity.WARNING and diag.suggestions == ("hospital", "hostel")
    assert diag.fix.edits[0].text == "hospital" and not diag.fix.safe


def test_grammar_in_quotes_and_headlines_is_left_alone():
    findings = [("good in", "GoodAt", "grammar", ("good at",))]
    assert run(findings, '# Title\n\n"He is good in football," she said.\n') == []
    assert run(findings, "# He is good in football\n\nBody.\n") == []
    [diag] = run(findings, "# Title\n\nHe is good in football.\n")
    assert diag.severity == Severity.WARNING


def test_harper_finds_grammar_and_spelling(cli, write):
    path = write("a.md", "# Title\n\nHe is good in football. The hospitel was closed.\n")
    result = cli(["check", "--format", "json", path])
    rules = [d["rule"] for d in json.loads(result.output)["diagnostics"]]
    assert "harper.GoodAt" in rules and "harper.SpellCheck" in rules


def test_harper_debug_output_never_reaches_a_json_report(write, tmp_path):
    """Run in a real process: the guard works on file descriptor 1."""
    import subprocess
    import sys

    path = write("a.md", "# Title\n\nIt was snowing on Christmas. The hospitel shut.\n")
    out = subprocess.run([sys.executable, "-m", "lint", "check", "--format", "json", str(path)],
                         capture_output=True, text=True, check=False)
    assert json.loads(out.stdout)["summary"]["files"] == 1


def test_grammar_none_runs_no_engine(cli, write):
    path = write("a.md", "# Title\n\nHe is good in football. The hospitel was closed.\n")
    with_engine = cli(["check", "--format", "json", path]).output
    without = cli(["check", "--format", "json", "--grammar", "none", path]).output
    assert any(d["rule"].startswith("harper.") for d in json.loads(with_engine)["diagnostics"])
    assert not any(d["rule"].startswith("harper.") for d in json.loads(without)["diagnostics"])


def test_seed_names_and_british_spellings_are_not_flagged(cli):
    from tests.conftest import SEED

    result = cli(["check", "--format", "json", SEED])
    flagged = {d["text"] for d in json.loads(result.output)["diagnostics"] if d["severity"] != "info"}
    for word in ("Qamishli", "SDF", "YPG", "Rmeilan", "Qahtaniyah", "armoured", "coloured", "spiralled"):
        assert word not in flagged


def test_explain_a_harper_rule(cli):
    result = cli(["explain", "harper.ModalOf"])
    assert result.exit_code == 0 and "Harper" in result.output and "would" in result.output


def test_one_diagnostic_per_slip():
    from lint.article import Article
    from lint.runner import one_per_slip

    article = Article("a.md", "It is to held the line and more.", "text")

    def make(start, end, rule, severity=Severity.WARNING, category="grammar"):
        return article.diagnostic(start, end, rule=rule, category=category, severity=severity, message="m")

    phrase, word = make(6, 13, "grammar.to-past"), make(9, 13, "spelling.real-word", category="spelling")
    engine = make(9, 13, "harper.Something")
    info = make(6, 8, "grammar.other", severity=Severity.INFO)
    style = make(6, 13, "style.x", category="style")
    kept = one_per_slip([phrase, word, engine, info, style])
    assert set(kept) == {word, info, style}  # "to" alone does not overlap "held"
    louder = make(6, 13, "harper.Loud", severity=Severity.ERROR)
    assert louder in one_per_slip([word, louder])


def test_engine_is_built_in_a_thread_and_its_error_exits_2(cli, write, monkeypatch):
    """The engine is built beside the rules (Harper releases the GIL) in the process's
    one engine thread, which later articles reuse (Harper's caches are per thread);
    its failure still ends the run with the usual message."""
    import threading

    from lint import runner
    from lint.engines import EngineError

    built_in = []

    def failing_engine(*args):
        built_in.append(threading.current_thread())
        raise EngineError("Harper has no rule named Nonesuch")

    monkeypatch.setattr(runner, "get_engine", failing_engine)
    result = cli(["check", "--no-cache", write("a.md", "A short article.\n")])
    assert result.exit_code == 2
    assert "newslint: error: Harper has no rule named Nonesuch" in result.output
    assert built_in and built_in[0] is not threading.main_thread()
    cli(["check", "--no-cache", write("b.md", "Another short article.\n")])
    assert len(built_in) == 2 and built_in[1] is built_in[0]
    assert len([t for t in threading.enumerate() if t.name.startswith("newslint-engine")]) == 1


def test_rare_capitalised_words_are_the_unreported_ones():
    from lint.spelling import unreported

    found = unreported(["Zyxwvut and Qwertzland met the President in qwertzville.", "Vbnmkj's team"])
    # Not the known "President", not lower case, not a word glued to an apostrophe.
    assert found == {"Zyxwvut", "Qwertzland"}


@pytest.mark.parametrize("short_run", [True, False])
def test_harper_takes_unreported_words_as_known_for_one_call_in_a_short_run(short_run, monkeypatch):
    from lint.engines import harper

    monkeypatch.setattr(harper, "_spare_suggestions", short_run)
    engine = harper.HarperEngine()
    grammar = GrammarCheck(engine, NewsSpelling())
    text = "The Qwertzland team met the qwertzland team."

    def flagged(article_text):
        article, _ = parse("a.txt", article_text)
        return [seg.text[i.start:i.end] for seg, issues in grammar.lint(article) for i in issues
                if engine.unknown_word(i)]

    assert engine.takes_known_words == short_run
    # Added in its case only, and only when the run is short (long runs build the index once).
    assert flagged(text + "\n") == (["qwertzland"] if short_run else ["Qwertzland", "qwertzland"])
    assert [text[i.start:i.end] for i in engine.check([text])[0] if engine.unknown_word(i)] == [
        "Qwertzland", "qwertzland"]  # gone again after the call
