"""From article text to claim candidates: sentences and clauses, who said it, score and reasons.

Candidates are sentences, plus relative clauses that carry their own checkable fact
(``…Juan Guaido, qui s'est autoproclamé chef d'Etat par intérim en janvier dernier, …``).
Every offset indexes the article text, so ``text[c.start:c.end] == c.text`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.text import checkworthy
from app.text.checkworthy import Element
from app.text.language import detect_language, is_supported
from app.text.segment import split_sentences
from app.text.sourcing import is_anonymous_source
from app.text.speakers import find_attribution, last_person, proper, relative_opener

__all__ = [
    "Analysis",
    "ClaimCandidate",
    "Element",
    "analyse",
    "claim_display_text",
    "describe_span",
    "extract_claims",
    "is_anonymous_source",
]

CLAIM_THRESHOLD = 0.3  # below: not proposed. Recall first (ClaimBuster dev R 0.87; F1 peaks at 0.4)
CLAUSE_THRESHOLD = 0.3  # a clause is short: its length feature counts less
MIN_CLAUSE_WORDS = 4
_COMMA = re.compile(r",\s+")
_CLAUSE_STOP = re.compile(r",\s|[;:(]|[.!?…]+[»\"”]?\s*$")
_ABOUT = "about "  # the reason naming a relative clause's antecedent
_ANY_RELATIVE = re.compile(
    r"(?:qui|lequel|laquelle|lesquels|lesquelles|dont|où|who|which|whose|whom)\b", re.IGNORECASE
)
_CONTEXT_CHARS = 3000  # how far back describe_span looks for the person "il" refers to


@dataclass(slots=True)
class ClaimCandidate:
    """A span worth checking, with the reasons a checker reads in the tooltip."""

    text: str
    start: int
    end: int
    checkworthiness: float
    reasons: list[str] = field(default_factory=list)
    speaker: str | None = None
    elements: list[Element] = field(default_factory=list)
    loaded: list[Element] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.checkworthiness, 3),
            "reasons": list(self.reasons),
            "speaker": self.speaker,
            "elements": [_element_json(e) for e in self.elements],
            "loaded": [_element_json(e) for e in self.loaded],
        }


@dataclass(slots=True)
class Analysis:
    """An article split into sentences and claim candidates (the `crible split` result)."""

    lang: str
    title: str
    text: str
    sentences: list[tuple[int, int]]
    claims: list[ClaimCandidate]
    lang_supported: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "title": self.title,
            "text": self.text,
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "claims": [c.to_json() for c in self.claims],
        }


def analyse(
    text: str,
    lang: str | None = None,
    title: str = "",
    on_batch: Callable[[int, int], None] | None = None,
) -> Analysis:
    """Split ``text`` and propose claims; ``lang`` None or "auto" detects it.

    *on_batch(sentences done, sentences in all)* is called after each ``BATCH_SENTENCES``
    sentences (a window's job reports progress there, and stops by raising)."""
    if lang in (None, "", "auto"):
        lang = detect_language(text)
    supported = is_supported(lang)
    sentences = split_sentences(text, lang if supported else "fr")
    claims: list[ClaimCandidate] = []
    if supported:
        for done, batch in iter_claims(text, sentences, lang):
            claims.extend(batch)
            if on_batch is not None:
                on_batch(done, len(sentences))
    return Analysis(lang, title, text, sentences, claims, supported)


# Sentences analysed between two ``on_batch`` calls (≈ 0.1 s of work).
BATCH_SENTENCES = 200


def iter_claims(
    text: str, sentences: list[tuple[int, int]], lang: str, batch: int | None = None
) -> Iterator[tuple[int, list[ClaimCandidate]]]:
    """(sentences done, their claims sorted by start) every *batch* (default
    ``BATCH_SENTENCES``) sentences: the claims of a long text in order, without holding them
    all (each batch's follow the last's)."""
    batch = batch or BATCH_SENTENCES
    context: str | None = None
    for first in range(0, len(sentences), batch):
        part = sentences[first : first + batch]
        claims, context = _claims_and_context(text, part, lang, context)
        yield first + len(part), claims


def extract_claims(text: str, lang: str) -> list[ClaimCandidate]:
    """Claim candidates of ``text``, sorted by start (ties: the longer span first)."""
    return _claims_of(text, split_sentences(text, lang), lang)


def describe_span(text: str, start: int, end: int, lang: str) -> ClaimCandidate:
    """Score a span the checker selected by hand ("New claim from selection")."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lang = lang if is_supported(lang) else "fr"
    context = last_person(text, max(0, start - _CONTEXT_CHARS), start, lang)
    return _candidate(text, start, end, lang, context)


def claim_display_text(text: str, reasons: tuple[str, ...] | list[str] = ()) -> str:
    """A claim as reports show it: a relative clause gets its subject back.

    ``qui s'est autoproclamé…`` with the reason ``about Juan Guaido`` reads
    ``[Juan Guaido] qui s'est autoproclamé…``; any other claim is returned unchanged. The
    stored text and its offsets stay as they are: this is for display and exports only.
    """
    about = next((r[len(_ABOUT) :].strip() for r in reasons if r.startswith(_ABOUT)), "")
    if not about or not _ANY_RELATIVE.match(text.lstrip()):
        return text
    return f"[{about}] {text.lstrip()}"


def _claims_of(text: str, sentences: list[tuple[int, int]], lang: str) -> list[ClaimCandidate]:
    return _claims_and_context(text, sentences, lang, None)[0]


def _claims_and_context(
    text: str, sentences: list[tuple[int, int]], lang: str, context: str | None
) -> tuple[list[ClaimCandidate], str | None]:
    """The claims of *sentences*, sorted, and the person named last (*context*: who "il" /
    "he" most likely is, carried from the sentences before)."""
    claims: list[ClaimCandidate] = []
    for start, end in sentences:
        found = span_features(text, start, end, lang, context)
        if (worth := checkworthy.score(found[3])) >= CLAIM_THRESHOLD:
            claims.append(_build(text, start, end, found, worth))
        elements, loaded, speaker, _ = found
        for clause_start, clause_end in _relative_clauses(text, start, end, lang):
            about = _antecedent(elements, clause_start)
            inner = (
                _inside(elements, clause_start, clause_end),
                _inside(loaded, clause_start, clause_end),
            )
            clause = span_features(text, clause_start, clause_end, lang, None, about, inner)
            if (worth := checkworthy.score(clause[3])) >= CLAUSE_THRESHOLD:
                claims.append(_build(text, clause_start, clause_end, clause, worth, about))
        persons = [e.text for e in elements if e.kind == "person"]
        context = proper(speaker) or (persons[-1] if persons else context)
    claims.sort(key=lambda c: (c.start, -c.end))
    return claims, context


_Found = tuple[list[Element], list[Element], str | None, dict[str, float]]


def span_features(
    text: str,
    start: int,
    end: int,
    lang: str,
    context: str | None = None,
    about: str | None = None,
    known: tuple[list[Element], list[Element]] | None = None,
) -> _Found:
    """Elements, loaded words, speaker and scorer inputs of one span (the bench fits on these).

    ``known`` passes the elements and loaded words already found in the span (a clause takes
    them from its sentence) so that they are not looked for twice.
    """
    if known is None:
        elements = checkworthy.find_elements(text, start, end, lang)
        loaded = checkworthy.find_loaded(text, start, end, lang)
    else:
        elements, loaded = known
    attribution = find_attribution(text, start, end, lang, elements, context)
    if attribution is not None:
        unnamed = [e for e in attribution.elements if e.kind == "anonymous"]
        # "plusieurs sources" is who is (not) named, not a quantity to check
        elements = [e for e in elements if not _covered(e, unnamed)]
        elements = sorted([*elements, *attribution.elements], key=lambda e: (e.start, -e.end))
    values = checkworthy.features(text, start, end, lang, elements, loaded)
    if about:  # a relative clause is about its antecedent, named just before it
        values["names"] = max(values["names"], 1 / 3)
    return elements, loaded, (attribution.speaker if attribution else None), values


def _candidate(
    text: str, start: int, end: int, lang: str, context: str | None, about: str | None = None
) -> ClaimCandidate:
    found = span_features(text, start, end, lang, context, about)
    return _build(text, start, end, found, checkworthy.score(found[3]), about)


def _build(
    text: str, start: int, end: int, found: _Found, worth: float, about: str | None = None
) -> ClaimCandidate:
    """The candidate with its reasons; built only for spans that are kept (reasons cost)."""
    elements, loaded, speaker, values = found
    reasons = _reasons(elements, loaded, speaker, values)
    if about:
        reasons.insert(0, f"{_ABOUT}{about}")
    return ClaimCandidate(
        text=text[start:end],
        start=start,
        end=end,
        checkworthiness=worth,
        reasons=reasons,
        speaker=speaker,
        elements=elements,
        loaded=loaded,
    )


def _covered(element: Element, spans: list[Element]) -> bool:
    return element.kind == "quantity" and any(s.start <= element.start < s.end for s in spans)


def _relative_clauses(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """ ", qui …" up to the next comma or the sentence end: a fact of its own."""
    opener = relative_opener(lang)
    clauses = []
    for comma in _COMMA.finditer(text, start, end):
        clause_start = comma.end()
        if not opener.match(text, clause_start, end):
            continue
        stop = _CLAUSE_STOP.search(text, clause_start, end)
        clause_end = stop.start() if stop else end
        while clause_end > clause_start and text[clause_end - 1] in ' ,.;:!?»"”':
            clause_end -= 1
        if len(text[clause_start:clause_end].split()) >= MIN_CLAUSE_WORDS:
            clauses.append((clause_start, clause_end))
    return clauses


def _inside(elements: list[Element], start: int, end: int) -> list[Element]:
    """The elements of a sentence that lie in its clause, attribution aside (it is redone)."""
    return [
        e
        for e in elements
        if start <= e.start
        and e.end <= end
        and e.kind not in ("attribution", "speaker", "anonymous")
    ]


def _antecedent(elements: list[Element], clause_start: int) -> str | None:
    """The name a relative clause hangs on: ``Juan Guaido, qui …``."""
    for element in elements:
        if element.kind in ("person", "name") and 0 < clause_start - element.end <= 3:
            return element.text
    return None


_REASON_LABELS = {
    "number": "number",
    "quantity": "quantity",
    "date": "date",
    "person": "people",
    "name": "named",
    "comparison": "comparison",
    "causal": "causal",
    "prediction": "prediction",
}


def _reasons(
    elements: list[Element], loaded: list[Element], speaker: str | None, values: dict[str, float]
) -> list[str]:
    reasons = []
    for kind, label in _REASON_LABELS.items():
        texts = list(dict.fromkeys(e.text for e in elements if e.kind == kind))
        if not texts:
            continue
        if kind == "number" and any(not t[-1:].isdigit() for t in texts):
            label = "number with unit"
        reasons.append(f"{label}: {', '.join(texts[:4])}")
    if speaker:
        reasons.append(f"attributed to {speaker}")
    for unnamed in dict.fromkeys(e.text for e in elements if e.kind == "anonymous"):
        reasons.append(f"anonymous sourcing: {unnamed}")
    if values["quote"]:
        reasons.append("direct quote")
    if loaded:
        words = ", ".join(dict.fromkeys(e.text for e in loaded))
        reasons.append(f"loaded words (opinion, not fact): {words}")
    if values["opinion"]:
        reasons.append("opinion marker")
    if values["question"]:
        reasons.append("a question")
    return reasons


def _element_json(element: Element) -> dict[str, Any]:
    return {"kind": element.kind, "text": element.text, "start": element.start, "end": element.end}
