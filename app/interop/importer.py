"""Files of earlier fact-checks → the archive: batching, progress, a report.

A pure function with a progress callback and a cancel check (no Qt), so the GUI runs it in a
worker and the CLI in the foreground. One transaction per batch: a cancelled or failing import
keeps the batches already written, and a bad record never stops the others. Batches and the
report are in ``import_batches``, file shapes in ``record_files``, the worker processes of
large imports in ``import_pool``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.interop.import_batches import (
    MAX_ERRORS,
    Batch,
    BatchWriter,
    Cancelled,
    FileError,
    ImportReport,
    Item,
    Progress,
    prepare_batch,
)
from app.interop.import_pool import import_pooled
from app.interop.record_files import estimate_records, read_records
from app.matching import index_file
from app.storage.reviews import KnownKeys, bulk_writes, known_keys_reader

__all__ = ["MAX_ERRORS", "ImportReport", "import_paths", "import_records", "read_records"]


def import_records(
    db: Database,
    records: Iterable[Item | FileError],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    batch_size: int = 1000,
    report: ImportReport | None = None,
    total: int | None = None,
) -> ImportReport:
    """Store records (BadRecords are counted and reported) in batches of one transaction each.

    ``progress(done, total)`` is called after each batch; ``total`` is the length of *records*
    when it has one, else the given estimate, else 0 (unknown). ``cancelled()`` is checked
    between batches. Reading and normalising the next batch runs in a helper thread while this
    one writes the current batch (SQLite releases the GIL), so the two overlap on two cores;
    only the calling thread touches *db* (the helper asks its own read-only connection which
    keys are known, so duplicates are not normalised for nothing).
    """
    report = report if report is not None else ImportReport()
    if total is None:
        total = len(records) if hasattr(records, "__len__") else 0  # type: ignore[arg-type]
    iterator = iter(records)
    known = known_keys_reader(db)
    writer = BatchWriter(db, report, progress, cancelled, total)
    try:
        with (
            bulk_writes(db),
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="crible-import") as helper,
        ):
            upcoming = helper.submit(_read_batch, iterator, batch_size, known)
            while True:
                batch = upcoming.result()
                if not batch.size and not batch.errors:
                    break
                if writer.stopped():
                    break
                upcoming = helper.submit(_read_batch, iterator, batch_size, known)
                writer.store(batch)
    finally:
        if known is not None:
            known.close()
    _index_for_queries(db, report)
    return report


def _index_for_queries(db: Database, report: ImportReport) -> None:
    """After claims were added to a large archive, write its query-ready index file, so that
    the next process's first query needs no FTS5 read (≈ 3.5 s CPU at 1M; nothing for an
    archive under ``index_file.MIN_CLAIMS`` or an import that added nothing)."""
    if report.imported and not report.cancelled:
        index_file.ensure(db)


def _read_batch(
    iterator: Iterator[Item | FileError], batch_size: int, known: KnownKeys | None
) -> Batch:
    return prepare_batch(list(islice(iterator, batch_size)), known)


def import_paths(
    db: Database,
    paths: list[Path],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    batch_size: int = 1000,
    workers: int | None = None,
) -> ImportReport:
    """Import every file; a file that cannot be read is an error line, the others go on.

    ``report.files_read`` says how many files could be read (the CLI exits 2 when none).
    ``progress`` gets records done and an estimated total (the last call has done == total).
    *workers*: processes that parse and normalise while this one writes; None picks one per
    core (at most ``MAX_WORKERS``) when the files hold at least ``POOL_MIN_RECORDS`` records
    (below that, starting them costs more than it saves), 0 keeps everything in this process.
    Either way the archive ends up the same, batch by batch.
    """
    report = ImportReport()
    paths = [Path(p) for p in paths]
    estimate = sum(estimate_records(p) for p in paths)
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if estimate >= POOL_MIN_RECORDS else 0
    if workers > 0:
        import_pooled(db, paths, report, progress, cancelled, batch_size, estimate, workers)
        _index_for_queries(db, report)
        return report
    import_records(
        db,
        _records_of(paths, report),
        progress=progress,
        cancelled=cancelled,
        batch_size=batch_size,
        report=report,
        total=estimate,
    )
    return report


# From this many records (estimated from the files), import_paths starts worker processes.
POOL_MIN_RECORDS = 20_000
# More workers than this cannot go faster: the one SQLite writer is then the bottleneck.
MAX_WORKERS = 3


def _records_of(paths: list[Path], report: ImportReport) -> Iterator[Item | FileError]:
    for raw_path in paths:
        path = Path(raw_path)
        found = False
        try:
            for item in read_records(path):
                found = True
                yield item
        except UserError as exc:
            # Raised before the first record (unreadable file) or mid-way (broken tail): the
            # records already read stay imported, and the file counts as read.
            yield FileError(str(exc))
            if found:
                report.files_read += 1
            continue
        if found:
            report.files_read += 1
        else:
            yield FileError(f"{path}: no fact-checks found")
