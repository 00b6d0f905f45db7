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
from app.text.clauses import (
    coordinated_clauses,
    coordinated_parts,
    reported_gerunds,
    temporal_clauses,
    without_subject_phrase,
)
from app.text.language import detect_language, is_supported
from app.text.mentions import Mentions
from app.text.reasons import ABOUT, Reason, not_worth_reason, reasons_of
from app.text.segment import split_sentences
from app.text.sourcing import is_anonymous_source
from app.text.speakers import find_attribution, last_person, proper, relative_opener
from app.text.statements import Frame, clause_statement, finish, sentence_statement

__all__ = [
    "Analysis",
    "ClaimCandidate",
    "Element",
    "analyse",
    "claim_display_text",
    "describe_span",
    "extract_claims",
    "is_anonymous_source",
    "rescore",
]

CLAIM_THRESHOLD = 0.3  # below: not proposed. Recall first (ClaimBuster dev R 0.87; F1 peaks at 0.4)
CLAUSE_THRESHOLD = 0.3  # a clause is short: its length feature counts less
MIN_CLAUSE_WORDS = 4
MIN_ASIDE_WORDS = 3  # a set-aside sentence has a few words: "C'est une honte", not a byline
_COMMA = re.compile(r",\s+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CLAUSE_STOP = re.compile(r",\s|[;:(]|[.!?…]+[»\"”]?\s*$")
_ABOUT = ABOUT
_ANY_RELATIVE = re.compile(
    r"(?:qui|lequel|laquelle|lesquels|lesquelles|dont|où|who|which|whose|whom)\b", re.IGNORECASE
)
_TITLE_BEFORE = re.compile(
    r"(?:(?<=\s)|^)(?:(?:le|la|the|l['’])\s*)?(?P<title>[\w.’'-]+)\s+$",
    re.IGNORECASE,
)
_WHICH = re.compile(r"which\b", re.IGNORECASE)
_AUXILIARY_EN = re.compile(
    r"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|did|does|do)\b"
)
_MAX_SUBJECT_WORDS = 6
_SOURCE_VERB = re.compile(
    r"(?:selon|d['’]apr[èe]s|aux dires|de l'avis|cit[ée] par|according to|as reported|cited by|"
    r"quoting)",
    re.IGNORECASE,
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
    statement: str = ""  # the claim as a checker writes it (``text`` is the exact span)
    reason_spans: list[Reason] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "statement": self.statement,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.checkworthiness, 3),
            "reasons": list(self.reasons),
            "reason_spans": [r.to_json() for r in self.reason_spans],
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
    # Sentences kept as "not check-worthy" (opinion, question, framing), each with its reason.
    set_aside: list[ClaimCandidate] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "title": self.title,
            "text": self.text,
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "claims": [c.to_json() for c in self.claims],
            "not_checkworthy": [c.to_json() for c in self.set_aside],
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
    set_aside: list[ClaimCandidate] = []
    if supported:
        for done, batch in iter_claims(text, sentences, lang, set_aside=set_aside):
            claims.extend(batch)
            if on_batch is not None:
                on_batch(done, len(sentences))
    return Analysis(lang, title, text, sentences, claims, supported, set_aside)


# Sentences analysed between two ``on_batch`` calls (≈ 0.1 s of work).
BATCH_SENTENCES = 200


def iter_claims(
    text: str,
    sentences: list[tuple[int, int]],
    lang: str,
    batch: int | None = None,
    set_aside: list[ClaimCandidate] | None = None,
) -> Iterator[tuple[int, list[ClaimCandidate]]]:
    """(sentences done, their claims sorted by start) every *batch* (default
    ``BATCH_SENTENCES``) sentences: the claims of a long text in order, without holding them
    all (each batch's follow the last's)."""
    batch = batch or BATCH_SENTENCES
    context: str | None = None
    mentions = Mentions(text, lang)  # built once: later mentions resolve across batches
    aside = set_aside if set_aside is not None else []
    for first in range(0, len(sentences), batch):
        part = sentences[first : first + batch]
        claims, context = _claims_and_context(text, part, lang, context, mentions, aside)
        yield first + len(part), claims


def extract_claims(text: str, lang: str) -> list[ClaimCandidate]:
    """Claim candidates of ``text``, sorted by start (ties: the longer span first)."""
    return _claims_of(text, split_sentences(text, lang), lang, [])


def rescore(text: str, lang: str) -> ClaimCandidate:
    """Score a claim written or reworded by the checker, on its own words."""
    return describe_span(text, 0, len(text), lang)


def describe_span(text: str, start: int, end: int, lang: str) -> ClaimCandidate:
    """Score a span the checker selected by hand ("New claim from selection")."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside a text of {len(text)} characters")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lang = lang if is_supported(lang) else "fr"
    mentions = Mentions(text, lang)
    context = last_person(text, max(0, start - _CONTEXT_CHARS), start, lang)
    context = mentions.resolve(context) or context
    about, clause = None, _relative_at(text, start, end, lang)
    phrase = None
    if clause:
        element = _antecedent(checkworthy.names(text, max(0, start - 200), start, lang), start)
        about = element.text if element else None
        phrase = _titled(text, element) if element else None
    found = span_features(text, start, end, lang, context, about)
    worth = checkworthy.score(found[3])
    return _build(text, start, end, found, worth, lang, mentions, about, phrase, context)


def claim_display_text(
    text: str, reasons: tuple[str, ...] | list[str] = (), statement: str = ""
) -> str:
    """A claim as reports show it: its statement, else a relative clause with its subject.

    Claims stored before statements existed have none:

    ``qui s'est autoproclamé…`` with the reason ``about Juan Guaido`` reads
    ``[Juan Guaido] qui s'est autoproclamé…``; any other claim is returned unchanged. The
    stored text and its offsets stay as they are: this is for display and exports only.
    """
    if statement:
        return statement
    about = next((r[len(_ABOUT) :].strip() for r in reasons if r.startswith(_ABOUT)), "")
    if not about or not _ANY_RELATIVE.match(text.lstrip()):
        return text
    return f"[{about}] {text.lstrip()}"


def _claims_of(
    text: str, sentences: list[tuple[int, int]], lang: str, set_aside: list[ClaimCandidate]
) -> list[ClaimCandidate]:
    return _claims_and_context(text, sentences, lang, None, Mentions(text, lang), set_aside)[0]


def _claims_and_context(
    text: str,
    sentences: list[tuple[int, int]],
    lang: str,
    context: str | None,
    mentions: Mentions,
    set_aside: list[ClaimCandidate],
) -> tuple[list[ClaimCandidate], str | None]:
    """The claims of *sentences*, sorted, and the person named last (*context*: who "il" /
    "he" most likely is, carried from the sentences before); sentences set aside as not
    check-worthy go to *set_aside*."""
    claims: list[ClaimCandidate] = []
    for start, end in sentences:
        found = span_features(text, start, end, lang, context)
        worth = checkworthy.score(found[3])
        sentence = _build(text, start, end, found, worth, lang, mentions, None, None, context)
        if worth >= CLAIM_THRESHOLD:
            claims.append(sentence)
        elif _is_prose(text, start, end):
            sentence.reasons.insert(0, not_worth_reason(found[3]))
            set_aside.append(sentence)
        elements, loaded, speaker, _ = found
        for clause_start, clause_end in _relative_clauses(text, start, end, lang):
            about_element = _antecedent(elements, clause_start)
            about = about_element.text if about_element else None
            phrase = _titled(text, about_element) if about_element else None
            if about is None and _WHICH.match(text, clause_start):
                # "Construction of the lanes will begin in May, which…": the whole event
                about = phrase = _sentence_subject(text, start, clause_start)
            inner = (
                _inside(elements, clause_start, clause_end),
                _inside(loaded, clause_start, clause_end),
            )
            clause = span_features(text, clause_start, clause_end, lang, None, about, inner)
            if (worth := checkworthy.score(clause[3])) >= CLAUSE_THRESHOLD:
                claims.append(
                    _build(
                        text, clause_start, clause_end, clause, worth, lang, mentions, about, phrase
                    )
                )
        claims += _temporal_claims(text, start, end, lang, found, mentions)
        claims += _gerund_claims(text, start, end, lang, found, mentions)
        if speaker is None and not any(e.kind == "quote" for e in elements):
            claims += _coordinated_claims(text, start, end, lang, found, mentions)
        persons = [e.text for e in elements if e.kind == "person"]
        latest = proper(speaker) or (persons[-1] if persons else None)
        context = (mentions.resolve(latest) or latest) if latest else context
    claims.sort(key=lambda c: (c.start, -c.end))
    return claims, context


def _temporal_claims(
    text: str, start: int, end: int, lang: str, found: _Found, mentions: Mentions
) -> list[ClaimCandidate]:
    """ "…, lorsque Juan Guaido s'est déclaré président et a lancé…": one claim a verb."""
    elements, loaded = found[0], found[1]
    claims = []
    for clause_start, clause_end, subject in temporal_clauses(text, start, end, elements):
        for i, part in enumerate(coordinated_parts(text, clause_start, clause_end, subject)):
            statement = (
                without_subject_phrase(text, part.start, part.end, subject)
                if i == 0
                else f"{subject} {text[part.start : part.end]}"
            )
            inner = (_inside(elements, part.start, part.end), _inside(loaded, part.start, part.end))
            clause = span_features(text, part.start, part.end, lang, None, subject, inner)
            if (worth := checkworthy.score(clause[3])) >= CLAUSE_THRESHOLD:
                candidate = _build(text, part.start, part.end, clause, worth, lang, mentions)
                candidate.statement = finish(statement)
                claims.append(candidate)
    return claims


def _gerund_claims(
    text: str, start: int, end: int, lang: str, found: _Found, mentions: Mentions
) -> list[ClaimCandidate]:
    """ "Nicolas Maduro, …, en affirmant que les Etats-Unis veulent…": what he affirmed, with
    the sentence's speaker (or the person it opens on) as the claimant."""
    elements, loaded, speaker = found[0], found[1], found[2]
    claims = []
    for span_start, said, span_end in reported_gerunds(text, start, end):
        persons = [e.text for e in elements if e.kind == "person" and e.end <= span_start]
        who = speaker or (persons[0] if persons else None)
        if who is None:
            continue
        inner = (_inside(elements, said, span_end), _inside(loaded, said, span_end))
        values = span_features(text, said, span_end, lang, None, None, inner)[3]
        values |= {"attribution": 1.0, "person": 1.0}
        if (worth := checkworthy.score(values)) >= CLAUSE_THRESHOLD:
            clause = (inner[0], inner[1], who, values)
            candidate = _build(text, span_start, span_end, clause, worth, lang, mentions)
            candidate.statement = finish(text[said:span_end])
            claims.append(candidate)
    return claims


def _coordinated_claims(
    text: str, start: int, end: int, lang: str, found: _Found, mentions: Mentions
) -> list[ClaimCandidate]:
    """ "Le budget a augmenté de 5 % et les syndicats ont appelé à la grève": one claim each
    (a sentence reporting someone's words is left whole: its parts would lose the speaker)."""
    elements, loaded = found[0], found[1]
    claims = []
    for part in coordinated_clauses(text, start, end):
        inner = (_inside(elements, part.start, part.end), _inside(loaded, part.start, part.end))
        values = span_features(text, part.start, part.end, lang, None, None, inner)
        if (worth := checkworthy.score(values[3])) >= CLAUSE_THRESHOLD:
            candidate = _build(text, part.start, part.end, values, worth, lang, mentions)
            body = text[part.start : part.end]
            candidate.statement = finish(f"{part.subject} {body}" if part.subject else body)
            claims.append(candidate)
    return claims


def _is_prose(text: str, start: int, end: int) -> bool:
    """A sentence worth showing as set aside: a few words, not a byline ("L. M./Agences")."""
    return len(_WORD.findall(text, start, end)) >= MIN_ASIDE_WORDS


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
    if about:  # a relative clause is about its antecedent, named just before it: its subject
        values["names"] = max(values["names"], 1 / 3)
        values["named_subject"] = 1.0
    return elements, loaded, (attribution.speaker if attribution else None), values


def _build(
    text: str,
    start: int,
    end: int,
    found: _Found,
    worth: float,
    lang: str,
    mentions: Mentions,
    about: str | None = None,
    antecedent: str | None = None,
    context: str | None = None,
) -> ClaimCandidate:
    """The candidate with its statement and reasons; built only for spans that are shown.

    ``about`` names a relative clause's antecedent, ``antecedent`` is its wording with a title
    ("Le président Maduro"), ``context`` the person a pronoun subject most likely stands for.
    """
    elements, loaded, speaker, _ = found
    speaker = mentions.claimant(speaker)
    elements = [  # "Brooks" after "Mayor Jane Brooks" is a person
        Element("person", e.text, e.start, e.end)
        if e.kind == "name" and mentions.is_person(e.text)
        else e
        for e in elements
    ]
    named = bool(speaker) and speaker is not None and speaker[:1].isupper()
    reasons = reasons_of(text, start, end, lang, (elements, loaded, speaker, found[3]), named)
    if about:
        reasons.insert(0, Reason(f"{_ABOUT}{about}"))
    frame = _frame(elements)
    quotes = [e for e in elements if e.kind == "quote"]
    if about:
        statement = clause_statement(text, start, end, antecedent or about, frame)
    else:
        statement = sentence_statement(text, start, end, frame, quotes, speaker or context)
    return ClaimCandidate(
        text=text[start:end],
        start=start,
        end=end,
        checkworthiness=worth,
        reasons=[r.text for r in reasons],
        speaker=speaker,
        elements=elements,
        loaded=loaded,
        statement=statement,
        reason_spans=reasons,
    )


def _frame(elements: list[Element]) -> Frame | None:
    """The attribution frame span_features found: its verb (or "selon") and speaker words."""
    verb = next((e for e in elements if e.kind == "attribution"), None)
    if verb is None:
        return None
    speaker = next((e for e in elements if e.kind in ("speaker", "anonymous")), None)
    kind = "source" if _SOURCE_VERB.match(verb.text) else "speech"
    return Frame(verb, speaker, kind)


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


def _antecedent(elements: list[Element], clause_start: int) -> Element | None:
    """The name a relative clause hangs on: ``Juan Guaido, qui …``."""
    for element in elements:
        if element.kind in ("person", "name") and 0 < clause_start - element.end <= 3:
            return element
    return None


def _titled(text: str, element: Element) -> str:
    """The antecedent with the title right before it: ``Le président Maduro, qui …`` reads
    "Le président Maduro"; ``…du Parlement Juan Guaido, qui`` stays "Juan Guaido"."""
    before = text[max(0, element.start - 60) : element.start]
    title = _TITLE_BEFORE.search(before)
    if title is None or not checkworthy.is_title_word(title.group("title").split()[-1]):
        return element.text
    return f"{title.group().strip()} {element.text}"


def _sentence_subject(text: str, start: int, end: int) -> str | None:
    """The words before a sentence's first auxiliary ("Construction of the lanes" will…)."""
    verb = _AUXILIARY_EN.search(text, start, end)
    if verb is None:
        return None
    subject = text[start : verb.start()].strip()
    words = subject.split()
    return subject if 1 <= len(words) <= _MAX_SUBJECT_WORDS and "," not in subject else None


def _relative_at(text: str, start: int, end: int, lang: str) -> bool:
    """Does the selection open with a relative pronoun after a comma (``…X, qui …``)?"""
    return bool(relative_opener(lang).match(text, start, end)) and text[:start].rstrip().endswith(
        ","
    )


def _element_json(element: Element) -> dict[str, Any]:
    return {"kind": element.kind, "text": element.text, "start": element.start, "end": element.end}
