"""dates: weekdays that the calendar or the article's own date contradict.

Two checks share this kind, chosen by the rule's `check` key:

* ``weekday-date``: a weekday written with a date ("Sunday, November 4, 2019") that falls
  on another day of the week. A date without a year takes the year of the article's date.
* ``weekday-window``: a weekday or a date that a relative day word pins down
  ("yesterday (Thursday)", "today, November 2") and that the article's date contradicts.

A bare weekday ("on Saturday") is never flagged on its own: news copy means the most recent
such day (or the coming one for future events), and every weekday occurs in any week.

The article's date is its `date` metadata; without one, a dateline that opens the first
paragraph ("Saturday, November 2, 2019 — ...") stands in for it.
"""

from __future__ import annotations

from datetime import date, timedelta

import regex

from lint.article import Article, Segment
from lint.checks.base import Key, Rule
from lint.dates import parse_date
from lint.patterns import Pattern

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAYS)}
_WEEKDAY_INDEX.update({"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
                       "Fri": 4, "Sat": 5, "Sun": 6})
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH_INDEX = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_INDEX.update({name[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_INDEX["Sept"] = 9

# Building blocks. Weekdays and months are capitalised words; abbreviations need their full stop
# (months may drop it, as Reuters writes "Nov 2").
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
       r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
_YEAR = r"(?:,?\s+(?P<year>[12][0-9]{3})(?![\d\w]))"
# "November 2" or "2 November", "the 2nd of November"; a year may follow.
_DATE = (rf"(?:(?P<mon>{_MON})\s+(?P<day>{_DAY})|(?:the\s+)?(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MON}))"
         rf"{_YEAR}?")
# The two searches over every paragraph are Patterns, so that the quick test skips
# the many paragraphs without a weekday or a relative day (lint/literals.py).
_BUILT_IN = {"ignorecase": False, "word": False, "where": (__file__, None)}
# A weekday joined to a date: "Sunday, November 2", "Sunday 2 November 2019", "Sunday (Nov. 2)".
_WEEKDAY_DATE = Pattern(rf"(?<![\w-])(?P<wd>{_WD})(?:\s*,\s*|\s+|\s*\(\s*){_DATE}", **_BUILT_IN)
# A date that is one of several ("November 1 and 2", "Nov. 1-3") or a weekday that is one of
# several ("Friday and Saturday, November 1 and 2") does not pair one weekday with one date.
_MORE_DAYS = regex.compile(r"\s*(?:and|or|&|to|through|-|–|—)\s*\d", regex.VERSION1)
_WEEKDAY_BEFORE = regex.compile(rf"{_WD}\s*(?:,|and|or|&|to|through|-|–|—)\s*$", regex.VERSION1)

# Words that name a day relative to the day of writing, and how many days away it is.
_RELATIVE = (r"(?P<rel>(?:(?:early|late|earlier|later)\s+)?(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)"
             r"(?:\s+(?:morning|afternoon|evening|night))?"
             r"|(?:[Ee]arlier\s+|[Ll]ater\s+)?[Tt]his\s+(?:morning|afternoon|evening)|[Ll]ast\s+night)")
_THEN = rf"(?P<wd>{_WD})(?:(?:\s*,\s*|\s+|\s*\(\s*){_DATE})?|{_DATE}"
# "yesterday (Thursday)", "yesterday, Friday, ...", "today — November 2 —", "on Friday (yesterday)".
_PINNED = Pattern(
    rf"(?<![\w-]){_RELATIVE}(?:\s*\(\s*|\s*,\s*|\s*[–—]\s*)(?:on\s+)?(?P<then>{_THEN})(?=\s*[,;:.)–—]|\s*$)"
    rf"|(?<![\w-])(?P<then>{_THEN})\s*\(\s*{_RELATIVE}\s*\)",
    **_BUILT_IN,
)
# The relative words mean 'the day of writing', 'the day before' or 'the day after'.
_OFFSETS = (("yesterday", -1), ("last night", -1), ("tomorrow", 1))

# A dateline opening the first paragraph: "Saturday, November 2, 2019" alone, or followed by a dash
# or colon. The year is required: a dateline is the article's date, not a reference to one.
_DATELINE = regex.compile(
    rf"^\s*(?:(?P<wd>{_WD})\s*,?\s*)?(?:(?P<mon>{_MON})\s+(?P<day>{_DAY})|(?P<day2>{_DAY})\s+(?P<mon2>{_MON}))"
    rf",?\s+(?P<year>[12][0-9]{{3}})(?:\s*[–—:-]|\s*$)",
    regex.VERSION1,
)


def _date_of(m: regex.Match, year: int) -> date | None:
    month = m.group("mon") or m.group("mon2")
    day = m.group("day") or m.group("day2")
    try:
        return date(year, _MONTH_INDEX[month.rstrip(".")], int(regex.match(r"\d+", day).group()))
    except ValueError:  # February 30
        return None


def _weekday(name: str) -> int:
    return _WEEKDAY_INDEX[name.rstrip(".")]


def weekday_name(day: date, like: str) -> str:
    """The weekday of `day`, abbreviated when `like` is an abbreviation."""
    name = WEEKDAYS[day.weekday()]
    return name[:3] + "." if like.endswith(".") else name


def publication_days(article: Article) -> tuple[date, ...]:
    """The day or days the article may have been written on; empty when it has no date.

    A timestamp in UTC with a time of day (not midnight) could be either of two calendar days
    where the reporter sat, so both count; a local offset or a bare date is taken as is.
    """
    field = article.fields.get("date")
    parsed = parse_date(field.value) if field else None
    if parsed is not None:
        if parsed.utcoffset() == timedelta(0) and (parsed.hour, parsed.minute, parsed.second) != (0, 0, 0):
            return tuple(sorted({(parsed - timedelta(hours=12)).date(), (parsed + timedelta(hours=14)).date()}))
        return (parsed.date(),)
    day = dateline(article)
    return (day,) if day else ()


def dateline(article: Article) -> date | None:
    """The date that opens the first body paragraph, when it is written as a dateline."""
    first = next((s for s in article.segments if s.kind == "body"), None)
    m = _DATELINE.match(first.text) if first else None
    if not m:
        return None
    day = _date_of(m, int(m.group("year")))
    if day is None or (m.group("wd") and _weekday(m.group("wd")) != day.weekday()):
        return None
    return day


def _years(month_day: regex.Match, published: date) -> list[int]:
    """Years a yearless date may be in: the article's, and the one nearest the article's date."""
    nearest = []
    for year in (published.year - 1, published.year, published.year + 1):
        day = _date_of(month_day, year)
        if day is not None:
            nearest.append((abs((day - published).days), year))
    years = [published.year]
    if nearest:
        best = min(nearest)[1]
        if best not in years:
            years.append(best)
    return years


def _spell(day: date, m: regex.Match, with_year: bool) -> str:
    """A date written the way the text writes it (month first or day first)."""
    month = MONTHS[day.month - 1]
    text = f"{month} {day.day}" if m.group("mon") else f"{day.day} {month}"
    if with_year:
        text += f", {day.year}" if m.group("mon") else f" {day.year}"
    return text


class Dates(Rule):
    KEYS = {"check": Key(str, required=True)}
    # weekday-date: {named} weekday written, {weekday} the date's real one, {date} the date.
    # weekday-window: {relative} the relative word, {named} the weekday or date written,
    # {meant} what the relative word means on {published}, the article's date.
    PLACEHOLDERS = ("weekday", "named", "date", "relative", "meant", "published")
    CHECKS = ("weekday-date", "weekday-window")

    def prepare(self):
        if self.options["check"] not in self.CHECKS:
            raise self.error(f"check must be one of {', '.join(self.CHECKS)}", "check")

    def find(self, article):
        days = publication_days(article)
        if self.options["check"] == "weekday-date":
            yield from self._weekday_date(article, days)
        elif days:
            field = article.fields.get("date")
            published = field.value.strip() if field and parse_date(field.value) else days[0].isoformat()
            yield from self._weekday_window(article, days, published)

    # -- weekday-date ----------------------------------------------------
    def _weekday_date(self, article: Article, days: tuple[date, ...]):
        for seg in self.segments(article):
            for m in _WEEKDAY_DATE.matches(seg.text, seg.words):
                if not self.in_scope(seg, m.start(), m.end()) or self._one_of_several(seg, m):
                    continue
                named = m.group("wd")
                if m.group("year"):
                    candidates = [_date_of(m, int(m.group("year")))]
                elif days:
                    candidates = [_date_of(m, y) for y in _years(m, days[0])]
                else:
                    continue  # no year anywhere: nothing to hold the weekday against
                candidates = [c for c in candidates if c is not None]
                if not candidates or any(c.weekday() == _weekday(named) for c in candidates):
                    continue
                right = candidates[-1]
                suggestion = weekday_name(right, named)
                yield self.report(
                    article, seg, m.start("wd"), m.end("wd"), suggestions=(suggestion,), replacement=suggestion,
                    weekday=WEEKDAYS[right.weekday()], named=named, date=_spell(right, m, True),
                )

    @staticmethod
    def _one_of_several(seg: Segment, m: regex.Match) -> bool:
        return bool(_MORE_DAYS.match(seg.text, m.end())) or bool(
            _WEEKDAY_BEFORE.search(seg.text[max(0, m.start() - 40) : m.start()])
        )

    # -- weekday-window --------------------------------------------------
    def _weekday_window(self, article: Article, days: tuple[date, ...], published: str):
        for seg in self.segments(article):
            for m in _PINNED.matches(seg.text, seg.words):
                if not self.in_scope(seg, m.start(), m.end()):
                    continue
                relative = regex.sub(r"\s+", " ", m.group("rel"))
                low = relative.lower()
                offset = next((n for word, n in _OFFSETS if word in low), 0)
                meant = [d + timedelta(days=offset) for d in days]
                named = m.group("wd")
                if named and _weekday(named) not in {d.weekday() for d in meant}:
                    suggestions = tuple(weekday_name(d, named) for d in meant)
                    yield self.report(
                        article, seg, m.start("wd"), m.end("wd"), suggestions=suggestions,
                        replacement=suggestions[0] if len(suggestions) == 1 else None,
                        meant=" or ".join(WEEKDAYS[d.weekday()] for d in meant), named=named,
                        relative=relative, published=published,
                    )
                    continue
                if m.group("mon") or m.group("mon2"):
                    year = m.group("year")
                    stated = [_date_of(m, int(year))] if year else [_date_of(m, y) for y in _years(m, meant[0])]
                    stated = [s for s in stated if s is not None]
                    if stated and not set(stated) & set(meant):
                        start = m.start("mon") if m.group("mon") else m.start("day2")
                        end = m.end("year") if year else (m.end("day") if m.group("mon") else m.end("mon2"))
                        written = seg.text[start:end]
                        yield self.report(
                            article, seg, start, end, named=written, relative=relative, published=published,
                            meant=" or ".join(_spell(d, m, bool(year)) for d in meant),
                        )
