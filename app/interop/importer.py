"""Files of earlier fact-checks → the archive: shape detection, batching, progress, a report.

A pure function with a progress callback and a cancel check (no Qt), so the GUI runs it in a
worker and the CLI in the foreground. One transaction per batch: a cancelled or failing import
keeps the batches already written, and a bad record never stops the others.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.interop.claimreview import parse_html, parse_jsonld
from app.interop.records import BadRecord, ReviewRecord
from app.interop.tabular import SAMPLE_BYTES, iter_csv, iter_jsonl, read_text
from app.storage.reviews import (
    KnownKeys,
    PreparedReviews,
    bulk_writes,
    known_keys_reader,
    prepare_archive_reviews,
    store_archive_reviews,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Item = ReviewRecord | BadRecord

# The report keeps this many messages; past it, one line says how many more there were.
MAX_ERRORS = 1000
JSON_SUFFIXES = {".json", ".jsonld", ".json-ld"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


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

    def to_json(self) -> dict[str, object]:
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


def import_records(
    db: Database,
    records: Iterable[Item],
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
    writer = _Writer(db, report, progress, cancelled, total)
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
    return report


@dataclass(frozen=True, slots=True)
class _Batch:
    """One transaction's worth: how many records were read, the bad ones' messages (in
    reading order) and the good ones prepared for storage."""

    size: int
    errors: list[str]
    bad: int
    prepared: PreparedReviews
    warnings: tuple[str, ...] = ()


class _Writer:
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

    def store(self, batch: _Batch) -> None:
        for message in batch.errors:
            self.report.add_error(message)
        for message in batch.warnings:
            self.report.add_warning(message)
        added = store_archive_reviews(self.db, batch.prepared)
        self.report.imported += added.added
        self.report.skipped += added.duplicates + batch.bad
        self.report.duplicates += added.duplicates
        self.done += batch.size
        if self.progress:
            self.progress(self.done, max(self.total, self.done) if self.total else 0)


def _read_batch(
    iterator: Iterator[Item | _FileError], batch_size: int, known: KnownKeys | None
) -> _Batch:
    return _prepare(list(islice(iterator, batch_size)), known)


def _prepare(chunk: list[Item | _FileError], known: KnownKeys | None) -> _Batch:
    good = [item for item in chunk if isinstance(item, ReviewRecord)]
    errors = [item.message() for item in chunk if not isinstance(item, ReviewRecord)]
    bad = sum(isinstance(item, BadRecord) for item in chunk)
    size = len(good) + bad
    warnings = tuple(w for item in good for w in item.warnings)
    return _Batch(size, errors, bad, prepare_archive_reviews(good, known), warnings)


@dataclass(frozen=True, slots=True)
class _FileError:
    """A file that could not be read (or not to its end): reported in reading order, but
    neither a record nor a skip."""

    text: str

    def message(self) -> str:
        return self.text


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
    estimate = sum(_estimate_records(p) for p in paths)
    if workers is None:
        workers = min(os.cpu_count() or 1, MAX_WORKERS) if estimate >= POOL_MIN_RECORDS else 0
    if workers > 0:
        # Imported here: the pool module imports this one (and small imports never need it).
        from app.interop.import_pool import import_pooled

        import_pooled(db, paths, report, progress, cancelled, batch_size, estimate, workers)
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


def _records_of(paths: list[Path], report: ImportReport) -> Iterator[Item | _FileError]:
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
            yield _FileError(str(exc))
            if found:
                report.files_read += 1
            continue
        if found:
            report.files_read += 1
        else:
            yield _FileError(f"{path}: no fact-checks found")


def read_records(path: Path) -> Iterator[Item]:
    """The records of one file, whatever its shape; UserError when the file cannot be read."""
    kind = _checked_kind(path)
    if kind == "csv":
        yield from iter_csv(path)
    elif kind == "jsonl":
        yield from iter_jsonl(path)
    elif kind == "html":
        yield from parse_html(read_text(path), str(path))
    else:
        yield from _json_records(path)


def _checked_kind(path: Path) -> str:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a file")
    return _kind(path)


def _json_records(path: Path) -> Iterator[Item]:
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # Several JSON values one per line: JSON Lines under a .json name.
            yield from iter_jsonl(path)
            return
        raise UserError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    yield from parse_jsonld(data, str(path))


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in LINES_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    return _sniff_kind(path)


def _sniff_kind(path: Path) -> str:
    """Unknown extension: look at the first character (after a BOM and spaces)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from exc
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"["):
        return "json"
    if start == b"<":
        return "html"
    raise UserError(f"{path}: unsupported file type (expected JSON-LD, HTML, CSV or JSONL)")


def _estimate_records(path: Path) -> int:
    """A cheap record count for progress: lines for CSV/JSONL, ClaimReview mentions otherwise."""
    try:
        size = path.stat().st_size
        needle = b"\n" if _kind(path) in ("csv", "jsonl") else b"ClaimReview"
        count = 0
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                count += chunk.count(needle)
    except (OSError, UserError):
        return 0
    return count if size else 0
