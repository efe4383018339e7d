"""The LanguageTool engine against a stand-in server that answers like LanguageTool's /v2/check.

No test starts a real LanguageTool or reaches the internet: a ThreadingHTTPServer on
127.0.0.1 plays the server, answering with JSON in the documented response shape and
recording every request so the form fields can be checked.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
import types
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lint.engines.base import EngineError, Issue
from lint.engines.languagetool import (
    LanguageToolEngine,
    Utf16Offsets,
    batches,
    category_of,
    issue_from_match,
    split_long,
)


def units(text: str) -> int:
    """Length in UTF-16 code units, counted independently of the code under test."""
    return len(text.encode("utf-16-le")) // 2


def make_match(text, word, rule_id, issue_type, category_id, message, replacements=(), occurrence=0):
    """A match as LanguageTool would send it for `word` in `text` (offsets in UTF-16 units)."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(word, index + 1)
    offset, length = units(text[:index]), units(word)
    return {
        "message": message,
        "shortMessage": "",
        "replacements": [{"value": r} for r in replacements],
        "offset": offset,
        "length": length,
        "context": {"text": text[max(0, index - 10) : index + len(word) + 10], "offset": min(index, 10), "length": length},
        "sentence": text,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule_id,
            "description": message,
            "issueType": issue_type,
            "category": {"id": category_id, "name": category_id.title()},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


# What the stand-in server flags: word -> (rule id, issue type, category id, message, replacements)
RULES = {
    "Teh": ("MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", "Possible spelling mistake found.", ["The", "Ten"]),
    "teh": ("MORFOLOGIK_RULE_EN_US", "misspelling", "TYPOS", "Possible spelling mistake found.", ["the"]),
    "they was": ("PERS_PRONOUN_AGREEMENT", "grammar", "GRAMMAR", "Did you mean “they were”?", ["they were"]),
    "very unique": ("EN_REDUNDANCY_REPLACEMENT", "style", "REDUNDANCY", "Consider “unique”.", ["unique"]),
}


def flag_known_words(text: str) -> list[dict]:
    matches = []
    for word, (rule_id, issue_type, category_id, message, replacements) in RULES.items():
        count = text.count(word)
        for n in range(count):
            matches.append(make_match(text, word, rule_id, issue_type, category_id, message, replacements, n))
    return sorted(matches, key=lambda m: m["offset"])


def answer(matches: list[dict]) -> dict:
    return {
        "software": {"name": "LanguageTool", "version": "6.6", "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": "en-US",
                     "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9}},
        "matches": matches,
    }


class FakeLanguageTool:
    """A stand-in LanguageTool server. `reply(fields) -> (status, content type, body bytes)`
    decides each answer; by default it flags the words in RULES."""

    def __init__(self):
        self.requests: list[dict] = []
        self.paths: list[str] = []
        self.release = threading.Event()  # lets a deliberately slow handler finish
        self.reply = lambda fields: (200, "application/json", json.dumps(answer(flag_known_words(fields["text"]))).encode())
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                size = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(size).decode("utf-8")
                fields = {k: v[0] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                fake.paths.append(self.path)
                fake.requests.append(fields)
                if self.path != "/v2/check":
                    self._send(404, "text/plain", b"Error: unknown path")
                    return
                status, content_type, data = fake.reply(fields)
                self._send(status, content_type, data)

            def _send(self, status, content_type, data):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to the stand-in server must not go through a proxy set in the environment."""
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def server():
    fake = FakeLanguageTool()
    yield fake
    fake.stop()


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- mapping -----------------------------------------------------------------------------


def test_maps_spelling_grammar_and_style_matches(server):
    text = "Teh minister said they was planning a very unique budget."
    engine = LanguageToolEngine("en-US", url=server.url)
    [issues] = engine.check([text])
    assert issues == [
        Issue(0, 3, "MORFOLOGIK_RULE_EN_US", "spelling", "Possible spelling mistake found.", ("The", "Ten")),
        Issue(18, 26, "PERS_PRONOUN_AGREEMENT", "grammar", "Did you mean “they were”?", ("they were",)),
        Issue(38, 49, "EN_REDUNDANCY_REPLACEMENT", "style", "Consider “unique”.", ("unique",)),
    ]
    assert [text[i.start : i.end] for i in issues] == ["Teh", "they was", "very unique"]
    assert server.paths == ["/v2/check"]
    assert server.requests[0]["text"] == text
    assert server.requests[0]["language"] == "en-US"


@pytest.mark.parametrize(
    "issue_type, category_id, expected",
    [
        ("misspelling", "TYPOS", "spelling"),
        ("misspelling", "MISC", "spelling"),  # a misspelling is spelling whatever its category
        ("other", "TYPOS", "spelling"),
        ("grammar", "CONFUSED_WORDS", "grammar"),
        ("grammar", "GRAMMAR", "grammar"),
        ("typographical", "CASING", "grammar"),
        ("typographical", "PUNCTUATION", "grammar"),
        ("typographical", "TYPOGRAPHY", "style"),  # the category id wins over the issue type
        ("style", "STYLE", "style"),
        ("style", "REDUNDANCY", "style"),
        ("style", "PLAIN_ENGLISH", "style"),
        ("locale-violation", "AMERICAN_ENGLISH", "style"),  # unknown id: by issue type
        ("uncategorized", "SOMETHING_NEW", "grammar"),  # neither known: grammar
        ("", "", "grammar"),
    ],
)
def test_category_table(issue_type, category_id, expected):
    match = {"rule": {"id": "X", "issueType": issue_type, "category": {"id": category_id}}}
    assert category_of(match) == expected


def test_issue_from_match_cleans_message_and_skips_empty_replacements():
    match = {
        "message": "Use <suggestion>an</suggestion>\n instead of ‘a’.",
        "replacements": [{"value": "an"}, {"value": ""}, {"shortDescription": "no value"}],
        "offset": 0,
        "length": 1,
        "rule": {"id": "EN_A_VS_AN", "issueType": "misspelling", "category": {"id": "MISC"}},
    }
    issue = issue_from_match(match, 4, 5)
    assert issue == Issue(4, 5, "EN_A_VS_AN", "spelling", "Use “an” instead of ‘a’.", ("an",))


def test_issue_from_match_falls_back_to_short_message_and_unknown_rule():
    issue = issue_from_match({"message": "", "shortMessage": "Spelling mistake", "rule": {}}, 0, 2)
    assert (issue.message, issue.rule, issue.category, issue.suggestions) == ("Spelling mistake", "UNKNOWN", "grammar", ())


# --- batching ----------------------------------------------------------------------------


def test_paragraphs_share_one_request_and_get_their_own_offsets(server):
    texts = ["Teh budget was passed.", "", "Ministers said they was pleased.", "It was a very unique day, teh end."]
    engine = LanguageToolEngine("en-US", url=server.url)
    results = engine.check(texts)
    assert len(server.requests) == 1
    assert server.requests[0]["text"] == "\n\n".join(texts)
    assert [[(t[i.start : i.end], i.rule) for i in issues] for t, issues in zip(texts, results)] == [
        [("Teh", "MORFOLOGIK_RULE_EN_US")],
        [],
        [("they was", "PERS_PRONOUN_AGREEMENT")],
        [("very unique", "EN_REDUNDANCY_REPLACEMENT"), ("teh", "MORFOLOGIK_RULE_EN_US")],
    ]
    assert [(i.start, i.end) for i in results[3]] == [(9, 20), (26, 29)]


def test_large_articles_are_chunked_within_the_request_limit(server):
    texts = [f"Paragraph {n} has teh typo and more words to fill it out." for n in range(10)]
    engine = LanguageToolEngine("en-US", url=server.url, max_request_chars=130)
    results = engine.check(texts)
    assert len(server.requests) > 1
    assert all(units(r["text"]) <= 130 for r in server.requests)
    # every paragraph went to the server exactly once
    sent = [p for r in server.requests for p in r["text"].split("\n\n")]
    assert sent == texts
    for text, issues in zip(texts, results):
        assert [(i.start, i.end) for i in issues] == [(text.index("teh"), text.index("teh") + 3)]


def test_a_paragraph_over_the_limit_is_split_and_offsets_shifted(server):
    sentence = "The council met on Monday and teh mayor spoke. "
    long = sentence * 6
    engine = LanguageToolEngine("en-US", url=server.url, max_request_chars=100)
    [issues] = engine.check([long])
    assert all(units(r["text"]) <= 100 for r in server.requests)
    assert len(server.requests) >= 3
    expected = [i for i in range(len(long)) if long.startswith("teh", i)]
    assert [i.start for i in issues] == expected
    assert all(long[i.start : i.end] == "teh" for i in issues)


def test_split_long_cuts_after_sentences_and_respects_astral_width():
    text = "One two three. Four five six. Seven eight nine. " * 3
    pieces = split_long(text, 60)
    assert "".join(p for _, p in pieces) == text
    assert all(units(p) <= 60 for _, p in pieces)
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    assert [offset for offset, _ in pieces] == [sum(len(p) for _, p in pieces[:k]) for k in range(len(pieces))]
    emoji = "\U0001F600" * 150  # 300 UTF-16 units, no place to cut nicely
    pieces = split_long(emoji, 100)
    assert "".join(p for _, p in pieces) == emoji
    assert all(0 < units(p) <= 100 for _, p in pieces)


def test_batches_keep_order_and_limit():
    groups = batches(["a" * 50, "b" * 40, "c" * 120], 100)
    assert [[(p.paragraph, p.base, len(p.text)) for p in g] for g in groups] == [
        [(0, 0, 50), (1, 0, 40)],
        [(2, 0, 100)],
        [(2, 100, 20)],
    ]


def test_blank_paragraphs_send_nothing(server):
    engine = LanguageToolEngine("en-US", url=server.url)
    assert engine.check(["", "   "]) == [[], []]
    assert engine.check([]) == []
    assert server.requests == []


def test_match_in_the_paragraph_gap_is_dropped_and_spanning_match_clipped(server):
    texts = ["First paragraph ends", "second begins here."]
    joined = "\n\n".join(texts)
    gap = units(texts[0])

    def reply(fields):
        matches = [
            dict(make_match(joined, "ends", "R1", "grammar", "GRAMMAR", "spans the gap"), length=4 + 2 + 6),
            dict(make_match(joined, "ends", "R2", "whitespace", "TYPOGRAPHY", "in the gap"), offset=gap, length=2),
        ]
        return 200, "application/json", json.dumps(answer(matches)).encode()

    server.reply = reply
    results = LanguageToolEngine("en-US", url=server.url).check(texts)
    assert [(i.rule, i.start, i.end) for i in results[0]] == [("R1", 16, 20)]
    assert results[1] == []


# --- offsets -----------------------------------------------------------------------------


def test_astral_characters_before_a_match_shift_utf16_offsets(server):
    texts = ["🎉 Teh party 𝒞 began, teh end.", "Then 😀😀 they was late."]
    engine = LanguageToolEngine("en-US", url=server.url)
    results = engine.check(texts)
    # the stand-in server counted like Java: each emoji is two units
    sent = server.requests[0]["text"]
    raw = [m["offset"] for m in flag_known_words(sent)]
    python = [sent.index("Teh"), sent.index("teh"), sent.index("they was")]
    assert raw == [python[0] + 1, python[1] + 2, python[2] + 4]
    assert [[t[i.start : i.end] for i in issues] for t, issues in zip(texts, results)] == [
        ["Teh", "teh"],
        ["they was"],
    ]
    assert [(i.start, i.end) for i in results[0]] == [(2, 5), (21, 24)]
    assert [(i.start, i.end) for i in results[1]] == [(8, 16)]


def test_utf16_offsets_table():
    offsets = Utf16Offsets("a😀b")
    assert [offsets.start(u) for u in range(5)] == [0, 1, 1, 2, 3]
    assert offsets.end(2) == 2  # an end inside the surrogate pair takes the whole emoji
    assert offsets.end(3) == 2 and offsets.end(4) == 3
    assert Utf16Offsets("plain é text").start(7) == 7  # BMP only: offsets are the same
    assert Utf16Offsets("abc").end(99) == 3


# --- request fields ----------------------------------------------------------------------


def test_language_and_rules_are_sent(server):
    engine = LanguageToolEngine(
        "en-GB", url=server.url, disabled_rules=["EN_QUOTES", " WHITESPACE_RULE "], enabled_rules=["PASSIVE_VOICE"]
    )
    engine.check(["Teh colour."])
    [fields] = server.requests
    assert fields["language"] == "en-GB"
    assert fields["disabledRules"] == "EN_QUOTES,WHITESPACE_RULE"
    assert fields["enabledRules"] == "PASSIVE_VOICE"
    assert fields["text"] == "Teh colour."


@pytest.mark.parametrize("ours, sent", [("any", "en-US"), ("en", "en-US"), ("en-US", "en-US"), ("en-GB", "en-GB"),
                                        ("auto", "auto"), ("en-AU", "en-AU")])
def test_language_mapping_and_no_empty_rule_fields(server, ours, sent):
    LanguageToolEngine(ours, url=server.url).check(["Teh."])
    [fields] = server.requests
    assert fields["language"] == sent
    assert "disabledRules" not in fields and "enabledRules" not in fields
    assert ("preferredVariants" in fields) == (sent == "auto")


@pytest.mark.parametrize("given", ["{base}/", "{base}/v2", "{base}/v2/", "{base}/v2/check"])
def test_url_forms_all_reach_v2_check(server, given):
    engine = LanguageToolEngine("en-US", url=given.format(base=server.url))
    engine.check(["Teh."])
    assert server.paths == ["/v2/check"]
    assert engine.check_url == server.url + "/v2/check"


def test_bad_url_and_language_are_refused():
    with pytest.raises(EngineError, match="not an http:// or https:// URL"):
        LanguageToolEngine("en-US", url="localhost:8081")
    with pytest.raises(EngineError, match="not a language code"):
        LanguageToolEngine("English please", url="http://127.0.0.1:1")


# --- errors ------------------------------------------------------------------------------


def test_http_500_is_an_engine_error(server):
    server.reply = lambda fields: (500, "text/plain", b"Error: Internal Error:\n java.lang.OutOfMemoryError")
    engine = LanguageToolEngine("en-US", url=server.url)
    with pytest.raises(EngineError) as caught:
        engine.check(["Teh."])
    message = str(caught.value)
    assert f"{server.url}/v2/check" in message
    assert "HTTP 500" in message
    assert "OutOfMemoryError" in message
    assert "\n" not in message


def test_request_too_large_status_is_reported(server):
    server.reply = lambda fields: (413, "text/plain", b"Error: Your text exceeds the limit of 20000 characters")
    with pytest.raises(EngineError, match=r"HTTP 413 .*exceeds the limit"):
        LanguageToolEngine("en-US", url=server.url).check(["Teh."])


def test_invalid_json_is_an_engine_error(server):
    server.reply = lambda fields: (200, "text/html", b"<html><body>Proxy login</body></html>")
    with pytest.raises(EngineError) as caught:
        LanguageToolEngine("en-US", url=server.url).check(["Teh."])
    message = str(caught.value)
    assert "not JSON" in message and "Proxy login" in message and server.url in message


def test_json_without_matches_is_an_engine_error(server):
    server.reply = lambda fields: (200, "application/json", b'{"status": "ok"}')
    with pytest.raises(EngineError, match="without a 'matches' list"):
        LanguageToolEngine("en-US", url=server.url).check(["Teh."])


def test_match_without_offset_is_an_engine_error(server):
    server.reply = lambda fields: (200, "application/json", json.dumps(answer([{"message": "x"}])).encode())
    with pytest.raises(EngineError, match="without a valid offset"):
        LanguageToolEngine("en-US", url=server.url).check(["Teh."])


def test_connection_refused_is_an_engine_error():
    url = f"http://127.0.0.1:{closed_port()}"
    engine = LanguageToolEngine("en-US", url=url)  # no request yet: the error comes with the check
    with pytest.raises(EngineError) as caught:
        engine.check(["Teh."])
    message = str(caught.value)
    assert url + "/v2/check" in message
    assert "connection refused" in message
    assert "is the LanguageTool server running" in message


def test_timeout_is_an_engine_error(server):
    def slow(fields):
        server.release.wait(5)
        return 200, "application/json", json.dumps(answer([])).encode()

    server.reply = slow
    engine = LanguageToolEngine("en-US", url=server.url, timeout=0.3)
    with pytest.raises(EngineError) as caught:
        engine.check(["Teh."])
    message = str(caught.value)
    assert "timeout" in message and "0.3 s" in message and server.url in message


def test_timeout_must_be_positive():
    with pytest.raises(EngineError, match="timeout"):
        LanguageToolEngine("en-US", url="http://127.0.0.1:1", timeout=0)


# --- local server (language_tool_python replaced by a stub: nothing is downloaded) --------


def stub_ltp(monkeypatch, factory):
    module = types.ModuleType("language_tool_python")
    module.LanguageTool = factory
    monkeypatch.setitem(sys.modules, "language_tool_python", module)


def test_local_server_failure_says_how_to_fix(monkeypatch):
    def no_java(language):
        raise ModuleNotFoundError("No java install detected. Please install java to use language-tool-python.")

    stub_ltp(monkeypatch, no_java)
    with pytest.raises(EngineError) as caught:
        LanguageToolEngine("en-US")
    message = str(caught.value)
    assert "No java install detected" in message
    assert "Java 17" in message
    assert "erikvl87/languagetool" in message
    assert "--languagetool-url" in message


def test_local_server_failed_download_says_how_to_fix(monkeypatch):
    def offline(language):
        raise TimeoutError("Request to https://internal1.languagetool.org/snapshots/x.zip timed out.")

    stub_ltp(monkeypatch, offline)
    with pytest.raises(EngineError, match=r"cannot start a local LanguageTool server \(Request to .* timed out\.\).*Java 17"):
        LanguageToolEngine("en-GB")


def test_local_server_is_asked_for_the_language_and_then_posted_to(monkeypatch, server):
    started = []

    class Tool:
        def __init__(self, language):
            started.append(language)
            self.url = server.url + "/v2/"
            self.closed = False

        def close(self):
            self.closed = True

    stub_ltp(monkeypatch, Tool)
    engine = LanguageToolEngine("any", disabled_rules=["EN_QUOTES"])
    tool = engine._tool
    [issues] = engine.check(["Teh vote."])
    assert started == ["en-US"]
    assert [(i.rule, i.start, i.end) for i in issues] == [("MORFOLOGIK_RULE_EN_US", 0, 3)]
    assert server.requests[0]["disabledRules"] == "EN_QUOTES"
    engine.close()
    assert tool.closed and engine._tool is None


def test_get_engine_builds_a_languagetool_engine(server):
    from lint.engines import get_engine

    engine = get_engine("languagetool", "any", server.url + "/", 7.5, ("EN_QUOTES",), ())
    assert isinstance(engine, LanguageToolEngine)
    assert (engine.name, engine.language, engine.timeout, engine.disabled_rules) == ("languagetool", "en-US", 7.5, ["EN_QUOTES"])
    assert engine.check(["Teh."])[0][0].rule == "MORFOLOGIK_RULE_EN_US"


# --- through the command line ------------------------------------------------------------

def test_check_with_languagetool_url_reports_languagetool_rules(server, cli, write):
    path = write("a.md", "# Storm\n\nOfficials said they was late. The storm was very unique.\n")
    result = cli(["check", "--format", "json", "--ignore", "grammar", "--languagetool-url", server.url, path])
    found = {(d["rule"], d["text"], d["severity"]) for d in json.loads(result.output)["diagnostics"]}
    assert ("languagetool.PERS_PRONOUN_AGREEMENT", "they was", "warning") in found
    assert ("languagetool.EN_REDUNDANCY_REPLACEMENT", "very unique", "info") in found
    assert result.exit_code == 0
    assert server.requests and server.requests[0]["language"] == "en-US"


def test_unreachable_languagetool_exits_2(cli, write):
    path = write("a.md", "# Storm\n\nThey was late.\n")
    result = cli(["check", "--languagetool-url", f"http://127.0.0.1:{closed_port()}", path])
    assert result.exit_code == 2 and "newslint: error:" in result.output and "Traceback" not in result.output
