"""From article text to claim candidates: sentences and clauses, who said it, score and reasons.

Candidates are sentences, plus relative clauses that carry their own checkable fact
(``…Juan Guaido, qui s'est autoproclamé chef d'Etat par intérim en janvier dernier, …``).
Every offset indexes the article text, so ``text[c.start:c.end] == c.text`` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from app.text import checkworthy
from app.text.checkworthy import Element
from app.text.language import detect_language, is_supported
from app.text.segment import split_sentences
from app.text.sourcing import is_anonymous_source, unnamed_person

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
_TOKEN = re.compile(r"\S+")
_COMMA = re.compile(r",\s+")
_PHRASE_STOP = re.compile(r"[,.;:!?»\"”()\n]")
_SUBJECT_BREAK = re.compile(r"[»\"”:;]\s*|,\s+(?=[A-Za-zÀ-ÿ])")
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


def analyse(text: str, lang: str | None = None, title: str = "") -> Analysis:
    """Split ``text`` and propose claims; ``lang`` None or "auto" detects it."""
    if lang in (None, "", "auto"):
        lang = detect_language(text)
    supported = is_supported(lang)
    sentences = split_sentences(text, lang if supported else "fr")
    claims = _claims_of(text, sentences, lang) if supported else []
    return Analysis(lang, title, text, sentences, claims, supported)


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
    context = _last_person(text, max(0, start - _CONTEXT_CHARS), start, lang)
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
    claims: list[ClaimCandidate] = []
    context: str | None = None  # the last person named: who "il" / "he" most likely is
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
        context = _proper(speaker) or (persons[-1] if persons else context)
    claims.sort(key=lambda c: (c.start, -c.end))
    return claims


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
    attribution = _attribution(text, start, end, lang, elements, context)
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


@dataclass(slots=True)
class _Attribution:
    speaker: str | None  # None: unnamed sourcing ("selon plusieurs sources"), no speaker
    elements: list[Element]


def _covered(element: Element, spans: list[Element]) -> bool:
    return element.kind == "quantity" and any(s.start <= element.start < s.end for s in spans)


@cache
def _attribution_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    lex = checkworthy.lexicon(lang)
    flags = 0  # they run on checkworthy.lowered(text)
    return {
        # "a-t-il déclaré": the speaker is a pronoun, resolved from context.
        "inverted": re.compile(
            rf"\b(?:{lex.AUXILIARIES})-t-(?:{lex.PRONOUNS})\s+(?:\w+\s+)?(?:{lex.SPEECH_PARTICIPLES})\b",
            flags,
        ),
        "perfect": re.compile(
            rf"\b(?:{lex.AUXILIARIES})\s+(?:\w+ment\s+|également\s+|aussi\s+|encore\s+)?"
            rf"(?:{lex.SPEECH_PARTICIPLES})\b",
            flags,
        ),
        "present": re.compile(
            rf"\b(?:{lex.SPEECH_PRESENTS})\b"
            if lang == "en"  # "X said", "said X": English needs no auxiliary
            else rf"(?:[»\"”]\s*,?\s*(?:{lex.SPEECH_PRESENTS})\b)"
            rf"|\b(?:{lex.SPEECH_PRESENTS})\s+(?:que|qu'|qu’)",
            flags,
        ),
        "source": re.compile(rf"\b(?:{lex.SOURCE_MARKERS})\s+", flags),
        "pronoun": re.compile(rf"^\W*(?:{lex.PRONOUNS})\b", flags),
    }


def _attribution(
    text: str, start: int, end: int, lang: str, elements: list[Element], context: str | None
) -> _Attribution | None:
    """Who the span reports as saying it: "a tweeté X", "X a déclaré", "selon X", "X said"."""
    found = _attribution_patterns(lang)
    names = [e for e in elements if e.kind in ("person", "name")]
    quoted = [(e.start, e.end) for e in elements if e.kind == "quote"]
    for kind in ("inverted", "perfect", "present", "source"):
        for m_start, m_end in checkworthy.scan(found[kind], text, start, end):
            if any(q_start <= m_start < q_end for q_start, q_end in quoted):
                continue  # "« Il a dit non », affirme X": the quoted verb reports nothing
            after_quote = text[m_start] in '»"”'  # the "present" form: «…», affirme X
            while text[m_start] in '»"”, \u00a0\u202f':
                m_start += 1
            verb = checkworthy.element_at("attribution", text, m_start, m_end)
            if kind == "inverted":
                speaker = context
                speaker_el = None
            elif kind == "source" or after_quote or _follows_quote(text, start, m_start):
                speaker_el = _noun_phrase_after(text, m_end, end, names, lang)
                speaker = speaker_el.text if speaker_el else None
            else:
                speaker_el = _subject_before(text, start, m_start, names, lang)
                speaker = speaker_el.text if speaker_el else None
                if speaker_el is not None and found["pronoun"].match(speaker_el.text.lower()):
                    speaker, speaker_el = context, None
            if speaker and is_anonymous_source(speaker, lang):
                if speaker_el is None:
                    return None  # an "il" resolved to unnamed sources: nobody to name
                unnamed = Element("anonymous", speaker_el.text, speaker_el.start, speaker_el.end)
                return _Attribution(None, [verb, unnamed])
            if speaker:
                extra = [verb] + ([speaker_el] if speaker_el is not None else [])
                return _Attribution(speaker, extra)
    return None


def _follows_quote(text: str, start: int, pos: int) -> bool:
    """A verb right after a closing quote puts the speaker after it ("…", a tweeté X)."""
    before = text[start:pos].rstrip(" ,\u00a0\u202f")
    return before.endswith(("»", '"', "”")) or before == ""


def _noun_phrase_after(
    text: str, pos: int, end: int, names: list[Element], lang: str
) -> Element | None:
    m = _PHRASE_STOP.search(text, pos, end)
    phrase_end = m.start() if m else end
    words = list(_TOKEN.finditer(text, pos, phrase_end))[:10]
    if not words:
        return None
    phrase_end = words[-1].end()
    if unnamed_person(text[pos:phrase_end], lang):
        # "selon un proche de Jean Dupont": the source is the unnamed one, not Jean Dupont
        return checkworthy.element_at("speaker", text, pos, phrase_end)
    inside = [n for n in names if pos <= n.start and n.end <= phrase_end]
    if not inside and m is not None and text[m.start()] == ",":
        # Apposition: "a déclaré le porte-parole des pompiers, Yannis Artopios."
        following = _PHRASE_STOP.search(text, m.end(), end)
        after_end = following.start() if following else end
        inside = [n for n in names if n.kind == "person" and m.end() <= n.start < after_end]
    if inside:
        return Element("speaker", inside[-1].text, inside[-1].start, inside[-1].end)
    return checkworthy.element_at("speaker", text, pos, phrase_end)


def _subject_before(
    text: str, start: int, verb: int, names: list[Element], lang: str
) -> Element | None:
    """The subject of a reporting verb: a person in it, else the phrase itself (no clauses)."""
    clause_start = start
    for m in _SUBJECT_BREAK.finditer(text, start, verb):
        if not _inside_relative(text, m.end(), verb, lang):
            clause_start = m.end() if text[m.start()] != "," else clause_start
    # "Four people died, the mayor said": only the phrase after the last comma can be unnamed
    commas = [m.end() for m in _COMMA.finditer(text, clause_start, verb) if text[m.end() : verb]]
    tail = commas[-1] if commas else clause_start
    tail_words = list(_TOKEN.finditer(text, tail, verb))
    if tail_words and len(tail_words) <= 8 and unnamed_person(text[tail:verb], lang):
        # "Un proche de Jean Dupont a affirmé": nobody named said it
        return checkworthy.element_at("speaker", text, tail, tail_words[-1].end())
    subject = [n for n in names if clause_start <= n.start and n.end <= verb]
    subject = [n for n in subject if not _in_relative_span(text, clause_start, n.start, lang)]
    persons = [n for n in subject if n.kind == "person"] or subject
    if persons:
        first = persons[0]
        return Element("speaker", first.text, first.start, first.end)
    words = list(_TOKEN.finditer(text, clause_start, verb))
    if not words or len(words) > 8:
        return None
    return checkworthy.element_at("speaker", text, clause_start, words[-1].end())


def _inside_relative(text: str, pos: int, verb: int, lang: str) -> bool:
    return bool(_relative_opener(lang).match(text, pos, verb))


def _in_relative_span(text: str, clause_start: int, pos: int, lang: str) -> bool:
    """Is ``pos`` inside ", qui …," between the subject and its verb?"""
    opener = _relative_opener(lang)
    last = None
    for m in _COMMA.finditer(text, clause_start, pos):
        last = m.end()
    return last is not None and bool(opener.match(text, last, pos))


@cache
def _relative_opener(lang: str) -> re.Pattern[str]:
    if lang == "en":
        return re.compile(r"(?:who|which|whose|whom)\b", re.IGNORECASE)
    return re.compile(r"(?:qui|lequel|laquelle|lesquels|lesquelles|dont|où)\b", re.IGNORECASE)


def _relative_clauses(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """ ", qui …" up to the next comma or the sentence end: a fact of its own."""
    opener = _relative_opener(lang)
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


def _last_person(text: str, start: int, end: int, lang: str) -> str | None:
    persons = [e.text for e in checkworthy.names(text, start, end, lang) if e.kind == "person"]
    return persons[-1] if persons else None


def _proper(speaker: str | None) -> str | None:
    """A speaker that is a name (a capital), fit to stand for a later "il"."""
    return speaker if speaker and speaker[:1].isupper() else None


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
