"""--check-links: is each article's source link (its `source` metadata) still alive?

Runs in the main process after every file is linted, so a link shared by many articles is
fetched once per run however many worker processes linted them. Nothing here touches the
network unless the command line asks for it.

Each distinct URL gets a HEAD request; a server that refuses HEAD (405, 403 or 501) gets a
GET instead. Redirects are followed (at most MAX_REDIRECTS). Requests go out directly, never
through a proxy from the environment, and every connection, including each redirect hop,
first resolves the host and refuses it when any of its addresses is not a public one
(private, loopback, link-local, shared, reserved or multicast), unless private links are
allowed. Outcomes become warnings at the `source` field:

* links.dead: HTTP status 400 or more (except 429, rate limiting, which says nothing about
  the page), an unknown host, a refused connection, a timeout or too many redirects;
* links.redirect-home: the link redirects to the home page of a site;
* links.private: the host is a private or local address and was not contacted.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from lint import __version__
from lint.diagnostic import Diagnostic, FileResult, Severity
from lint.readers import parse

TIMEOUT = 10.0  # seconds, per request (connect and each read)
CONCURRENCY = 8  # links fetched at once
MAX_REDIRECTS = 5
RETRY_WITH_GET = {403, 405, 501}
USER_AGENT = f"newslint/{__version__} (source link check)"
HOME_PATHS = {"", "/", "/index.html", "/index.htm", "/index.php", "/home", "/default.aspx"}
RULES = ("links.dead", "links.redirect-home", "links.private")


class PrivateAddress(OSError):
    """The host resolves to an address that is not public; no connection was made."""

    def __init__(self, host: str, address: str):
        where = f"{host} is" if host == address else f"{host} resolves to {address}, which is"
        super().__init__(f"{where} not a public address")
        self.host = host
        self.address = address


@dataclass(frozen=True)
class Outcome:
    """What fetching one URL found: `rule` is None when the link is fine."""

    rule: str | None
    message: str = ""


def forbidden(address: str) -> bool:
    """Whether an IP address is not a public one (private, loopback, link-local, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _connect(address, timeout=None, source_address=None, *, allow_private: bool):
    """socket.create_connection, refusing hosts with any non-public address first."""
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for *_, sockaddr in infos:
            if forbidden(sockaddr[0]):
                raise PrivateAddress(host, sockaddr[0])
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = socket.socket(family, kind, proto)
        try:
            if isinstance(timeout, (int, float)):
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError(f"no address for {host}")


class _GuardedHTTP(http.client.HTTPConnection):
    def __init__(self, *args, allow_private: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_connect, allow_private=allow_private)


class _GuardedHTTPS(http.client.HTTPSConnection):
    def __init__(self, *args, allow_private: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = partial(_connect, allow_private=allow_private)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool):
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req):
        return self.do_open(partial(_GuardedHTTP, allow_private=self.allow_private), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool):
        super().__init__(context=ssl.create_default_context())
        self.allow_private = allow_private

    def https_open(self, req):
        return self.do_open(partial(_GuardedHTTPS, allow_private=self.allow_private), req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https", ""):
            raise urllib.error.HTTPError(req.full_url, code, f"redirect to {newurl}", headers, fp)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()  # a HEAD stays a HEAD
        return new


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _HTTPHandler(allow_private), _HTTPSHandler(allow_private), _Redirects()
    )


def _is_home(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path.lower() in HOME_PATHS and not parts.query


def _failure(exc: BaseException, timeout: float) -> Outcome:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, PrivateAddress):
        return Outcome("links.private", f"source link not checked: {reason}; --allow-private-links checks it")
    if isinstance(reason, socket.gaierror):
        return Outcome("links.dead", "source link is dead: its host name does not resolve")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Outcome("links.dead", f"source link is dead: no answer within {timeout:g} s")
    if isinstance(reason, ssl.SSLError):
        return Outcome("links.dead", f"source link is dead: TLS failed ({getattr(reason, 'reason', None) or reason})")
    if isinstance(reason, ConnectionRefusedError):
        return Outcome("links.dead", "source link is dead: connection refused")
    return Outcome("links.dead", f"source link is dead: {reason}")


def fetch(url: str, *, allow_private: bool = False, timeout: float | None = None) -> Outcome:
    """Check one URL: HEAD, then GET when HEAD is refused."""
    timeout = TIMEOUT if timeout is None else timeout
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return Outcome(None)  # not a web address: nothing to fetch
    opener = _opener(allow_private)
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with opener.open(request, timeout=timeout) as response:
                final = response.geturl()
            break
        except urllib.error.HTTPError as exc:
            exc.close()
            if method == "HEAD" and exc.code in RETRY_WITH_GET:
                continue
            if 300 <= exc.code < 400:
                return Outcome("links.dead", f"source link is dead: more than {MAX_REDIRECTS} redirects or a loop")
            if exc.code == 429 or exc.code < 400:
                return Outcome(None)
            return Outcome("links.dead", f"source link is dead: HTTP {exc.code} {exc.reason}".rstrip())
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            return _failure(exc, timeout)
    if final != url and _is_home(final) and not _is_home(url):
        return Outcome("links.redirect-home", f"source link redirects to the site's home page ({final}); "
                                              "the article has moved or been taken down")
    return Outcome(None)


class LinkChecker:
    """Fetches URLs for one run: each distinct URL once, CONCURRENCY at a time."""

    def __init__(self, *, allow_private: bool = False, timeout: float | None = None,
                 concurrency: int | None = None):
        self.allow_private = allow_private
        self.timeout = TIMEOUT if timeout is None else timeout
        self.concurrency = concurrency or CONCURRENCY
        self.cache: dict[str, Outcome] = {}

    def check(self, urls: list[str]) -> dict[str, Outcome]:
        todo = [u for u in dict.fromkeys(urls) if u not in self.cache]
        if todo:
            work = partial(fetch, allow_private=self.allow_private, timeout=self.timeout)
            with ThreadPoolExecutor(max_workers=min(self.concurrency, len(todo))) as pool:
                self.cache.update(zip(todo, pool.map(work, todo)))
        return {u: self.cache[u] for u in urls}


def check_results(results: list[FileResult], options, checker: LinkChecker | None = None) -> None:
    """Add link diagnostics to the results of the files whose `source` links fail.

    `options` is the run's runner.Options: --select, --ignore, the config's rule settings and
    inline suppressions apply to link rules as to any other.
    """
    from lint import runner

    checker = checker or LinkChecker(allow_private=getattr(options, "allow_private_links", False))
    targets = []
    for result in results:
        if result.text is None:
            continue
        cfg = runner.config_for(Path(result.path), options)
        settings = cfg.rule_settings(Path(result.path))
        if not any(runner.wanted(rule, cfg, options, settings) for rule in RULES):
            continue
        article, _ = parse(result.path, result.text, cfg.keys)
        field = article.fields.get("source")
        if field is None or not field.value.strip():
            continue
        targets.append((result, article, cfg, settings, field))
    outcomes = checker.check([field.value.strip() for *_, field in targets])
    for result, article, cfg, settings, field in targets:
        outcome = outcomes[field.value.strip()]
        if outcome.rule is None:  # the link works
            continue
        diag = article.diagnostic(field.start, field.end, rule=outcome.rule, category="metadata",
                                  severity=Severity.WARNING, message=outcome.message)
        kept = runner.settle(article, [diag], cfg, options, settings)
        if kept:
            result.diagnostics = sorted(set(result.diagnostics) | set(kept), key=Diagnostic.sort_key)
