"""Google Fact Check Tools ``claims:search`` client: earlier fact-checks published worldwide.

Request (documented at developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/
claims/search): ``GET {base}/v1alpha1/claims:search`` with ``query``, ``languageCode``
(BCP-47), ``reviewPublisherSiteFilter``, ``maxAgeDays``, ``pageSize`` (default 10) and
``pageToken``. Response: ``{"claims": [{"text", "claimant", "claimDate", "claimReview":
[{"publisher": {"name", "site"}, "url", "title", "reviewDate", "textualRating",
"languageCode"}]}], "nextPageToken"}``. Errors use Google's envelope ``{"error": {"code",
"message", "status", "details": [{"reason": "API_KEY_INVALID"}]}}``.

The key travels in the ``X-Goog-Api-Key`` header, not in the URL, so it cannot leak through
an error message or a log line that quotes the request URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpx

from app.errors import UserError
from app.interop.claimreview import parse_claimreview
from app.interop.records import ReviewRecord
from app.net import json_object

DEFAULT_BASE_URL = "https://factchecktools.googleapis.com"
SEARCH_PATH = "/v1alpha1/claims:search"
SERVICE = "Google Fact Check Tools"


@dataclass(frozen=True, slots=True)
class PublishedReview:
    """One publisher's verdict on a claim, as Google lists it."""

    publisher_name: str
    publisher_site: str | None
    url: str | None
    title: str
    review_date: str | None
    textual_rating: str
    language_code: str | None


@dataclass(frozen=True, slots=True)
class FactCheckResult:
    """A fact-checked claim and every review Google knows of it."""

    text: str
    claimant: str | None
    claim_date: str | None
    reviews: tuple[PublishedReview, ...]


@dataclass(frozen=True, slots=True)
class SearchPage:
    results: list[FactCheckResult]
    next_page_token: str | None


def search_claims(
    query: str,
    *,
    api_key: str | None,
    language_code: str | None = None,
    review_publisher_site_filter: str | None = None,
    max_age_days: int | None = None,
    page_size: int = 10,
    page_token: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 10,
) -> SearchPage:
    """One page of fact-checked claims matching ``query``; UserError on every failure."""
    if not api_key:
        raise UserError(
            "No {service} API key is stored: add it in Settings or run "
            "`crible secrets set google_factcheck_api_key`.",
            service=SERVICE,
        )
    params = _params(
        query, language_code, review_publisher_site_filter, max_age_days, page_size, page_token
    )
    headers = {"X-Goog-Api-Key": api_key, "Accept": "application/json"}
    try:
        response = httpx.get(
            base_url.rstrip("/") + SEARCH_PATH, params=params, headers=headers, timeout=timeout
        )
    except httpx.TimeoutException:
        raise UserError(
            "{service} did not answer within {timeout} s; try again.",
            service=SERVICE,
            timeout=f"{timeout:g}",
        ) from None
    except httpx.ConnectError:
        raise UserError("{service} is unreachable: are you offline?", service=SERVICE) from None
    except httpx.TransportError as exc:
        raise UserError(
            "{service} could not be reached ({error}).", service=SERVICE, error=type(exc).__name__
        ) from None
    if response.status_code != 200:
        raise _error(response, api_key)
    return parse_search_response(json_object(response, SERVICE))


def check_key(
    api_key: str | None, *, base_url: str = DEFAULT_BASE_URL, timeout: float = 10
) -> None:
    """Test a key (Settings' "Test" button) with the smallest search; UserError when refused."""
    search_claims("fact check", api_key=api_key, page_size=1, base_url=base_url, timeout=timeout)


def _params(
    query: str,
    language_code: str | None,
    site: str | None,
    max_age_days: int | None,
    page_size: int,
    page_token: str | None,
) -> dict[str, str | int]:
    query = " ".join(query.split())
    if not query and not site:
        raise UserError("Type some text to search for, or a publisher site to filter by.")
    if page_size < 1:
        raise UserError("The page size must be at least 1.")
    if max_age_days is not None and max_age_days < 1:
        raise UserError("The maximum age must be at least one day.")
    params: dict[str, str | int] = {"pageSize": page_size}
    optional = {
        "query": query,
        "languageCode": language_code,
        "reviewPublisherSiteFilter": site,
        "maxAgeDays": max_age_days,
        "pageToken": page_token,
    }
    params.update({name: value for name, value in optional.items() if value})
    return params


def _error(response: httpx.Response, api_key: str) -> UserError:
    status = response.status_code
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    error = error if isinstance(error, dict) else {}
    reasons = {
        detail.get("reason") for detail in error.get("details") or [] if isinstance(detail, dict)
    }
    message = str(error.get("message") or "").replace(api_key, "***")
    if "API_KEY_INVALID" in reasons or (status == 400 and "API key" in message):
        return UserError(
            "The {service} API key is not valid: check it in Settings.", service=SERVICE
        )
    if "SERVICE_DISABLED" in reasons or "has not been used" in message:
        return UserError(
            "The Fact Check Tools API is not enabled for this key's Google Cloud project: "
            "enable it in the Google Cloud console."
        )
    if status in (401, 403):
        return UserError(
            "{service} refused the API key (HTTP {status}): check its restrictions.",
            service=SERVICE,
            status=status,
        )
    if status == 429:
        return UserError(
            "The {service} quota is used up for now; try again later.", service=SERVICE
        )
    if status >= 500:
        return UserError(
            "{service} failed (HTTP {status}); try again later.", service=SERVICE, status=status
        )
    if message:
        return UserError(
            "{service} rejected the search (HTTP {status}): {message}",
            service=SERVICE,
            status=status,
            message=message.splitlines()[0],
        )
    return UserError(
        "{service} rejected the search (HTTP {status})", service=SERVICE, status=status
    )


def parse_search_response(data: dict[str, Any]) -> SearchPage:
    """The documented response shape as records; missing fields become empty."""
    results = [_claim(item) for item in data.get("claims") or [] if isinstance(item, dict)]
    return SearchPage(results=results, next_page_token=data.get("nextPageToken") or None)


def _claim(item: dict[str, Any]) -> FactCheckResult:
    reviews = tuple(
        _review(review) for review in item.get("claimReview") or [] if isinstance(review, dict)
    )
    return FactCheckResult(
        text=str(item.get("text") or "").strip(),
        claimant=item.get("claimant") or None,
        claim_date=item.get("claimDate") or None,
        reviews=reviews,
    )


def _review(review: dict[str, Any]) -> PublishedReview:
    publisher = review.get("publisher")
    publisher = publisher if isinstance(publisher, dict) else {}
    return PublishedReview(
        publisher_name=str(publisher.get("name") or publisher.get("site") or ""),
        publisher_site=publisher.get("site") or None,
        url=review.get("url") or None,
        title=str(review.get("title") or ""),
        review_date=review.get("reviewDate") or None,
        textual_rating=str(review.get("textualRating") or ""),
        language_code=review.get("languageCode") or None,
    )


def to_claimreview(result: FactCheckResult, review: PublishedReview) -> dict[str, Any]:
    """One Google review as a schema.org ClaimReview object (what the importer reads)."""
    item: dict[str, Any] = {"@type": "Claim"}
    if result.claimant:
        item["author"] = {"@type": "Person", "name": result.claimant}
    if result.claim_date:
        item["datePublished"] = result.claim_date
    obj: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": result.text,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": review.textual_rating},
        "author": {"@type": "Organization", "name": review.publisher_name},
    }
    if review.publisher_site:
        obj["author"]["url"] = f"https://{review.publisher_site}"
    optional = {
        "url": review.url,
        "headline": review.title,
        "datePublished": review.review_date,
        "inLanguage": review.language_code,
    }
    obj.update({name: value for name, value in optional.items() if value})
    return obj


def to_claimreviews(results: Iterable[FactCheckResult]) -> list[dict[str, Any]]:
    """Every review of every result as ClaimReview objects, in order."""
    return [to_claimreview(result, review) for result in results for review in result.reviews]


def to_review_records(results: Iterable[FactCheckResult]) -> list[ReviewRecord]:
    """Results as the importer's records (``import_records(db, records)`` takes them as is).

    They go through the ClaimReview parser so an imported Google result is stored exactly
    like the same review read from a publisher's JSON-LD, raw JSON-LD included.
    """
    records: list[ReviewRecord] = []
    for index, obj in enumerate(to_claimreviews(results)):
        record = parse_claimreview(obj, f"{SERVICE} result {index}")
        if isinstance(record, ReviewRecord):
            records.append(record)
    return records
