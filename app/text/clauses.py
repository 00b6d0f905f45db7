"""Clauses of a sentence that carry a fact of their own: "…, lorsque X s'est déclaré…" and
the coordinated "… et a lancé…" that shares X as its subject.

Each clause is an exact span of the article plus the subject its statement starts with, when
the span lacks it ("a lancé un mouvement" is about "Juan Guaido").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.checkworthy import Element

__all__ = ["Clause", "coordinated_parts", "temporal_clauses", "without_subject_phrase"]

# A temporal subordinate after a comma: "…, lorsque Juan Guaido s'est déclaré président…".
_TEMPORAL = re.compile(r",\s+(?:lorsque|lorsqu['’]|quand|when|after|après que)\s+", re.IGNORECASE)
# A coordinated verb sharing the subject: "… et a lancé", "… and has raised".
_SHARED_SUBJECT = re.compile(
    r"\s+(?:et|puis|mais|and|but|then)\s+(?=(?:a|ont|est|sont|avait|avaient|has|have|had|was|"
    r"were|is|are|will|would)\s+\w)",
    re.IGNORECASE,
)
# "le chef de l'opposition, Juan Guaido, s'est…": a title phrase set off before the name.
_APPOSITION = re.compile(r"[^,]{3,60},\s+")
_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    subject: str  # the name the statement starts with, when the span lacks it


def temporal_clauses(
    text: str, start: int, end: int, names: list[Element]
) -> list[tuple[int, int, str]]:
    """Subordinate clauses after ``, lorsque`` / ``, when`` whose subject is a name.

    Returns (start, end, name): the clause without its conjunction, and the name it is
    about when an apposition precedes it (``le chef de l'opposition, Juan Guaido, …``).
    """
    found = []
    for m in _TEMPORAL.finditer(text, start, end):
        clause_start = m.end()
        clause_end = end
        while clause_end > clause_start and text[clause_end - 1] in ' .!?»"”':
            clause_end -= 1
        subject = _named_subject(text, clause_start, clause_end, names)
        if subject is not None:
            found.append((clause_start, clause_end, subject))
    return found


def coordinated_parts(text: str, start: int, end: int, subject: str) -> list[Clause]:
    """A clause cut at ``et a …`` / ``and has …``: each part with ``subject`` restored."""
    cuts = list(_SHARED_SUBJECT.finditer(text, start, end))
    if not cuts:
        return [Clause(start, end, subject)]
    parts = []
    part_start = start
    for cut in cuts:
        parts.append(Clause(part_start, cut.start(), subject))
        part_start = cut.end()
    parts.append(Clause(part_start, end, subject))
    return [p for p in parts if len(text[p.start : p.end].split()) >= _MIN_WORDS]


def _named_subject(text: str, start: int, end: int, names: list[Element]) -> str | None:
    """The name opening the clause, directly or after an apposition ("le chef…, X,")."""
    opening = [n for n in names if n.kind in ("person", "name") and start <= n.start < end]
    if not opening:
        return None
    first = opening[0]
    if first.start == start:
        return first.text
    apposition = _APPOSITION.fullmatch(text, start, first.start)
    if apposition is not None and text[first.end : first.end + 1] == ",":
        return first.text
    return None


def without_subject_phrase(text: str, start: int, end: int, subject: str) -> str:
    """The clause with its subject phrase replaced by ``subject``: "le chef de l'opposition,
    Juan Guaido, s'est déclaré…" → "Juan Guaido s'est déclaré…"."""
    body = text[start:end]
    at = body.find(subject)
    if at < 0:
        return f"{subject} {body}"
    rest = body[at + len(subject) :].lstrip(" ,")
    return f"{subject} {rest}"
