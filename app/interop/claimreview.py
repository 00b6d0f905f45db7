"""Reading schema.org ClaimReview JSON-LD in every shape publishers use, into ReviewRecords.

Shapes: one object, a list, an ``@graph``, a ``DataFeed`` (``dataFeedElement[].item[]``, the
DataCommons shape), ClaimReviews nested in other objects (a WebPage's ``review``), and HTML pages
with ``<script type="application/ld+json">`` blocks. HTML is parsed with lxml and nothing in it is
ever executed or fetched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml import etree, html

from app.interop.limits import checked_record, loads_document, may_hold_surrogates
from app.interop.records import (
    BadRecord,
    ReviewRecord,
    finished,
    lenient_rating,
    primary_lang,
    textual_value,
)

__all__ = [
    "BadRecord",
    "ReviewRecord",
    "is_claimreview",
    "iter_claimreviews",
    "parse_claimreview",
    "parse_html",
    "parse_jsonld",
]

# Deep enough for real pages; a guard against pathological nesting, not a tuning knob.
_MAX_DEPTH = 64
_LD_JSON = "application/ld+json"


def _types(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type", [])
    names = raw if isinstance(raw, list) else [raw]
    # "schema:ClaimReview" and "https://schema.org/ClaimReview" are the same type.
    return [str(n).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names]


def is_claimreview(obj: object) -> bool:
    return isinstance(obj, dict) and "ClaimReview" in _types(obj)


def iter_claimreviews(data: object, _depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every ClaimReview object in a JSON-LD document, in document order."""
    if _depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from iter_claimreviews(item, _depth + 1)
    elif isinstance(data, dict):
        if is_claimreview(data):
            yield data
            return
        # @graph, dataFeedElement, item, itemListElement, mainEntity, review…: all are values.
        for key, value in data.items():
            if key != "@context" and isinstance(value, dict | list):
                yield from iter_claimreviews(value, _depth + 1)


def parse_jsonld(
    data: object, where: str, *, surrogates: bool = False
) -> Iterator[ReviewRecord | BadRecord]:
    """Records from a decoded JSON-LD document; *where* names the file in error messages.

    *surrogates*: the text may hold lone surrogates (``limits.may_hold_surrogates``), so each
    record is scanned for them; sizes are always checked.
    """
    for index, obj in enumerate(iter_claimreviews(data)):
        place = f"{where}#{index}"
        yield checked_record(parse_claimreview(obj, place), place, surrogates=surrogates)


def parse_html(content: bytes | str, where: str) -> Iterator[ReviewRecord | BadRecord]:
    """Records from the JSON-LD blocks of an HTML page (lxml; scripts are read, never run)."""
    if isinstance(content, str) and content.lstrip().startswith("<?xml"):
        # lxml refuses a str that still declares its (already decoded) encoding.
        content = content.lstrip().split("?>", 1)[-1]
    try:
        parser = html.HTMLParser(no_network=True, remove_comments=True)
        root = html.document_fromstring(content, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        yield BadRecord(where, f"not a readable HTML page ({exc})")
        return
    index = 0
    for block, script in enumerate(root.iter("script")):
        if (script.get("type") or "").strip().lower().split(";")[0] != _LD_JSON:
            continue
        raw = script.text or ""
        try:
            data, cut = loads_document(raw)
        except json.JSONDecodeError as exc:
            yield BadRecord(f"{where} script {block}", f"invalid JSON-LD ({exc.msg})")
            continue
        if cut:
            yield BadRecord(f"{where} script {block}", cut)
        surrogates = may_hold_surrogates(raw)
        for obj in iter_claimreviews(data):
            place = f"{where}#{index}"
            yield checked_record(parse_claimreview(obj, place), place, surrogates=surrogates)
            index += 1


def parse_claimreview(obj: dict[str, Any], where: str) -> ReviewRecord | BadRecord:
    """One ClaimReview object → a record, or a BadRecord saying what is wrong with it."""
    item = _first_dict(obj.get("itemReviewed"))
    title = _text(obj.get("name")) or _text(obj.get("headline"))
    # An empty claimReviewed with the review's headline present is common (AFP, Le Monde): the
    # headline names the claim well enough to find it again.
    claim_text = (
        _text(obj.get("claimReviewed"))
        or _text(item.get("text"))
        or _text(item.get("name"))
        or title
    )
    if not claim_text:
        return BadRecord(where, "no claim text (claimReviewed, headline and name are empty)")
    rating = _first_dict(obj.get("reviewRating"))
    raw_value = rating.get("ratingValue")
    value, best, worst, warning = lenient_rating(
        raw_value, rating.get("bestRating"), rating.get("worstRating"), where
    )
    textual = (
        _text(rating.get("alternateName")) or _text(rating.get("name")) or textual_value(raw_value)
    )
    author = obj.get("author") or obj.get("publisher")
    record = ReviewRecord(
        claim_text=claim_text,
        title=title,
        claimant=_name(item.get("author")) or None,
        claim_date=_text(item.get("datePublished")) or _text(item.get("dateCreated")) or None,
        appearances=_appearances(item),
        review_url=_text(obj.get("url")) or _web_id(obj) or None,
        publisher=_name(author),
        publisher_site=_text(_first_dict(author).get("url")) or None,
        date_published=_text(obj.get("datePublished")) or None,
        textual_rating=textual,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        lang=primary_lang(obj.get("inLanguage")),
        jsonld=json.dumps(obj, ensure_ascii=False),
        warnings=(warning,) if warning and not textual_value(raw_value) else (),
    )
    return finished(record, where)


def _web_id(obj: dict[str, Any]) -> str:
    """An ``@id`` that is a web address (not a blank node like ``_:b0``), else ""."""
    node_id = _text(obj.get("@id"))
    return node_id if node_id.startswith(("http://", "https://")) else ""


def _first_dict(value: object) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str:
    """A plain string from a JSON-LD value (string, number, list of them, or @value object)."""
    if isinstance(value, list):
        value = next((v for v in value if v not in (None, "")), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _name(value: object) -> str:
    if isinstance(value, str):
        return _text(value)
    return _text(_first_dict(value).get("name"))


def _appearances(item: dict[str, Any]) -> tuple[str, ...]:
    urls: list[str] = []
    for key in ("appearance", "firstAppearance"):
        raw = item.get(key)
        for entry in raw if isinstance(raw, list) else [raw]:
            url = _text(entry.get("url")) if isinstance(entry, dict) else _text(entry)
            if url and url not in urls:
                urls.append(url)
    if not urls and _text(item.get("url")):
        # The older shape put the claim's appearance on itemReviewed itself.
        urls.append(_text(item.get("url")))
    return tuple(urls)
