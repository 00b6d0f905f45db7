"""The open article as the window holds it: the article, its claims, their earlier checks and
which claim to select next. Plain data with no Qt, so one object owns every write to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain import Article, Claim
from ui.jobs import ArticleBundle, MatchResults

TIER_RANK = {"match": 2, "related": 1}


@dataclass
class OpenArticle:
    """What is on screen. ``pending_select`` is the claim to select once the claims are shown
    again (after a split, merge, delete or new claim); ``auto_selected`` the claim the window
    chose itself, which the earlier checks may still improve on; ``open_on_claim`` (1-based)
    the claim to select when an article opens (``crible gui --claim N``)."""

    article: Article | None = None
    claims: list[Claim] = field(default_factory=list)
    results: MatchResults = field(default_factory=MatchResults)
    pending_select: int | None = None
    auto_selected: int | None = None
    open_on_claim: int | None = None

    def show(self, bundle: ArticleBundle) -> tuple[bool, int | None]:
        """Take a loaded article; returns (the same article as before, the claim to select)."""
        same = self.article is not None and self.article.id == bundle.article.id
        self.article = bundle.article
        self.claims = list(bundle.claims)
        if not same:
            self.results = MatchResults()
        keep, self.pending_select, self.auto_selected = self.pending_select, None, None
        if not same and self.open_on_claim is not None and self.claims:
            keep = int(self.claims[min(self.open_on_claim, len(self.claims)) - 1].id)
        if keep is None and not same and self.claims:
            # Refined once the earlier checks are known (``best_matched_claim``).
            keep = self.auto_selected = first_to_check(self.claims)
        return same, keep

    def claim(self, claim_id: int | None) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)

    def number_of(self, claim_id: int) -> int | None:
        """The claim's 1-based position in the article, as the claims table shows it."""
        ids = [int(c.id) for c in self.claims]
        return ids.index(claim_id) + 1 if claim_id in ids else None

    def replace_claim(self, claim: Claim) -> Claim | None:
        """Put an edited claim in place; returns it as it was (None: not this article's)."""
        before = self.claim(int(claim.id))
        self.claims = [claim if c.id == claim.id else c for c in self.claims]
        return before

    def next_of(self, claim_id: int) -> Claim | None:
        position = [int(c.id) for c in self.claims].index(claim_id)
        return self.claims[position + 1] if position + 1 < len(self.claims) else None

    def same_span(self, start: int, end: int) -> Claim | None:
        return next((c for c in self.claims if (c.start, c.end) == (start, end)), None)

    def neighbour(self, removed: set[int]) -> int | None:
        """The claim to select once ``removed`` are gone: the next one, else the previous."""
        positions = [i for i, claim in enumerate(self.claims) if claim.id in removed]
        if not positions:
            return None
        after = [c for c in self.claims[positions[-1] + 1 :] if c.id not in removed]
        before = [c for c in self.claims[: positions[0]] if c.id not in removed]
        if after:
            return int(after[0].id)
        return int(before[-1].id) if before else None

    def take_auto_selected(self) -> int | None:
        auto, self.auto_selected = self.auto_selected, None
        return auto


def first_to_check(claims: list[Claim]) -> int:
    """Open on the claim the checker is most likely to want first: the most check-worthy
    one still to check (the earliest of equals), else the most check-worthy."""
    todo = [c for c in claims if c.status == "to_check"] or claims
    return int(max(todo, key=lambda c: c.checkworthiness or 0.0).id)


def best_matched(claims: list[Claim], best: dict[int, tuple[str, float]]) -> int | None:
    """The claim whose earlier check is strongest (tier, then score), given each claim's
    best ``(tier, score)``; None when no claim has a match or related check."""
    ranked = [
        (TIER_RANK[tier], score, -i, int(c.id))
        for i, c in enumerate(claims)
        if (found := best.get(int(c.id))) is not None
        for tier, score in [found]
        if tier in TIER_RANK
    ]
    return max(ranked)[3] if ranked else None
