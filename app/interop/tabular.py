"""Plain claims in CSV and JSONL (text, title, verdict, url, date, language, publisher), streamed.

Files are decoded with the encoding charset-normalizer detects (UTF-8 first, since most files are),
read line by line so a million-row file never sits in memory. JSONL lines that are ClaimReview
JSON-LD (or a DataFeed) are read as such.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from charset_normalizer import from_bytes

from app.errors import UserError
from app.interop.claimreview import parse_jsonld
from app.interop.limits import InputLimitError, checked_record, loads_record
from app.interop.records import (
    BadRecord,
    ReviewRecord,
    finished,
    lenient_rating,
    primary_lang,
)

SAMPLE_BYTES = 256 * 1024
_CHAOS_TOLERANCE = 0.01
DELIMITERS = (",", ";", "\t", "|")
UNDECODABLE = re.compile("[\udc80-\udcff]")

# Accepted column names (lower-cased) for each field; the first column found wins.
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "claim", "claim_text", "claimreviewed", "claim_reviewed"),
    "title": ("title", "headline", "name", "review_title"),
    "verdict": ("verdict", "rating", "textual_rating", "textualrating", "alternatename"),
    "url": ("url", "review_url", "reviewurl"),
    "date": ("date", "date_published", "datepublished", "review_date"),
    "language": ("language", "lang", "inlanguage", "language_code"),
    "publisher": ("publisher", "publisher_name", "author", "source"),
    "publisher_site": ("publisher_site", "site"),
    "claimant": ("claimant", "speaker", "claim_author"),
    "claim_date": ("claim_date", "claimdate"),
    "rating_value": ("rating_value", "ratingvalue"),
    "best_rating": ("best_rating", "bestrating"),
    "worst_rating": ("worst_rating", "worstrating"),
}


def detect_encoding(sample: bytes, where: str) -> str:
    """The encoding of a text file from its first bytes; UserError for a binary file."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        # final=False: a sample may end in the middle of a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        pass
    else:
        if b"\x00" not in sample:
            return "utf-8"
    best = from_bytes(sample).best()
    if best is None or b"\x00" in sample:
        raise UserError(f"{where}: not a text file")
    # Short Western texts read "cleanly" in several 8-bit code pages (iso8859_10 turns « into
    # Ŧ); when Windows-1252, by far the most common of them, reads as cleanly, it wins.
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos + _CHAOS_TOLERANCE:
        return "cp1252"
    return best.encoding


def open_text(path: Path) -> TextIO:
    """The file opened for reading as text in its detected encoding (caller closes it)."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
        encoding = detect_encoding(sample, str(path))
        # Undecodable bytes become lone surrogates, caught per row/line (UNDECODABLE), so one
        # bad byte costs one record, not the rest of the file.
        return path.open(encoding=encoding, errors="surrogateescape", newline="")
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from exc


def read_text(path: Path) -> str:
    with open_text(path) as handle:
        return _read_all(handle, path)


def _read_all(handle: TextIO, path: Path) -> str:
    text = handle.read()
    bad = UNDECODABLE.search(text)
    if bad:
        raise UserError(f"{path}: undecodable bytes at character {bad.start()} ({handle.encoding})")
    return text


def iter_csv(path: Path) -> Iterator[ReviewRecord | BadRecord]:
    """Records from a CSV/TSV file with a header row; the delimiter is sniffed."""
    with open_text(path) as handle:
        header = handle.readline()
        handle.seek(0)
        reader = csv.DictReader(handle, delimiter=_delimiter(header))
        columns = _column_map(list(reader.fieldnames or []))
        if "text" not in columns:
            raise UserError(f"{path}: no claim text column (expected one of: text, claim)")
        rows = iter(reader)
        index = -1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                # A field over the csv module's limit, a NUL: this row is lost, the next reads.
                index += 1
                yield BadRecord(f"{path}#{index}", f"unreadable CSV ({exc})")
                continue
            index += 1
            fields = {name: row.get(column) for name, column in columns.items()}
            if any(UNDECODABLE.search(str(v)) for v in fields.values() if v):
                yield BadRecord(f"{path}#{index}", f"undecodable bytes ({handle.encoding})")
                continue
            where = f"{path}#{index}"
            yield checked_record(plain_record(fields, where), where, surrogates=False)


def _delimiter(header: str) -> str:
    """The separator the header row uses most (csv.Sniffer guesses wrong on quoted commas)."""
    return max(DELIMITERS, key=header.count)


@lru_cache(maxsize=64)
def _cached_column_map(keys: tuple[str, ...]) -> dict[str, str]:
    """JSONL lines of one file almost always share their keys: map them once."""
    return _column_map(list(keys))


def _column_map(fieldnames: list[str]) -> dict[str, str]:
    lowered = {name.strip().lower().lstrip("\ufeff"): name for name in fieldnames if name}
    found: dict[str, str] = {}
    for field, aliases in COLUMNS.items():
        column = next((lowered[a] for a in aliases if a in lowered), None)
        if column is not None:
            found[field] = column
    return found


def iter_jsonl(path: Path) -> Iterator[ReviewRecord | BadRecord]:
    """Records from JSON Lines: plain claim objects, or ClaimReview JSON-LD, one per line."""
    with open_text(path) as handle:
        yield from jsonl_records(handle, path, handle.encoding)


def jsonl_records(
    lines: Iterable[str], path: Path | str, encoding: str, first: int = 1
) -> Iterator[ReviewRecord | BadRecord]:
    """Records from lines of a JSON Lines file (numbered from *first*) decoded as *encoding*:
    the whole file, or a chunk of it read elsewhere (import worker processes get chunks)."""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        if UNDECODABLE.search(line):
            yield BadRecord(where, f"undecodable bytes ({encoding})")
            continue
        try:
            # Lone surrogates are refused here, for the whole line: the checks below need
            # only look at sizes.
            data = loads_record(line)
        except json.JSONDecodeError as exc:
            yield BadRecord(where, f"invalid JSON ({exc.msg})")
            continue
        except InputLimitError as exc:
            yield BadRecord(where, str(exc))
            continue
        if isinstance(data, dict) and ("@type" in data or "claimReviewed" in data):
            for record in _ld_or_bad(data, where):
                yield checked_record(record, where, surrogates=False)
        elif isinstance(data, dict):
            columns = _cached_column_map(tuple(data))
            record = plain_record({k: data[c] for k, c in columns.items()}, where)
            yield checked_record(record, where, surrogates=False)
        else:
            yield BadRecord(where, "not a JSON object")


def _ld_or_bad(data: dict[str, Any], where: str) -> Iterator[ReviewRecord | BadRecord]:
    found = False
    for record in parse_jsonld(data, where):
        found = True
        yield record
    if not found:
        yield BadRecord(where, "no ClaimReview in this object")


def plain_record(fields: dict[str, Any], where: str) -> ReviewRecord | BadRecord:
    """A plain claim → record; *fields* is keyed by the canonical names of COLUMNS."""
    # Hot path (a million rows at import): only the fields present are cleaned.
    cells = {name: _cell(value) for name, value in fields.items() if value is not None}
    text = cells.get("text")
    if not text:
        return BadRecord(where, "no claim text")
    warning = None
    if "rating_value" in cells or "best_rating" in cells or "worst_rating" in cells:
        value, best, worst, warning = lenient_rating(
            cells.get("rating_value", ""),
            cells.get("best_rating", ""),
            cells.get("worst_rating", ""),
            where,
        )
    else:
        value = best = worst = None
    record = ReviewRecord(
        claim_text=text,
        title=cells.get("title", ""),
        claimant=cells.get("claimant") or None,
        claim_date=cells.get("claim_date") or None,
        review_url=cells.get("url") or None,
        publisher=cells.get("publisher", ""),
        publisher_site=cells.get("publisher_site") or None,
        date_published=cells.get("date") or None,
        textual_rating=cells.get("verdict", ""),
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        lang=primary_lang(fields.get("language")),
        warnings=(warning,) if warning else (),
    )
    return finished(record, where)


def _cell(value: object) -> str:
    if type(value) is str:
        return " ".join(value.split())
    if value is None or isinstance(value, dict | list):
        return ""
    return " ".join(str(value).split())
