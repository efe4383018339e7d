"""--check-links against a local HTTP server: statuses, redirects, HEAD refusal, timeouts, guards."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lint import links


class _Handler(BaseHTTPRequestHandler):
    def _answer(self, send_body: bool):
        self.server.requests.append((self.command, self.path))
        path = self.path
        if path in ("/", "/ok"):
            status, headers = 200, {}
        elif path == "/missing":
            status, headers = 404, {}
        elif path == "/broken":
            status, headers = 500, {}
        elif path == "/moved":
            status, headers = 301, {"Location": "/"}
        elif path == "/renamed":
            status, headers = 301, {"Location": "/ok"}
        elif path == "/loop":
            status, headers = 302, {"Location": "/loop"}
        elif path == "/elsewhere":  # to another loopback address
            status, headers = 302, {"Location": f"http://127.0.0.2:{self.server.server_port}/ok"}
        elif path == "/no-head":
            status, headers = (405, {"Allow": "GET"}) if self.command == "HEAD" else (200, {})
        elif path == "/slow":
            time.sleep(self.server.slow)
            status, headers = 200, {}
        else:
            status, headers = 404, {}
        body = b"hello\n"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.requests = []
    httpd.slow = 1.0
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_port}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def article(source: str) -> str:
    return f"---\ntitle: A report\ndate: 2019-11-02\nsource: {source}\n---\n\nThe council met.\n"


def run_check(cli, write, sources: dict[str, str], *args):
    paths = [write(name, article(url)) for name, url in sources.items()]
    result = cli(["check", "--format", "json", "--fail-on", "never", *args, *paths])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)["diagnostics"]
    return [d for d in found if d["rule"].startswith("links.")]


# -- fetch: one URL at a time ---------------------------------------------------

@pytest.mark.parametrize("path, rule, words", [
    ("/ok", None, ""),
    ("/missing", "links.dead", "HTTP 404"),
    ("/broken", "links.dead", "HTTP 500"),
    ("/moved", "links.redirect-home", "home page"),
    ("/renamed", None, ""),
    ("/loop", "links.dead", "redirects"),
    ("/no-head", None, ""),
])
def test_fetch_outcomes(server, path, rule, words):
    outcome = links.fetch(server.url + path, allow_private=True, timeout=5)
    assert outcome.rule == rule
    assert words in outcome.message


def test_head_refused_then_get(server):
    assert links.fetch(server.url + "/no-head", allow_private=True).rule is None
    assert server.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_redirects_are_followed_with_head(server):
    links.fetch(server.url + "/renamed", allow_private=True)
    assert server.requests == [("HEAD", "/renamed"), ("HEAD", "/ok")]


def test_redirects_are_limited(server):
    links.fetch(server.url + "/loop", allow_private=True)
    assert 1 < len(server.requests) <= links.MAX_REDIRECTS + 1


def test_timeout(server):
    server.slow = 2.0
    started = time.monotonic()
    outcome = links.fetch(server.url + "/slow", allow_private=True, timeout=0.3)
    assert outcome.rule == "links.dead" and "no answer within 0.3 s" in outcome.message
    assert time.monotonic() - started < 1.5


def test_unknown_host_is_dead():
    outcome = links.fetch("http://no-such-host.invalid/story", allow_private=True, timeout=2)
    assert outcome.rule == "links.dead"


def test_not_a_web_address_is_not_fetched():
    assert links.fetch("ftp://example.org/file").rule is None
    assert links.fetch("not a url").rule is None


@pytest.mark.parametrize("address, refused", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True), ("172.16.5.4", True),
    ("169.254.169.254", True), ("100.64.0.1", True), ("0.0.0.0", True), ("::1", True),
    ("fe80::1%eth0", True), ("fc00::1", True), ("::ffff:127.0.0.1", True), ("224.0.0.1", True),
    ("93.184.216.34", False), ("2606:4700::1111", False),
])
def test_private_addresses(address, refused):
    assert links.forbidden(address) is refused


def test_loopback_refused_without_a_request(server):
    outcome = links.fetch(server.url + "/ok")
    assert outcome.rule == "links.private" and "127.0.0.1" in outcome.message
    assert server.requests == []


def test_host_names_are_resolved_before_connecting(server):
    outcome = links.fetch(f"http://localhost:{server.server_port}/ok")
    assert outcome.rule == "links.private"
    assert server.requests == []


def test_each_redirect_hop_is_guarded(server, monkeypatch):
    # Treat 127.0.0.1 as public for this test: the redirect to 127.0.0.2 must still be refused.
    monkeypatch.setattr(links, "forbidden", lambda address: address != "127.0.0.1")
    outcome = links.fetch(server.url + "/elsewhere")
    assert outcome.rule == "links.private" and "127.0.0.2" in outcome.message
    assert server.requests == [("HEAD", "/elsewhere")]


def test_checker_fetches_each_url_once(server):
    checker = links.LinkChecker(allow_private=True, concurrency=4)
    urls = [server.url + "/ok", server.url + "/missing", server.url + "/ok", server.url + "/ok"]
    first = checker.check(urls)
    again = checker.check([server.url + "/missing"])
    assert first[server.url + "/missing"].rule == "links.dead" == again[server.url + "/missing"].rule
    assert sorted(server.requests) == [("HEAD", "/missing"), ("HEAD", "/ok")]


# -- the command line -------------------------------------------------------------

def test_no_request_without_check_links(cli, write, server):
    assert run_check(cli, write, {"a.md": server.url + "/missing"}) == []
    assert server.requests == []


def test_check_links_reports_at_the_source_field(cli, write, server):
    found = run_check(cli, write, {
        "a.md": server.url + "/ok",
        "b.md": server.url + "/missing",
        "c.md": server.url + "/broken",
        "d.md": server.url + "/moved",
        "e.md": server.url + "/no-head",
    }, "--check-links", "--allow-private-links")
    by_file = {d["path"].rsplit("/", 1)[-1]: d for d in found}
    assert sorted(by_file) == ["b.md", "c.md", "d.md"]
    assert by_file["b.md"]["rule"] == "links.dead" and "404" in by_file["b.md"]["message"]
    assert by_file["c.md"]["rule"] == "links.dead" and "500" in by_file["c.md"]["message"]
    assert by_file["d.md"]["rule"] == "links.redirect-home"
    dead = by_file["b.md"]
    assert (dead["line"], dead["column"]) == (4, 9)
    assert dead["text"] == server.url + "/missing"
    assert dead["category"] == "metadata" and dead["severity"] == "warning"


def test_loopback_refused_on_the_command_line(cli, write, server):
    found = run_check(cli, write, {"a.md": server.url + "/ok"}, "--check-links")
    assert [d["rule"] for d in found] == ["links.private"]
    assert "--allow-private-links" in found[0]["message"]
    assert server.requests == []


def test_one_request_per_url_per_run_with_workers(cli, write, server):
    sources = {f"f{i}.md": server.url + "/missing" for i in range(10)}
    found = run_check(cli, write, sources, "--check-links", "--allow-private-links", "-j", "2")
    assert len(found) == 10
    assert server.requests == [("HEAD", "/missing")]


def test_wire_format_source(cli, write, server):
    path = write("w.txt", f"# Headline\n\nPublished at: **2019-11-02T10:00:00+00:00**\n\n"
                          f"Original: [Site]({server.url}/missing)\n\nThe council met.\n")
    result = cli(["check", "--format", "json", "--check-links", "--allow-private-links", path])
    found = [d for d in json.loads(result.output)["diagnostics"] if d["rule"].startswith("links.")]
    assert [d["rule"] for d in found] == ["links.dead"] and found[0]["text"] == server.url + "/missing"


def test_ignored_link_rules_make_no_request(cli, write, server):
    assert run_check(cli, write, {"a.md": server.url + "/missing"},
                     "--check-links", "--allow-private-links", "--ignore", "links") == []
    assert server.requests == []


def test_inline_suppression_applies(cli, write, server):
    path = write("a.md", article(server.url + "/missing").replace(
        "---\ntitle", "---\nnewslint:\n  disable: [links.dead]\ntitle"))
    result = cli(["check", "--format", "json", "--check-links", "--allow-private-links", path])
    assert not [d for d in json.loads(result.output)["diagnostics"] if d["rule"].startswith("links.")]


@pytest.mark.parametrize("fmt", ["text", "sarif", "github", "junit"])
def test_every_format_shows_link_diagnostics(cli, write, server, fmt):
    path = write("a.md", article(server.url + "/missing"))
    result = cli(["check", "--format", fmt, "--check-links", "--allow-private-links", "--fail-on", "never", path])
    assert "links.dead" in result.output
