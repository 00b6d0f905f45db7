"""Term postings held in memory, and the cache of them shared by every matcher of an archive.

``Postings`` are the sorted ids of the claims holding a term (read once from FTS5, without
ranking); ``SharedIndex`` keeps them — with the claims' lengths, the vocabulary and the claim
count — for every ``Retriever`` of the same archive file in the process, under the FTS index's
change marker, in a bounded LRU. ``shared_index(db)`` finds an archive's. How they are used to
rank is ``app.matching.retrieval``'s job.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlite_utils import Database

from app.matching.scoring import K1
from app.storage.reviews import archive_file

# Postings held across queries (4 bytes each): beyond this the least recently used terms go.
CACHE_POSTINGS = 25_000_000


@dataclass(frozen=True, slots=True)
class Postings:
    """The sorted ids of the claims holding a term, and for the few holding it several
    times (title and text, or said twice) what BM25 adds: tf × (k1 + 1) / (tf + k1), for
    a claim of average length, over the same for tf = 1, minus 1."""

    ids: np.ndarray
    multi: np.ndarray
    gain: np.ndarray

    @classmethod
    def of(cls, occurrences: np.ndarray) -> Postings:
        """From each occurrence's claim id (any order, repeated for each occurrence)."""
        if len(occurrences) > 1 and bool(np.any(occurrences[1:] < occurrences[:-1])):
            occurrences = np.sort(occurrences)
        if not len(occurrences):
            return cls(occurrences, occurrences, np.empty(0, dtype=np.float32))
        first = np.concatenate(([True], occurrences[1:] != occurrences[:-1]))
        ids = occurrences[first]
        if len(ids) == len(occurrences):
            return cls(ids, ids[:0], np.empty(0, dtype=np.float32))
        counts = np.diff(np.concatenate((np.flatnonzero(first), [len(occurrences)])))
        several = counts > 1
        tf = counts[several].astype(np.float32)
        gain = tf * (K1 + 1) / (tf + K1) / ((K1 + 1) / (1 + K1)) - 1
        return cls(ids, ids[several], gain.astype(np.float32))

    @property
    def size(self) -> int:
        return len(self.ids) + 2 * len(self.multi)

    def __len__(self) -> int:
        return len(self.ids)


def merge_postings(groups: list[Postings]) -> Postings:
    """The claims holding any of several terms (counted once each; the extra of the first
    term held several times)."""
    if len(groups) == 1:
        return groups[0]
    ids = union([g.ids for g in groups])
    multi = np.concatenate([g.multi for g in groups])
    gain = np.concatenate([g.gain for g in groups])
    order = np.argsort(multi, kind="stable")
    multi, gain = multi[order], gain[order]
    first = np.concatenate(([True], multi[1:] != multi[:-1])) if len(multi) else multi
    return Postings(ids, multi[first], gain[first])


class SharedIndex:
    """What retrieval loads from one archive's FTS index — postings, claim lengths, the
    vocabulary, claim count and average length — for every ``Retriever`` of that archive file
    in the process (each thread with its own connection and ``Matcher``).

    Everything held belongs to one index *marker*: ``refresh`` with another drops it all, and
    a loader that read under an older marker keeps its result to itself. Loading happens
    outside ``lock`` (which guards only the dictionaries): two threads wanting the same term
    at once may both read it. The claim lengths and the vocabulary (≈ 1 s each at 1M) are
    read by one thread while the others wait for it. Numpy arrays are never written once
    built."""

    def __init__(self, max_postings: int = CACHE_POSTINGS) -> None:
        self.lock = threading.Lock()
        self.max_postings = max_postings
        self.marker: object = None
        self.cached = 0
        self.peak_postings = 0  # the most postings held at once (for benchmarks)
        self.loads = 0  # postings read from the archive (for tests and benchmarks)
        self.active = 0  # queries running now: a warm-up waits for them
        self._postings: OrderedDict[str, Postings] = OrderedDict()
        self._items: dict[str, Any] = {}  # lengths, vocabulary, stats
        self._item_locks = {"lengths": threading.Lock(), "vocabulary": threading.Lock()}

    def refresh(self, marker: object) -> None:
        with self.lock:
            if marker != self.marker:
                self.marker = marker
                self._postings.clear()
                self._items.clear()
                self.cached = 0

    def get(self, term: str, marker: object) -> Postings | None:
        with self.lock:
            if marker != self.marker:
                return None
            found = self._postings.get(term)
            if found is not None:
                self._postings.move_to_end(term)
            return found

    def put(self, term: str, postings: Postings, marker: object) -> Postings:
        with self.lock:
            self.loads += 1
            if marker != self.marker:
                return postings
            found = self._postings.get(term)
            if found is not None:  # another thread read it meanwhile
                return found
            self._postings[term] = postings
            self.cached += postings.size
            while self.cached > self.max_postings and len(self._postings) > 1:
                _, old = self._postings.popitem(last=False)
                self.cached -= old.size
            self.peak_postings = max(self.peak_postings, self.cached)
            return postings

    def item(self, name: str, marker: object, load: Callable[[], Any]) -> Any:
        """The shared *name* for *marker*, loaded by ``load()`` once (others wait)."""
        with self.lock:
            if marker == self.marker and name in self._items:
                return self._items[name]
        with self._item_locks.get(name) or contextlib.nullcontext():
            with self.lock:
                if marker == self.marker and name in self._items:
                    return self._items[name]
            value = load()
            with self.lock:
                if marker == self.marker:
                    self._items.setdefault(name, value)
            return value

    def replace_item(self, name: str, marker: object, value: Any) -> None:
        """Put *value* as the shared *name* for *marker* (a damaged index file: None)."""
        with self.lock:
            if marker == self.marker:
                self._items[name] = value

    @contextlib.contextmanager
    def query(self) -> Iterator[None]:
        """Marks a query running, so that a warm-up steps aside."""
        with self.lock:
            self.active += 1
        try:
            yield
        finally:
            with self.lock:
                self.active -= 1


# Archive files whose SharedIndex is kept while no Matcher uses it (the window's jobs come
# and go): the last few opened.
KEEP_ARCHIVES = 2
_shared: OrderedDict[tuple[str, int, int], SharedIndex] = OrderedDict()
_shared_lock = threading.Lock()


def shared_index(db: Database, max_postings: int = CACHE_POSTINGS) -> SharedIndex:
    """The SharedIndex of *db*'s archive file (a private one for an in-memory archive).

    Keyed by the file's real path, device and inode: a file replaced (a backup restored, an
    archive deleted and made again) is another archive."""
    path = archive_file(db)
    if path is None:
        return SharedIndex(max_postings)
    try:
        status = os.stat(path)
    except OSError:
        return SharedIndex(max_postings)
    key = (os.path.realpath(path), status.st_dev, status.st_ino)
    with _shared_lock:
        found = _shared.get(key)
        if found is None:
            found = _shared[key] = SharedIndex(max_postings)
        _shared.move_to_end(key)
        while len(_shared) > KEEP_ARCHIVES:
            _shared.popitem(last=False)
        return found


def forget_shared() -> None:
    """Drop every archive's SharedIndex (benchmarks: measure a cold start again)."""
    with _shared_lock:
        _shared.clear()


def union(lists: list[np.ndarray]) -> np.ndarray:
    """Sorted ids in any of the sorted *lists*."""
    if len(lists) == 1:
        return lists[0]
    merged = np.sort(np.concatenate(lists))
    if len(merged) < 2:
        return merged
    return merged[np.concatenate(([True], merged[1:] != merged[:-1]))]


__all__ = [
    "CACHE_POSTINGS",
    "KEEP_ARCHIVES",
    "Postings",
    "SharedIndex",
    "forget_shared",
    "merge_postings",
    "shared_index",
    "union",
]
