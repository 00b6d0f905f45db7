"""Clauses of a sentence that carry a fact of their own: "…, lorsque X s'est déclaré…" and
the coordinated "… et a lancé…" that shares X as its subject.

Each clause is an exact span of the article plus the subject its statement starts with, when
the span lacks it ("a lancé un mouvement" is about "Juan Guaido").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.checkworthy import Element

__all__ = [
    "Clause",
    "coordinated_clauses",
    "coordinated_parts",
    "reported_gerunds",
    "temporal_clauses",
    "without_subject_phrase",
]

# A temporal subordinate after a comma: "…, lorsque Juan Guaido s'est déclaré président…".
_TEMPORAL = re.compile(r",\s+(?:lorsque|lorsqu['’]|quand|when|after|après que)\s+", re.IGNORECASE)
# A coordinated verb sharing the subject: "… et a lancé", "… and has raised".
_SHARED_SUBJECT = re.compile(
    r"\s+(?:et|puis|mais|and|but|then)\s+(?=(?:a|ont|est|sont|avait|avaient|has|have|had|was|"
    r"were|is|are|will|would)\s+\w)",
    re.IGNORECASE,
)
# "le chef de l'opposition, Juan Guaido, s'est…": a title phrase set off before the name.
_AUXILIARY = (
    r"(?:a|ont|est|sont|avait|avaient|sera|seront|va|vont|doit|doivent|has|have|had|was|were|"
    r"is|are|will|would)"
)
# Two clauses with their own subjects: "… de 5 % et les syndicats ont appelé…".
_OWN_SUBJECT = re.compile(
    r",?\s+(?:et|mais|and|but)\s+(?!(?:de|du|d['’]|of)\b)"
    r"(?=(?:(?:le|la|les|l['’]|des|un|une|the|a|an|its|their)\s*)?"
    rf"[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?\s+{_AUXILIARY}\s)",
    re.IGNORECASE,
)
# A verb in the first clause: an auxiliary or an English past ("approved").
_VERB = re.compile(rf"\s(?:{_AUXILIARY}|\w{{3,}}ed)\s", re.IGNORECASE)
_FIRST_AUXILIARY = re.compile(rf"\s(?:{_AUXILIARY})\s", re.IGNORECASE)
_MAX_SUBJECT_WORDS = 6
# Speech in a participle: "…, en affirmant que les Etats-Unis veulent…", "…, saying that…".
_GERUND_SPEECH = re.compile(
    r",\s+(?:(?:en\s+)?(?:affirmant|assurant|déclarant|expliquant|estimant|soulignant|"
    r"rappelant|précisant|indiquant|ajoutant|jugeant|prétendant)\s+(?:que\s+|qu['’])|"
    r"(?:saying|claiming|arguing|adding|noting|insisting)\s+(?:that\s+)?)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r",\s|[;:(]|[.!?…]+[»\"”]?\s*$")
_APPOSITION = re.compile(r"[^,]{3,60},\s+")
_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    subject: str  # what the statement starts with when the span lacks it ("" when it has one)


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


def coordinated_clauses(text: str, start: int, end: int) -> list[Clause]:
    """A sentence's coordinated clauses, when it has several: "Le gouvernement a augmenté le
    budget de 5 % et les syndicats ont appelé à la grève" gives both; "… et a lancé …" gets
    the sentence's subject back. [] for a sentence of one clause."""
    while end > start and text[end - 1] in " .!?…":
        end -= 1
    cuts = sorted(
        [(m.start(), m.end(), False) for m in _OWN_SUBJECT.finditer(text, start, end)]
        + [(m.start(), m.end(), True) for m in _SHARED_SUBJECT.finditer(text, start, end)]
    )
    if not cuts:
        return []
    if not _VERB.search(text, start, cuts[0][0]):
        return []  # "des camions chargés de vivres et de médicaments ont…": one subject
    subject = _subject_phrase(text, start, cuts[0][0])
    if subject is None and any(shared for _, _, shared in cuts):
        return []  # "… et a lancé …" with no subject to give it
    parts = []
    part_start, shared = start, False
    for cut_start, cut_end, cut_shared in cuts:
        if cut_start < part_start:
            continue  # two patterns on the same "et"
        parts.append(Clause(part_start, cut_start, (subject or "") if shared else ""))
        part_start, shared = cut_end, cut_shared
    parts.append(Clause(part_start, end, (subject or "") if shared else ""))
    kept = [p for p in parts if len(text[p.start : p.end].split()) >= _MIN_WORDS]
    return kept if len(kept) >= 2 else []


def reported_gerunds(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """ "…, en affirmant que X…" up to the next comma: (span start, what-was-said start, end)."""
    found = []
    for m in _GERUND_SPEECH.finditer(text, start, end):
        stop = _CLAUSE_END.search(text, m.end(), end)
        clause_end = stop.start() if stop else end
        while clause_end > m.end() and text[clause_end - 1] in ' .!?»"”':
            clause_end -= 1
        span_start = m.start() + 1
        while text[span_start].isspace():
            span_start += 1
        if len(text[m.end() : clause_end].split()) >= _MIN_WORDS:
            found.append((span_start, m.end(), clause_end))
    return found


def _subject_phrase(text: str, start: int, end: int) -> str | None:
    """The words before the first auxiliary: "Le conseil" (a voté …)."""
    verb = _FIRST_AUXILIARY.search(text, start, end)
    if verb is None:
        return None
    words = text[start : verb.start()].split()
    return " ".join(words) if 1 <= len(words) <= _MAX_SUBJECT_WORDS else None


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
