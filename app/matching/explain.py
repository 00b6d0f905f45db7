"""Why a candidate matched: shared terms with their spans in both original texts, numbers that
agree or differ, countries in common or in conflict, and one line a checker can read.

The fields are the evidence; ``summary`` is one English sentence for the command line and
its JSON. The window composes its own sentence from the fields, in its language (the
quantities and country codes are kept for that: ``ui/models/explain.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.matching.bilingual import corresponding
from app.matching.places import countries, country_name
from app.matching.quantities import Quantity
from app.matching.scoring import Scored
from app.text.normalize import Token

Span = tuple[int, int]
_LANGUAGE_NAMES = {"fr": "French", "en": "English"}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Evidence for one match. Spans index the ORIGINAL texts (query, candidate text, title)."""

    shared_terms: tuple[str, ...] = ()
    fuzzy_terms: tuple[tuple[str, str], ...] = ()  # (as in the query, as in the candidate)
    numbers_agreeing: tuple[str, ...] = ()
    numbers_differing: tuple[tuple[str, str], ...] = ()  # (query's, candidate's)
    shared_places: tuple[str, ...] = ()  # English names (the JSON's)
    shared_countries: tuple[str, ...] = ()  # the same places as ISO codes, in the same order
    shared_names: tuple[str, ...] = ()  # people, organisations, places: capitalised on both sides
    places_differing: bool = False
    # A mirrored claim: (a shared word as the query writes it, the query's countries, the
    # candidate's), ISO codes: "diplomates" qualified Venezuelan here, Colombian there.
    roles_differing: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    same_speaker: bool = False
    query_spans: tuple[Span, ...] = ()
    text_spans: tuple[Span, ...] = ()
    title_spans: tuple[Span, ...] = ()
    summary: str = ""
    quantities_agreeing: tuple[Quantity, ...] = ()  # numbers_agreeing, unformatted
    quantities_differing: tuple[tuple[Quantity, Quantity], ...] = ()
    # The semantic channel: its cosine when it found the candidate; "semantically related"
    # when the score shown is the cosine's (few words in common); the two languages when they
    # differ ("fr", "en") and the words that translate each other (as each text writes them).
    semantic: float | None = None
    semantically_related: bool = False
    languages: tuple[str, str] | None = None
    corresponding_terms: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "summary": self.summary,
            "shared_terms": list(self.shared_terms),
            "fuzzy_terms": [list(pair) for pair in self.fuzzy_terms],
            "numbers_agreeing": list(self.numbers_agreeing),
            "numbers_differing": [{"query": q, "candidate": c} for q, c in self.numbers_differing],
            "shared_places": list(self.shared_places),
            "shared_countries": list(self.shared_countries),
            "shared_names": list(self.shared_names),
            "places_differing": self.places_differing,
            "roles_differing": [
                {"word": word, "query": list(mine), "candidate": list(theirs)}
                for word, mine, theirs in self.roles_differing
            ],
            "same_speaker": self.same_speaker,
            "query_spans": [list(span) for span in self.query_spans],
            "text_spans": [list(span) for span in self.text_spans],
            "title_spans": [list(span) for span in self.title_spans],
            "semantic": None if self.semantic is None else round(self.semantic, 3),
            "semantically_related": self.semantically_related,
            "languages": list(self.languages) if self.languages else None,
            "corresponding_terms": [list(pair) for pair in self.corresponding_terms],
        }


def explain(
    scored: Scored,
    query_countries: frozenset[str],
    query: tuple[str, list[Token]],
    text: tuple[str, list[Token]],
    title: tuple[str, list[Token]],
    langs: tuple[str, str | None] | None = None,
) -> Explanation:
    """The evidence of *scored*, given each original text with its tokens; *langs*: the
    query's and the candidate's languages, to tell corresponding words across them."""
    query_tokens, text_tokens, title_tokens = query[1], text[1], title[1]
    fuzzy_query = {q for q, _ in scored.fuzzy}
    fuzzy_candidate = {c for _, c in scored.fuzzy}
    in_query = scored.shared | fuzzy_query
    in_candidate = scored.shared | fuzzy_candidate
    shared_terms = tuple(dict.fromkeys(t.term for t in query_tokens if t.term in scored.shared))
    codes = sorted(query_countries & scored.countries, key=country_name)
    explanation = Explanation(
        shared_terms=shared_terms,
        fuzzy_terms=scored.fuzzy,
        numbers_agreeing=tuple(q.label() for q in scored.numbers.agreeing),
        numbers_differing=tuple(_pair(q, c) for q, c in scored.numbers.differing),
        shared_places=tuple(country_name(code) for code in codes),
        shared_countries=tuple(codes),
        shared_names=_shared_names(query, text, title, scored.shared),
        places_differing=scored.country_conflict,
        roles_differing=_roles(getattr(scored, "roles", ()), query),
        same_speaker=scored.same_speaker,
        quantities_agreeing=scored.numbers.agreeing,
        quantities_differing=scored.numbers.differing,
        query_spans=_spans(query_tokens, in_query),
        text_spans=_spans(text_tokens, in_candidate),
        title_spans=_spans(title_tokens, in_candidate),
        semantic=scored.semantic,
        semantically_related=scored.semantic_only,
    )
    if langs and langs[1] and langs[0] != langs[1]:
        pairs = corresponding(query, langs[0], text, langs[1])
        pairs += tuple(p for p in corresponding(query, langs[0], title, langs[1]) if p not in pairs)
        explanation = replace(
            explanation, languages=(langs[0], langs[1]), corresponding_terms=pairs
        )
    return _with_summary(explanation)


def _shared_names(
    query: tuple[str, list[Token]],
    text: tuple[str, list[Token]],
    title: tuple[str, list[Token]],
    shared: frozenset[str],
) -> tuple[str, ...]:
    """Shared terms written with a capital, mid-sentence, on both sides: Macron, Cúcuta…"""
    in_candidate = _capitalised(*text) | _capitalised(*title)
    names: dict[str, str] = {}
    for token in query[1]:
        if token.term in shared and token.term in in_candidate and _is_name(query[0], token):
            if countries([token.term]):  # "Russie" is told among the places already
                continue
            names.setdefault(token.term, query[0][token.start : token.end])
    return tuple(names.values())


def _capitalised(text: str, tokens: list[Token]) -> set[str]:
    return {t.term for t in tokens if _is_name(text, t)}


def _is_name(text: str, token: Token) -> bool:
    if token.is_number or not text[token.start].isupper():
        return False
    before = text[: token.start].rstrip()
    return bool(before) and before[-1] not in '.!?:«"“—-\n'


def _roles(
    roles: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...],
    query: tuple[str, list[Token]],
) -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each mirrored word as the query writes it ("diplomates", not "diplomate")."""
    text, tokens = query
    written: dict[str, str] = {}
    for token in tokens:
        written.setdefault(token.term, text[token.start : token.end])
    return tuple((written.get(word, word), mine, theirs) for word, mine, theirs in roles)


def _pair(query: Quantity, candidate: Quantity) -> tuple[str, str]:
    return query.label(), candidate.label()


def _spans(tokens: list[Token], wanted: set[str] | frozenset[str]) -> tuple[Span, ...]:
    return tuple((t.start, t.end) for t in tokens if t.term in wanted)


def _with_summary(e: Explanation) -> Explanation:
    parts = []
    if e.numbers_differing:
        pairs = ", ".join(f"{q} vs {c}" for q, c in e.numbers_differing)
        parts.append(f"numbers differ ({pairs})")
    if e.places_differing:
        parts.append("names a different country")
    for word, mine, theirs in e.roles_differing:
        ours = ", ".join(country_name(code) for code in mine)
        other = ", ".join(country_name(code) for code in theirs)
        parts.append(f"different actors ({word}: {ours} vs {other})")
    if e.shared_terms or e.fuzzy_terms:
        words = list(e.shared_terms[:6]) + [c for _, c in e.fuzzy_terms[:2]]
        count = len(e.shared_terms) + len(e.fuzzy_terms)
        noun = "term" if count == 1 else "terms"
        parts.append(f"{count} shared {noun} ({', '.join(words)})")
    if e.numbers_agreeing:
        parts.append(f"same numbers ({', '.join(e.numbers_agreeing)})")
    if e.same_speaker:
        parts.append("same speaker")
    if e.shared_names:
        parts.append(f"same names ({', '.join(e.shared_names[:4])})")
    if e.shared_places:
        parts.append(f"same places ({', '.join(e.shared_places)})")
    if e.semantically_related and e.semantic is not None:
        parts.insert(0, f"semantically related (cosine {e.semantic:.2f})")
    if e.languages:
        said = f"in {_LANGUAGE_NAMES.get(e.languages[1], e.languages[1])}"
        if e.corresponding_terms:
            said += ": " + ", ".join(f"{q} = {c}" for q, c in e.corresponding_terms[:5])
        parts.insert(1 if e.semantically_related else 0, said)
    summary = "; ".join(parts) if parts else "no shared terms"
    return replace(e, summary=summary[:1].upper() + summary[1:])
