"""Matching a claim against the archive of earlier ones: retrieval, re-ranking, explanations.

Public API: ``Matcher(db).match(text, ...) -> list[Match]``; ``Match.to_json()``;
``MATCH_THRESHOLD`` / ``RELATED_THRESHOLD``.
"""

from __future__ import annotations

from app.matching.explain import Explanation
from app.matching.matcher import Match, Matcher
from app.matching.scoring import MATCH_THRESHOLD, RELATED_THRESHOLD

__all__ = [
    "MATCH_THRESHOLD",
    "RELATED_THRESHOLD",
    "Explanation",
    "Match",
    "Matcher",
]
