"""Why a checker should (or need not) look at a claim, each reason tied to the words behind it.

Reasons are phrased for the checker ("a figure attributed to a named person", "a prediction",
"a causal claim"), not as an entity dump; every reason carries the spans of the words that
triggered it, so the window can highlight them and ``crible split --json`` can expose them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.text import checkworthy
from app.text.checkworthy import Element

__all__ = ["ABOUT", "Reason", "reasons_of"]

ABOUT = "about "  # the reason naming a relative clause's antecedent (claim_display_text reads it)


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    spans: tuple[Element, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.text,
            "spans": [{"start": e.start, "end": e.end, "text": e.text} for e in self.spans],
        }


def reasons_of(
    text: str,
    start: int,
    end: int,
    lang: str,
    found: tuple[list[Element], list[Element], str | None, dict[str, float]],
    named_speaker: bool,
) -> list[Reason]:
    """The reasons of one span, strongest first; ``named_speaker``: the speaker is a name."""
    elements, loaded, speaker, values = found
    by_kind: dict[str, list[Element]] = {}
    for element in elements:
        by_kind.setdefault(element.kind, []).append(element)
    reasons: list[Reason] = []
    vague_words = checkworthy.patterns(lang)["vague"]
    vague = [e for e in by_kind.get("quantity", []) if vague_words.match(e.text.lower())]
    figures = by_kind.get("number", []) + [e for e in by_kind.get("quantity", []) if e not in vague]
    if figures:
        label = (
            f"a figure attributed to {speaker}"
            if speaker and named_speaker
            else "a figure to verify"
        )
        reasons.append(_reason(label, figures))
    if vague:
        reasons.append(_reason("an unquantified amount", vague))
    for kind, label in (
        ("comparison", "a comparison or a change"),
        ("causal", "a causal claim"),
        ("prediction", "a prediction"),
        ("date", "a dated event"),
    ):
        if by_kind.get(kind):
            reasons.append(_reason(label, by_kind[kind]))
    people = by_kind.get("person", [])
    if people:
        reasons.append(_reason("about a named person", people))
    others = by_kind.get("name", [])
    if others and not people:
        reasons.append(_reason("about a named place or body", others))
    if speaker:
        speaker_spans = by_kind.get("speaker", []) + by_kind.get("attribution", [])
        reasons.append(_reason(f"attributed to {speaker}", speaker_spans, show_words=False))
    unnamed = by_kind.get("anonymous", [])
    if unnamed:
        reasons.append(_reason("anonymous sourcing", unnamed))
    if values.get("quote"):
        quotes = [e for e in by_kind.get("quote", []) if len(e.text.split()) >= 4]
        reasons.append(_reason("a direct quote", quotes, show_words=False))
    if loaded:
        reasons.append(_reason("loaded words (opinion, not fact)", loaded))
    if values.get("opinion"):
        reasons.append(_reason("an opinion rather than a fact", _spans(text, start, end, lang)))
    if values.get("question"):
        reasons.append(Reason("a question, not a claim"))
    return reasons


def not_worth_reason(values: dict[str, float]) -> str:
    """Why a sentence is set aside: the first that applies."""
    if values.get("question"):
        return "a question, not a claim"
    if values.get("opinion"):
        return "an opinion rather than a fact"
    if values.get("loaded"):
        return "framing: loaded words without a checkable fact"
    return "no figure, date, named source or event to check"


def _reason(label: str, spans: list[Element], show_words: bool = True) -> Reason:
    unique = list(dict.fromkeys(spans))
    texts = list(dict.fromkeys(e.text for e in unique))
    shown = f"{label}: {', '.join(texts[:4])}" if texts and show_words else label
    return Reason(shown, tuple(unique))


def _spans(text: str, start: int, end: int, lang: str) -> list[Element]:
    opinion = checkworthy.patterns(lang)["opinion"]
    return [
        checkworthy.element_at("opinion", text, s, e)
        for s, e in checkworthy.scan(opinion, text, start, end)
    ]
