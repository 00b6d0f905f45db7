"""The worker-process pool for large imports: workers parse and normalise, this process writes.

``importer.import_paths`` calls :func:`import_pooled` when the files hold at least
``POOL_MIN_RECORDS`` records. Workers are started with ``spawn``, so every function a worker
runs (``_prepare_lines``, ``_prepare_items``, ``_end_with_parent``) lives at this module's top
level. It shares batches with ``importer`` through ``import_batches`` (no import cycle).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from app.errors import UserError
from app.interop.import_batches import (
    Batch,
    BatchWriter,
    Cancelled,
    ImportReport,
    Item,
    Progress,
    prepare_batch,
)
from app.interop.record_files import checked_kind, read_records
from app.interop.tabular import jsonl_records, open_text
from app.storage.reviews import KnownKeys, bulk_writes, known_keys_reader, prepare_archive_reviews

# Chunks handed out ahead of the writer, per worker: enough to keep every worker busy.
_AHEAD_PER_WORKER = 2


def import_pooled(
    db: Database,
    paths: list[Path],
    report: ImportReport,
    progress: Progress | None,
    cancelled: Cancelled | None,
    batch_size: int,
    total: int,
    workers: int,
) -> None:
    """Worker processes parse, key and normalise chunks of records; this process only writes,
    one transaction per chunk, in reading order (so errors and progress keep their order).

    Processes are started with ``spawn`` (never ``fork``: the GUI imports from a Qt thread,
    and a forked copy of a threaded process can deadlock). JSON Lines files are read here in
    chunks of lines and parsed in the workers; other shapes are parsed here and only
    normalised there.
    """
    writer = BatchWriter(db, report, progress, cancelled, total)
    known = known_keys_reader(db)
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[Batch]] = deque()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_end_with_parent
    )
    try:
        with bulk_writes(db):
            _feed_pool(pool, writer, pending, _jobs(paths, report, batch_size), known, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _feed_pool(
    pool: ProcessPoolExecutor,
    writer: BatchWriter,
    pending: deque[Future[Batch]],
    jobs: Iterator[Job],
    known: KnownKeys | None,
    workers: int,
) -> None:
    for job in jobs:
        if isinstance(job, Batch):
            ready: Future[Batch] = Future()
            ready.set_result(job)
            pending.append(ready)
        else:
            task: Callable[..., Batch] = job[0]
            pending.append(pool.submit(task, *job[1:], known))
        while len(pending) > _AHEAD_PER_WORKER * workers:
            if not _write_next(writer, pending):
                return
    while pending:
        if not _write_next(writer, pending):
            return


def _write_next(writer: BatchWriter, pending: deque[Future[Batch]]) -> bool:
    """Store the oldest chunk; False when the import was cancelled (nothing more is stored)."""
    batch = pending.popleft().result()
    if writer.stopped():
        return False
    writer.store(batch)
    return True


Job = tuple[Any, ...] | Batch


def _jobs(paths: list[Path], report: ImportReport, batch_size: int) -> Iterator[Job]:
    """What the workers are to do, file by file, in order; a file error is a ready batch."""
    for path in paths:
        found = False
        try:
            if checked_kind(path) == "jsonl":
                with open_text(path) as handle:
                    first = 1
                    while lines := list(islice(handle, batch_size)):
                        found = found or any(line.strip() for line in lines)
                        yield (_prepare_lines, str(path), first, lines, handle.encoding)
                        first += len(lines)
            else:
                records = read_records(path)
                while chunk := list(islice(records, batch_size)):
                    found = True
                    yield (_prepare_items, chunk)
        except UserError as exc:
            yield _error_batch(str(exc))
            if found:
                report.files_read += 1
            continue
        if found:
            report.files_read += 1
        else:
            yield _error_batch(f"{path}: no fact-checks found")


def _error_batch(message: str) -> Batch:
    return Batch(0, [message], 0, prepare_archive_reviews([]))


def _prepare_lines(
    path: str, first: int, lines: list[str], encoding: str, known: KnownKeys | None
) -> Batch:
    """In a worker process: a chunk of JSON Lines → a prepared batch."""
    return prepare_batch(list(jsonl_records(lines, path, encoding, first)), _kept(known))


def _prepare_items(chunk: list[Item], known: KnownKeys | None) -> Batch:
    """In a worker process: records parsed by the main process → a prepared batch."""
    return prepare_batch(chunk, _kept(known))


def _end_with_parent() -> None:
    """In a worker process: exit as soon as the importing process is gone (killed, say).
    A pool worker would otherwise wait forever on its task queue (it holds both ends)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="crible-import-parent", daemon=True).start()


# In a worker process: its key reader for the whole import (one connection, its cache warm),
# whatever copy each task brought. Closed when the worker process ends.
_WORKER_READERS: dict[object, KnownKeys] = {}


def _kept(known: KnownKeys | None) -> KnownKeys | None:
    if known is None:
        return None
    key = getattr(known, "path", None)
    return _WORKER_READERS.setdefault(key, known) if key is not None else known
