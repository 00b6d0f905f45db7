"""The query-ready index on disk: what retrieval needs, memory-mapped, never stale.

Without it a fresh process rebuilds the claims' lengths (≈ 0.4 s CPU at 1M claims), the
vocabulary (≈ 0.8 s) and each query term's postings from FTS5 before its first answer. This
file holds them, derived from the FTS index (SQLite stays the one source of truth):

- the terms, UTF-8 in a fixed-width sorted array binary-searched in place (a term longer than
  ``MAX_TERM_BYTES`` is left out and read from FTS5 as before);
- each term's postings (claim ids, int32) and the few claims holding it several times with
  their tf gain, as ``Postings`` views into the map (no copy, no cache needed);
- the claims' lengths by claim id, the misspelling look-up's vocabulary (words by length,
  letter counts) and the reference statistics (claims, average terms).

It belongs to one FTS index marker (``search.index_marker``): it is opened only when the
archive's marker is the one it was built at, otherwise it is stale and retrieval reads FTS5
as before until it is rebuilt (``build``: at the end of a large import, by ``Matcher.warm``).
It is written to a temporary file renamed over the old one (a crash leaves one or the other,
never half of one); a file that does not parse, or whose arrays do not fit together, counts
as absent.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlite_utils import Database

from app.matching.postings import Postings
from app.matching.scoring import FUZZY_MIN_LEN
from app.storage import search
from app.storage.reviews import archive_file

FORMAT = 1
MAGIC = b"CRIBLEIX"
SUFFIX = ".crible-index"
# Terms longer than this (in UTF-8) are read from FTS5 (the fixed-width array stays small).
MAX_TERM_BYTES = 48
# Archives smaller than this are not worth a file: FTS5 answers their first query in < 0.1 s.
MIN_CLAIMS = 50_000
_ALIGN = 64
# Each array's dtype (the terms' width is the file's own, checked apart).
_DTYPES = {
    "starts": "<i8",
    "ids": "<i4",
    "multi_starts": "<i8",
    "multi": "<i4",
    "gain": "<f4",
    "lengths": "<f4",
    "words": "|u1",
    "word_sizes": "<i2",
    "letters": "<i2",
}


def path_for(db: Database) -> Path | None:
    """Where *db*'s index file lives (beside the archive); None for an in-memory archive."""
    archive = archive_file(db)
    return None if archive is None else Path(archive + SUFFIX)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The misspelling look-up's words (at least FUZZY_MIN_LEN - 1 long, not starting with a
    digit), sorted by length, their lengths, and their letter counts (27 rows, see
    ``letter_counts``)."""

    words: list[str]
    sizes: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, terms: list[str]) -> Vocabulary:
        words = sorted((w for w in terms if len(w) >= FUZZY_MIN_LEN - 1), key=len)
        words = [w for w in words if not w[0].isdigit()]
        sizes = np.array([len(w) for w in words], dtype=np.int16)
        return cls(words, sizes, letter_counts(words))


def letter_counts(words: list[str]) -> np.ndarray:
    """How many of each letter a-z (and of any other character, in a 27th row) each word
    holds: one column per word."""
    counts = np.zeros((27, len(words)), dtype=np.int16)
    if not words:
        return counts
    codes = np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    letters = codes - ord("a")
    letters[(letters < 0) | (letters >= 26)] = 26
    columns = np.repeat(np.arange(len(words)), [len(w) for w in words])
    np.add.at(counts, (letters, columns), 1)
    return counts


class IndexFile:
    """An opened index file (read-only, memory-mapped). Safe to share between threads."""

    def __init__(self, marker: bytes, header: dict[str, Any], arrays: dict[str, np.ndarray]):
        self.marker = marker
        self.claims = int(header["claims"])
        self.avg_terms = float(header["avg_terms"])
        self.lengths = arrays["lengths"]
        self._terms = arrays["terms"]
        self._starts = arrays["starts"]
        self._ids = arrays["ids"]
        self._multi_starts = arrays["multi_starts"]
        self._multi = arrays["multi"]
        self._gain = arrays["gain"]
        self._words = arrays["words"]
        self._word_sizes = arrays["word_sizes"]
        self._letters = arrays["letters"]
        self._vocabulary: Vocabulary | None = None
        self._checked: dict[int, Postings] = {}
        self._lock = threading.Lock()

    def postings(self, term: str) -> Postings | None:
        """*term*'s postings (empty when no claim holds it); None when the file cannot say
        (a term too long for it): read FTS5 then."""
        key = term.encode()
        if len(key) > MAX_TERM_BYTES or b"\x00" in key:
            return None
        at = int(np.searchsorted(self._terms, key))
        if at >= len(self._terms) or self._terms[at] != key:
            return _EMPTY
        with self._lock:
            found = self._checked.get(at)
        if found is None:
            found = self._slice(at)
            with self._lock:
                self._checked[at] = found
        return found

    def _slice(self, at: int) -> Postings:
        ids = self._ids[self._starts[at] : self._starts[at + 1]]
        multi = self._multi[self._multi_starts[at] : self._multi_starts[at + 1]]
        gain = self._gain[self._multi_starts[at] : self._multi_starts[at + 1]]
        # Ids index score arrays: a damaged file must not send one out of their bounds.
        for part in (ids, multi):
            if len(part) and (int(part.min()) < 0 or int(part.max()) != int(part[-1])):
                raise ValueError("damaged index file")
        if len(multi) and len(ids) and int(multi[-1]) > int(ids[-1]):
            raise ValueError("damaged index file")
        return Postings(ids, multi, gain)

    def frequent(self, min_docs: int) -> int:
        """How many terms at least *min_docs* claims hold."""
        return int(np.count_nonzero(np.diff(self._starts) >= min_docs))

    def vocabulary(self) -> Vocabulary:
        with self._lock:
            if self._vocabulary is None:
                text = self._words.tobytes().decode()
                words = text.split("\n") if text else []
                if len(words) != len(self._word_sizes) or self._letters.shape != (
                    27,
                    len(words),
                ):
                    raise ValueError("damaged index file")
                self._vocabulary = Vocabulary(words, self._word_sizes, self._letters)
            return self._vocabulary


_EMPTY = Postings(
    np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
)


def open_index(path: Path, marker: object, fingerprint: str | None = None) -> IndexFile | None:
    """The index file at *path* when it was built at the FTS index *marker* (and, when
    given, *fingerprint*: ``search.index_fingerprint``); None when it is absent, stale or
    does not parse."""
    if not isinstance(marker, bytes):
        return None  # inside a transaction: the archive holds writes the file cannot know
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    try:
        header, start = _header(mapped)
        if header.get("format") != FORMAT or header.get("marker") != marker.hex():
            return None
        if fingerprint is not None and header.get("fingerprint") != fingerprint:
            return None
        arrays = _arrays(mapped, header, start)
        return IndexFile(marker, header, arrays)
    except (ValueError, KeyError, TypeError, OverflowError):
        return None


def _header(mapped: mmap.mmap) -> tuple[dict[str, Any], int]:
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("not an index file")
    size = int.from_bytes(mapped[len(MAGIC) : len(MAGIC) + 8], "little")
    if size > len(mapped):
        raise ValueError("truncated")
    header = json.loads(bytes(mapped[len(MAGIC) + 8 : len(MAGIC) + 8 + size]))
    if not isinstance(header, dict):
        raise ValueError("bad header")
    return header, _aligned(len(MAGIC) + 8 + size)


def _arrays(mapped: mmap.mmap, header: dict[str, Any], start: int) -> dict[str, np.ndarray]:
    width = int(header["term_width"])
    if not 1 <= width <= MAX_TERM_BYTES:
        raise ValueError("bad term width")
    dtypes = {**_DTYPES, "terms": f"|S{width}"}
    arrays: dict[str, np.ndarray] = {}
    for name, dtype in dtypes.items():
        offset, shape = header["arrays"][name]
        shape = tuple(int(n) for n in shape)
        count = int(np.prod(shape)) if shape else 1
        arrays[name] = np.frombuffer(
            mapped, dtype=np.dtype(dtype), count=count, offset=start + int(offset)
        ).reshape(shape)
    terms, starts, multi_starts = arrays["terms"], arrays["starts"], arrays["multi_starts"]
    for bounds, data in ((starts, arrays["ids"]), (multi_starts, arrays["multi"])):
        if len(bounds) != len(terms) + 1 or int(bounds[0]) != 0 or int(bounds[-1]) != len(data):
            raise ValueError("bounds do not fit")
        if len(bounds) > 1 and bool(np.any(bounds[1:] < bounds[:-1])):
            raise ValueError("bounds out of order")
    if len(arrays["gain"]) != len(arrays["multi"]):
        raise ValueError("gains do not fit")
    return arrays


def _aligned(offset: int) -> int:
    return -(-offset // _ALIGN) * _ALIGN


def build(
    db: Database, path: Path, cancelled: Callable[[], bool] | None = None
) -> IndexFile | None:
    """Write the index of *db*'s current FTS index to *path* (atomically) and open it; None
    when *cancelled()* (checked between terms) or the connection cannot read the index in
    bulk. OSError when the file cannot be written."""
    with search.read_snapshot(db):
        marker = search.index_marker(db)
        fingerprint = search.index_fingerprint(db)
        claims, avg_terms = search.reference_stats(db)
        ids, sizes = search.doc_lengths(db)
        keys: list[bytes] = []
        parts: list[Postings] = []
        vocabulary: list[str] = []
        try:
            with contextlib.closing(search.all_term_occurrences(db)) as every_term:
                for term, occurrences in every_term:
                    if cancelled is not None and cancelled():
                        return None
                    vocabulary.append(term)
                    key = term.encode()
                    if len(key) <= MAX_TERM_BYTES and b"\x00" not in key:
                        keys.append(key)
                        parts.append(Postings.of(occurrences))
        except sqlite3.OperationalError:
            return None  # PRAGMA query_only: no temporary vocabulary table
    lengths = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=np.float32)
    lengths[ids] = sizes
    order = sorted(range(len(keys)), key=keys.__getitem__)
    keys = [keys[i] for i in order]
    parts = [parts[i] for i in order]
    spelling = Vocabulary.of(vocabulary)
    arrays = {
        "terms": np.array(keys, dtype=f"|S{max((len(k) for k in keys), default=1)}"),
        "starts": _bounds([len(p.ids) for p in parts]),
        "ids": _joined([p.ids for p in parts], np.int32),
        "multi_starts": _bounds([len(p.multi) for p in parts]),
        "multi": _joined([p.multi for p in parts], np.int32),
        "gain": _joined([p.gain for p in parts], np.float32),
        "lengths": lengths,
        "words": np.frombuffer("\n".join(spelling.words).encode(), dtype=np.uint8),
        "word_sizes": spelling.sizes,
        "letters": spelling.counts,
    }
    header: dict[str, Any] = {
        "format": FORMAT,
        "marker": marker.hex(),
        "fingerprint": fingerprint,
        "claims": claims,
        "avg_terms": avg_terms,
        "term_width": int(arrays["terms"].dtype.itemsize),
    }
    _write(path, header, arrays)
    return open_index(path, marker, fingerprint)


def _bounds(sizes: list[int]) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(sizes, dtype=np.int64))).astype(np.int64)


def _joined(parts: list[np.ndarray], dtype: type[np.generic]) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.empty(0, dtype=dtype)


def _write(path: Path, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    layout: dict[str, tuple[int, list[int]]] = {}
    offset = 0
    for name, array in arrays.items():
        layout[name] = (offset, list(array.shape))
        offset = _aligned(offset + array.nbytes)
    header = {**header, "arrays": layout}
    encoded = json.dumps(header).encode()
    start = _aligned(len(MAGIC) + 8 + len(encoded))
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        # Readable by whoever can read the archive (mkstemp makes it private).
        with contextlib.suppress(OSError):
            archive = str(path)[: -len(SUFFIX)] if str(path).endswith(SUFFIX) else str(path)
            os.chmod(temporary, os.stat(archive).st_mode & 0o666)
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + len(encoded).to_bytes(8, "little") + encoded)
            for name, array in arrays.items():
                out.seek(start + layout[name][0])
                out.write(array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes())
            out.truncate(start + offset)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def ensure(db: Database, cancelled: Callable[[], bool] | None = None) -> IndexFile | None:
    """*db*'s index file, written first when it has none built at the current FTS index
    marker; None for an in-memory archive, inside a transaction, below ``MIN_CLAIMS`` claims,
    when *cancelled*, or when it cannot be written (a read-only folder, a full disk: FTS5
    then serves as before)."""
    path = path_for(db)
    if path is None or db.conn.in_transaction:
        return None
    opened = open_index(path, search.index_marker(db), search.index_fingerprint(db))
    if opened is not None:
        return opened
    if search.claim_count(db) < MIN_CLAIMS:
        return None
    try:
        return build(db, path, cancelled)
    except (OSError, sqlite3.Error):
        return None


__all__ = [
    "MIN_CLAIMS",
    "IndexFile",
    "Vocabulary",
    "build",
    "ensure",
    "letter_counts",
    "open_index",
    "path_for",
]
