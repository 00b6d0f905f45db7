"""``Matcher``: find earlier claims like a new one — BM25 candidates, re-scored, explained.

Two stages: ``retrieval.Retriever`` ranks candidates by BM25 over per-term postings (read
once per term and cached, see ``postings.py``; the FTS5 index is only their source), then
``scoring.score_candidate`` gives each of the best ``CANDIDATES`` its 0–100 score and tier,
and ``explain`` says why. A Matcher only reads: the normalised text it searches is kept up
to date by ``open_archive`` (``app.storage.reindex``), not here.

One Matcher per thread (its SQLite connection stays in the thread that opened it). What
retrieval loads from the archive's index (postings, claim lengths, vocabulary, claim count) is
shared by every Matcher of the same archive file in the process (``retrieval.SharedIndex``):
a new Matcher on an archive already searched, or warmed, starts warm.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlite_utils import Database

from app.matching.explain import Explanation, explain
from app.matching.fusion import SEMANTIC_DEPTH, fuse
from app.matching.retrieval import Retriever, shared_index
from app.matching.scoring import (
    CONTEXT_WEIGHT,
    MATCH_THRESHOLD,
    RELATED_THRESHOLD,
    QueryInfo,
    Scored,
    idf,
    score_candidate,
    speaker_key,
    tier_of,
    with_containment,
    with_speaker,
)
from app.matching.semantic import USE_MODEL, Encoder, SemanticChannel, default_encoder
from app.storage import search, vectors
from app.text.normalize import pick_lang, terms, tokens

# How many of the best first-stage candidates (BM25 over every query term, see retrieval.py)
# the exact scorer re-ranks.
CANDIDATES = 50
# ... times this many when the query has a speaker or a context (debate lines).
DEEPER = 2
# ``warm`` loads ahead the postings of the terms at least this many claims hold.
WARM_MIN_DOCS = 1_000
# A batch (``crible match --batch``, ``crible check``) on an archive of at least this many
# claims warms its matcher once it has run BATCH_WARM_AFTER queries, or at once when it knows
# it has twice as many to run (``warm_for_batch``). A batch caches its own terms as it goes, so
# warming gains little: at 1M claims (warm() ≈ 3 s CPU) it pays from ≈ 400 queries and saves
# ≈ 6 % over 800; at 100k and 300k it never paid within 800 (BENCHMARKS "### Speed").
BATCH_WARM_MIN_CLAIMS = 750_000
BATCH_WARM_AFTER = 200


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier claim found for a query, with its verdict and why it matched."""

    claim_id: int
    text: str
    title: str
    score: float
    tier: str
    verdict: str
    url: str | None
    publisher: str
    date: str | None
    lang: str | None
    why: Explanation

    def to_json(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "text": self.text,
            "title": self.title,
            "score": self.score,
            "tier": self.tier,
            "verdict": self.verdict,
            "url": self.url,
            "publisher": self.publisher,
            "date": self.date,
            "lang": self.lang,
            "why": self.why.to_json(),
        }


class Matcher:
    """Ranks the archive's claims against a text. Build once, call ``match`` many times."""

    def __init__(
        self,
        db: Database,
        *,
        candidates: int = CANDIDATES,
        semantic: bool | Encoder = True,
    ) -> None:
        """*semantic*: False for words only; an Encoder to use that one (tests, benchmarks);
        True for the installed model, loaded on the first query of an archive that has
        vectors (see semantic.py; without the package, matching is by words only)."""
        self._db = db
        self._semantic_choice = semantic
        self._semantic: SemanticChannel | None = None
        self._candidates = candidates
        self._size = 0
        self._marker: object = None
        self._avg_length = 1.0
        self._retriever = Retriever(db, shared=shared_index(db))
        self._batch_warmed = False
        self._article_key: tuple[int, object] | None = None
        self._article_ids = np.empty(0, dtype=np.int64)

    def warm(
        self,
        min_docs: int = WARM_MIN_DOCS,
        *,
        cancelled: Callable[[], bool] | None = None,
        pause: float = 0.0,
    ) -> int:
        """Load ahead what queries would load on demand: the postings of the terms held by at
        least *min_docs* claims (≈ 1.5 s and 30 MB for a million claims), into the cache every
        Matcher of this archive shares. For the window (in the background: *pause* > 0 steps
        aside while a query runs), long batches and benchmarks; returns the terms loaded."""
        self._refresh()
        return self._retriever.warm(min_docs, cancelled, pause)

    def warm_for_batch(self, done: int, total: int | None = None) -> bool:
        """For a batch that has run *done* queries (of *total*, when known): warm once, when
        the archive is large and the batch long enough for it to pay. True when it warmed."""
        if self._batch_warmed:
            return False
        if total is not None:
            if total < 2 * BATCH_WARM_AFTER:
                return False
        elif done < BATCH_WARM_AFTER:
            return False
        self._batch_warmed = True
        if self.size < BATCH_WARM_MIN_CLAIMS:
            return False
        self.warm()
        return True

    def busy(self) -> contextlib.AbstractContextManager[None]:
        """Around a run of queries (the window's matching job): a warm-up of the same archive
        in another thread waits until it ends instead of competing with it."""
        return self._retriever.index.query()

    @property
    def size(self) -> int:
        """Claims in the archive (as of the last query)."""
        self._refresh()
        return self._size

    @property
    def loads(self) -> int:
        """Postings read from the archive into the shared cache so far (for tests)."""
        return self._retriever.index.loads

    @property
    def peak_postings(self) -> int:
        """The most posting ids the retrieval cache has held at once (4 bytes each)."""
        return self._retriever.peak_postings

    def match(
        self,
        text: str,
        *,
        lang: str | None = None,
        limit: int = 10,
        min_score: float | None = None,
        exclude_article_id: int | None = None,
        exclude_claim_ids: Collection[int] = (),
        speaker: str | None = None,
        include_unchecked: bool = False,
        context: str | None = None,
    ) -> list[Match]:
        """Best first (score, then claim id). By default only match and related tiers.

        *speaker*, when known (a debate line, an article's quote), ranks earlier claims by
        the same person a little higher. Sentences of other opened articles that nobody has
        checked yet (no verdict, no review) are left out unless *include_unchecked*: an
        article opened twice would otherwise be every claim's best "match", with no verdict.
        *context*, the text around the query (a debate's neighbouring lines), says what its
        "it" and "that" are: its words rank candidates a little higher, never into the match
        tier by themselves.
        """
        query_lang = pick_lang(text, lang)
        query_terms = terms(text, query_lang)
        if not query_terms or limit <= 0:
            return []
        floor = RELATED_THRESHOLD if min_score is None else min_score
        excluded = self._excluded(exclude_article_id, exclude_claim_ids)
        around = terms(context, query_lang) if context else None
        info = self._query_info(query_terms, around, text, query_lang)
        ranked = self.rank(info, excluded, speaker=speaker, include_unchecked=include_unchecked)
        kept = [(s, i) for s, i in ranked if s.score >= floor][:limit]
        return self._matches(text, query_lang, info, kept)

    def rank(
        self,
        info: QueryInfo,
        excluded: Collection[int] | np.ndarray = (),
        *,
        speaker: str | None = None,
        include_unchecked: bool = False,
    ) -> list[tuple[Scored, int]]:
        """Every retrieved candidate scored, best first (no threshold): for benchmarks too."""
        self._refresh()
        # The context's terms (a debate's neighbouring lines) fetch candidates at their full idf,
        # as FTS5's bm25 did (CheckThat! 2B dev MAP@5 0.461 -> see BENCHMARKS at 0.3 ×).
        weights = {
            t: info.weights.get(t, 0.0) / (CONTEXT_WEIGHT if t in info.context else 1.0)
            for t in info.terms
            if t not in info.unseen
        }
        # A misspelt query word ("campiagn") is in no claim: the claims holding a word spelt
        # almost alike ("campaign") count it, as the scorer does.
        misspelt = {t: info.weights.get(t, 0.0) for t in info.terms if t in info.unseen}
        # A speaker's bonus or a context can lift a claim the text alone ranks lower: look deeper.
        depth = self._candidates * (DEEPER if speaker_key(speaker) or info.context else 1)
        ids = self._retriever.best(
            weights,
            info.avg_length,
            depth,
            misspelt,
            skip_desk=not include_unchecked,
            exclude=_sorted_ids(excluded),
        )
        # The desk's unchecked sentences were left out inside retrieval (skip_desk).
        scored = self._score(info, ids)
        scored = self._with_speaker(scored, speaker)
        scored.sort(key=lambda pair: (-pair[0].score, pair[1]))
        channel = self.semantic_channel()
        if channel is None or not info.text:
            return scored
        near = channel.search(info.text, SEMANTIC_DEPTH, _sorted_ids(excluded).tolist())
        if not include_unchecked and near:
            # The desk as retrieval read it for this query (its unchecked sentences).
            desk = self._retriever.desk()
            on_desk = np.isin(np.array([n.claim_id for n in near], dtype=np.int64), desk)
            near = [n for n, held in zip(near, on_desk, strict=True) if not held]
        known = {i for _, i in scored}
        extra = [n.claim_id for n in near if n.claim_id not in known]
        found = self._with_speaker(self._score(info, extra), speaker)
        semantic_scored = {i: s for s, i in found}
        langs = vectors.claim_langs(self._db, list(known) + extra)
        return fuse(scored, near, semantic_scored, langs, info.lang)

    def semantic_channel(self) -> SemanticChannel | None:
        """The semantic channel, once the archive has vectors and an encoder is there."""
        if self._semantic is None and self._semantic_choice is not False:
            choice = self._semantic_choice
            if vectors.vectors_marker(self._db, _model_name(choice))[0]:
                encoder = default_encoder() if isinstance(choice, bool) else choice
                if encoder is None:
                    self._semantic_choice = False
                else:
                    self._semantic = SemanticChannel(self._db, encoder)
        return self._semantic

    def _with_speaker(
        self, scored: list[tuple[Scored, int]], speaker: str | None
    ) -> list[tuple[Scored, int]]:
        key = speaker_key(speaker)
        if not key:
            return scored
        said = search.claimants(self._db, [i for _, i in scored])
        return [(with_speaker(s) if speaker_key(said.get(i)) == key else s, i) for s, i in scored]

    def _score(self, info: QueryInfo, ids: list[int]) -> list[tuple[Scored, int]]:
        texts = search.norm_texts(self._db, ids)
        scored = [(score_candidate(info, *texts[i]), i) for i in ids if i in texts]
        # Containment needs the idf of the few candidate terms the query lacks: fetched only
        # for candidates that could be held whole by the query (cached like the query's).
        maybe = [s for s, _ in scored if s.may_be_contained()]
        if not maybe:
            return scored
        freqs = self._freqs([t for s in maybe for t in s.missing])
        total = max(self._size, 1)
        weights = {t: idf(n, total) for t, n in freqs.items()}
        return [
            (with_containment(info, s, weights) if s.may_be_contained() else s, i)
            for s, i in scored
        ]

    def _excluded(self, article_id: int | None, claim_ids: Collection[int]) -> np.ndarray:
        """The claims a query must not find, sorted: its own article's (read once per index
        marker: a 26k-sentence article would otherwise read them 26k times) and *claim_ids*."""
        own = np.empty(0, dtype=np.int64)
        if article_id is not None:
            self._refresh()
            key = (article_id, self._marker)
            if self._article_key != key:
                found = search.claims_of_article_ids(self._db, article_id)
                self._article_ids = np.array(sorted(found), dtype=np.int64)
                self._article_key = key
            own = self._article_ids
        if not claim_ids:
            return own
        return np.union1d(own, _sorted_ids(claim_ids))

    def query_info(
        self, text: str, lang: str | None = None, *, context: str | None = None
    ) -> QueryInfo:
        """*text* analysed for ``rank``; *context*: the text around it (see ``match``)."""
        query_lang = pick_lang(text, lang)
        return self._query_info(
            terms(text, query_lang), terms(context or "", query_lang), text, query_lang
        )

    def _query_info(
        self,
        query_terms: list[str],
        context: list[str] | None = None,
        text: str = "",
        lang: str = "",
    ) -> QueryInfo:
        self._refresh()
        around = context or []
        freqs = self._freqs(query_terms + around)
        total = max(self._size, 1)
        weights = {t: idf(n, total) for t, n in freqs.items() if n or t in query_terms}
        unseen = frozenset(t for t in query_terms if freqs[t] == 0)
        return QueryInfo.build(
            query_terms, weights, unseen, self._avg_length, around, text=text, lang=lang
        )

    def _refresh(self) -> None:
        """Forget what was cached when the archive's index changed since the last query."""
        marker: object = search.index_marker(self._db)
        if self._db.conn.in_transaction:
            # FTS5 keeps a transaction's writes in memory until it commits: trust nothing.
            marker = (marker, self._db.conn.total_changes, object())
        if marker != self._marker:
            self._marker = marker
            self._retriever.refresh(marker, private=self._db.conn.in_transaction)
            self._size, self._avg_length = self._retriever.stats()
        self._retriever.read_desk()

    def _freqs(self, query_terms: list[str]) -> dict[str, int]:
        # From the postings retrieval loads anyway (FTS5's vocabulary table reads a term's
        # whole doclist to count it: no cheaper); the shared cache keeps them.
        return {t: self._retriever.doc_freq(t) for t in dict.fromkeys(query_terms)}

    def _matches(
        self, text: str, lang: str, info: QueryInfo, kept: list[tuple[Scored, int]]
    ) -> list[Match]:
        rows = search.candidate_rows(self._db, [i for _, i in kept])
        query_tokens = tokens(text, lang)
        found = []
        for scored, claim_id in kept:
            row = rows[claim_id]
            why = explain(
                scored,
                info.countries,
                (text, query_tokens),
                (row.text, tokens(row.text, row.lang)),
                (row.title, tokens(row.title, row.lang) if row.title else []),
                (lang, pick_lang(row.text, row.lang)),
            )
            found.append(
                Match(
                    claim_id=claim_id,
                    text=row.text,
                    title=row.title,
                    score=scored.score,
                    tier=tier_of(scored.score, scored.conflict),
                    verdict=row.verdict,
                    url=row.url,
                    publisher=row.publisher,
                    date=row.date,
                    lang=row.lang,
                    why=why,
                )
            )
        return found


def _sorted_ids(ids: Collection[int] | np.ndarray) -> np.ndarray:
    if isinstance(ids, np.ndarray):
        return np.sort(ids)
    return np.array(sorted(ids), dtype=np.int64)


def _model_name(choice: bool | Encoder) -> str:
    return USE_MODEL if isinstance(choice, bool) else choice.name


__all__ = ["MATCH_THRESHOLD", "RELATED_THRESHOLD", "Match", "Matcher"]
