"""Dates as publishers write them → ISO 8601 (``2022-01-28``, or the ISO date-time as given).

Real ClaimReview pages carry "28 janvier 2022", "1er février 2019", "January 28, 2022",
"28 Jan. 2022", RFC 2822 ("Fri, 28 Jan 2022 10:00:00 GMT") and ISO forms. Month names come from
babel's French and English locale data (wide and abbreviated forms).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from babel.dates import get_month_names

from app.text.normalize import fold

# ISO 8601 as given (a date, or a date-time with its zone): kept as written, only checked.
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_WEEKDAY = re.compile(r"^[^\W\d_]+\.?,?\s+")


def iso_date(raw: str) -> str | None:
    """*raw* as an ISO 8601 date (or date-time when it is one already); None if unreadable."""
    text = " ".join(raw.split())
    iso = _ISO.fullmatch(text)
    if iso:
        return text if _valid(*map(int, iso.groups())) else None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", text):
        try:
            return datetime.fromisoformat(text).isoformat()
        except ValueError:
            return None
    folded = fold(text)
    # "mardi 12 mars 2019", "Tuesday, March 12, 2019": the weekday is left out.
    for candidate in (folded, _WEEKDAY.sub("", folded)):
        named = _named_month(candidate)
        if named:
            return named
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        # Day first, as in French and British use; an impossible month is read US-style.
        day, month, year = map(int, numeric.groups())
        if month > 12 >= day:
            day, month = month, day
        return date(year, month, day).isoformat() if _valid(year, month, day) else None
    return _rfc2822(text)


def _named_month(text: str) -> str | None:
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        found = pattern.match(text)
        if found:
            parts = found.groups()
            day, month, year = parts[order[0]], _months().get(parts[order[1]]), parts[order[2]]
            if month and _valid(int(year), month, int(day)):
                return date(int(year), month, int(day)).isoformat()
    return None


def _rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1000 <= year <= 9999


@cache
def _months() -> dict[str, int]:
    """Folded month names and abbreviations (without their dot) → 1–12, French and English."""
    names: dict[str, int] = {"sept": 9, "fevr": 2, "juil": 7}
    for locale in ("fr", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[fold(name).rstrip(".")] = int(number)
    return names
