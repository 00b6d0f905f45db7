"""Exporting an article's check (a report or ClaimReview) to a file, whole or not at all."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from app.files import atomic_write
from app.workflows.progress import Progress

EXPORT_SUFFIXES = {
    "markdown": ".md",
    "html": ".html",
    "claimreview": ".jsonld",
    "csv": ".csv",
    "json": ".json",
}


def render_article(db: Database, article_id: int, fmt: str, lang: str | None = None) -> str:
    """The export's text: the same bytes in the window, in a file, or on stdout."""
    from app.interop import reports  # slow to load: only when exporting

    return reports.render(db, article_id, fmt, lang=lang)


def export_article(
    db: Database,
    progress: Progress,
    article_id: int,
    fmt: str,
    target: str | Path,
    lang: str | None = None,
) -> str:
    """Write the article's check in ``fmt`` to ``target``; returns the path written.

    The text is rendered whole before the file is touched, then written atomically.
    """
    text = render_article(db, article_id, fmt, lang)
    progress.check()
    return str(atomic_write(target, text))
