"""Publication dates: parsing the forms articles use, and the article's own date."""

from __future__ import annotations

from datetime import date, datetime, timezone

from lint.article import Article

# Accepted when the config names no formats: ISO 8601 with a time zone, and the
# plain calendar date that front matter often carries.
DEFAULT_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%d")


def parse_date(value: str, formats: tuple[str, ...] = DEFAULT_FORMATS) -> datetime | None:
    """The datetime a metadata value spells in one of `formats`, or None.

    A trailing Z is read as +00:00; a date without a time is midnight UTC.
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    return None


def publication_date(article: Article) -> date | None:
    """The article's publication day, in the time zone it was written with."""
    field = article.fields.get("date")
    parsed = parse_date(field.value) if field else None
    return parsed.date() if parsed else None
