from __future__ import annotations

from lint.config import Config
from lint.runner import Options, lint_text


def rules(text: str, name: str = "a.md"):
    return [(d.rule, d.line) for d in lint_text(name, text, Config(), Options(select=("style.common-errors",)))]


def test_disable_and_enable_a_region():
    text = (
        "A could of.\n\n"
        "<!-- newslint-disable style.common-errors -->\n\n"
        "B could of.\n\n"
        "<!-- newslint-enable style.common-errors -->\n\n"
        "C could of.\n"
    )
    assert rules(text) == [("style.common-errors", 1), ("style.common-errors", 9)]


def test_disable_without_enable_runs_to_the_end_and_pack_names_work():
    text = "A could of.\n\n<!-- newslint-disable style -->\n\nB could of.\n\nC could of.\n"
    assert rules(text) == [("style.common-errors", 1)]


def test_disable_all_rules():
    assert rules("<!-- newslint-disable -->\nB could of.\n") == []


def test_enable_for_another_rule_does_not_end_the_region():
    text = "<!-- newslint-disable style.common-errors -->\n\n<!-- newslint-enable style.wordy -->\n\nB could of.\n"
    assert rules(text) == []


def test_disable_next_line_only():
    text = "<!-- newslint-disable-next-line style.common-errors -->\nA could of.\n\nB could of.\n"
    assert rules(text) == [("style.common-errors", 4)]


def test_directives_work_in_wire_and_plain_text():
    text = "Title\n\nA could of. <!-- newslint-disable-next-line -->\nB could of.\n"
    assert rules(text, "a.txt") == [("style.common-errors", 3)]


def test_front_matter_disable():
    text = "---\ntitle: T\nnewslint:\n  disable: [style.common-errors]\n---\nA could of.\n"
    assert rules(text) == []
    other = "---\ntitle: T\nnewslint:\n  disable: [style.wordy]\n---\nA could of.\n"
    assert rules(other) == [("style.common-errors", 6)]


def test_directive_inside_code_is_not_obeyed():
    text = "```\n<!-- newslint-disable -->\n```\n\nA could of.\n"
    assert rules(text) == [("style.common-errors", 5)]
