"""Files of fact-checks → records: the shape of a file (by suffix, else sniffed), its
records, and a cheap estimate of how many it holds (for progress)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from app.errors import UserError
from app.interop.claimreview import parse_html, parse_jsonld
from app.interop.import_batches import Item
from app.interop.limits import loads_document, may_hold_surrogates
from app.interop.records import BadRecord
from app.interop.tabular import SAMPLE_BYTES, iter_csv, iter_jsonl, read_text

JSON_SUFFIXES = {".json", ".jsonld", ".json-ld"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_records(path: Path) -> Iterator[Item]:
    """The records of one file, whatever its shape; UserError when the file cannot be read."""
    kind = checked_kind(path)
    if kind == "csv":
        yield from iter_csv(path)
    elif kind == "jsonl":
        yield from iter_jsonl(path)
    elif kind == "html":
        yield from parse_html(read_text(path), str(path))
    else:
        yield from _json_records(path)


def checked_kind(path: Path) -> str:
    if not path.exists():
        raise UserError(f"{path}: no such file")
    if path.is_dir():
        raise UserError(f"{path}: is a folder, not a file")
    return _kind(path)


def _json_records(path: Path) -> Iterator[Item]:
    text = read_text(path)
    try:
        data, cut = loads_document(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            # Several JSON values one per line: JSON Lines under a .json name.
            yield from iter_jsonl(path)
            return
        raise UserError(f"{path}: invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    if cut:
        yield BadRecord(str(path), cut)
    yield from parse_jsonld(data, str(path), surrogates=may_hold_surrogates(text))


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


def estimate_records(path: Path) -> int:
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
