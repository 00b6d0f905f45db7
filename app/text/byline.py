"""An article's date and author from its byline or dateline, for texts without metadata (.txt, PDF).

Only the places a newspaper prints them are read, so a date the article merely talks about
("le 23 janvier, Juan Guaido…") is never taken for its publication date:

- a short line near the top or the bottom: "Publié le 25 février 2019 à 10h12",
  "Par Léa Martin, le 25/02/2019", "By Jane Doe | March 3, 2024", "2019-02-25";
- a dateline opening a paragraph near the top: "Cúcuta (Colombie), 25 février 2019 — …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HEAD_LINES = 6
TAIL_LINES = 3
SHORT_LINE = 90  # characters: a byline, not a paragraph of the article

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted({*_FR_MONTHS, *_EN_MONTHS}, key=len, reverse=True))
_ORDINAL = r"(?:er|st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}){_ORDINAL}\s+({_MONTH})\.?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")  # day first, as in French
_DATELINE = re.compile(r"^[^\n—–]{0,60}?,\s+(?P<date>[^\n—–]{6,30}?)\s+[—–-]\s")
_AUTHOR = re.compile(
    r"^(?:[Pp]ar|[Bb]y)\s+(?P<name>[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:de\s+|du\s+|van\s+)?[A-ZÀ-Ý][\w.'’-]*){0,3})",
)


@dataclass(frozen=True, slots=True)
class Byline:
    published: str | None = None  # YYYY-MM-DD
    author: str | None = None


def read_byline(text: str) -> Byline:
    """The publication date and author printed in *text*'s byline or dateline, when found."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    candidates = lines[:HEAD_LINES] + lines[-TAIL_LINES:]
    short = [line for line in candidates if len(line) <= SHORT_LINE]
    published = next((found for line in short if (found := find_date(line))), None)
    if published is None:
        published = next((found for line in lines[:HEAD_LINES] if (found := _dateline(line))), None)
    author = next((m["name"] for line in short if (m := _AUTHOR.match(line))), None)
    return Byline(published=published, author=author)


def find_date(line: str) -> str | None:
    """The first real calendar date written in *line*, as YYYY-MM-DD."""
    for pattern, order in (
        (_ISO, "ymd"),
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_NUMERIC, "dmy"),
    ):
        for match in pattern.finditer(line):
            parts = dict(zip(order, match.groups(), strict=True))
            found = _as_date(parts["y"], parts["m"], parts["d"])
            if found:
                return found
    return None


def _dateline(line: str) -> str | None:
    match = _DATELINE.match(line)
    return find_date(match["date"]) if match else None


def _as_date(year: str, month: str, day: str) -> str | None:
    number = int(month) if month.isdigit() else _month_number(month)
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")
    return _FR_MONTHS.get(key) or _EN_MONTHS.get(key)
