"""Crible's domain: plain, frozen records passed between storage, core and UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NewType

ArticleId = NewType("ArticleId", int)
ClaimId = NewType("ClaimId", int)
ReviewId = NewType("ReviewId", int)
SourceId = NewType("SourceId", int)
ClaimSourceId = NewType("ClaimSourceId", int)
ScaleId = NewType("ScaleId", int)
LevelId = NewType("LevelId", int)

ClaimStatus = Literal["to_check", "in_progress", "checked", "not_checkworthy"]
Stance = Literal["supports", "refutes", "context"]
LinkKind = Literal["same", "not_same"]
Tier = Literal["match", "related", "none"]

CLAIM_STATUSES: tuple[ClaimStatus, ...] = ("to_check", "in_progress", "checked", "not_checkworthy")
STANCES: tuple[Stance, ...] = ("supports", "refutes", "context")


@dataclass(frozen=True, slots=True)
class Article:
    id: ArticleId
    title: str
    text: str
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    origin: str = "paste"
    added_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of the desk's list of articles: what it is and how far its check went."""

    id: ArticleId
    title: str
    outlet: str | None
    url: str | None
    published: str | None
    added_at: str
    last_change: str
    claims: int
    checked: int  # claims whose status is "checked"
    worked: int  # claims beyond "to check"
    verdicts: int  # claims with a verdict


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement: a span of an article, or a standalone archive entry."""

    id: ClaimId
    text: str
    article_id: ArticleId | None = None
    start: int | None = None
    end: int | None = None
    position: int = 0
    title: str = ""
    lang: str | None = None
    origin: str = "article"
    status: ClaimStatus = "to_check"
    checkworthiness: float | None = None
    reasons: tuple[str, ...] = ()
    speaker: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    verdict_level_id: LevelId | None = None
    verdict_text: str = ""
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""
    # The team's published review (ClaimReview): the statement as reviewed when the checker
    # rewrote it (None: derived from the claim), the fact-check page, headline, reviewer, date.
    claim_reviewed: str | None = None
    review_url: str | None = None
    review_headline: str = ""
    reviewer: str = ""
    review_date: str | None = None
    statement: str = ""  # self-contained wording (app.text.statements); "" for older claims

    @property
    def statement_or_text(self) -> str:
        """What is checked, matched and published: the statement, else the exact span."""
        return self.statement or self.text


@dataclass(frozen=True, slots=True)
class Review:
    """A published verdict on a claim (imported) or the team's own, as ClaimReview knows it."""

    id: ReviewId
    claim_id: ClaimId
    publisher: str = ""
    publisher_site: str | None = None
    url: str | None = None
    date_published: str | None = None
    headline: str = ""
    textual_rating: str = ""
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    rating_norm: float | None = None
    lang: str | None = None
    origin: str = "import"
    jsonld: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    id: SourceId
    url: str
    title: str = ""
    publisher: str = ""
    published_date: str | None = None
    domain: str = ""
    archive_url: str | None = None
    snapshot_text: str | None = None
    snapshot_at: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimSource:
    """A source as evidence for one claim: its stance, the excerpt that matters."""

    id: ClaimSourceId
    claim_id: ClaimId
    source: Source
    stance: Stance = "context"
    excerpt: str = ""
    note: str = ""
    accessed_date: str | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class RatingLevel:
    id: LevelId
    scale_id: ScaleId
    position: int
    key: str
    label_fr: str
    label_en: str
    value: float | None
    color: str

    def label(self, lang: str) -> str:
        return self.label_fr if lang.startswith("fr") else self.label_en


@dataclass(frozen=True, slots=True)
class RatingScale:
    id: ScaleId
    name: str
    is_default: bool
    levels: tuple[RatingLevel, ...] = field(default=())

    @property
    def is_numeric(self) -> bool:
        return any(level.value is not None for level in self.levels)


@dataclass(frozen=True, slots=True)
class DomainRating:
    domain: str
    rating: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class ClaimLink:
    id: int
    claim_id: ClaimId
    other_claim_id: ClaimId
    kind: LinkKind
    score: float | None = None
