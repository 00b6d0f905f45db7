"""What a claim's review needs before it can be published as ClaimReview, and what is missing.

One list of checks serves the command line (``crible export --format claimreview`` refuses with
one line per incomplete claim) and the window's publish checklist (each missing item with the
place to fix it). *Required* items follow Google's ClaimReview rules (``url``, ``claimReviewed``,
``reviewRating``) plus what a real publication cannot do without: the author organisation and
the article's URL for ``itemReviewed.appearance``. *Recommended* items are shown, not enforced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.domain import Article, Claim
from app.errors import UserError, translatable
from app.interop.claimreview_export import (
    NO_ORGANISATION,
    article_claim_reviews,
    claim_reviewed,
    claimant_of,
    has_verdict,
)
from app.net import is_web_url
from app.storage.articles import get_article
from app.storage.claims import claims_of_article
from app.storage.settings import get_setting

# key -> (label, how to fix it on the command line); the labels are translated by the window.
ITEMS: dict[str, tuple[str, str]] = {
    "organisation": (translatable("organisation"), "crible export --org-name NAME"),
    "verdict": (translatable("verdict"), "crible edit {claim} --verdict KEY"),
    "review_url": (translatable("review URL"), "crible edit {claim} --review-url URL"),
    "claim_reviewed": (
        translatable("claim reviewed"),
        "crible edit {claim} --claim-reviewed TEXT",
    ),
    "article_url": (translatable("article URL"), "crible article edit {article} --url URL"),
    "headline": (translatable("headline"), "crible edit {claim} --review-headline TEXT"),
    "reviewer": (translatable("reviewer"), "crible edit {claim} --reviewer NAME"),
    "claimant": (translatable("claimant"), "crible edit {claim} --claimant NAME"),
    "organisation_url": (translatable("organisation URL"), "crible export --org-url URL"),
}
REQUIRED = ("organisation", "verdict", "review_url", "claim_reviewed", "article_url")
RECOMMENDED = ("headline", "reviewer", "claimant", "organisation_url")


@dataclass(frozen=True, slots=True)
class ClaimChecklist:
    """One claim's publish check: the required and recommended items it lacks."""

    claim_id: int
    article_id: int
    number: int  # the claim's place in the article, from 1, as the window numbers it
    missing_required: tuple[str, ...]
    missing_recommended: tuple[str, ...]

    @property
    def publishable(self) -> bool:
        return not self.missing_required

    def refusal_line(self) -> str:
        """'claim 106: missing review URL (crible edit 106 --review-url URL), …'"""
        parts = []
        for key in self.missing_required:
            label, fix = ITEMS[key]
            parts.append(f"{label} ({fix.format(claim=self.claim_id, article=self.article_id)})")
        return f"claim {self.claim_id}: missing {', '.join(parts)}"


class IncompleteReviews(UserError):
    """Some reviews lack required fields; ``lines`` says which, one claim per line."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(
            "cannot publish: {count} review(s) incomplete", count=len(lines), lines="; ".join(lines)
        )
        self.lines = lines


def claim_checklist(
    claim: Claim, article: Article | None, *, org_name: str, org_url: str, number: int = 0
) -> ClaimChecklist:
    present = {
        "organisation": bool(org_name.strip()),
        "organisation_url": is_web_url(org_url or ""),
        "verdict": has_verdict(claim),
        "review_url": is_web_url(claim.review_url or ""),
        "claim_reviewed": bool(claim_reviewed(claim)),
        "article_url": article is None or is_web_url(article.url or ""),
        "headline": bool(claim.review_headline.strip()),
        "reviewer": bool(claim.reviewer.strip()),
        "claimant": claimant_of(claim) is not None,
    }
    return ClaimChecklist(
        claim_id=claim.id,
        article_id=claim.article_id or 0,
        number=number,
        missing_required=tuple(key for key in REQUIRED if not present[key]),
        missing_recommended=tuple(key for key in RECOMMENDED if not present[key]),
    )


def article_checklist(
    db: Database, article_id: int, *, with_verdict_only: bool = True
) -> list[ClaimChecklist]:
    """The checklist of each of the article's claims (by default those with a verdict)."""
    article = get_article(db, article_id)
    org_name = get_setting(db, "org_name") or ""
    org_url = get_setting(db, "org_url") or ""
    return [
        claim_checklist(claim, article, org_name=org_name, org_url=org_url, number=number)
        for number, claim in enumerate(claims_of_article(db, article_id), start=1)
        if has_verdict(claim) or not with_verdict_only
    ]


def publishable_reviews(db: Database, article_id: int) -> list[dict[str, Any]]:
    """The article's ClaimReviews, every one complete; IncompleteReviews names what is missing."""
    if not (get_setting(db, "org_name") or "").strip():
        raise UserError(NO_ORGANISATION)  # one line for the whole article, not one per claim
    checks = article_checklist(db, article_id)
    if not checks:
        raise UserError(
            "no claim of article {article} has a verdict yet: nothing to publish",
            article=article_id,
        )
    incomplete = [check.refusal_line() for check in checks if not check.publishable]
    if incomplete:
        raise IncompleteReviews(incomplete)
    return article_claim_reviews(
        db,
        article_id,
        org_name=get_setting(db, "org_name") or "",
        org_url=get_setting(db, "org_url") or "",
    )


def complete_reviews(db: Database, article_id: int) -> list[dict[str, Any]]:
    """Only the article's complete ClaimReviews (for a report to embed), never an error."""
    complete = {check.claim_id for check in article_checklist(db, article_id) if check.publishable}
    if not complete:
        return []
    return article_claim_reviews(
        db,
        article_id,
        org_name=get_setting(db, "org_name") or "",
        org_url=get_setting(db, "org_url") or "",
        only=complete,
    )
