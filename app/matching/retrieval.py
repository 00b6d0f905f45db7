"""First-stage retrieval: the archive's best BM25 candidates from term postings kept in memory.

FTS5's ``bm25()`` ranks every row an OR query matches (≈ 2 µs a row): on a million claims the
query's common words alone match hundreds of thousands. Here each term's postings (the ids of
the claims holding it, fetched once from FTS5 without ranking, ≈ 0.1 µs a row) are kept as
sorted numpy arrays in a bounded LRU cache. With each term counted once per claim, BM25 is the
sum of the idf of the query terms a claim holds times a factor of the claim's length:

- the rarest terms are summed into an array indexed by claim id, from the rarest up, until the
  weight of the terms left cannot lift a claim holding none of the summed ones into the best
  ``POOL`` sums (MaxScore): the claims holding a summed term are the candidates;
- the common terms left are looked up for those candidates only (binary search in their
  postings), so a common word costs ≈ candidates × log(postings), not its postings;
- the best ``POOL`` sums are re-weighted by their claims' lengths (FTS5's ``docsize``, cached)
  and the best of those go to the exact scorer.

The cache is dropped when the FTS index changes (``search.index_marker``), not when a verdict
is edited. It is shared (``SharedIndex``, in ``app.matching.postings``) by every Matcher of
the same archive file in the process — the window's jobs, each in its own thread with its own
connection, build a Matcher each and find what the last one (or a warm-up) loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping

import numpy as np
from rapidfuzz import fuzz, process
from sqlite_utils import Database

from app.matching.postings import (
    CACHE_POSTINGS,
    Postings,
    SharedIndex,
    forget_shared,
    merge_postings,
    shared_index,
)
from app.matching.scoring import FUZZY_CUTOFF, FUZZY_FACTOR, FUZZY_MIN_LEN, K1, B
from app.storage import search

# Candidates with the best idf sums whose lengths are read to rank them by BM25.
POOL = 500
# A weight below this is no real term (idf is floored at 0.05).
_EPS = 1e-3
# Pruning stops summing new terms once the weight left, times this margin (the length factor
# can favour a short claim), is below the pool-th best sum so far.
MARGIN = 1.0
# The pruning keeps every claim that can be among the best NEED_FACTOR × k sums (at most POOL).
NEED_FACTOR = 5


class Retriever:
    """The BM25 top-k over per-term postings cached in a ``SharedIndex`` (its own unless
    *shared* is given). One per thread: the scratch arrays and the connection are its own."""

    def __init__(
        self,
        db: Database,
        *,
        max_postings: int = CACHE_POSTINGS,
        shared: SharedIndex | None = None,
    ) -> None:
        self._db = db
        self._shared = shared if shared is not None else SharedIndex(max_postings)
        self._index = self._shared
        self._marker: object = None
        # Scratch arrays indexed by claim id, all zero between queries.
        self._real = np.zeros(0, dtype=np.float32)
        self._fuzzy = np.zeros(0, dtype=np.float32)

    @property
    def index(self) -> SharedIndex:
        return self._index

    @property
    def peak_postings(self) -> int:
        """The most postings the cache has held at once (for benchmarks)."""
        return self._index.peak_postings

    def refresh(self, marker: object, *, private: bool = False) -> None:
        """Forget everything cached when the index *marker* changed. *private*: this
        connection sees writes others do not (an open transaction): load into a cache of its
        own until it is shared again."""
        self._marker = marker
        self._index = SharedIndex(self._shared.max_postings) if private else self._shared
        self._index.refresh(marker)

    def postings(self, term: str) -> Postings:
        """The claims holding *term*, sorted, and those holding it more than once."""
        found = self._index.get(term, self._marker)
        if found is not None:
            return found
        loaded = Postings.of(search.term_occurrences(self._db, term))
        return self._index.put(term, loaded, self._marker)

    def doc_freq(self, term: str) -> int:
        """How many claims hold *term*."""
        return len(self.postings(term))

    def stats(self) -> tuple[int, float]:
        """(claims in the archive, their average terms), read once per index marker."""
        stats: tuple[int, float] = self._index.item(
            "stats",
            self._marker,
            lambda: (search.claim_count(self._db), search.average_terms(self._db)),
        )
        return stats

    def warm(
        self,
        min_docs: int,
        cancelled: Callable[[], bool] | None = None,
        pause: float = 0.0,
    ) -> int:
        """Load the claims' lengths, the vocabulary (for misspelt words) and the postings of
        every term held by at least *min_docs* claims (the ones slow to load on demand);
        returns the terms loaded.

        Stops early when *cancelled()*; with *pause* > 0 (a warm-up in the background), waits
        between terms while a query runs on the same archive, for as long as it runs."""
        self.lengths()
        if cancelled is not None and cancelled():
            return 0
        self._index.item("vocabulary", self._marker, self._read_vocabulary)
        frequent = search.frequent_terms(self._db, min_docs)
        loaded = 0
        for term in frequent:
            while pause > 0 and self._index.active:
                if cancelled is not None and cancelled():
                    return loaded
                time.sleep(pause)
            if cancelled is not None and cancelled():
                return loaded
            if self._index.get(term, self._marker) is None:
                self.postings(term)
            loaded += 1
        return loaded

    def lengths(self) -> np.ndarray:
        """Terms per claim (text + title) by claim id, read once (≈ 0.7 s CPU per 1M)."""
        lengths: np.ndarray = self._index.item("lengths", self._marker, self._read_lengths)
        return lengths

    def _read_lengths(self) -> np.ndarray:
        ids, sizes = search.doc_lengths(self._db)
        lengths = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=np.float32)
        lengths[ids] = sizes
        lengths.flags.writeable = False
        return lengths

    def _read_vocabulary(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        words = sorted(
            (w for w in search.vocabulary(self._db) if len(w) >= FUZZY_MIN_LEN - 1),
            key=len,
        )
        words = [w for w in words if not w[0].isdigit()]
        sizes = np.array([len(w) for w in words], dtype=np.int16)
        return words, sizes, _letter_counts(words)

    def spelt_alike(self, term: str, exclude: Collection[str] = ()) -> list[str]:
        """Index terms the scorer would take for *term* misspelt (``fuzz.ratio`` ≥ cutoff)."""
        size = len(term)
        if size < FUZZY_MIN_LEN or term[0].isdigit():
            return []
        words, sizes, counts = self._index.item("vocabulary", self._marker, self._read_vocabulary)
        # fuzz.ratio ≥ 80 needs the shorter word to be at least 2/3 of the longer, and at most
        # 20 % of both lengths inserted or deleted: at least the difference of their letter
        # counts (a cheap bound that leaves rapidfuzz a few hundred words to compare).
        low = int(np.searchsorted(sizes, -(-2 * size // 3), side="left"))
        high = int(np.searchsorted(sizes, 3 * size // 2, side="right"))
        lengths = sizes[low:high]
        own = _letter_counts([term])[:, 0]
        shared = np.zeros(high - low, dtype=np.int16)
        for letter in np.flatnonzero(own):
            shared += np.minimum(counts[letter, low:high], own[letter])
        apart = size + lengths - 2 * shared  # the letters one word has and the other lacks
        room = (1 - FUZZY_CUTOFF / 100) * (size + lengths)
        pool = [words[low + i] for i in np.flatnonzero(apart <= room + 1e-9)]
        found = process.extract(
            term, pool, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return sorted(t for t, _, _ in found if t not in exclude)

    def best(
        self,
        weights: Mapping[str, float],
        avg_length: float,
        k: int,
        misspelt: Mapping[str, float] | None = None,
    ) -> list[int]:
        """The *k* claims holding a term of *weights* with the best BM25 (each term counted
        once), best first. Each *misspelt* term (in no claim) counts, with its weight ×
        FUZZY_FACTOR, for those claims holding a term spelt almost alike, as the scorer
        credits them (``scoring._fuzzy_pairs``)."""
        with self._index.query():
            return self._best(weights, avg_length, k, misspelt)

    def _best(
        self,
        weights: Mapping[str, float],
        avg_length: float,
        k: int,
        misspelt: Mapping[str, float] | None,
    ) -> list[int]:
        entries = [(self.postings(t), w, False) for t, w in weights.items() if w > 0]
        entries = [e for e in entries if len(e[0])]
        if k <= 0 or not entries:
            return []
        for term, weight in (misspelt or {}).items():
            alike = [self.postings(t) for t in self.spelt_alike(term, exclude=weights)]
            alike = [p for p in alike if len(p)]
            if alike and weight > 0:
                entries.append((merge_postings(alike), weight * FUZZY_FACTOR, True))
        lengths = self.lengths()
        top = max(int(p.ids[-1]) for p, _, _ in entries)
        if len(self._real) <= top:
            room = max(top + 1 + top // 8, len(lengths))
            self._real = np.zeros(room, dtype=np.float32)
            self._fuzzy = np.zeros(room, dtype=np.float32)
        taken: list[Postings] = []
        try:
            ids, sums = self._candidates(entries, taken, k)
        finally:
            for done in taken:
                self._real[done.ids] = 0.0
                self._fuzzy[done.ids] = 0.0
        if not len(ids):
            return []
        size = np.where(ids < len(lengths), lengths[np.minimum(ids, len(lengths) - 1)], 0)
        size = np.where(size > 0, size, avg_length).astype(np.float32)
        avg = max(avg_length, 1.0)
        bm25 = sums * (K1 + 1) / (1 + K1 * (1 - B + B * size / avg))
        if len(ids) > k:
            keep = np.argpartition(bm25, -k)[-k:]
            ids, bm25 = ids[keep], bm25[keep]
        order = np.lexsort((ids, -bm25))
        return [int(i) for i in ids[order]]

    def _candidates(
        self, entries: list[tuple[Postings, float, bool]], taken: list[Postings], k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """(claim ids, summed weights) of the claims that can be among the best sums.

        Entries (real terms, misspelt words' alike-spelt groups) are summed by decreasing
        weight; once the weight of those left, times MARGIN, is below the POOL-th (at least
        the k-th) best sum of the claims known to hold a real term, a claim holding none of
        the summed ones cannot get there: the rest are looked up for the candidates only. A
        claim holding no real term (only a word spelt like a misspelt one) is no candidate."""
        entries = sorted(entries, key=lambda e: (-e[1], len(e[0])))
        total = left = sum(w for _, w, _ in entries)
        need = max(k, min(POOL, k * NEED_FACTOR))
        pieces: list[np.ndarray] = []  # the claims touched, each once
        at = 0
        while at < len(entries):
            postings, weight, fuzzy = entries[at]
            ids = postings.ids
            pieces.append(ids[(self._real[ids] == 0) & (self._fuzzy[ids] == 0)])
            sums = self._fuzzy if fuzzy else self._real
            sums[ids] += np.float32(weight)
            sums[postings.multi] += np.float32(weight) * postings.gain
            taken.append(postings)
            left -= weight
            at += 1
            if at == len(entries):
                break
            summed = total - left  # no claim's sum so far can exceed this (give or take tf)
            if left * MARGIN < summed and left * MARGIN < self._floor(pieces, need):
                break
        cand = np.concatenate(pieces) if len(pieces) > 1 else pieces[0]
        real = self._real[cand]
        fuzzy = self._fuzzy[cand]
        for postings, weight, is_fuzzy in entries[at:]:
            sums = fuzzy if is_fuzzy else real
            sums[_holding(postings.ids, cand)] += np.float32(weight)
            if len(postings.multi):
                where = _position(postings.multi, cand)
                sums[where >= 0] += np.float32(weight) * postings.gain[where[where >= 0]]
        keep = real > _EPS
        return cand[keep], (real + fuzzy)[keep]

    def _floor(self, pieces: list[np.ndarray], need: int) -> float:
        """The need-th best sum of real terms so far (0 when fewer claims hold one)."""
        if sum(len(p) for p in pieces) < need:
            return 0.0
        sure = self._real[np.concatenate(pieces)]
        sure = sure[sure > 0]
        if len(sure) < need:
            return 0.0
        return float(np.partition(sure, len(sure) - need)[len(sure) - need])


def _letter_counts(words: list[str]) -> np.ndarray:
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


def _holding(ids: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """A mask of the *cand* claims that are in the sorted *ids*."""
    where = np.searchsorted(ids, cand)
    where[where == len(ids)] = 0
    mask: np.ndarray = ids[where] == cand
    return mask


def _position(ids: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """Each *cand* claim's index in the sorted *ids*, -1 when absent."""
    where = np.searchsorted(ids, cand)
    where[where == len(ids)] = 0
    return np.where(ids[where] == cand, where, -1)


__all__ = [
    "CACHE_POSTINGS",
    "POOL",
    "Postings",
    "Retriever",
    "SharedIndex",
    "forget_shared",
    "shared_index",
]
