"""Importing earlier fact-checks: files from the disk, or results of an online search."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from app.workflows.progress import Progress

if TYPE_CHECKING:  # the importer loads slowly: imported when an import starts
    from app.interop.importer import ImportReport


def import_files(
    db: Database,
    progress: Progress,
    paths: Sequence[str | Path],
    *,
    batch_size: int = 1000,
    workers: int | None = None,
) -> ImportReport:
    """Every file into the archive, one transaction per batch (see ``import_paths``);
    a cancel stops between batches and keeps those already written."""
    from app.interop.importer import import_paths

    return import_paths(
        db,
        [Path(p) for p in paths],
        progress=lambda done, total: progress.report(done, total, ""),
        cancelled=lambda: progress.cancelled,
        batch_size=batch_size,
        workers=workers,
    )


def import_factchecks(db: Database, progress: Progress, results: Sequence[Any]) -> ImportReport:
    """Fact-checks found with Google Fact Check Tools, stored as archive entries."""
    from app.interop.factcheck_api import to_review_records
    from app.interop.importer import import_records

    return import_records(
        db,
        to_review_records(list(results)),
        progress=lambda done, total: progress.report(done, total, ""),
        cancelled=lambda: progress.cancelled,
    )
