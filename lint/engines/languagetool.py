"""LanguageTool, the server-based grammar engine (a remote or Docker server, or a local one).

Every check is a POST to the server's `/v2/check` endpoint made here with urllib, whichever
way the server came to be:

* with a URL (`languagetool_url`, `--languagetool-url`) we talk to that server directly;
* without one, language_tool_python downloads LanguageTool if needed and starts a local
  server (Java 17+), and we then post to that server's port ourselves.

Why not call language_tool_python's own `check` for the local server: its requests have a
fixed 300 s timeout, retry and restart the server on errors, raise its own exception types,
and shift offsets with a process-wide cache of the last text. Posting ourselves keeps one
code path for both kinds of server, so timeout, batching, offset conversion and error
messages behave the same and are covered by the same tests. language_tool_python is only
used to get a running server.
"""

from __future__ import annotations

import bisect
import http.client
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from lint.engines.base import Engine, EngineError, Issue

# Our languages as LanguageTool language codes. newslint's dialect "any" accepts both
# spellings; LanguageTool needs one variant for its spell checker, so it gets en-US (plain
# "en" would check grammar without spelling). Other codes (en-CA, en-AU, ...) pass through.
LANGUAGES = {"any": "en-US", "en": "en-US", "en-US": "en-US", "en-GB": "en-GB", "auto": "auto"}
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

# LanguageTool category ids, then issue types, in our categories. A misspelling is spelling
# whatever its category; anything in neither table is grammar.
CATEGORY_IDS = {
    "TYPOS": "spelling",
    "CONFUSED_WORDS": "grammar",
    "GRAMMAR": "grammar",
    "CASING": "grammar",
    "PUNCTUATION": "grammar",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "TYPOGRAPHY": "style",
}
ISSUE_TYPES = {
    "misspelling": "spelling",
    "grammar": "grammar",
    "typographical": "grammar",
    "style": "style",
    "locale-violation": "style",
    "register": "style",
}

# Paragraphs are sent together, separated by a blank line, in requests of at most this many
# UTF-16 code units (the public LanguageTool API refuses more than 20 KB of text a request;
# self-hosted servers may set a lower maxTextLength).
SEPARATOR = "\n\n"
MAX_REQUEST_CHARS = 20_000

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def category_of(match: dict) -> str:
    """Our category for a LanguageTool match, from its rule's issue type and category id."""
    rule = match.get("rule") or {}
    issue_type = str(rule.get("issueType") or "").lower()
    if issue_type == "misspelling":
        return "spelling"
    category_id = str((rule.get("category") or {}).get("id") or "").upper()
    return CATEGORY_IDS.get(category_id) or ISSUE_TYPES.get(issue_type) or "grammar"


def issue_from_match(match: dict, start: int, end: int) -> Issue:
    """An Issue from one match of LanguageTool's /v2/check JSON; start and end are the
    match's span already converted to code-point offsets in the paragraph."""
    rule = match.get("rule") or {}
    message = match.get("message") or match.get("shortMessage") or rule.get("description") or ""
    # The server renders <suggestion> markup as quotes; older ones may leave the tags in.
    message = message.replace("<suggestion>", "“").replace("</suggestion>", "”")
    suggestions = tuple(
        r["value"] for r in match.get("replacements") or () if isinstance(r, dict) and r.get("value")
    )
    return Issue(
        start=start,
        end=end,
        rule=str(rule.get("id") or "UNKNOWN"),
        category=category_of(match),
        message=" ".join(message.split()),
        suggestions=suggestions,
    )


def utf16_length(text: str) -> int:
    """Length of text in UTF-16 code units, which is how LanguageTool (Java) counts."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class Utf16Offsets:
    """Converts UTF-16 code-unit offsets into text (LanguageTool's `offset` and `length`)
    to Python code-point offsets. Characters outside the Basic Multilingual Plane (emoji,
    some CJK, mathematical letters) are two code units in UTF-16 and one code point here."""

    def __init__(self, text: str):
        self.length = len(text)
        self.table: list[int] | None = None  # code point at each UTF-16 offset; None: the same
        if not text.isascii() and max(text) > "\uffff":
            table = []
            for index, ch in enumerate(text):
                table.append(index)
                if ord(ch) > 0xFFFF:
                    table.append(index)  # the low surrogate belongs to the same character
            table.append(len(text))
            self.table = table

    def start(self, unit: int) -> int:
        """Code point where a span beginning at UTF-16 offset `unit` begins."""
        if self.table is None:
            return min(max(unit, 0), self.length)
        return self.table[min(max(unit, 0), len(self.table) - 1)]

    def end(self, unit: int) -> int:
        """Code point where a span ending at UTF-16 offset `unit` ends (exclusive); an end in
        the middle of a surrogate pair takes in the whole character."""
        if self.table is None:
            return min(max(unit, 0), self.length)
        unit = min(max(unit, 0), len(self.table) - 1)
        index = self.table[unit]
        if 0 < unit < len(self.table) - 1 and self.table[unit - 1] == index:
            index += 1
        return index


@dataclass(frozen=True)
class _Piece:
    """Some text sent to LanguageTool: all of paragraph `paragraph`, or the part of it that
    begins at code point `base` when the paragraph alone is over the request limit."""

    paragraph: int
    base: int
    text: str


def split_long(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, part) pieces of text, each at most `limit` UTF-16 code units, cut after a
    sentence where possible, else at a space, else anywhere."""
    pieces = []
    pos = 0
    while utf16_length(text[pos:]) > limit:
        window = text[pos : pos + limit]
        while utf16_length(window) > limit:  # each astral character takes two units
            window = window[: len(window) - (utf16_length(window) - limit + 1) // 2]
        cut = len(window)
        ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() > len(window) // 2]
        spaces = [m.end() for m in re.finditer(r"\s+", window) if m.end() > len(window) // 2]
        if ends:
            cut = ends[-1]
        elif spaces:
            cut = spaces[-1]
        pieces.append((pos, text[pos : pos + cut]))
        pos += cut
    pieces.append((pos, text[pos:]))
    return pieces


def batches(texts: list[str], limit: int) -> list[list[_Piece]]:
    """Paragraphs in order, grouped so that each group joined by SEPARATOR fits `limit`."""
    groups: list[list[_Piece]] = []
    current: list[_Piece] = []
    size = 0
    for number, text in enumerate(texts):
        for base, part in split_long(text, limit):
            length = utf16_length(part)
            added = length if not current else length + len(SEPARATOR)
            if current and size + added > limit:
                groups.append(current)
                current, size, added = [], 0, length
            current.append(_Piece(number, base, part))
            size += added
    if current:
        groups.append(current)
    return groups


def base_url(url: str) -> str:
    """The server's root URL from what the user gave: with or without a trailing /v2 or /."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EngineError(
            f"LanguageTool URL {url!r} is not an http:// or https:// URL (example: http://localhost:8081)"
        )
    path = parts.path.rstrip("/")
    if path.endswith("/v2/check"):
        path = path[: -len("/v2/check")]
    elif path.endswith("/v2"):
        path = path[: -len("/v2")]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_FIX_LOCAL = (
    "install Java 17 or newer (LanguageTool is downloaded on first use, or found in LTP_PATH), "
    "or run a LanguageTool server, e.g. `docker run -p 8010:8010 erikvl87/languagetool`, "
    "and pass --languagetool-url http://localhost:8010"
)


class LanguageToolEngine(Engine):
    """Checks paragraphs with a LanguageTool server.

    language: en-US, en-GB, any or en (both en-US), auto (LanguageTool guesses), or another
    LanguageTool code. url: a server's base URL (http://localhost:8081); None starts a local
    server with language_tool_python. timeout: seconds a request may take. disabled_rules,
    enabled_rules: LanguageTool rule ids. max_request_chars: the most text in one request.
    """

    name = "languagetool"

    def __init__(
        self,
        language: str = "en-US",
        url: str | None = None,
        timeout: float = 30.0,
        disabled_rules: list[str] | tuple[str, ...] = (),
        enabled_rules: list[str] | tuple[str, ...] = (),
        max_request_chars: int = MAX_REQUEST_CHARS,
    ):
        self.language = LANGUAGES.get(language, language)
        if self.language != "auto" and not _LANGUAGE_CODE.fullmatch(self.language):
            raise EngineError(f"LanguageTool: {language!r} is not a language code such as en-US or en-GB")
        if timeout <= 0:
            raise EngineError(f"LanguageTool: the timeout must be a positive number of seconds, not {timeout}")
        self.timeout = float(timeout)
        self.disabled_rules = [r.strip() for r in disabled_rules if r.strip()]
        self.enabled_rules = [r.strip() for r in enabled_rules if r.strip()]
        self.max_request_chars = max(int(max_request_chars), 100)
        self._tool = None  # language_tool_python's server handle, for the local server
        if url:
            self.url = base_url(url)
        else:
            self.url = self._start_local_server()
        self.check_url = self.url + "/v2/check"

    def _start_local_server(self) -> str:
        try:
            import language_tool_python
        except ImportError as error:
            raise EngineError(
                f"LanguageTool without --languagetool-url needs the language-tool-python package "
                f"({error}); pip install language-tool-python, or {_FIX_LOCAL}"
            ) from error
        try:
            self._tool = language_tool_python.LanguageTool(self.language)
        except (Exception, SystemExit) as error:  # it raises SystemExit on an odd `java -version`
            raise EngineError(
                f"cannot start a local LanguageTool server ({_one_line(str(error)) or type(error).__name__}); "
                f"{_FIX_LOCAL}"
            ) from error
        url = getattr(self._tool, "url", None) or getattr(self._tool, "_url", "")
        return base_url(url)

    def close(self) -> None:
        """Stops the local server, if this engine started one."""
        if self._tool is not None:
            tool, self._tool = self._tool, None
            tool.close()

    def check(self, texts: list[str], known: frozenset[str] = frozenset()) -> list[list[Issue]]:
        results: list[list[Issue]] = [[] for _ in texts]
        for group in batches(texts, self.max_request_chars):
            if not any(piece.text.strip() for piece in group):
                continue
            self._check_group(group, results)
        for issues in results:
            issues.sort(key=lambda i: (i.start, i.end))
        return results

    def _check_group(self, group: list[_Piece], results: list[list[Issue]]) -> None:
        joined = SEPARATOR.join(piece.text for piece in group)
        starts = []
        pos = 0
        for piece in group:
            starts.append(pos)
            pos += len(piece.text) + len(SEPARATOR)
        offsets = Utf16Offsets(joined)
        for match in self.post(joined):
            try:
                unit = int(match["offset"])
                length = int(match["length"])
            except (KeyError, TypeError, ValueError) as error:
                raise EngineError(
                    f"LanguageTool at {self.check_url}: a match without a valid offset and length"
                ) from error
            start, end = offsets.start(unit), offsets.end(unit + length)
            which = bisect.bisect_right(starts, start) - 1
            piece = group[which]
            local_start, local_end = start - starts[which], end - starts[which]
            size = len(piece.text)
            if local_start > size or (local_start == size and local_end > local_start):
                continue  # in the blank line between paragraphs: belongs to neither
            local_end = max(min(local_end, size), local_start)  # clipped to its paragraph
            results[piece.paragraph].append(
                issue_from_match(match, piece.base + local_start, piece.base + local_end)
            )

    def post(self, text: str) -> list[dict]:
        """LanguageTool's matches for one text: the `matches` list of its /v2/check answer."""
        fields = {"text": text, "language": self.language}
        if self.language == "auto":
            fields["preferredVariants"] = "en-US"
        if self.disabled_rules:
            fields["disabledRules"] = ",".join(self.disabled_rules)
        if self.enabled_rules:
            fields["enabledRules"] = ",".join(self.enabled_rules)
        request = urllib.request.Request(
            self.check_url,
            data=urllib.parse.urlencode(fields).encode("utf-8"),
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Accept": "application/json",
                "User-Agent": "newslint",
            },
            method="POST",
        )
        where = f"LanguageTool at {self.check_url}"
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            detail = ""
            try:
                detail = _one_line(error.read().decode("utf-8", "replace"))
            except (OSError, http.client.HTTPException):
                pass
            reason = f"HTTP {error.code} {error.reason}".strip()
            raise EngineError(f"{where} answered {reason}" + (f": {detail}" if detail else "")) from error
        except urllib.error.URLError as error:
            raise EngineError(f"{where}: {self._describe(error.reason)}") from error
        except (TimeoutError, socket.timeout) as error:
            raise EngineError(f"{where}: no answer within {self.timeout:g} s (timeout)") from error
        except (OSError, http.client.HTTPException) as error:
            raise EngineError(f"{where}: {self._describe(error)}") from error
        try:
            answer = json.loads(body)
        except ValueError as error:
            snippet = _one_line(body.decode("utf-8", "replace"), 80)
            raise EngineError(f"{where} answered with something that is not JSON: {snippet!r}") from error
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise EngineError(f"{where} answered JSON without a 'matches' list; is this a LanguageTool server?")
        return [m for m in answer["matches"] if isinstance(m, dict)]

    def _describe(self, reason: object) -> str:
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return f"no answer within {self.timeout:g} s (timeout)"
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused; is the LanguageTool server running?"
        if isinstance(reason, socket.gaierror):
            return f"unknown host ({reason.strerror or reason})"
        if isinstance(reason, http.client.RemoteDisconnected):
            return "the server closed the connection without answering"
        text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
        return f"cannot connect ({_one_line(text)})"
