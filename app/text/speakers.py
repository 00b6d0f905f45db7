"""Who said it: the speaker a sentence reports ("a déclaré X", "X said", "selon X").

Attribution is read from the reporting verb: a subject before it ("Maduro a déclaré que…"),
a speaker after it when the verb follows a quote or a comma ("…, a déclaré Maduro."), or the
phrase after a source marker ("selon X", "according to X"). Unnamed sourcing is never a
speaker (``app.text.sourcing``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.text import checkworthy
from app.text.checkworthy import Element
from app.text.sourcing import is_anonymous_source, unnamed_person

__all__ = ["Attribution", "find_attribution", "last_person", "proper", "relative_opener"]

_TOKEN = re.compile(r"\S+")
_COMMA = re.compile(r",\s+")
_PHRASE_STOP = re.compile(r"[,.;:!?»\"”()\n]")
_SPACES = " \u00a0\u202f"
_CLOSING = " \u00a0\u202f\n.!?…"
_MAX_SPEAKER_WORDS = 8
# An object relative: the pronoun is what was said, the phrase after it who said it.
_OBJECT_RELATIVE = re.compile(r"(?:which|that|whom|que|qu['’])\s*", re.IGNORECASE)
_SUBJECT_BREAK = re.compile(r"[»\"”:;]\s*|,\s+(?=[A-Za-zÀ-ÿ])")


@dataclass(slots=True)
class Attribution:
    speaker: str | None  # None: unnamed sourcing ("selon plusieurs sources"), no speaker
    elements: list[Element]
    kind: str = "speech"  # or "source": "selon X", "according to X"
    verb: Element | None = None
    speaker_element: Element | None = None  # None: a pronoun resolved from context


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
            rf"(?<![\w-])(?:{lex.SPEECH_PRESENTS})\b"
            if lang == "en"  # "X said", "said X": English needs no auxiliary
            else rf"(?:[»\"”]\s*,?\s*(?:{lex.SPEECH_PRESENTS})\b)"
            rf"|\b(?:{lex.SPEECH_PRESENTS})\s+(?:que|qu'|qu’)",
            flags,
        ),
        "source": re.compile(rf"\b(?:{lex.SOURCE_MARKERS})\s+", flags),
        "pronoun": re.compile(rf"^\W*(?:{lex.PRONOUNS})\b", flags),
    } | (
        # "…, affirme Maduro.": a French present after a comma, kept only when a speaker
        # closes the sentence (English "present" already reads "…, says X").
        {"incise": re.compile(rf",\s*(?:{lex.SPEECH_PRESENTS})\b", flags)} if lang != "en" else {}
    )


def find_attribution(
    text: str, start: int, end: int, lang: str, elements: list[Element], context: str | None
) -> Attribution | None:
    """Who the span reports as saying it: "a tweeté X", "X a déclaré", "selon X", "X said"."""
    found = _attribution_patterns(lang)
    names = [e for e in elements if e.kind in ("person", "name")]
    quoted = [(e.start, e.end) for e in elements if e.kind == "quote"]
    for kind in ("inverted", "perfect", "present", "incise", "source"):
        if kind not in found:
            continue
        for m_start, m_end in checkworthy.scan(found[kind], text, start, end):
            if any(q_start <= m_start < q_end for q_start, q_end in quoted):
                continue  # "« Il a dit non », affirme X": the quoted verb reports nothing
            after_quote = text[m_start] in '»"”'  # the "present" form: «…», affirme X
            if not after_quote and any(n.start <= m_start < n.end for n in names):
                continue  # "the United States": a verb inside a name reports nothing
            while text[m_start] in '»"”, \u00a0\u202f':
                m_start += 1
            verb = checkworthy.element_at("attribution", text, m_start, m_end)
            if kind == "inverted":
                speaker = context
                speaker_el = None
            elif kind == "incise":
                speaker_el = _speaker_after_comma(text, start, m_start, m_end, end, names, lang)
                if speaker_el is None:
                    continue
                speaker = speaker_el.text
            elif kind == "source" or after_quote or _follows_quote(text, start, m_start):
                speaker_el = _noun_phrase_after(text, m_end, end, names, lang)
                speaker = speaker_el.text if speaker_el else None
            elif incise := _speaker_after_comma(text, start, m_start, m_end, end, names, lang):
                speaker_el = incise
                speaker = incise.text
            else:
                speaker_el = _subject_before(text, start, m_start, names, lang)
                speaker = speaker_el.text if speaker_el else None
                if speaker_el is not None and found["pronoun"].match(speaker_el.text.lower()):
                    speaker, speaker_el = context, None
            if speaker and is_anonymous_source(speaker, lang):
                if speaker_el is None:
                    return None  # an "il" resolved to unnamed sources: nobody to name
                unnamed = Element("anonymous", speaker_el.text, speaker_el.start, speaker_el.end)
                return Attribution(None, [verb, unnamed], _frame_kind(kind), verb, unnamed)
            if speaker:
                extra = [verb] + ([speaker_el] if speaker_el is not None else [])
                return Attribution(speaker, extra, _frame_kind(kind), verb, speaker_el)
    return None


def _frame_kind(kind: str) -> str:
    return "source" if kind == "source" else "speech"


def _follows_quote(text: str, start: int, pos: int) -> bool:
    """A verb right after a closing quote puts the speaker after it ("…", a tweeté X)."""
    before = text[start:pos].rstrip(" ,\u00a0\u202f")
    if before == "":  # a span opening on the verb: look at what precedes it in the article
        before = text[max(0, start - 3) : start].rstrip(" ,\u00a0\u202f")
        return before == "" or before.endswith(("»", '"', "”"))
    return before.endswith(("»", '"', "”"))


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


def _speaker_after_comma(
    text: str, start: int, verb: int, verb_end: int, end: int, names: list[Element], lang: str
) -> Element | None:
    """The speaker of an incise, "…, a déclaré Maduro." or "…, said Maduro.", else None.

    The verb follows a comma and the phrase after it closes the sentence and ends on a name
    (or is unnamed sourcing, "…, a affirmé un proche du président"). "Le président Maduro,
    qui…, a annoncé…" is no incise: the comma closes a relative clause about the subject.
    """
    before = text[start:verb].rstrip(_SPACES)
    if not before.endswith(","):
        return None
    commas = [m.end() for m in _COMMA.finditer(text, start, len(before) + start - 1)]
    if commas and _inside_relative(text, commas[-1], verb, lang):
        return None
    close = start + len(text[start:end].rstrip(_CLOSING))
    stop = _PHRASE_STOP.search(text, verb_end, close)
    phrase_end = stop.start() if stop else close
    words = list(_TOKEN.finditer(text, verb_end, phrase_end))
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return None
    if stop is not None:
        # "…, a déclaré le porte-parole, Marc Delorme.": the closing apposition names him
        if text[stop.start()] != "," or _PHRASE_STOP.search(text, stop.end(), close):
            return None
        apposed = [n for n in names if n.kind == "person" and stop.end() <= n.start]
        if apposed and apposed[-1].end == close:
            return Element("speaker", apposed[-1].text, apposed[-1].start, apposed[-1].end)
    if unnamed_person(text[verb_end:phrase_end], lang):
        return checkworthy.element_at("speaker", text, verb_end, words[-1].end())
    inside = [n for n in names if verb_end <= n.start and n.end <= phrase_end]
    if not inside or len(list(_TOKEN.finditer(text, inside[-1].end, phrase_end))) > 1:
        return None  # "…, said Boston lost 300 jobs": the name opens what was said
    return Element("speaker", inside[-1].text, inside[-1].start, inside[-1].end)


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
    if (relative := _OBJECT_RELATIVE.match(text, tail, verb)) is not None:
        # "…, which the mayor said would…": the speaker follows the pronoun
        inner = list(_TOKEN.finditer(text, relative.end(), verb))
        if 1 <= len(inner) <= _MAX_SPEAKER_WORDS and "," not in text[relative.end() : verb]:
            inside = [n for n in names if relative.end() <= n.start and n.end <= verb]
            if inside:
                return Element("speaker", inside[-1].text, inside[-1].start, inside[-1].end)
            return checkworthy.element_at("speaker", text, relative.end(), inner[-1].end())
    subject = [n for n in names if clause_start <= n.start and n.end <= verb]
    subject = [n for n in subject if not _in_relative_span(text, clause_start, n.start, lang)]
    set_off = text[clause_start:verb].rstrip(_SPACES).endswith(",")  # "Maduro, à Caracas, a dit"
    near = commas and not set_off and len(tail_words) <= _MAX_SPEAKER_WORDS
    if near and not _inside_relative(text, tail, verb, lang):
        # "Venezuela is united, Maduro said": a name next to the verb is its subject
        subject = [n for n in subject if n.start >= tail] or subject
    persons = [n for n in subject if n.kind == "person"] or subject
    if persons:
        first = persons[0]
        return Element("speaker", first.text, first.start, first.end)
    if commas and tail_words and len(tail_words) <= _MAX_SPEAKER_WORDS:
        # "Four people died in 2020, the mayor said": the subject is the phrase after the comma
        return checkworthy.element_at("speaker", text, tail, tail_words[-1].end())
    words = list(_TOKEN.finditer(text, clause_start, verb))
    if not words or len(words) > 8:
        return None
    return checkworthy.element_at("speaker", text, clause_start, words[-1].end())


def _inside_relative(text: str, pos: int, verb: int, lang: str) -> bool:
    return bool(relative_opener(lang).match(text, pos, verb))


def _in_relative_span(text: str, clause_start: int, pos: int, lang: str) -> bool:
    """Is ``pos`` inside ", qui …," between the subject and its verb?"""
    opener = relative_opener(lang)
    last = None
    for m in _COMMA.finditer(text, clause_start, pos):
        last = m.end()
    return last is not None and bool(opener.match(text, last, pos))


@cache
def relative_opener(lang: str) -> re.Pattern[str]:
    if lang == "en":
        return re.compile(r"(?:who|which|whose|whom)\b", re.IGNORECASE)
    return re.compile(r"(?:qui|lequel|laquelle|lesquels|lesquelles|dont|où)\b", re.IGNORECASE)


def last_person(text: str, start: int, end: int, lang: str) -> str | None:
    persons = [e.text for e in checkworthy.names(text, start, end, lang) if e.kind == "person"]
    return persons[-1] if persons else None


def proper(speaker: str | None) -> str | None:
    """A speaker that is a name (a capital), fit to stand for a later "il"."""
    return speaker if speaker and speaker[:1].isupper() else None
