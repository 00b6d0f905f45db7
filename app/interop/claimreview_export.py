"""ClaimReview JSON-LD out: the team's reviews to publish, and the whole archive as a DataFeed.

A published review follows schema.org ``ClaimReview`` and Google's structured-data rules for it:
``url`` is the fact-check page (``review_url``), ``claimReviewed`` the statement as reviewed,
``reviewRating`` an integer ``ratingValue`` on the team's scale with ``bestRating``,
``worstRating`` and ``alternateName``, ``author`` the organisation (Settings), ``creator`` the
reviewer within it, ``itemReviewed`` a ``Claim`` whose ``author`` is the claimant and whose
``appearance`` is the article (url, headline, datePublished, author, publisher).

The scale's integer positions come from its levels' 0–1 values, ranked: on the default scale
Faux is 1 and Vrai 6, so ``ratingValue`` is never a fraction; a level without a value
(Invérifiable) has only ``alternateName``. ``verdict_text`` goes to ``ratingExplanation``; the
checker's private ``notes`` are never exported. What must be present before publishing is
decided in ``app.interop.publish_checklist``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from app.domain import Article, Claim, LevelId, RatingLevel, RatingScale, Review
from app.errors import UserError, translatable
from app.storage.articles import get_article
from app.storage.claims import claims_of_article, get_claim
from app.storage.reviews import all_reviews, own_checked_claims
from app.storage.scales import get_level, get_scale
from app.storage.settings import get_setting
from app.text.claims import claim_display_text
from app.text.sourcing import is_anonymous_source

CONTEXT = "https://schema.org"
_CLAUSE_SUBJECT = re.compile(r"\[(?P<about>[^\]]+)\]\s+(?:qui|who|which|that)\s+", re.IGNORECASE)
WORST = 1
NO_ORGANISATION = translatable(
    "set your organisation's name first (Settings › General, or crible export --org-name NAME"
    " --org-url URL): a ClaimReview must name its author"
)


def claim_reviewed(claim: Claim) -> str:
    """The statement as reviewed: the checker's wording, else the claim made self-contained.

    ``statement`` (the splitter's self-contained rewrite, migration 0005) is preferred
    over the claim's text, with a relative clause's subject restored.
    """
    if claim.claim_reviewed and claim.claim_reviewed.strip():
        return claim.claim_reviewed.strip()
    if claim.statement.strip():
        return claim.statement.strip()
    shown = claim_display_text(claim.text, claim.reasons).strip()
    # "[Juan Guaido] qui s'est autoproclamé…" reads as a sentence once the subject replaces "qui".
    subject = _CLAUSE_SUBJECT.match(shown)
    return f"{subject['about']} {shown[subject.end() :]}" if subject else shown


def claimant_of(claim: Claim) -> str | None:
    """Who made the claim: the checker's claimant, else a named speaker (never "selon X")."""
    claimant = (claim.claimant or claim.speaker or "").strip()
    if claimant and is_anonymous_source(claimant, claim.lang or "fr"):
        return None
    return claimant or None


def has_verdict(claim: Claim) -> bool:
    return claim.verdict_level_id is not None or bool(claim.verdict_text.strip())


def scale_positions(scale: RatingScale) -> dict[LevelId, int]:
    """Integer positions of a scale's valued levels: 1 for the lowest value, up to the count."""
    valued = sorted(
        (level for level in scale.levels if level.value is not None),
        key=lambda level: (level.value, -level.position),
    )
    return {level.id: rank for rank, level in enumerate(valued, start=WORST)}


def claim_review(
    db: Database,
    claim_id: int,
    *,
    org_name: str,
    org_url: str,
    lang: str,
    fallback_url: bool = False,
) -> dict[str, Any]:
    """The ClaimReview of one claim with a verdict; UserError when it has none.

    ``fallback_url`` (the archive feed only) stands an anchor on the organisation's site in for
    a review never published at a URL of its own; a publication never gets one.
    """
    if not org_name.strip():
        # schema.org requires the review's author; a nameless one is silently invalid.
        raise UserError(NO_ORGANISATION)
    claim = get_claim(db, claim_id)
    if not has_verdict(claim):
        raise UserError("claim {claim} has no verdict yet", claim=claim_id)
    article = get_article(db, claim.article_id) if claim.article_id is not None else None
    url = claim.review_url or (own_review_url(org_url, claim) if fallback_url else None)
    organisation = _organization(org_name, org_url)
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "datePublished": claim.review_date or (claim.updated_at or _today())[:10],
        "inLanguage": lang,
        "headline": claim.review_headline.strip() or claim.title.strip(),
        "claimReviewed": claim_reviewed(claim),
        "itemReviewed": _item_reviewed(claim, article),
        "author": organisation,
        "creator": _reviewer(claim.reviewer, organisation),
        "reviewRating": _team_rating(db, claim, lang),
    }
    return _without_empty(review)


def article_claim_reviews(
    db: Database,
    article_id: int,
    *,
    org_name: str,
    org_url: str,
    only: set[int] | None = None,
) -> list[dict[str, Any]]:
    """ClaimReviews of the article's claims that have a verdict (or of ``only`` those), in order.

    No completeness check here: ``publish_checklist.publishable_reviews`` refuses first.
    """
    article = get_article(db, article_id)
    return [
        claim_review(db, claim.id, org_name=org_name, org_url=org_url, lang=_lang(claim, article))
        for claim in claims_of_article(db, article_id)
        if has_verdict(claim) and (only is None or claim.id in only)
    ]


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
        item = claim_review(
            db,
            claim.id,
            org_name=org_name,
            org_url=org_url,
            lang=_lang(claim, article),
            fallback_url=True,
        )
        item.pop("@context", None)
        yield item


def own_review_url(org_url: str, claim: Claim) -> str | None:
    """An anchor on the organisation's site for a check not published at a URL of its own."""
    if not org_url:
        return None
    return f"{org_url.rstrip('/')}/#crible-claim-{claim.id}"


def rating_of_level(db: Database, level: RatingLevel) -> tuple[int, int] | None:
    """(ratingValue, bestRating) of a level on its scale; None for a level without a value."""
    positions = scale_positions(get_scale(db, level.scale_id))
    if level.id not in positions:
        return None
    return positions[level.id], len(positions)


def _team_rating(db: Database, claim: Claim, lang: str) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating"}
    explanation = claim.verdict_text.strip()
    if claim.verdict_level_id is None:
        rating["alternateName"] = explanation
        return rating
    level = get_level(db, claim.verdict_level_id)
    rating["alternateName"] = level.label(lang)
    position = rating_of_level(db, level)
    if position is not None:
        value, best = position
        rating.update(ratingValue=value, bestRating=best, worstRating=WORST)
    if explanation:
        rating["ratingExplanation"] = explanation
    return rating


def _item_reviewed(claim: Claim, article: Article | None) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    claimant = claimant_of(claim)
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
        if article.author:
            appearance["author"] = {"@type": "Person", "name": article.author}
        if article.outlet:
            appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
        item["appearance"] = [_without_empty(appearance)]
    return item


def _reviewer(name: str, organisation: dict[str, Any]) -> dict[str, Any] | None:
    """The checker who wrote the review, a person of the organisation that publishes it."""
    if not name.strip():
        return None
    return {"@type": "Person", "name": name.strip(), "affiliation": organisation}


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


def _lang(claim: Claim, article: Article | None) -> str:
    return claim.lang or (article.lang if article else None) or "en"


def _organization(name: str, url: str) -> dict[str, Any]:
    return _without_empty({"@type": "Organization", "name": name, "url": url})


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")
