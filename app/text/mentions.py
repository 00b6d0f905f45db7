"""People an article names: a later "Brooks", "M. Maduro" or "the mayor" is the full name.

A full name is the first mention with at least two capitalised words ("Mayor Jane Brooks"); its
last word is the surname and the title before it ("mayor", "président") is the role. A later
surname, title + surname, or role alone resolves to that name when exactly one person fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.text import checkworthy

__all__ = ["Mentions", "claimant_name"]

_WORD = re.compile(r"[\w'’-]+")
_MAX_NAME_WORDS = 4
_TITLE_WINDOW = 40  # characters before a name where its title is looked for
# French articles and elisions in front of a claimant: "l'Insee" is "Insee".
_ARTICLE = re.compile(r"^(?:(?:l['’]|d['’])(?=[A-ZÀ-ÖØ-Þ])|(?:le|la|les|the)\s+(?=[A-ZÀ-ÖØ-Þ]))")
_RELATIVE = re.compile(r"^(?:which|who|that|qui|que|dont)\s+", re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|le|la|l['’]|les|this|ce|cette)\s*", re.IGNORECASE)


@dataclass(slots=True)
class Person:
    full: str
    surname: str
    roles: set[str] = field(default_factory=set)


class Mentions:
    """The people of one article, in order of their first full mention."""

    def __init__(self, text: str, lang: str) -> None:
        self._people: list[Person] = []
        title = checkworthy.patterns(lang)["title"]
        for element in checkworthy.names(text, 0, len(text), lang):
            words = element.text.split()
            before = text[max(0, element.start - _TITLE_WINDOW) : element.start].lower()
            titles = {m.group().strip(" '’") for m in title.finditer(before[-_TITLE_WINDOW:])}
            near = [t for t in titles if before.rstrip().endswith(t)]
            if 2 <= len(words) <= _MAX_NAME_WORDS and words[0] not in checkworthy.INSTITUTIONS:
                self._add(element.text, near)
            elif element.kind == "person" and near:
                person = self._by_surname(words[-1])
                if person is not None:
                    person.roles.update(near)

    def _add(self, full: str, roles: list[str]) -> None:
        surname = full.split()[-1]
        for person in self._people:
            if person.full == full:
                person.roles.update(roles)
                return
        self._people.append(Person(full, surname, set(roles)))

    def _by_surname(self, surname: str) -> Person | None:
        found = [p for p in self._people if p.surname == surname]
        return found[0] if len(found) == 1 else None

    def resolve(self, phrase: str | None) -> str | None:
        """The full name ``phrase`` stands for, or None when no single person fits."""
        if not phrase:
            return None
        phrase = _RELATIVE.sub("", phrase.strip())
        words = _WORD.findall(phrase)
        if not words:
            return None
        if any(p.full == phrase for p in self._people):
            return phrase
        if words[-1][:1].isupper():
            person = self._by_surname(words[-1])
            if person is not None and _fits(person.full, words):
                return person.full
            return None
        role = _DETERMINER.sub("", phrase).lower()
        found = [p for p in self._people if role in p.roles]
        return found[0].full if len(found) == 1 else None

    def is_person(self, name: str) -> bool:
        """Is ``name`` a mention of someone the article names in full ("Brooks")?"""
        return any(p.full == name for p in self._people) or (
            " " not in name and self._by_surname(name) is not None
        )

    def claimant(self, speaker: str | None) -> str | None:
        """The speaker as a claimant: the full name, or the phrase without article or "which"."""
        if not speaker:
            return None
        return self.resolve(speaker) or claimant_name(speaker)


def _fits(full: str, words: list[str]) -> bool:
    """ "M. Maduro" fits "Nicolas Maduro"; "Juan Maduro" does not (another first name)."""
    names = set(full.split())
    capitalised = [w for w in words if w[:1].isupper() and w.rstrip(".") not in ("M", "Mme")]
    return all(w in names or checkworthy.is_title_word(w) for w in capitalised)


def claimant_name(speaker: str) -> str:
    """``speaker`` without a leading relative pronoun or article: "l'Insee" → "Insee"."""
    phrase = _RELATIVE.sub("", speaker.strip())
    return _ARTICLE.sub("", phrase)
