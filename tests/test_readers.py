from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.article import MASK
from lint.readers import parse, read_bytes
from lint.text import ABBREVIATIONS, _is_abbreviation, split_sentences
from tests.conftest import SEED


def words_map_back(article):
    """Every character of prose that maps one to one equals its source character."""
    for seg in article.segments:
        for i, ch in enumerate(seg.text):
            if ch == MASK:
                continue
            start, end = seg.source_start(i), seg.source_end(i + 1)
            if end - start == 1:
                assert article.source[start] == ch, (seg.kind, i, ch)


def body(article):
    return [s for s in article.segments if s.kind == "body"]


def test_wire_fields_and_positions():
    article, problems = read_bytes(str(SEED), SEED.read_bytes())
    assert problems == [] and article.format == "wire"
    f = article.fields
    assert f["title"].value == "US military calls on Kurdish forces in northeast Syria"
    assert f["date"].value == "2019-11-02T14:42:13+00:00"
    assert f["author"].value == "AFP"
    assert f["publisher"].value == "Yahoo"
    assert f["source"].value.startswith("https://news.yahoo.com/")
    assert article.lines.position(f["title"].start) == (2, 3)
    assert article.lines.position(f["date"].start) == (4, 17)
    assert article.lines.position(f["author"].start) == (6, 11)
    for field in f.values():
        assert article.source[field.start : field.end] == field.value
    paragraphs = body(article)
    assert len(paragraphs) == 13
    assert article.title.text == f["title"].value
    quoted = [seg.text[a:b] for seg in paragraphs for a, b in seg.quotes]
    assert quoted == ["\"They're coming to set up a major military post in Qamishli,\""]
    words_map_back(article)


def test_wire_body_positions_point_at_the_word():
    article, _ = read_bytes(str(SEED), SEED.read_bytes())
    last = body(article)[-1]
    i = last.text.index("word powers")
    line, col = article.lines.position(last.source_start(i))
    assert article.lines.line_text(line)[col - 1 : col + 10] == "word powers"


def test_sentences_of_a_wire_paragraph():
    article, _ = read_bytes(str(SEED), SEED.read_bytes())
    seg = body(article)[5]
    assert [seg.text[a:b] for a, b in seg.sentences] == [seg.text]


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Smith met Gen. Lee in the U.S. at 9 a.m. Then it rained. K. Ito said so."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Dr. Smith met Gen. Lee in the U.S. at 9 a.m. Then it rained.", "K. Ito said so."]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aBé.. !?”\n1", max_size=30))
def test_sentence_ends_are_those_of_the_last_word_read_by_regex(text):
    """The word before a stop is found by reading backwards; a search for the run
    of letters and dots that ends at the stop finds the same word."""
    last_word = regex.compile(r"([\p{L}.]+)\.$")
    for end in range(1, len(text) + 1):
        if text[end - 1] == ".":
            m = last_word.search(text, 0, end)
            word = m.group(1) if m else ""
            expected = bool(word) and (len(word) <= 6 if "." in word else
                                       len(word) == 1 and word.isupper() or word.lower() in ABBREVIATIONS)
            assert _is_abbreviation(text, end) == expected, (text, end)


FRONT = """---
title: "Storm hits: coast braces"
date: 2019-11-02
byline: [Jane Doe, John Roe]
url: https://example.com/storm
newslint: {disable: [style.wordy]}
---
# A heading in the body

Rain fell `rm -rf /` on <b>Monday</b> <!-- a note --> see https://example.com/x and [the report](https://example.com/r "t").
Escaped \\*stars\\* and &amp; entities ![a photo](p.png) stay.

```
code block is not prose
```

    indented code is not prose

> A quoted block.

| Region | Rain |
|---|---|
| North | heavy rain |
"""


def test_markdown_front_matter_fields():
    article, problems = parse("a.md", FRONT)
    assert problems == [] and article.format == "markdown"
    f = article.fields
    assert f["title"].value == "Storm hits: coast braces"
    assert FRONT[f["title"].start : f["title"].end] == "Storm hits: coast braces"
    assert f["date"].value == "2019-11-02"
    assert f["author"].value == "Jane Doe, John Roe"
    assert f["source"].value == "https://example.com/storm"
    assert article.disabled == ["style.wordy"]
    assert [s.text for s in article.segments if s.kind == "heading"] == ["A heading in the body"]


def test_markdown_masks_what_is_not_prose():
    article, _ = parse("a.md", FRONT)
    prose = " ".join(s.text for s in article.prose())
    for hidden in ("rm -rf", "example.com", "a note", "<b>", "p.png", "a photo", "code block", "indented code"):
        assert hidden not in prose
    for shown in ("Rain fell", "Monday", "the report", "*stars*", "& entities", "heavy rain", "A quoted block."):
        assert shown in prose
    assert [s.kind for s in article.segments if "heavy rain" in s.text] == ["table"]
    quote = next(s for s in article.segments if s.text == "A quoted block.")
    assert quote.quotes == [(0, len(quote.text))]
    words_map_back(article)


def test_markdown_escapes_map_to_their_source_spelling():
    article, _ = parse("a.md", FRONT)
    seg = next(s for s in article.segments if "stars" in s.text)
    i = seg.text.index("*stars*")
    assert FRONT[seg.source_start(i) : seg.source_end(i + len("*stars*"))] == "\\*stars\\*"
    j = seg.text.index("&")
    assert FRONT[seg.source_start(j) : seg.source_end(j + 1)] == "&amp;"


def test_markdown_h1_is_the_title_without_front_matter():
    article, _ = parse("a.md", "# The *big* storm\n\nIt rained.\n")
    assert article.fields["title"].value == "The big storm"
    assert article.title.text == "The big storm"
    i = article.title.text.index("storm")
    assert article.lines.position(article.title.source_start(i)) == (1, 13)


def test_markdown_directives_are_collected():
    article, _ = parse("a.md", "Text.\n\n<!-- newslint-disable style.wordy, style.cliches -->\n\nMore <!-- newslint-enable --> text.\n")
    kinds = [(k, n) for _, k, n in article.directives]
    assert kinds == [("disable", ("style.wordy", "style.cliches")), ("enable", ())]


def test_plain_text_title_and_paragraphs():
    text = "Storm hits coast\nRain fell all day\nacross the region.\n\nRoads were shut.\n"
    article, _ = parse("a.txt", text)
    assert article.format == "text"
    assert article.fields["title"].value == "Storm hits coast"
    assert [s.text for s in body(article)] == ["Rain fell all day\nacross the region.", "Roads were shut."]
    words_map_back(article)


def test_bom_and_crlf_keep_columns():
    data = "\ufeff# Title here\r\n\r\nPublished at: **2020-01-01T00:00:00+00:00**\r\n\r\nBody words.\r\n".encode()
    article, problems = read_bytes("a.txt", data)
    assert problems == []
    assert not article.source.startswith("\ufeff")
    seg = body(article)[0]
    assert seg.text == "Body words."
    assert article.lines.position(seg.source_start(5)) == (5, 6)


def test_bad_input_gives_one_input_diagnostic():
    cases = {
        b"\x00\x01binary": "input.binary",
        b"caf\xe9 au lait\n": "input.encoding",
        b"  \n\n": "input.empty",
    }
    for data, rule in cases.items():
        article, problems = read_bytes("x.md", data)
        assert article is None
        assert [(p.rule, p.category, p.path) for p in problems] == [(rule, "input", "x.md")]


def test_encoding_error_names_line():
    _, problems = read_bytes("x.md", b"line one\nline two caf\xe9\n")
    assert "line 2" in problems[0].message


def test_broken_front_matter_is_reported_and_body_still_read():
    text = "---\ntitle: [unclosed\n---\nThe body is read.\n"
    article, problems = parse("x.md", text)
    assert [p.rule for p in problems] == ["input.front-matter"]
    assert problems[0].line >= 2
    assert "The body is read." in [s.text for s in body(article)]


_pieces = st.sampled_from(
    ["word", " ", "\n", "\n\n", "*em*", "`code`", "\\*", "&amp;", "[link](http://x.y/z)", "<i>", '"q"',
     "https://a.b/c", "# ", "> ", "- ", "é", "\t", "<!-- c -->", "**b**", "![i](j.png)"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=30).map("".join))
def test_prose_always_maps_back_to_the_source(text):
    for name in ("a.md", "a.txt"):
        article, _ = parse(name, text)
        words_map_back(article)
        for seg in article.segments:
            assert 0 <= seg.source_start(0) <= seg.source_end(len(seg.text)) <= len(text)
