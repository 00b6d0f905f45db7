"""The workbench's background jobs: plain functions run by ``TaskRunner`` in worker threads.

Each takes the worker's own archive connection and a ``Progress`` token, and returns
plain records; none touches a widget. They call only ``app`` (intake, claims, matching,
storage), so the same work could run from the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.domain import Article, Claim
from app.storage import articles as articles_store
from app.storage import claims as claims_store
from app.storage import links as links_store

MATCH_LIMIT = 8
# The elements worth pointing at in the text; names and attributions would drown them.
MARKED_KINDS = frozenset({"number", "quantity", "date", "quote"})


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to point out inside a claim, in article offsets: a number, a date, a quote…"""

    kind: str
    start: int
    end: int
    loaded: bool = False


@dataclass(frozen=True, slots=True)
class ArticleBundle:
    """An article ready to show: its claims and the marks inside them."""

    article: Article
    claims: tuple[Claim, ...]
    marks: tuple[Mark, ...] = ()
    created: bool = False


@dataclass(frozen=True, slots=True)
class MatchResults:
    """Earlier checks per claim id, with the checker's decisions (claim id → other → kind)."""

    matches: dict[int, list[Any]] = field(default_factory=dict)
    decisions: dict[int, dict[int, str]] = field(default_factory=dict)
    archive_size: int = 0  # claims in the archive searched (the window warms large ones)


def marks_for(
    text: str,
    claims: list[Claim] | tuple[Claim, ...],
    lang: str | None,
    check: Callable[[], None] | None = None,
) -> list[Mark]:
    """Checkable elements and loaded words inside each claim, recomputed from the text.

    They are not stored: ``describe_span`` is cheap and always agrees with the analyser.
    *check()* is called every 100 claims (a cancelled job raises there).
    """
    from app.text.claims import describe_span

    marks: list[Mark] = []
    for number, claim in enumerate(claims):
        if check is not None and number % 100 == 0:
            check()
        if claim.start is None or claim.end is None:
            continue
        candidate = describe_span(text, claim.start, claim.end, lang or "fr")
        marks.extend(
            Mark(e.kind, e.start, e.end) for e in candidate.elements if e.kind in MARKED_KINDS
        )
        marks.extend(Mark(e.kind, e.start, e.end, loaded=True) for e in candidate.loaded)
    return marks


def load_article(db: Database, progress: Any, article_id: int) -> ArticleBundle:
    """A stored article; one stored without claims (the demo) is analysed first."""
    article = articles_store.get_article(db, article_id)
    progress.report(0, 2, "")
    claims = claims_store.claims_of_article(db, article_id)
    if not claims:
        from app.text.claims import analyse

        analysis = analyse(article.text, article.lang)
        claims = claims_store.add_article_claims(db, article_id, analysis.claims)
    progress.report(1, 2, "")
    marks = marks_for(article.text, claims, article.lang)
    return ArticleBundle(article, tuple(claims), tuple(marks))


def import_article(db: Database, progress: Any, source: str) -> ArticleBundle:
    """Read a file or URL, split it into claims and store it (or reopen the same text)."""
    from app.intake import load
    from app.text.claims import analyse

    progress.report(0, 3, "")
    draft = load(source)
    progress.report(1, 3, "")
    return _store_draft(db, progress, draft, analyse)


def import_text(db: Database, progress: Any, text: str) -> ArticleBundle:
    """A pasted article: same as a file, without the reading."""
    from app.intake import from_text
    from app.text.claims import analyse

    progress.report(0, 3, "")
    return _store_draft(db, progress, from_text(text), analyse)


def _store_draft(db: Database, progress: Any, draft: Any, analyse: Any) -> ArticleBundle:
    from app.text.article_limit import check_readable, short_name

    same = _same_article(db, draft.text)
    if same is not None:
        return load_article(db, progress, same)
    check_readable(draft.text, short_name(draft.title or "", draft.text))
    # Reported (and so cancellable) every few hundred sentences, not once at the end.
    analysis = analyse(draft.text, draft.lang, on_batch=lambda _done, _all: progress.report(1, 3))
    progress.report(2, 3, "")
    article, claims = claims_store.save_article_with_claims(
        db,
        text=draft.text,
        claims=analysis.claims,
        title=draft.title or "",
        url=draft.url,
        outlet=draft.outlet,
        author=draft.author,
        published=draft.published,
        lang=draft.lang,
        origin=draft.origin,
    )
    marks = marks_for(article.text, claims, article.lang, progress.check)
    return ArticleBundle(article, tuple(claims), tuple(marks), created=True)


def _same_article(db: Database, text: str) -> int | None:
    """Opening the same file twice reopens the work already done on it."""
    for article in articles_store.list_articles(db, limit=50):
        if article.text == text:
            return int(article.id)
    return None


def match_claims(
    db: Database, progress: Any, claims: list[tuple[int, str, str | None]], article_id: int | None
) -> MatchResults:
    """Earlier checks for each (claim id, text, lang), most check-worthy first by the caller."""
    from app.matching import Matcher

    matcher = Matcher(db)  # what the archive's last Matcher (or the warm-up) loaded is shared
    results = MatchResults(archive_size=matcher.size)
    with matcher.busy():  # a warm-up running meanwhile steps aside
        for done, (claim_id, text, lang) in enumerate(claims):
            progress.report(done, len(claims), "")
            found = matcher.match(text, lang=lang, limit=MATCH_LIMIT, exclude_article_id=article_id)
            results.matches[claim_id] = [m for m in found if int(m.claim_id) != claim_id]
            results.decisions[claim_id] = decisions_of(db, claim_id)
    progress.report(len(claims), len(claims), "")
    return results


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


def decisions_of(db: Database, claim_id: int) -> dict[int, str]:
    return {
        int(link.other_claim_id): link.kind for link in links_store.links_of_claim(db, claim_id)
    }


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


def import_factchecks(db: Database, progress: Any, results: list[Any]) -> Any:
    """Store fact-checks found with Google Fact Check Tools as archive entries."""
    from app.interop.factcheck_api import to_review_records
    from app.interop.importer import import_records

    records = to_review_records(results)
    return import_records(
        db,
        records,
        progress=lambda done, total: progress.report(done, total, ""),
        cancelled=lambda: progress.cancelled,
    )


EXPORT_SUFFIXES = {
    "markdown": ".md",
    "html": ".html",
    "claimreview": ".jsonld",
    "csv": ".csv",
    "json": ".json",
}


def export_article(
    db: Database, progress: Any, article_id: int, fmt: str, target: str, lang: str | None = None
) -> str:
    """Write an article's check as a report or ClaimReview; the file appears whole or not at all."""
    import os
    import tempfile
    from pathlib import Path

    from app.errors import UserError
    from app.interop import reports

    text = reports.render(db, article_id, fmt, lang=lang)  # the same file as `crible export`
    progress.check()
    path = Path(target)
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except OSError as exc:
        raise UserError(
            "cannot write {path}: {reason}", path=path, reason=exc.strerror or exc
        ) from exc
    return str(path)
