"""Matching an article's claims against the archive: the same query for the same claim,
whoever asks (the window or `crible check`).

A claim's query is its self-contained statement (``app.text.statements``; its text for claims
stored without one), its language, its speaker (a claim said by the same person
as an earlier check ranks higher) and no context (neighbouring text is for debate lines,
see `crible match --batch`). ``query_for`` and ``query_for_candidate`` are the only places
that decide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlite_utils import Database

from app.domain import Claim
from app.storage import links as links_store
from app.workflows.progress import Progress

if TYPE_CHECKING:  # the matcher loads slowly: imported when the window first matches
    from app.matching import Match
    from app.text.claims import ClaimCandidate

# Earlier checks listed per claim, unless the caller asks for another number.
MATCH_LIMIT = 8


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """What is searched for one claim; ``claim_id`` None for a claim not (yet) stored."""

    claim_id: int | None
    text: str
    lang: str | None
    speaker: str | None = None
    context: str | None = None


def query_for(claim: Claim) -> ClaimQuery:
    """The query of a stored claim."""
    return ClaimQuery(int(claim.id), claim.statement_or_text, claim.lang, speaker=claim.speaker)


def query_for_candidate(
    candidate: ClaimCandidate, lang: str | None, claim_id: int | None = None
) -> ClaimQuery:
    """The query of an analysed claim (the same as once it is stored)."""
    text = candidate.statement or candidate.text
    return ClaimQuery(claim_id, text, lang, speaker=candidate.speaker)


@dataclass(frozen=True, slots=True)
class MatchResults:
    """Earlier checks per query (``found``, in query order) and per stored claim id
    (``matches``), with the checker's decisions (claim id → other claim id → kind)."""

    found: list[list[Match]] = field(default_factory=list)
    matches: dict[int, list[Match]] = field(default_factory=dict)
    decisions: dict[int, dict[int, str]] = field(default_factory=dict)
    archive_size: int = 0  # claims in the archive searched (the window warms large ones)


def match_claims(
    db: Database,
    progress: Progress,
    queries: Sequence[ClaimQuery],
    article_id: int | None = None,
    *,
    limit: int = MATCH_LIMIT,
    min_score: float | None = None,
) -> MatchResults:
    """Earlier checks for each query, leaving out the claims of ``article_id`` itself."""
    from app.matching import Matcher

    matcher = Matcher(db)  # what the archive's last Matcher (or the warm-up) loaded is shared
    matcher.warm_for_batch(0, len(queries))  # hundreds of claims on a large archive: load ahead
    results = MatchResults(archive_size=matcher.size)
    with matcher.busy():  # a warm-up running meanwhile steps aside
        for done, query in enumerate(queries):
            progress.report(done, len(queries), "")
            found = matcher.match(
                query.text,
                lang=query.lang,
                limit=limit,
                min_score=min_score,
                exclude_article_id=article_id,
                exclude_claim_ids=() if query.claim_id is None else (query.claim_id,),
                speaker=query.speaker,
                context=query.context,
            )
            if query.claim_id is not None:
                results.matches[query.claim_id] = found
                results.decisions[query.claim_id] = decisions_of(db, query.claim_id)
            results.found.append(found)
    progress.report(len(queries), len(queries), "")
    return results


def decisions_of(db: Database, claim_id: int) -> dict[int, str]:
    """The checker's same / not-same decisions for a claim, by the other claim's id."""
    return {
        int(link.other_claim_id): link.kind for link in links_store.links_of_claim(db, claim_id)
    }
