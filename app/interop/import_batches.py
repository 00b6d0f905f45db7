"""Import batches, shared by in-process and pooled imports: the report, one prepared batch
of records, and the writer that stores batches one transaction each, in reading order."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.errors import UserError
from app.interop.records import BadRecord, ReviewRecord
from app.storage.db import ArchiveReplacedError
from app.storage.integrity import environment_reason
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
    archive (``duplicates``), or bad (each bad one also has a line in ``errors``, with file and
    index). ``warnings``: what was dropped from records that were kept (a bad number, a link)."""

    imported: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    files_read: int = 0
    cancelled: bool = False
    _more_errors: int = 0
    _more_warnings: int = 0

    def add_error(self, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)
        else:
            self._more_errors += 1

    def add_warning(self, message: str) -> None:
        if len(self.warnings) < MAX_ERRORS:
            self.warnings.append(message)
        else:
            self._more_warnings += 1

    def to_json(self) -> dict[str, Any]:
        errors = list(self.errors)
        if self._more_errors:
            errors.append(f"… and {self._more_errors} more errors")
        warnings = list(self.warnings)
        if self._more_warnings:
            warnings.append(f"… and {self._more_warnings} more warnings")
        return {
            "imported": self.imported,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "errors": errors,
            "warnings": warnings,
        }


@dataclass(frozen=True, slots=True)
class Batch:
    """One transaction's worth: how many records were read, the bad ones' messages (in
    reading order) and the good ones prepared for storage."""

    size: int
    errors: list[str]
    bad: int
    prepared: PreparedReviews
    warnings: tuple[str, ...] = ()


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
        for message in batch.warnings:
            self.report.add_warning(message)
        try:
            added = store_archive_reviews(self.db, batch.prepared)
        except ArchiveReplacedError as exc:
            raise UserError(
                "the import stopped: the archive {path} was replaced (restored from a backup, or "
                "another file moved in) after {imported} records were imported; nothing more was "
                "written: import again into the archive as it is now",
                path=exc.params.get("path"),
                imported=self.report.imported,
            ) from exc
        except sqlite3.OperationalError as exc:
            # A lock that outlasted the wait, a full disk: say what the batches before saved.
            reason = environment_reason(exc)
            if reason is None:
                raise
            raise UserError(
                "the import stopped: {reason}; {imported} records were imported before it (whole "
                "batches, all sound); importing the same files again adds only the rest",
                reason=reason,
                imported=self.report.imported,
            ) from exc
        self.report.imported += added.added
        self.report.skipped += added.duplicates + batch.bad
        self.report.duplicates += added.duplicates
        self.done += batch.size
        if self.progress:
            self.progress(self.done, max(self.total, self.done) if self.total else 0)


def prepare_batch(chunk: Sequence[Item | FileError], known: KnownKeys | None) -> Batch:
    good = [item for item in chunk if isinstance(item, ReviewRecord)]
    errors = [item.message() for item in chunk if not isinstance(item, ReviewRecord)]
    bad = sum(isinstance(item, BadRecord) for item in chunk)
    size = len(good) + bad
    warnings = tuple(w for item in good for w in item.warnings)
    return Batch(size, errors, bad, prepare_archive_reviews(good, known), warnings)


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be read (or not to its end): reported in reading order, but
    neither a record nor a skip."""

    text: str

    def message(self) -> str:
        return self.text
