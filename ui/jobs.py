"""The window's background jobs: ``app.workflows`` as ``TaskRunner`` runs them.

Each job takes the worker's own archive connection and a ``Progress`` token and returns
plain records; none touches a widget. Opening, matching, exporting and importing are the
core's workflows, the same functions `crible check`, `crible export` and `crible import`
call; only what the window alone does (warming the matcher, saving a source's page) is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from app.domain import Claim
from app.storage import claims as claims_store
from app.text.article_limit import MAX_ARTICLE_BYTES
from app.workflows import articles, matching
from app.workflows.articles import ArticleBundle, Mark, load_article, marks_for
from app.workflows.exporting import EXPORT_SUFFIXES, export_article
from app.workflows.importing import import_factchecks
from app.workflows.matching import MATCH_LIMIT, ClaimQuery, MatchResults, decisions_of
from app.workflows.progress import Progress

__all__ = [
    "EXPORT_SUFFIXES",
    "MATCH_LIMIT",
    "ArticleBundle",
    "Mark",
    "MatchResults",
    "archive_source",
    "decisions_of",
    "export_article",
    "import_article",
    "import_factchecks",
    "import_text",
    "load_article",
    "marks_for",
    "match_claims",
    "warm_matcher",
]


def import_article(db: Database, progress: Progress, source: str) -> ArticleBundle:
    """Read a file or URL, split it into claims and store it (or reopen the same text); one
    past what a checker can read (``MAX_ARTICLE_BYTES``) is refused in one line."""
    return articles.open_article(db, progress, source, max_bytes=MAX_ARTICLE_BYTES)


def import_text(db: Database, progress: Progress, text: str) -> ArticleBundle:
    """A pasted article: same as a file, without the reading."""
    return articles.open_text(db, progress, text, max_bytes=MAX_ARTICLE_BYTES)


ClaimRef = int | Claim | ClaimQuery | tuple[Any, ...]


def match_claims(
    db: Database, progress: Progress, claims: Sequence[ClaimRef], article_id: int | None
) -> MatchResults:
    """Earlier checks for the given claims (ids, stored claims, or ``(id, …)`` tuples), in
    the given order: each is searched as stored, speaker included, as `crible check` does."""
    ids = [_claim_id(ref) for ref in claims if not isinstance(ref, ClaimQuery)]
    stored = claims_store.get_claims(db, ids)
    queries = [
        ref if isinstance(ref, ClaimQuery) else matching.query_for(stored[_claim_id(ref)])
        for ref in claims
        if isinstance(ref, ClaimQuery) or _claim_id(ref) in stored  # deleted meanwhile: skipped
    ]
    return matching.match_claims(db, progress, queries, article_id, limit=MATCH_LIMIT)


def _claim_id(ref: ClaimRef) -> int:
    if isinstance(ref, Claim):
        return int(ref.id)
    if isinstance(ref, tuple):
        return int(ref[0])
    assert not isinstance(ref, ClaimQuery)
    return int(ref)


# The window warms the matcher's shared cache, in the background, for archives of at least
# this many claims. Measured (an article of 15 claims, BENCHMARKS "### Speed"): at 1M the next
# article takes 0.2-0.3 s instead of 0.7 s, at 300k 0.14-0.19 s instead of 0.25 s; at 100k
# the gain is within noise (0.10-0.15 s against 0.11-0.17 s).
WARM_MIN_CLAIMS = 250_000
# How long a warm-up waits, between terms, for a matching job to end (seconds).
WARM_PAUSE = 0.02


def warm_matcher(db: Database, progress: Any, min_docs: int | None = None) -> int:
    """Load ahead, into the cache every Matcher of this archive shares, what matching would
    load article after article (the terms held by at least *min_docs* claims, by default the
    matcher's own threshold); steps aside while a matching job runs. Returns the terms."""
    from app.matching import Matcher
    from app.matching.matcher import WARM_MIN_DOCS

    return Matcher(db).warm(
        WARM_MIN_DOCS if min_docs is None else min_docs,
        cancelled=lambda: progress.cancelled,
        pause=WARM_PAUSE,
    )


def build_claim_vectors(db: Database, progress: Any) -> int:
    """The semantic channel's missing claim vectors (after an import, after edits), in small
    batches that step aside for the window; nothing without the model package."""
    from app.matching.semantic import default_encoder
    from app.matching.vector_build import build_vectors

    encoder = default_encoder()
    if encoder is None:
        return 0
    return build_vectors(db, encoder, cancelled=lambda: progress.cancelled, pause=WARM_PAUSE)


def archive_source(db: Database, progress: Any, source_id: int) -> Any:
    """Keep a local text snapshot of a source's page, then save it on the Wayback Machine.

    Returns ``app.interop.snapshot.Preserved``: each half succeeds or fails on its own.
    """
    from app import secrets
    from app.interop.snapshot import preserve_source

    return preserve_source(
        db,
        source_id,
        access_key=secrets.get_secret(secrets.WAYBACK_ACCESS_KEY),
        secret_key=secrets.get_secret(secrets.WAYBACK_SECRET_KEY),
        cancelled=lambda: progress.cancelled,
    )
