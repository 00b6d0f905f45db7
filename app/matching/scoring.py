"""The 0–100 score of one candidate for one query, and the tiers it falls into.

The score is mostly BM25 (the ranking function that works best on the CheckThat! claim
retrieval sets, see docs/BENCHMARKS.md), computed here over the stored normalised text and
title and divided by what the query would score against itself, so it reads on an absolute
0–100 scale instead of "relative to the other candidates". A little of the score is how much of
the candidate the query covers (a short query inside a long claim is not the same claim) and
rapidfuzz's ``token_set_ratio``. Typos meet through a per-term ``fuzz.ratio`` look-up.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from app.matching.places import countries, country_conflict
from app.matching.quantities import Quantity, QuantityComparison, compare, quantities
from app.matching.roles import RoleDifference, qualifiers, role_differences
from app.text.normalize import UNIT_TERMS, fold

# A candidate at or above MATCH_THRESHOLD is taken to be the same claim (high precision); at or
# above RELATED_THRESHOLD it is worth a look. Conflicting numbers or countries cap a candidate
# just under MATCH_THRESHOLD, so score and tier always agree.
MATCH_THRESHOLD = 70.0
RELATED_THRESHOLD = 40.0

# Blend weights, tuned on the CheckThat! train splits (MAP@5) and the French restatement tests.
W_BM25 = 0.8
W_CAND_COVER = 0.1
W_TOKEN_SET = 0.1
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 1.0  # a term in the review's title counts as one in the claim text
FUZZY_CUTOFF = 80.0  # fuzz.ratio for two terms to count as the same word misspelt
FUZZY_FACTOR = 0.8
FUZZY_MIN_LEN = 5
CONFLICT_FACTOR = 0.85
# Points for an earlier claim by the same person as the query's speaker (when known): the
# same politician repeating a claim is the commonest case in debates (+0.055 MAP@5 on
# CheckThat! 2B dev). It reorders, but never lifts a candidate into the match tier.
SPEAKER_BONUS = 10.0
# Terms of the text around a query (a debate's neighbouring lines: what "it" and "that" refer
# to) count this much of their idf; they only add to the BM25 part of the score, and never lift
# a candidate into the match tier on their own (see ``QueryInfo.build``'s ``context``).
CONTEXT_WEIGHT = 0.3
# A match must share at least this many words that say something (not numbers nor units; stop
# words are never terms): a bare "300" finds every claim about 300 of anything, each "the same".
MIN_MATCH_WORDS = 2
# A match on few shared words needs the candidate to say little else: "Shark Attack" is not the
# same claim as "A video shows a shark attacking a surfer" (two words in common, three of the
# candidate's missing). With at most FEW_WORDS pieces of evidence (shared words, numbers that
# agree), more of the candidate's terms absent from the query than pieces of evidence cap it
# at FEW_WORDS_CAP (related; a context can still lift it up to 69).
FEW_WORDS = 3
FEW_WORDS_CAP = 60.0
# A one-word query ("Maduro") names a subject, not a claim: its candidates are at most this
# (related, low), whatever BM25 says.
ONE_WORD_CAP = 50.0
# A long sentence that CONTAINS a shorter earlier claim scores low on BM25 (the score is
# relative to everything the query says). When the query covers nearly all of the candidate's
# idf weight (the candidate's own terms, weighted by their idf), at least CONTAIN_WORDS words in
# common, no number of the candidate left out and nothing in conflict, it is the same claim
# said inside a longer sentence: it is lifted to at least MATCH_THRESHOLD (up to +CONTAIN_SPAN
# for full coverage). Only candidates missing at most CONTAIN_MAX_MISSING terms are looked at.
CONTAIN_MIN = 0.8
CONTAIN_WORDS = 3
CONTAIN_MAX_MISSING = 2
CONTAIN_SPAN = 15.0


def idf(doc_freq: int, total: int) -> float:
    """BM25's idf as SQLite FTS5 computes it, so candidates come back in the order the
    re-ranker will mostly keep; floored so a term in most claims still weighs a little."""
    return max(0.05, math.log((total - doc_freq + 0.5) / (doc_freq + 0.5)))


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
    avg_length: float  # mean terms per claim (text + title), for BM25's length norm
    ideal: float  # BM25 of the query against itself: the score's 100 %
    context: frozenset[str] = frozenset()  # terms only the surrounding text holds (at the end)
    # Words a nationality qualifies ("diplomates vénézuéliens"): diplomate → {VE}.
    qualified: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The query as written and its language: what the semantic channel encodes.
    text: str = ""
    lang: str = ""

    @classmethod
    def build(
        cls,
        terms: Sequence[str],
        weights: Mapping[str, float],
        unseen: frozenset[str],
        avg_length: float = 12.0,
        context: Sequence[str] = (),
        text: str = "",
        lang: str = "",
    ) -> QueryInfo:
        """*context*: the terms of the text around the query, weighted CONTEXT_WEIGHT; the
        score's 100 % (``ideal``) and everything but BM25 stay the query's own."""
        unique = tuple(dict.fromkeys(terms))
        total = sum(weights.get(t, 0.0) for t in unique)
        avg_length = max(avg_length, 1.0)
        saturation = (K1 + 1) / (1 + K1 * (1 - B + B * len(unique) / avg_length))
        around = tuple(t for t in dict.fromkeys(context) if t not in unique and weights.get(t))
        all_weights = dict(weights)
        for term in around:
            all_weights[term] = all_weights.get(term, 0.0) * CONTEXT_WEIGHT
        return cls(
            terms=unique + around,
            weights=all_weights,
            total_weight=total,
            unknown_weight=max(total / len(unique), 1.0) if unique else 1.0,
            unseen=unseen,
            norm=" ".join(terms),
            quantities=quantities(terms),
            countries=countries(terms),
            avg_length=avg_length,
            ideal=total * saturation,
            context=frozenset(around),
            qualified=qualifiers(terms),
            text=text,
            lang=lang,
        )

    @property
    def own_terms(self) -> tuple[str, ...]:
        """The query's own terms, without those of its context."""
        if not self.context:
            return self.terms
        return tuple(t for t in self.terms if t not in self.context)


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate's score with the evidence an explanation is built from."""

    score: float
    shared: frozenset[str]
    fuzzy: tuple[tuple[str, str], ...]  # (query term, candidate term)
    numbers: QuantityComparison
    countries: frozenset[str]
    country_conflict: bool
    same_speaker: bool = False
    missing: tuple[str, ...] = ()  # the candidate's text terms the query lacks
    # Shared words qualified by other nationalities on each side: a mirrored claim.
    roles: tuple[RoleDifference, ...] = ()
    # The semantic channel's cosine, when it found the candidate (see fusion.py); whether the
    # score shown is the cosine's (the words alone scored less); another language's claim.
    semantic: float | None = None
    semantic_only: bool = False
    cross_language: bool = False

    def may_be_contained(self) -> bool:
        """Worth a containment check: a related candidate the query holds nearly whole."""
        return (
            self.score < MATCH_THRESHOLD
            and not self.conflict
            and len(self.missing) <= CONTAIN_MAX_MISSING
            and _words(self.shared) >= CONTAIN_WORDS
            and not any(t[0].isdigit() or t in UNIT_TERMS for t in self.missing)
        )

    @property
    def conflict(self) -> bool:
        return bool(self.numbers.differing) or self.country_conflict or bool(self.roles)


def score_candidate(query: QueryInfo, norm_text: str, norm_title: str) -> Scored:
    text_terms = norm_text.split()
    title_terms = norm_title.split()
    counts: dict[str, float] = dict(Counter(text_terms))
    if title_terms:
        for term in title_terms:
            counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT
    own = query.own_terms
    shared = frozenset(t for t in own if t in counts)
    fuzzy = _fuzzy_pairs(query, shared, counts.keys())
    length = len(text_terms) + len(title_terms)
    bm25, gained = _bm25(query, counts, own, shared, fuzzy, length)
    fuzzy_matched = {c for _, c in fuzzy}
    missing = tuple(
        sorted(t for t in set(text_terms) if t not in shared and t not in fuzzy_matched)
    )
    score = _blend(query, bm25, gained, len(missing), query.norm, norm_text)
    numbers = compare(query.quantities, quantities(text_terms))
    words = _words(shared) + len(fuzzy)
    evidence = words + len(numbers.agreeing)
    if evidence <= FEW_WORDS and len(missing) > evidence:
        score = min(score, FEW_WORDS_CAP)
    around = [t for t in query.terms if t in query.context and t in counts]
    if around:
        # The context's terms count as the query's (at CONTEXT_WEIGHT): in BM25, as covering
        # the candidate, in token_set_ratio. They reorder candidates but never make one "the
        # same claim" by themselves, and never lower a score.
        said = score
        extra, extra_gained = _bm25(query, counts, around, frozenset(around), (), length)
        held = set(around)
        unexplained = sum(1 for t in missing if t not in held)
        with_context = f"{query.norm} {' '.join(around)}"
        score = _blend(query, bm25, gained + extra_gained, unexplained, with_context, norm_text)
        score += 100.0 * W_BM25 * extra / query.ideal if query.ideal else 0.0
        score = max(score, said)
        if said < MATCH_THRESHOLD:
            score = min(score, MATCH_THRESHOLD - 1.0)
    places = countries(text_terms + title_terms)
    place_conflict = country_conflict(query.countries, places)
    roles = role_differences(query.qualified, text_terms) if query.qualified else ()
    if numbers.differing or place_conflict or roles:
        score = min(score * CONFLICT_FACTOR, MATCH_THRESHOLD - 1.0)
    elif words < MIN_MATCH_WORDS:
        score = min(score, MATCH_THRESHOLD - 1.0)
    if len(own) == 1:
        score = min(score, ONE_WORD_CAP)
    return Scored(
        score=round(max(0.0, min(100.0, score)), 2),
        shared=shared,
        fuzzy=fuzzy,
        numbers=numbers,
        countries=places,
        country_conflict=place_conflict,
        missing=missing,
        roles=roles,
    )


def with_containment(
    query: QueryInfo, scored: Scored, missing_weights: Mapping[str, float]
) -> Scored:
    """*scored* lifted into the match tier when the query covers nearly all of the candidate's
    idf weight (see CONTAIN_MIN); unchanged otherwise. Call only if ``may_be_contained()``."""
    held = sum(query.weights.get(t, 0.0) for t in scored.shared)
    held += sum(query.weights.get(q, 0.0) * FUZZY_FACTOR for q, _ in scored.fuzzy)
    lacking = sum(missing_weights.get(t, query.unknown_weight) for t in scored.missing)
    cover = held / (held + lacking) if held else 0.0
    if cover < CONTAIN_MIN:
        return scored
    lifted = MATCH_THRESHOLD + CONTAIN_SPAN * (cover - CONTAIN_MIN) / (1.0 - CONTAIN_MIN)
    return replace(scored, score=round(min(100.0, max(scored.score, lifted)), 2))


def _words(shared: frozenset[str]) -> int:
    """How many of the shared terms are words: not numbers, not units."""
    return sum(1 for t in shared if not t[0].isdigit() and t not in UNIT_TERMS)


def _blend(
    query: QueryInfo, bm25: float, gained: float, missing: int, query_norm: str, norm_text: str
) -> float:
    """The 0–100 score before caps: BM25 relative to the query's own, the share of the
    candidate the query covers (idf mass held vs *missing* terms), and token_set_ratio."""
    relative = min(bm25 / query.ideal, 1.0) if query.ideal else 0.0
    cover = gained / (gained + missing * query.unknown_weight) if gained else 0.0
    token_set = fuzz.token_set_ratio(query_norm, norm_text, processor=None) / 100.0
    return 100.0 * (W_BM25 * relative + W_CAND_COVER * cover + W_TOKEN_SET * token_set)


def _bm25(
    query: QueryInfo,
    counts: Mapping[str, float],
    terms: Sequence[str],
    shared: frozenset[str],
    fuzzy: tuple[tuple[str, str], ...],
    length: int,
) -> tuple[float, float]:
    """(BM25 of the candidate, idf mass of the query terms it holds)."""
    norm = K1 * (1 - B + B * length / query.avg_length)
    score = gained = 0.0
    matches = [(t, counts[t]) for t in terms if t in shared]
    matches += [(q, counts[c] * FUZZY_FACTOR) for q, c in fuzzy]
    for term, freq in matches:
        weight = query.weights.get(term, 0.0)
        score += weight * freq * (K1 + 1) / (freq + norm)
        gained += weight
    return score, gained


def speaker_key(name: str | None) -> str:
    """ "Donald J. Trump", "TRUMP", "M. Trump" → "trump": the surname, folded."""
    words = fold(name or "").replace(".", " ").split()
    return words[-1] if words else ""


def with_speaker(scored: Scored) -> Scored:
    """The same candidate credited for being said by the query's speaker."""
    boosted = scored.score + SPEAKER_BONUS
    if scored.score < MATCH_THRESHOLD:
        boosted = min(boosted, MATCH_THRESHOLD - 1.0)
    return replace(
        scored, score=round(min(100.0, max(scored.score, boosted)), 2), same_speaker=True
    )


def tier_of(score: float, conflict: bool) -> str:
    if score >= MATCH_THRESHOLD and not conflict:
        return "match"
    if score >= RELATED_THRESHOLD:
        return "related"
    return "none"


def _fuzzy_pairs(
    query: QueryInfo, shared: frozenset[str], candidate: Iterable[str]
) -> tuple[tuple[str, str], ...]:
    """Unseen query terms (in no claim: a typo?) that a candidate term spells almost alike."""
    if not query.unseen:
        return ()
    pool = sorted(t for t in candidate if len(t) >= FUZZY_MIN_LEN - 1 and not t[0].isdigit())
    if not pool:
        return ()
    pairs = []
    for term in query.own_terms:
        if term not in query.unseen or len(term) < FUZZY_MIN_LEN or term[0].isdigit():
            continue
        best = process.extractOne(
            term, pool, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
        )
        if best is not None and best[0] not in query.weights:
            pairs.append((term, best[0]))
    return tuple(pairs)
