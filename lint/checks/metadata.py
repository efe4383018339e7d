"""metadata: fact-check an article's title, publication date, byline and source link.

One kind; a rule's `check` option picks what it tests. `required` looks at the
set of fields; the value checks look at one field each and stay quiet when it
is missing or empty, which is `required`'s job. `required` reads articles with a
metadata block (wire header, front matter); `bare` reads the others.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit

import regex

from lint.checks.base import Key, Rule
from lint.dates import DEFAULT_FORMATS, parse_date

FIELDS = ("title", "date", "author", "source")
NAMES = {"title": "title", "date": "publication date", "author": "author", "source": "source link"}

# check -> (the field it reads, the options it takes besides `check`)
CHECKS = {
    "required": (None, ("require",)),
    "bare": (None, ("require",)),
    "date-format": ("date", ("formats",)),
    "date-future": ("date", ("formats", "tolerance_days")),
    "date-age": ("date", ("formats", "min_year")),
    "source-url": ("source", ()),
    "title-caps": ("title", ()),
    "title-length": ("title", ("min", "max")),
    "byline": ("author", ("placeholders",)),
}

# date-format wants a time zone; the other date checks judge any date they can read.
ZONED_FORMATS = tuple(f for f in DEFAULT_FORMATS if "%z" in f)
PLACEHOLDER_BYLINES = ("Staff", "Admin", "Editor", "Unknown", "N/A", "TBD", "Author")

# How the wire format spells each field, to tell the writer what to add.
WIRE_LINES = {
    "title": "a `# Headline` first line",
    "date": "a `Published at: **2019-11-02T14:42:13+00:00**` line",
    "author": "an `Author: **Name**` line",
    "source": "an `Original: [Site](https://...)` line",
}
WIRE_LABELS = {"title": "`#` headline", "date": "`Published at:`", "author": "`Author:`", "source": "`Original:`"}

_ISO_DAY = regex.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def has_metadata_block(article) -> bool:
    """Wire articles have a header; Markdown may open with front matter; plain text has neither."""
    return article.format == "wire" or (article.format == "markdown" and article.source.startswith("---"))


def listing(items: list[str], last: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def how_to_add(article, name: str, empty: bool) -> str:
    if article.format == "wire":
        return f"fill in the {WIRE_LABELS[name]} line" if empty else f"add {WIRE_LINES[name]}"
    return f"give `{name}:` a value in the front matter" if empty else f"add `{name}:` to the front matter"


def url_problem(value: str) -> str | None:
    """Why `value` is not an absolute http(s) link, or None when it is one."""
    if any(c.isspace() for c in value):
        return "contains spaces"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an absolute http(s) link" if not parts.netloc else f"uses {parts.scheme}:, not http(s)"
    if not parts.hostname:
        return "has no host name"
    return None


class Metadata(Rule):
    KEYS = {
        "check": Key(str, required=True),
        "require": Key(list),
        "formats": Key(list),
        "min_year": Key(int),
        "tolerance_days": Key((int, float)),
        "min": Key(int),
        "max": Key(int),
        "placeholders": Key(list),
    }
    PLACEHOLDERS = ("field", "problem", "hint", "fields", "reason", "length", "min", "max", "min_year")

    def now(self) -> datetime:
        """The current time in UTC; tests replace it on the rule."""
        return datetime.now(timezone.utc)

    # -- options ----------------------------------------------------------
    def prepare(self):
        o = self.options
        if o["check"] not in CHECKS:
            raise self.error(f"check must be one of {', '.join(CHECKS)}, not {o['check']!r}", "check")
        self.field, allowed = CHECKS[o["check"]]
        for key in self.KEYS:
            if key != "check" and o[key] is not None and key not in allowed:
                raise self.error(f"`{key}` does not apply to check {o['check']}", key)
        self.require = self._strings("require", FIELDS, allowed=FIELDS)
        zoned = o["check"] == "date-format"
        self.formats = self._strings("formats", ZONED_FORMATS if zoned else DEFAULT_FORMATS)
        if any("%Y" not in f and "%y" not in f for f in self.formats):
            raise self.error("each of `formats` needs a year (%Y or %y)", "formats")
        self.placeholders = {self._plain(p) for p in self._strings("placeholders", PLACEHOLDER_BYLINES)}
        self.min_year = self._number("min_year", 1990, low=1, high=9999)
        self.tolerance = self._number("tolerance_days", 1, low=0)
        self.min = self._number("min", 10, low=0)
        self.max = self._number("max", 120, low=0)
        if self.max < self.min:
            raise self.error(f"max ({self.max}) is less than min ({self.min})", "max")

    def _strings(self, key: str, default, allowed=None) -> tuple[str, ...]:
        value = self.options[key]
        if value is None:
            return tuple(default)
        if not value or not all(isinstance(v, str) for v in value):
            raise self.error(f"`{key}` must be a non-empty list of strings", key)
        wrong = [v for v in value if allowed is not None and v not in allowed]
        if wrong:
            raise self.error(f"`{key}` names unknown field {wrong[0]!r} (one of {', '.join(allowed)})", key)
        return tuple(value)

    def _number(self, key: str, default, low, high=None):
        value = self.options[key]
        if value is None:
            return default
        if isinstance(value, bool) or not low <= value <= (high if high is not None else value):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise self.error(f"`{key}` must be a number {bounds}, not {value!r}", key)
        return value

    @staticmethod
    def _plain(byline: str) -> str:
        text = byline.strip().casefold()
        return text[3:].lstrip() if text.startswith("by ") else text

    # -- checks -----------------------------------------------------------
    def find(self, article):
        # Plain text and Markdown without front matter have no place for metadata:
        # `bare` tells them so once, instead of `required` once per field.
        if self.options["check"] in ("required", "bare") and \
                (self.options["check"] == "bare") == has_metadata_block(article):
            return
        run = getattr(self, "_" + self.options["check"].replace("-", "_"))
        if self.field is None:
            yield from run(article)
            return
        f = article.fields.get(self.field)
        if f is not None and f.value.strip():
            yield from run(article, f)

    def _flag(self, article, start: int, end: int, **values):
        return article.diagnostic(start, end, rule=self.id, category=self.category,
                                  severity=self.severity, message=self.format(**values))

    def _flag_field(self, article, f, **values):
        return self._flag(article, f.start, f.end, match=f.value, field=NAMES[f.name], **values)

    def _required(self, article):
        for name in self.require:
            f = article.fields.get(name)
            if f is None:
                yield self._flag(article, 0, 0, match="", field=NAMES[name], problem="missing",
                                 hint=how_to_add(article, name, empty=False))
            elif not f.value.strip():
                yield self._flag_field(article, f, problem="empty", hint=how_to_add(article, name, empty=True))

    def _bare(self, article):
        missing = [n for n in self.require if not (f := article.fields.get(n)) or not f.value.strip()]
        if missing:
            keys = listing([f"`{n}:`" for n in missing])
            hint = f"start the file with YAML front matter giving {keys} between two `---` lines"
            yield self._flag(article, 0, 0, match="", fields=listing([NAMES[n] for n in missing], "or"), hint=hint)

    def _date_format(self, article, f):
        if parse_date(f.value, self.formats) is not None:
            return
        day = _ISO_DAY.match(f.value)
        try:
            if day:
                date(*map(int, day.groups()))
        except ValueError:
            yield self._flag_field(article, f, reason=f"is not a real calendar date ({day.group().strip()})")
            return
        wanted = "ISO 8601 with a time zone, like 2019-11-02T14:42:13+00:00"
        if self.formats != ZONED_FORMATS:
            wanted = "in one of the formats " + ", ".join(self.formats)
        yield self._flag_field(article, f, reason=f"is not {wanted}")

    def _date_future(self, article, f):
        when = parse_date(f.value, self.formats)
        if when is not None and when > self.now() + timedelta(days=self.tolerance):
            yield self._flag_field(article, f)

    def _date_age(self, article, f):
        when = parse_date(f.value, self.formats)
        if when is not None and when.year < self.min_year:
            yield self._flag_field(article, f, min_year=self.min_year)

    def _source_url(self, article, f):
        reason = url_problem(f.value.strip())
        if reason:
            yield self._flag_field(article, f, reason=reason)

    def _title_caps(self, article, f):
        title = f.value
        words = [w for w in title.split() if any(c.isalpha() for c in w)]
        if len(words) >= 2 and title == title.upper() and title != title.lower():
            yield self._flag_field(article, f)

    def _title_length(self, article, f):
        length = len(f.value.strip())
        if not self.min <= length <= self.max:
            yield self._flag_field(article, f, length=length, min=self.min, max=self.max)

    def _byline(self, article, f):
        if self._plain(f.value) in self.placeholders:
            yield self._flag_field(article, f)
