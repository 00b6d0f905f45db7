"""The lexical and semantic candidate lists fused into one, by reciprocal rank, language-aware.

Reciprocal rank fusion (Cormack et al. 2009): a candidate's fused value is the sum over the
lists of weight / (RRF_K + its rank). It needs no common scale between BM25 and cosines, and
on the CheckThat! dev sets it beat score blending (BENCHMARKS, "Matching quality").

Languages: a candidate in another language than the query shares with it only names, numbers
and false friends ("faux", "attention"), so its lexical rank counts OTHER_LANGUAGE_LEXICAL of a
same-language one, and without the semantic channel's support it is not shown. The score shown
is the candidate's own evidence: the lexical score, or what its cosine says (``semantic_score``)
— the semantic channel alone never makes a "match", only "related".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.matching.scoring import MATCH_THRESHOLD, RELATED_THRESHOLD, Scored, tier_of
from app.matching.semantic import Near

# Tuned on the CheckThat! train splits (bench/tune_fusion.py, BENCHMARKS "Semantic channel"):
# the lexical list leads, the semantic ranks count 0.3 of it within one language.
RRF_K = 10
LEXICAL_WEIGHT = 1.0
SEMANTIC_WEIGHT = 0.3
OTHER_LANGUAGE_LEXICAL = 0.1
# ... and its semantic rank counts this much: across languages the vectors are the evidence.
OTHER_LANGUAGE_SEMANTIC = 1.0
# How many nearest claims the semantic channel adds to the lexical list.
SEMANTIC_DEPTH = 50
# Cosine (USE multilingual v3) at which a candidate is "related", and at which it reaches the
# top of the related tier. Within one language the words have had their say: at 0.6, half of
# the neighbours (top 10) the cosine lifts are relevant on 2020/2A train (0.55: a third).
# Across languages the cosine is the only evidence and runs lower for the same claim: 0.5
# (BENCHMARKS, "Semantic channel": shown 0.925 vs 0.85 on the French renderings).
COS_RELATED = 0.6
COS_RELATED_OTHER_LANGUAGE = 0.5
COS_TOP = 0.85
# Below this cosine a neighbour is noise (a small archive's "nearest" can be anything): it adds
# nothing to the fused rank.
COS_FLOOR = 0.3
# TIER_ORDER: shown in tier order (match, related, the rest), each by fused rank. Off: plain
# fused rank ranks better on the train splits (MAP@5 2020 0.891 vs 0.871, 2A 0.877 vs 0.852:
# a "related" candidate both lists agree on beats a lexical-only "match"), so the scores of a
# list are not always decreasing.
_TIERS = {"match": 0, "related": 1, "none": 2}
TIER_ORDER = False
# When above 0, scores are blended instead of ranks: the lexical score / 100 plus this times
# the cosine (tuning compares both; see BENCHMARKS).
LINEAR_BETA = 0.0


def semantic_score(cosine: float, other_language: bool = False) -> float:
    """A cosine on the 0–100 scale: COS_RELATED (or COS_RELATED_OTHER_LANGUAGE) →
    RELATED_THRESHOLD, COS_TOP and above → just under MATCH_THRESHOLD; below, proportionally
    down to 0."""
    top = MATCH_THRESHOLD - 1.0
    related = COS_RELATED_OTHER_LANGUAGE if other_language else COS_RELATED
    if cosine >= related:
        share = min(1.0, (cosine - related) / (COS_TOP - related))
        return round(RELATED_THRESHOLD + share * (top - RELATED_THRESHOLD), 2)
    return round(max(0.0, cosine / related) * (RELATED_THRESHOLD - 1.0), 2)


def fuse(
    lexical: Sequence[tuple[Scored, int]],
    near: Sequence[Near],
    semantic_scored: Mapping[int, Scored],
    langs: Mapping[int, str | None],
    query_lang: str,
) -> list[tuple[Scored, int]]:
    """One list, best first by fused rank (claim id on a tie; see TIER_ORDER).

    *lexical*: best first, as the lexical matcher ranked them; *near*: the semantic channel's,
    nearest first; *semantic_scored*: the lexical evidence of the claims only *near* holds."""
    fused: dict[int, float] = {}
    evidence: dict[int, Scored] = {}
    for rank, (scored, claim_id) in enumerate(lexical, 1):
        weight = LEXICAL_WEIGHT
        if _other_language(langs.get(claim_id), query_lang):
            weight *= OTHER_LANGUAGE_LEXICAL
        fused[claim_id] = weight * (scored.score / 100 if LINEAR_BETA else 1 / (RRF_K + rank))
        evidence[claim_id] = scored
    cosines = {}
    for rank, found in enumerate((n for n in near if n.cosine >= COS_FLOOR), 1):
        if LINEAR_BETA:
            gained = LINEAR_BETA * found.cosine
            if found.claim_id not in fused and found.claim_id in semantic_scored:
                fused[found.claim_id] = semantic_scored[found.claim_id].score / 100
        else:
            other = _other_language(langs.get(found.claim_id), query_lang)
            weight = OTHER_LANGUAGE_SEMANTIC if other else SEMANTIC_WEIGHT
            gained = weight / (RRF_K + rank)
        fused[found.claim_id] = fused.get(found.claim_id, 0.0) + gained
        cosines[found.claim_id] = found.cosine
        if found.claim_id not in evidence and found.claim_id in semantic_scored:
            evidence[found.claim_id] = semantic_scored[found.claim_id]
    merged = []
    for claim_id, scored in evidence.items():
        other = _other_language(langs.get(claim_id), query_lang)
        merged.append((_shown(scored, cosines.get(claim_id), other), claim_id))
    merged.sort(
        key=lambda pair: (
            _TIERS[tier_of(pair[0].score, pair[0].conflict)] if TIER_ORDER else 0,
            -fused[pair[1]],
            pair[1],
        )
    )
    return merged


def _shown(scored: Scored, cosine: float | None, other_language: bool) -> Scored:
    """The score to show: the lexical one, lifted to what the cosine says when that is more
    (never into the match tier), and kept out of sight when another language's candidate has
    nothing but words in common."""
    if cosine is None:
        if other_language:
            return replace(scored, score=min(scored.score, RELATED_THRESHOLD - 1.0))
        return scored
    lifted = semantic_score(cosine, other_language)
    if scored.conflict:
        lifted = min(lifted, scored.score)
    if lifted <= scored.score:
        return replace(scored, semantic=cosine, cross_language=other_language)
    return replace(
        scored,
        score=lifted,
        semantic=cosine,
        semantic_only=True,
        cross_language=other_language,
    )


def _other_language(lang: str | None, query_lang: str) -> bool:
    return bool(lang and query_lang and lang.split("-")[0].lower() != query_lang)


__all__ = ["COS_RELATED", "COS_TOP", "RRF_K", "SEMANTIC_DEPTH", "fuse", "semantic_score"]
