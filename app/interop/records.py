"""Import records: one earlier fact-check as read from a file, or one that could not be read."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from app.net import is_web_url

# schema.org's defaults when a Rating gives a value without its bounds.
DEFAULT_BEST = 5.0
DEFAULT_WORST = 1.0


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One published verdict on one claim, whatever file shape it came from."""

    claim_text: str
    title: str = ""
    claimant: str | None = None
    claim_date: str | None = None
    appearances: tuple[str, ...] = ()
    review_url: str | None = None
    publisher: str = ""
    publisher_site: str | None = None
    date_published: str | None = None
    textual_rating: str = ""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    lang: str | None = None
    jsonld: str | None = None
    origin: str = "import"

    @property
    def rating_norm(self) -> float | None:
        """The numeric rating on 0–1 (worst → 0, best → 1), or None when there is none."""
        if self.rating_value is None or self.best_rating is None or self.worst_rating is None:
            return None
        norm = (self.rating_value - self.worst_rating) / (self.best_rating - self.worst_rating)
        return min(1.0, max(0.0, norm))


@dataclass(frozen=True, slots=True)
class BadRecord:
    """A record that was skipped: where it was (file and index) and why."""

    where: str
    reason: str

    def message(self) -> str:
        return f"{self.where}: {self.reason}"


def checked_links(record: ReviewRecord, where: str) -> ReviewRecord | BadRecord:
    """The record, or a BadRecord when one of its links has a scheme other than http(s).

    A ``javascript:`` or ``file:`` link in an imported review would be shown and exported
    again as a link; such a record is refused, with the reason. Scheme-less identifiers
    are kept: they are never turned into links.
    """
    links = [record.review_url, record.publisher_site, *record.appearances]
    for link in links:
        if not link or _PLAIN_WEB_URL.match(link):
            continue
        if _SCHEME.match(link) and not is_web_url(link.strip()):
            return BadRecord(where, f"not a web address: {link[:80]!r} (only http and https)")
    return record


# An http(s) address with a plain host, which is_web_url accepts (a shortcut: urlsplit costs
# ~5 µs, a million times at import); anything else goes through is_web_url.
_PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]*)?(?:[/?#][!-~]*)?\Z")
# What a browser would take as a scheme: leading blanks and controls are ignored there too.
_SCHEME = re.compile(r"^[\x00-\x20]*[A-Za-z][A-Za-z0-9+.\-]*:")


class RatingError(ValueError):
    """A numeric rating that cannot be normalised; the message says why."""


def to_number(value: object, field: str) -> float | None:
    """A rating number from JSON: int, float or a numeric string ("3", "3,5"); None if absent."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RatingError(f"{field} is not a number ({value!r})")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            raise RatingError(f"{field} is not a number ({value[:40]!r})") from None
    else:
        raise RatingError(f"{field} is not a number ({type(value).__name__})")
    if not math.isfinite(number):
        raise RatingError(f"{field} is not a finite number")
    return number


def checked_rating(
    value: object, best: object, worst: object
) -> tuple[float | None, float | None, float | None]:
    """(value, best, worst) validated so ``rating_norm`` is defined; RatingError otherwise.

    Bounds default to schema.org's 5 and 1 when a value is given without them.
    """
    number = to_number(value, "ratingValue")
    best_n = to_number(best, "bestRating")
    worst_n = to_number(worst, "worstRating")
    if number is None:
        return None, best_n, worst_n
    best_n = DEFAULT_BEST if best_n is None else best_n
    worst_n = DEFAULT_WORST if worst_n is None else worst_n
    if best_n == worst_n:
        raise RatingError(f"bestRating equals worstRating ({best_n:g})")
    low, high = min(best_n, worst_n), max(best_n, worst_n)
    if not low <= number <= high:
        raise RatingError(f"ratingValue {number:g} is outside {worst_n:g}..{best_n:g}")
    return number, best_n, worst_n


def primary_lang(value: object) -> str | None:
    """'fr-FR' → 'fr'; also accepts schema.org Language objects."""
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()[:8] or None
