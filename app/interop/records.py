"""Import records: one earlier fact-check as read from a file, or one that could not be read."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from app.interop.record_dates import iso_date
from app.net import is_web_url
from app.text.language import UNDETERMINED, detect_among, detect_language

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
    # What was dropped to keep the record (a bad number, a bad link…), "where: what" each.
    warnings: tuple[str, ...] = ()

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


def checked_links(record: ReviewRecord, where: str) -> ReviewRecord:
    """The record without its links whose scheme is not http(s), each dropped with a warning.

    A ``javascript:`` or ``file:`` link in an imported review would be shown and exported
    again as a link: it is never stored, but the claim and its verdict are still worth
    keeping. Scheme-less identifiers are kept: they are never turned into links.
    """
    dropped = [
        link
        for link in (record.review_url, record.publisher_site, *record.appearances)
        if link and not _is_kept_link(link)
    ]
    if not dropped:
        return record
    warnings = tuple(
        f"{where}: link dropped, not a web address: {link[:80]!r} (only http and https)"
        for link in dropped
    )
    return replace(
        record,
        review_url=None if record.review_url in dropped else record.review_url,
        publisher_site=None if record.publisher_site in dropped else record.publisher_site,
        appearances=tuple(a for a in record.appearances if a not in dropped),
        warnings=record.warnings + warnings,
    )


def finished(record: ReviewRecord, where: str) -> ReviewRecord:
    """The last step of every reader: bad links dropped, dates as ISO 8601, the language
    guessed from the text when the record does not declare it (publishers seldom do)."""
    record = checked_links(record, where)
    warnings = list(record.warnings)
    published = _date(record.date_published, where, warnings)
    claimed = _date(record.claim_date, where, warnings)
    lang = record.lang or _guessed_lang(f"{record.claim_text} {record.title}")
    if (
        published == record.date_published
        and claimed == record.claim_date
        and lang == record.lang
        and len(warnings) == len(record.warnings)
    ):
        return record  # the common case at import, a million times: no copy
    return replace(
        record,
        date_published=published,
        claim_date=claimed,
        lang=lang,
        warnings=tuple(warnings),
    )


def _date(raw: str | None, where: str, warnings: list[str]) -> str | None:
    if not raw:
        return None
    date = iso_date(raw)
    if date is None:
        warnings.append(f"{where}: unreadable date dropped: {raw[:40]!r}")
    return date


def _guessed_lang(text: str) -> str | None:
    """The function-word vote; when it cannot decide (a headline: "Non, Madagascar n'a pas
    quitté l'OMS" ties French and Italian), French or English if either has a word."""
    lang = detect_language(text)
    if lang == UNDETERMINED:
        lang = detect_among(text)
    return None if lang == UNDETERMINED else lang


def _is_kept_link(link: str) -> bool:
    return bool(_PLAIN_WEB_URL.match(link)) or not (
        _SCHEME.match(link) and not is_web_url(link.strip())
    )


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


def lenient_rating(
    value: object, best: object, worst: object, where: str
) -> tuple[float | None, float | None, float | None, str | None]:
    """``checked_rating``, but a number that cannot be normalised is dropped, not the record:
    (value, best, worst, warning). Real feeds carry ``-1/-1/-1`` (20 Minutes, PolitiFact's
    sharethefacts), ``1/1/1`` (TjekDet), ``"Faux"`` as the value, values outside the range; the
    textual rating still says the verdict."""
    try:
        return (*checked_rating(value, best, worst), None)
    except RatingError as exc:
        return None, None, None, f"{where}: numeric rating dropped: {exc}"


def textual_value(value: object) -> str:
    """A ``ratingValue`` that is a word ("Faux", "False"), as a textual rating; else ""."""
    if isinstance(value, str) and value.strip():
        try:
            to_number(value, "ratingValue")
        except RatingError:
            return " ".join(value.split())[:200]
    return ""


def primary_lang(value: object) -> str | None:
    """'fr-FR' → 'fr'; also accepts schema.org Language objects."""
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower()[:8] or None
