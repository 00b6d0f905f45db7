"""Files of earlier fact-checks → the archive: shape detection, batching, progress, a report.

A pure function with a progress callback and a cancel check (no Qt), so the GUI runs it in a
worker and the CLI in the foreground. One transaction per batch: a cancelled or failing import
keeps the batches already written, and a bad record never stops the others.
"""

from __future__ import annotations

import json
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
    PreparedReviews,
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

    def to_json(self) -> dict[str, object]:
        errors = list(self.errors)
        if self._more_errors:
            errors.append(f"… and {self._more_errors} more errors")
        return {"imported": self.imported, "skipped": self.skipped, "errors": errors}


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
    only the calling thread touches *db*.
    """
    report = report if report is not None else ImportReport()
    if total is None:
        total = len(records) if hasattr(records, "__len__") else 0  # type: ignore[arg-type]
    done = 0
    iterator = iter(records)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crible-import") as helper:
        upcoming = helper.submit(_read_batch, iterator, batch_size, report)
        while True:
            batch = upcoming.result()
            if not batch.size:
                break
            if cancelled and cancelled():
                report.cancelled = True
                break
            upcoming = helper.submit(_read_batch, iterator, batch_size, report)
            _store_batch(db, batch, report)
            done += batch.size
            if progress:
                progress(done, max(total, done) if total else 0)
    return report


@dataclass(frozen=True, slots=True)
class _Batch:
    size: int
    bad: int
    prepared: PreparedReviews


def _read_batch(iterator: Iterator[Item], batch_size: int, report: ImportReport) -> _Batch:
    """Runs in the helper thread, which alone adds errors: they stay in reading order."""
    chunk = list(islice(iterator, batch_size))
    good = [item for item in chunk if isinstance(item, ReviewRecord)]
    bad = [item for item in chunk if isinstance(item, BadRecord)]
    for item in bad:
        report.add_error(item.message())
    return _Batch(len(chunk), len(bad), prepare_archive_reviews(good))


def _store_batch(db: Database, batch: _Batch, report: ImportReport) -> None:
    added = store_archive_reviews(db, batch.prepared)
    report.imported += added.added
    report.skipped += added.duplicates + batch.bad


def import_paths(
    db: Database,
    paths: list[Path],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    batch_size: int = 1000,
) -> ImportReport:
    """Import every file; a file that cannot be read is an error line, the others go on.

    ``report.files_read`` says how many files could be read (the CLI exits 2 when none).
    ``progress`` gets records done and an estimated total (the last call has done == total).
    """
    report = ImportReport()
    estimate = sum(_estimate_records(Path(p)) for p in paths)
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


def _records_of(paths: list[Path], report: ImportReport) -> Iterator[Item]:
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
            report.add_error(str(exc))
            if found:
                report.files_read += 1
            continue
        if found:
            report.files_read += 1
        else:
            report.add_error(f"{path}: no fact-checks found")


def read_records(path: Path) -> Iterator[Item]:
    """The records of one file, whatever its shape; UserError when the file cannot be read."""
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a file")
    kind = _kind(path)
    if kind == "csv":
        yield from iter_csv(path)
    elif kind == "jsonl":
        yield from iter_jsonl(path)
    elif kind == "html":
        yield from parse_html(read_text(path), str(path))
    else:
        yield from _json_records(path)


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
