"""The 0–100 score of one candidate for one query, and the tiers it falls into.

Lexical evidence is weighted by rarity (idf from the archive's FTS5 vocabulary): sharing
"glyphosate" says more than sharing "government". The score blends how much of the query the
candidate covers, how much of the candidate the query covers (so a short archive claim fully
inside a long article sentence still scores), and rapidfuzz's ``token_set_ratio`` on the
normalised texts. Typos meet through a per-term ``fuzz.ratio`` look-up.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.matching.places import countries, country_conflict
from app.matching.quantities import Quantity, QuantityComparison, compare, quantities

# A candidate at or above MATCH_THRESHOLD is taken to be the same claim (high precision); at or
# above RELATED_THRESHOLD it is worth a look. Conflicting numbers or countries cap a candidate
# just under MATCH_THRESHOLD, so score and tier always agree.
MATCH_THRESHOLD = 70.0
RELATED_THRESHOLD = 40.0

# Blend weights (tuned on CheckThat! train splits and the French restatement tests).
W_QUERY_COVER = 0.35
W_CAND_COVER = 0.35
W_TOKEN_SET = 0.30
TITLE_FACTOR = 0.8  # a term found only in the review's title counts a little less
FUZZY_CUTOFF = 80.0  # fuzz.ratio for two terms to count as the same word misspelt
FUZZY_FACTOR = 0.8
FUZZY_MIN_LEN = 5
CONFLICT_FACTOR = 0.85


def idf(doc_freq: int, total: int) -> float:
    """BM25's idf, floored so a term in every claim still weighs a little."""
    return max(0.05, math.log(1.0 + (total - doc_freq + 0.5) / (doc_freq + 0.5)))


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """A query analysed once, scored against many candidates."""

    terms: tuple[str, ...]
    weights: Mapping[str, float]
    total_weight: float
    unknown_weight: float  # the weight given to a candidate term the query lacks
    unseen: frozenset[str]  # query terms no claim holds: typos, maybe
    norm: str
    quantities: tuple[Quantity, ...]
    countries: frozenset[str]

    @classmethod
    def build(
        cls, terms: Sequence[str], weights: Mapping[str, float], unseen: frozenset[str]
    ) -> QueryInfo:
        unique = tuple(dict.fromkeys(terms))
        total = sum(weights.get(t, 0.0) for t in unique)
        return cls(
            terms=unique,
            weights=dict(weights),
            total_weight=total,
            unknown_weight=max(total / len(unique), 1.0) if unique else 1.0,
            unseen=unseen,
            norm=" ".join(terms),
            quantities=quantities(terms),
            countries=countries(terms),
        )


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate's score with the evidence an explanation is built from."""

    score: float
    shared: frozenset[str]
    fuzzy: tuple[tuple[str, str], ...]  # (query term, candidate term)
    numbers: QuantityComparison
    countries: frozenset[str]
    country_conflict: bool

    @property
    def conflict(self) -> bool:
        return bool(self.numbers.differing) or self.country_conflict


def score_candidate(query: QueryInfo, norm_text: str, norm_title: str) -> Scored:
    text_terms = norm_text.split()
    title_terms = norm_title.split()
    body = set(text_terms)
    candidate = body | set(title_terms)
    shared = frozenset(t for t in query.terms if t in candidate)
    fuzzy = _fuzzy_pairs(query, shared, candidate)
    weights = query.weights
    gained = sum(weights.get(t, 0.0) * (1.0 if t in body else TITLE_FACTOR) for t in shared)
    gained += sum(weights.get(q, 0.0) * FUZZY_FACTOR for q, _ in fuzzy)
    query_cover = gained / query.total_weight if query.total_weight else 0.0
    fuzzy_matched = {c for _, c in fuzzy}
    missing = sum(1 for t in body if t not in shared and t not in fuzzy_matched)
    cand_cover = gained / (gained + missing * query.unknown_weight) if gained else 0.0
    token_set = fuzz.token_set_ratio(query.norm, norm_text, processor=None) / 100.0
    score = 100.0 * (
        W_QUERY_COVER * min(query_cover, 1.0) + W_CAND_COVER * cand_cover + W_TOKEN_SET * token_set
    )
    all_terms = text_terms + title_terms
    numbers = compare(query.quantities, quantities(text_terms))
    places = countries(all_terms)
    place_conflict = country_conflict(query.countries, places)
    if numbers.differing or place_conflict:
        score = min(score * CONFLICT_FACTOR, MATCH_THRESHOLD - 1.0)
    return Scored(
        score=round(max(0.0, min(100.0, score)), 2),
        shared=shared,
        fuzzy=fuzzy,
        numbers=numbers,
        countries=places,
        country_conflict=place_conflict,
    )


def tier_of(score: float, conflict: bool) -> str:
    if score >= MATCH_THRESHOLD and not conflict:
        return "match"
    if score >= RELATED_THRESHOLD:
        return "related"
    return "none"


def _fuzzy_pairs(
    query: QueryInfo, shared: frozenset[str], candidate: set[str]
) -> tuple[tuple[str, str], ...]:
    """Unseen query terms (in no claim: a typo?) that a candidate term spells almost alike."""
    if not query.unseen:
        return ()
    pool = sorted(t for t in candidate if len(t) >= FUZZY_MIN_LEN - 1 and not t[0].isdigit())
    if not pool:
        return ()
    pairs = []
    for term in query.terms:
        if term not in query.unseen or len(term) < FUZZY_MIN_LEN or term[0].isdigit():
            continue
        best = process.extractOne(
            term, pool, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
        )
        if best is not None and best[0] not in query.weights:
            pairs.append((term, best[0]))
    return tuple(pairs)
