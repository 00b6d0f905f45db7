"""A claim as a checker writes it down: self-contained, without who-said-it, subject restored.

The claim's ``text`` stays the exact span of the article; its *statement* is what gets checked,
published as "claimReviewed" and matched against the archive:

- a quote without its attribution frame (the speaker is the claimant):
  ``"Nous vaincrons", a tweeté X`` → ``Nous vaincrons``;
- reported speech without its frame: ``X a annoncé que 300 écoles…`` → ``300 écoles…``;
  ``…, selon l'Insee`` and ``…, the mayor said`` are dropped the same way;
- a relative clause with its antecedent: ``qui s'est autoproclamé…`` after ``Juan Guaido,`` →
  ``Juan Guaido s'est autoproclamé…``;
- a pronoun subject replaced by the person it stands for, when the caller knows who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.checkworthy import Element

__all__ = ["Frame", "clause_statement", "sentence_statement"]

_QUOTE_MARKS = "«»“”\"'’ \u00a0\u202f"
_EDGE = " \u00a0\u202f,;:–—-"
_END = " \u00a0\u202f.…,;:"
_THAT = re.compile(r"\s*(?:[\w'’-]+\s+){0,8}?(?:que\s+|qu['’]|that\s+)", re.IGNORECASE)
# "Chen said the budget had doubled": English reports without "that" after said/says.
_BARE_SAID = re.compile(r"\s+(?=(?:the|a|an|it|he|she|they|we|there|this|\d)\b)", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"(?:il|elle|he|she)(?=\s)", re.IGNORECASE)
_RELATIVE_WORD = re.compile(
    r"(?:qui|lequel|laquelle|lesquels|lesquelles|who|which|that)\s+", re.IGNORECASE
)
_MIN_QUOTE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Frame:
    """Who-said-it inside a span: the reporting verb (or "selon") and the speaker's words."""

    verb: Element
    speaker: Element | None
    kind: str  # "source" (selon, according to) or "speech" (a déclaré, said)


def sentence_statement(
    text: str,
    start: int,
    end: int,
    frame: Frame | None,
    quotes: list[Element],
    person: str | None = None,
) -> str:
    """The statement of a sentence span; ``person`` replaces a pronoun subject ("Il a…")."""
    if frame is not None:
        quoted = _framed_quote(text, start, end, frame, quotes)
        if quoted is not None:
            return finish(quoted.text)
        return finish(_with_subject(_without_frame(text, start, end, frame), person))
    return finish(_with_subject(text[start:end], person))


def clause_statement(
    text: str, start: int, end: int, antecedent: str | None, frame: Frame | None = None
) -> str:
    """A relative clause as a sentence: its antecedent in place of "qui" / "which"."""
    body = text[start:end]
    if frame is not None and start <= frame.verb.start and frame.verb.end <= end:
        # "which the mayor said would create 200 jobs": the frame sits inside the clause
        speaker_start = frame.speaker.start if frame.speaker is not None else frame.verb.start
        body = text[start:speaker_start] + text[frame.verb.end : end]
    relative = _RELATIVE_WORD.match(body)
    if antecedent and relative is not None:
        return finish(f"{antecedent} {body[relative.end() :].lstrip()}")
    if antecedent:  # "dont", "où": the clause needs its antecedent but cannot take its place
        return finish(f"{antecedent} : {body}")
    return finish(body)


def finish(statement: str) -> str:
    """One line, no edge punctuation or closing full stop, a capital first letter."""
    statement = " ".join(statement.split()).strip(_EDGE)
    statement = statement.rstrip(_END)
    if statement.count("«") > statement.count("»"):
        statement = statement.replace("«", "", 1).strip()
    if statement.count('"') % 2:
        statement = statement.strip('"').strip()
    return statement[:1].upper() + statement[1:]


def _framed_quote(
    text: str, start: int, end: int, frame: Frame, quotes: list[Element]
) -> Element | None:
    """The quote a speech frame introduces: «…», a dit X / X a dit : «…» (not a quoted word)."""
    if frame.kind != "speech":
        return None
    for quote in sorted(quotes, key=lambda q: q.start - q.end):
        if len(quote.text.split()) < _MIN_QUOTE_WORDS:
            continue
        before = text[start : quote.start].strip(_QUOTE_MARKS)
        after = text[quote.end : end].strip(_QUOTE_MARKS + ".!?…")
        opens = not before or before.endswith(":") or before.endswith(frame.verb.text)
        closes = not after or after.startswith(",") or frame.verb.start >= quote.end
        if opens and closes:
            return quote
    return None


def _without_frame(text: str, start: int, end: int, frame: Frame) -> str:
    """The span without "selon X" / "X a déclaré que" / ", a déclaré X" / ", the mayor said"."""
    verb = frame.verb
    speaker = frame.speaker
    if frame.kind == "source":
        cut_end = speaker.end if speaker is not None else verb.end
        head = text[start : verb.start].rstrip(_EDGE)
        tail = text[cut_end:end]
        if not head.strip():  # "Selon X, le chômage…"
            return tail.lstrip(_EDGE)
        return head + tail
    frame_start = min(verb.start, speaker.start) if speaker is not None else verb.start
    frame_end = max(verb.end, speaker.end) if speaker is not None else verb.end
    head = text[start:frame_start]
    if head.rstrip(_EDGE + '»”"') and head.rstrip().endswith(","):
        # "…, a déclaré X." / "…, the mayor said.": the frame closes the sentence
        return head
    that = _THAT.match(text, frame_end, end)
    if that is None and verb.text.lower() in ("said", "says"):
        that = _BARE_SAID.match(text, frame_end, end)
    if that is not None and frame_end - start <= 120:
        return text[that.end() : end]  # "X a annoncé que …" / "X said that …"
    return text[start:end]


def _with_subject(body: str, person: str | None) -> str:
    body = body.strip(_EDGE)
    if person:
        pronoun = _PRONOUN_SUBJECT.match(body)
        if pronoun is not None:
            return person + body[pronoun.end() :]
    return body
