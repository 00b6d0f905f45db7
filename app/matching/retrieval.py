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

When the archive has a query-ready index file built at the current FTS index marker
(``app.matching.index_file``), postings, lengths, vocabulary and statistics are read from its
memory map instead, in no time; otherwise from FTS5 as above. The cache is dropped when the
FTS index changes (``search.index_marker``), not when a verdict is edited.

Term statistics (claims, average length, document frequencies) count the archive's earlier
checks and checked claims, not the desk's unchecked article sentences: opening articles must
not move an earlier check's score.

What is loaded is shared (``SharedIndex``, in ``app.matching.postings``) by every Matcher of
the same archive file in the process — the window's jobs, each in its own thread with its own
connection, build a Matcher each and find what the last one (or a warm-up) loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Mapping

import numpy as np
from rapidfuzz import fuzz, process
from sqlite_utils import Database

from app.matching import index_file
from app.matching.index_file import IndexFile, Vocabulary
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
# Misspelt words whose alike-spelt index terms are kept (per index marker) before starting over.
SPELT_CACHE = 50_000
# After pruning, a term held by at most this many times the candidates is added whole.
SCATTER_FACTOR = 4
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
        self._desk = np.zeros(0, dtype=np.int32)
        self._desk_key: object = None
        self._freqs: dict[str, int] = {}  # document frequencies with the desk left out

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
        self._freqs = {}
        self._index = SharedIndex(self._shared.max_postings) if private else self._shared
        self._index.refresh(marker)

    def file(self) -> IndexFile | None:
        """The archive's index file, when there is one built at the current marker."""
        return self._index.item("file", self._marker, self._open_file)  # type: ignore[no-any-return]

    def _open_file(self) -> IndexFile | None:
        path = index_file.path_for(self._db)
        if path is None:
            return None
        return index_file.open_index(path, self._marker, search.index_fingerprint(self._db))

    def postings(self, term: str) -> Postings:
        """The claims holding *term*, sorted, and those holding it more than once."""
        opened = self.file()
        if opened is not None:
            try:
                found = opened.postings(term)
            except ValueError:  # damaged under us: FTS5 serves until it is rebuilt
                self._index.replace_item("file", self._marker, None)
                found = None
            if found is not None:
                return found
        found = self._index.get(term, self._marker)
        if found is not None:
            return found
        loaded = Postings.of(search.term_occurrences(self._db, term))
        return self._index.put(term, loaded, self._marker)

    def doc_freq(self, term: str) -> int:
        """How many of the archive's claims hold *term*, the desk's left out."""
        desk = self.desk()
        if not len(desk):
            return len(self.postings(term))
        found = self._freqs.get(term)  # kept while the desk and the marker stay the same
        if found is None:
            held = self.postings(term).ids
            # The size of the intersection, searching the shorter in the longer.
            small, large = (held, desk) if len(held) < len(desk) else (desk, held)
            found = len(held) - int(np.count_nonzero(_holding(large, small))) if len(held) else 0
            self._freqs[term] = found
        return found

    def desk(self) -> np.ndarray:
        """The unchecked sentences of opened articles (sorted ids), as of ``read_desk``."""
        return self._desk

    def read_desk(self) -> None:
        """Read the desk again if the archive may have changed since (a verdict recorded on a
        sentence takes it off the desk without touching the FTS index): any write by this
        connection or a commit by another."""
        key = (self._marker, self._db.conn.total_changes, search.data_version(self._db))
        if key != self._desk_key:
            self._desk = search.desk_claim_ids(self._db)
            self._desk_key = key
            self._freqs = {}

    def stats(self) -> tuple[int, float]:
        """(claims in the archive, their average terms), the desk's sentences left out; read
        once per index marker."""
        opened = self.file()
        if opened is not None:
            return opened.claims, opened.avg_terms
        stats: tuple[int, float] = self._index.item(
            "stats", self._marker, lambda: search.reference_stats(self._db)
        )
        return stats

    def build_file(self, cancelled: Callable[[], bool] | None = None) -> bool:
        """Write the archive's index file when it has none at the current marker (see
        ``index_file.ensure``); True when there is one now."""
        if self.file() is not None:
            return True
        if not isinstance(self._marker, bytes):
            return False
        built = index_file.ensure(self._db, cancelled)
        if built is None or built.marker != self._marker:
            return False  # cancelled, or the archive changed meanwhile: the next one builds it
        self._index.refresh(None)  # forget the "no file" this marker had
        self._index.refresh(self._marker)
        return self.file() is not None

    def warm(
        self,
        min_docs: int,
        cancelled: Callable[[], bool] | None = None,
        pause: float = 0.0,
    ) -> int:
        """Make every query fast: write the index file (a large archive without a fresh one),
        else load the claims' lengths, the vocabulary (for misspelt words) and the postings of
        every term held by at least *min_docs* claims (the ones slow to load on demand);
        returns the terms ready (loaded, or in the file).

        Stops early when *cancelled()*; with *pause* > 0 (a warm-up in the background), waits
        between terms while a query runs on the same archive, for as long as it runs."""
        if self.build_file(cancelled):
            opened = self.file()
            assert opened is not None
            return opened.frequent(min_docs)
        self.lengths()
        if cancelled is not None and cancelled():
            return 0
        self.vocabulary()
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
        """Terms per claim (text + title) by claim id, read once (≈ 0.4 s CPU per 1M from
        FTS5, nothing from the index file)."""
        opened = self.file()
        if opened is not None:
            return opened.lengths
        return self._index.item(  # type: ignore[no-any-return]
            "lengths", self._marker, self._read_lengths
        )

    def _read_lengths(self) -> np.ndarray:
        ids, sizes = search.doc_lengths(self._db)
        lengths = np.zeros(int(ids.max()) + 1 if len(ids) else 1, dtype=np.float32)
        lengths[ids] = sizes
        lengths.flags.writeable = False
        return lengths

    def vocabulary(self) -> Vocabulary:
        """The misspelling look-up's words, read once (≈ 0.8 s per 1M from FTS5)."""
        opened = self.file()
        if opened is not None:
            try:
                return opened.vocabulary()
            except (ValueError, UnicodeDecodeError):
                self._index.replace_item("file", self._marker, None)
        return self._index.item(  # type: ignore[no-any-return]
            "vocabulary", self._marker, lambda: Vocabulary.of(search.vocabulary(self._db))
        )

    def spelt_alike(self, term: str, exclude: Collection[str] = ()) -> list[str]:
        """Index terms the scorer would take for *term* misspelt (``fuzz.ratio`` ≥ cutoff)."""
        size = len(term)
        if size < FUZZY_MIN_LEN or term[0].isdigit():
            return []
        spelt: dict[str, list[str]] = self._index.item("spelt", self._marker, dict)
        found = spelt.get(term)
        if found is None:
            found = spelt[term] = self._spelt_alike(term)
            if len(spelt) > SPELT_CACHE:
                spelt.clear()
        return [t for t in found if t not in exclude]

    def _spelt_alike(self, term: str) -> list[str]:
        size = len(term)
        spelling = self.vocabulary()
        words, sizes, counts = spelling.words, spelling.sizes, spelling.counts
        # fuzz.ratio ≥ 80 needs the shorter word to be at least 2/3 of the longer, and at most
        # 20 % of both lengths inserted or deleted: at least the difference of their letter
        # counts (a cheap bound that leaves rapidfuzz a few hundred words to compare).
        low = int(np.searchsorted(sizes, -(-2 * size // 3), side="left"))
        high = int(np.searchsorted(sizes, 3 * size // 2, side="right"))
        lengths = sizes[low:high]
        own = index_file.letter_counts([term])[:, 0]
        shared = np.zeros(high - low, dtype=np.int16)
        for letter in np.flatnonzero(own):
            shared += np.minimum(counts[letter, low:high], own[letter])
        apart = size + lengths - 2 * shared  # the letters one word has and the other lacks
        room = (1 - FUZZY_CUTOFF / 100) * (size + lengths)
        pool = [words[low + i] for i in np.flatnonzero(apart <= room + 1e-9)]
        found = process.extract(
            term, pool, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return sorted(t for t, _, _ in found)

    def best(
        self,
        weights: Mapping[str, float],
        avg_length: float,
        k: int,
        misspelt: Mapping[str, float] | None = None,
        *,
        skip_desk: bool = False,
        exclude: np.ndarray | None = None,
    ) -> list[int]:
        """The *k* claims holding a term of *weights* with the best BM25 (each term counted
        once), best first. Each *misspelt* term (in no claim) counts, with its weight ×
        FUZZY_FACTOR, for those claims holding a term spelt almost alike, as the scorer
        credits them (``scoring._fuzzy_pairs``). *skip_desk*: the desk's unchecked sentences
        (``read_desk``) are no candidates, so they cannot push earlier checks out of the k;
        nor are the sorted ids in *exclude* (the query's own article)."""
        with self._index.query():
            return self._best(weights, avg_length, k, misspelt, skip_desk, exclude)

    def _best(
        self,
        weights: Mapping[str, float],
        avg_length: float,
        k: int,
        misspelt: Mapping[str, float] | None,
        skip_desk: bool = False,
        exclude: np.ndarray | None = None,
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
        for left_out in (self._desk if skip_desk else None, exclude):
            if left_out is not None and len(left_out) and len(ids):
                kept = ~_holding(left_out, ids)
                ids, sums = ids[kept], sums[kept]
        if not len(ids):
            return []
        held = np.where(ids < len(lengths), lengths[np.minimum(ids, len(lengths) - 1)], 0)
        held = np.where(held > 0, held, avg_length).astype(np.float32)
        avg = max(avg_length, 1.0)
        bm25 = sums * (K1 + 1) / (1 + K1 * (1 - B + B * held / avg))
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
        # A term held by not many more claims than the candidates is cheaper added to the
        # score arrays whole (its other claims are no candidates: never read, zeroed after)
        # than looked up claim by claim (binary search: candidates × log(postings)).
        looked_up = []
        for entry in entries[at:]:
            postings, weight, is_fuzzy = entry
            if len(postings.ids) > SCATTER_FACTOR * len(cand):
                looked_up.append(entry)
                continue
            sums = self._fuzzy if is_fuzzy else self._real
            sums[postings.ids] += np.float32(weight)
            sums[postings.multi] += np.float32(weight) * postings.gain
            taken.append(postings)
        real = self._real[cand]
        fuzzy = self._fuzzy[cand]
        for postings, weight, is_fuzzy in looked_up:
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


def _holding(ids: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """A mask of the *cand* claims that are in the sorted *ids*."""
    where = np.searchsorted(ids, cand)
    where[where == len(ids)] = 0
    held: np.ndarray = ids[where] == cand
    return held


def _position(ids: np.ndarray, cand: np.ndarray) -> np.ndarray:
    """Each *cand* claim's index in the sorted *ids*, -1 when absent."""
    where = np.searchsorted(ids, cand)
    where[where == len(ids)] = 0
    found: np.ndarray = np.where(ids[where] == cand, where, -1)
    return found


__all__ = [
    "CACHE_POSTINGS",
    "POOL",
    "Postings",
    "Retriever",
    "SharedIndex",
    "forget_shared",
    "shared_index",
]
