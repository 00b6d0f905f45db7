"""Numbers and their units in normalised terms: which agree and which differ between two texts.

``300 t`` and ``300 tonnes`` both normalise to ``300 tonne``; a claim about ``200 tonne`` of the
same thing is a different claim, so differing quantities keep a candidate out of the match tier.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names

from app.text.normalize import UNIT_TERMS
from app.text.normalize import terms as normalised_terms

# A number before a month name is a day of that month: compared with days of that month only,
# never with a year ("le 8 avril" vs "en 2019", #13). Lone numbers keep no unit.

# Canonical unit term → the short label a checker reads in an explanation.
UNIT_LABELS = {
    "tonne": "t", "heure": "h", "minute": "min", "metre": "m", "pct": "%", "usd": "$",
    "eur": "€", "gbp": "£", "mille": "k",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quantity:
    value: str
    unit: str | None

    def label(self) -> str:
        if not self.unit:
            return self.value
        return f"{self.value} {UNIT_LABELS.get(self.unit, self.unit)}"


@dataclass(frozen=True, slots=True)
class QuantityComparison:
    agreeing: tuple[Quantity, ...] = ()
    differing: tuple[tuple[Quantity, Quantity], ...] = ()  # (query's, candidate's)


def quantities(terms: Sequence[str]) -> tuple[Quantity, ...]:
    """Each number term with the unit term right after it, if any."""
    found = []
    months = _month_terms()
    for index, term in enumerate(terms):
        if term[:1].isdigit():
            after = terms[index + 1] if index + 1 < len(terms) else ""
            unit = after if after in UNIT_TERMS or after in months else None
            found.append(Quantity(term, unit))
    return tuple(dict.fromkeys(found))


@cache
def _month_terms() -> frozenset[str]:
    """Month names as the normaliser writes them, French and English."""
    found: set[str] = set()
    for lang in ("fr", "en"):
        for name in get_month_names("wide", locale=lang).values():
            found.update(normalised_terms(name, lang))
    return frozenset(found)


def compare(query: Sequence[Quantity], candidate: Sequence[Quantity]) -> QuantityComparison:
    """Agreeing quantities, and pairs that measure the same unit with different values.

    A number only the query mentions (or only the candidate) is neither: one side may simply
    say less. Differing means both sides give a value for the same unit and the values disagree.
    """
    if not query or not candidate:
        return QuantityComparison()
    agreeing = tuple(q for q in query if q in candidate)
    by_unit_q: dict[str | None, list[Quantity]] = defaultdict(list)
    by_unit_c: dict[str | None, list[Quantity]] = defaultdict(list)
    for q in query:
        if q not in candidate:
            by_unit_q[q.unit].append(q)
    for c in candidate:
        if c not in query:
            by_unit_c[c.unit].append(c)
    differing: list[tuple[Quantity, Quantity]] = []
    for unit, only_query in by_unit_q.items():
        only_candidate = by_unit_c.get(unit)
        if only_candidate and not _shares_value(query, candidate, unit):
            differing.extend(zip(only_query, only_candidate, strict=False))
    return QuantityComparison(agreeing, tuple(differing))


def _shares_value(
    query: Sequence[Quantity], candidate: Sequence[Quantity], unit: str | None
) -> bool:
    """Some value of this unit is on both sides: extra numbers then add detail, not conflict."""
    if unit is None:
        return False
    values_q = {q.value for q in query if q.unit == unit}
    return any(c.value in values_q for c in candidate if c.unit == unit)
