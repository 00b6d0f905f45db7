"""Import batches, shared by in-process and pooled imports: the report, one prepared batch
of records, and the writer that stores batches one transaction each, in reading order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.interop.records import BadRecord, ReviewRecord
from app.storage.reviews import (
    KnownKeys,
    PreparedReviews,
    prepare_archive_reviews,
    store_archive_reviews,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Item = ReviewRecord | BadRecord

# The report keeps this many messages; past it, one line says how many more there were.
MAX_ERRORS = 1000


@dataclass
class ImportReport:
    """What an import did. ``skipped`` counts every record not imported: already in the
    archive, or bad (each bad one also has a line in ``errors``, with file and index)."""

    imported: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    files_read: int = 0
    cancelled: bool = False
    _more_errors: int = 0

    def add_error(self, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)
        else:
            self._more_errors += 1

    def to_json(self) -> dict[str, Any]:
        errors = list(self.errors)
        if self._more_errors:
            errors.append(f"… and {self._more_errors} more errors")
        return {"imported": self.imported, "skipped": self.skipped, "errors": errors}


@dataclass(frozen=True, slots=True)
class Batch:
    """One transaction's worth: how many records were read, the bad ones' messages (in
    reading order) and the good ones prepared for storage."""

    size: int
    errors: list[str]
    bad: int
    prepared: PreparedReviews


class BatchWriter:
    """The calling thread's side: errors in order, one transaction per batch, progress."""

    def __init__(
        self,
        db: Database,
        report: ImportReport,
        progress: Progress | None,
        cancelled: Cancelled | None,
        total: int,
    ) -> None:
        self.db, self.report, self.progress, self.cancelled = db, report, progress, cancelled
        self.total = total
        self.done = 0

    def stopped(self) -> bool:
        if self.cancelled and self.cancelled():
            self.report.cancelled = True
        return self.report.cancelled

    def store(self, batch: Batch) -> None:
        for message in batch.errors:
            self.report.add_error(message)
        added = store_archive_reviews(self.db, batch.prepared)
        self.report.imported += added.added
        self.report.skipped += added.duplicates + batch.bad
        self.done += batch.size
        if self.progress:
            self.progress(self.done, max(self.total, self.done) if self.total else 0)


def prepare_batch(chunk: Sequence[Item | FileError], known: KnownKeys | None) -> Batch:
    good = [item for item in chunk if isinstance(item, ReviewRecord)]
    errors = [item.message() for item in chunk if not isinstance(item, ReviewRecord)]
    bad = sum(isinstance(item, BadRecord) for item in chunk)
    size = len(good) + bad
    return Batch(size, errors, bad, prepare_archive_reviews(good, known))


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be read (or not to its end): reported in reading order, but
    neither a record nor a skip."""

    text: str

    def message(self) -> str:
        return self.text
