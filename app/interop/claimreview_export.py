"""ClaimReview JSON-LD out: the team's checked claims, and the whole archive as a DataFeed.

The team's verdict lives on the claim (``verdict_level_id`` → a rating level, ``verdict_text``).
Numeric levels (``value`` 0–1) are exported on a **1..5 scale**: ``ratingValue = 1 + 4 × value``
(rounded to 2 decimals), ``worstRating`` 1, ``bestRating`` 5 — the scale most fact-checkers
publish on, which an importer normalises back with ``(value - 1) / 4``. A level without a value
(Invérifiable) has only ``alternateName``. ``verdict_text`` goes to ``ratingExplanation`` (or is
the ``alternateName`` when no level is set); the checker's private ``notes`` are never exported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from app.domain import Article, Claim, Review
from app.errors import UserError, translatable
from app.storage.articles import get_article
from app.storage.claims import claims_of_article, get_claim
from app.storage.reviews import all_reviews, own_checked_claims
from app.storage.scales import get_level
from app.storage.settings import get_setting
from app.text.claims import claim_display_text
from app.text.sourcing import is_anonymous_source

CONTEXT = "https://schema.org"
WORST, BEST = 1, 5
NO_ORGANISATION = translatable(
    "set your organisation's name first (Settings › General, or crible export --org-name NAME"
    " --org-url URL): a ClaimReview must name its author"
)


def claim_review(
    db: Database, claim_id: int, *, org_name: str, org_url: str, lang: str
) -> dict[str, Any]:
    """The ClaimReview of one checked claim of an article; UserError when it has no verdict."""
    if not org_name.strip():
        # schema.org requires the review's author; a nameless one is silently invalid.
        raise UserError(NO_ORGANISATION)
    claim = get_claim(db, claim_id)
    if not has_verdict(claim):
        raise UserError("claim {claim} has no verdict yet", claim=claim_id)
    article = get_article(db, claim.article_id) if claim.article_id is not None else None
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": own_review_url(org_url, claim),
        "datePublished": (claim.updated_at or _today())[:10],
        "inLanguage": lang,
        # A clause claim ("qui s'est autoproclamé…") goes out with its subject in brackets.
        "claimReviewed": claim_display_text(claim.text, claim.reasons),
        "itemReviewed": _item_reviewed(claim, article),
        "author": _organization(org_name, org_url),
        "reviewRating": _team_rating(db, claim, lang),
    }
    if claim.title:
        review["name"] = claim.title
    return _without_empty(review)


def article_claim_reviews(
    db: Database, article_id: int, *, org_name: str, org_url: str
) -> list[dict[str, Any]]:
    """ClaimReviews of the article's checked claims (with a verdict), in reading order."""
    article = get_article(db, article_id)
    reviews = []
    for claim in claims_of_article(db, article_id):
        if claim.status == "checked" and has_verdict(claim):
            lang = claim.lang or article.lang or "en"
            reviews.append(
                claim_review(db, claim.id, org_name=org_name, org_url=org_url, lang=lang)
            )
    return reviews


def archive_datafeed(db: Database) -> dict[str, Any]:
    """Every review in the archive (imported ones and the team's checks) as a schema.org DataFeed.

    The team's checks are signed with the ``org_name``/``org_url`` settings. Importing the feed
    into an empty archive gives the same reviews.
    """
    org_name = get_setting(db, "org_name") or ""
    return {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "name": f"Crible archive{f' — {org_name}' if org_name else ''}",
        "dateModified": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": item.get("datePublished"), "item": [item]}
            for item in iter_archive_reviews(db)
        ],
    }


def iter_archive_reviews(db: Database) -> Iterator[dict[str, Any]]:
    """The archive's ClaimReviews one at a time (without @context), for streaming writers."""
    for claim, review in all_reviews(db):
        yield _stored_review(claim, review)
    org_name = get_setting(db, "org_name") or ""
    org_url = get_setting(db, "org_url") or ""
    for claim in own_checked_claims(db):
        article = get_article(db, claim.article_id) if claim.article_id is not None else None
        lang = claim.lang or (article.lang if article else None) or "en"
        item = claim_review(db, claim.id, org_name=org_name, org_url=org_url, lang=lang)
        item.pop("@context", None)
        yield item


def has_verdict(claim: Claim) -> bool:
    return claim.verdict_level_id is not None or bool(claim.verdict_text.strip())


def own_review_url(org_url: str, claim: Claim) -> str | None:
    """A stable URL for a check the team did not publish elsewhere: the org's site + a fragment."""
    if not org_url:
        return None
    return f"{org_url.rstrip('/')}/#crible-claim-{claim.id}"


def rating_from_value(value: float) -> float:
    """A level's 0–1 value on the exported 1..5 scale."""
    rating = round(WORST + (BEST - WORST) * value, 2)
    return int(rating) if rating.is_integer() else rating


def _team_rating(db: Database, claim: Claim, lang: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating"}
    explanation = claim.verdict_text.strip()
    if claim.verdict_level_id is None:
        rating["alternateName"] = explanation
        return rating
    level = get_level(db, claim.verdict_level_id)
    rating["alternateName"] = level.label(lang)
    if level.value is not None:
        rating.update(
            ratingValue=rating_from_value(level.value), bestRating=BEST, worstRating=WORST
        )
    if explanation:
        rating["ratingExplanation"] = explanation
    return rating


def _item_reviewed(claim: Claim, article: Article | None) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    claimant = claim.claimant or claim.speaker
    if claimant and is_anonymous_source(claimant, claim.lang or "fr"):
        claimant = None  # "selon plusieurs sources" is not an author
    if claimant:
        item["author"] = {"@type": "Person", "name": claimant}
    date = claim.claim_date or (article.published if article else None)
    if date:
        item["datePublished"] = date
    if article is not None and (article.url or article.title):
        appearance: dict[str, Any] = {
            "@type": "CreativeWork",
            "url": article.url,
            "headline": article.title,
            "datePublished": article.published,
        }
        if article.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        item["appearance"] = [_without_empty(appearance)]
    return item


def _stored_review(claim: Claim, review: Review) -> dict[str, Any]:
    """An archive review as ClaimReview: its original JSON-LD when kept, else rebuilt."""
    if review.jsonld:
        original = json.loads(review.jsonld)
        if isinstance(original, dict):
            original.pop("@context", None)
            return original
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": review.textual_rating}
    if review.rating_value is not None:
        rating.update(
            ratingValue=review.rating_value,
            bestRating=review.best_rating,
            worstRating=review.worst_rating,
        )
    item: dict[str, Any] = {"@type": "Claim", "datePublished": claim.claim_date}
    if claim.claimant:
        item["author"] = {"@type": "Person", "name": claim.claimant}
    return _without_empty(
        {
            "@type": "ClaimReview",
            "url": review.url,
            "datePublished": review.date_published,
            "name": review.headline or claim.title,
            "inLanguage": review.lang,
            "claimReviewed": claim.text,
            "itemReviewed": _without_empty(item),
            "author": _organization(review.publisher, review.publisher_site or ""),
            "reviewRating": rating,
        }
    )


def _organization(name: str, url: str) -> dict[str, Any]:
    return _without_empty({"@type": "Organization", "name": name, "url": url})


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")
