"""An article's title when nobody gave one: its Markdown heading, a headline line, or its words.

Intake uses it for .txt/.md files and pasted text; reports use it for articles stored with an
empty title, so no report ever starts "Rapport de vérification :" with nothing after.
"""

from __future__ import annotations

import re

MAX_HEADLINE = 120  # characters: a longer first line is the body, not a headline
FIRST_WORDS = 8  # words of the text that stand for a title when nothing better exists
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_SENTENCE_END = (".", ",", ";", ":")


def headline(text: str) -> str:
    """The Markdown ``# heading`` or the short first line of ``text``; "" when it has none.

    A first line is a headline when it is short, ends without a full stop, and more text
    follows it; a lone paragraph or a first sentence is body text.
    """
    lines = [line.strip() for line in text.strip().splitlines()]
    for line in lines[:3]:
        if (heading := _MD_HEADING.match(line)) is not None:
            return heading.group(1).strip()
        if line:
            break
    if len(lines) < 2 or not lines[0]:
        return ""
    first = lines[0]
    if len(first) >= MAX_HEADLINE or first.endswith(_SENTENCE_END):
        return ""
    return first


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The first ``count`` words of ``text``, with "…" when there are more."""
    words = text.split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(",;:.") + "…"


def guess_title(text: str, name: str | None = None) -> str:
    """A title for ``text``: its headline, else ``name`` (a file's), else its first words."""
    return headline(text) or (name or "").strip() or first_words(text)
