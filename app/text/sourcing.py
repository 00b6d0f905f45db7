"""Unnamed sourcing: "selon plusieurs sources", "according to people familiar with the matter".

Such a phrase names nobody: it must never become a claim's speaker, claimant or author.
"""

from __future__ import annotations

import re
from functools import cache

from app.text.checkworthy import lexicon

_WORD = re.compile(r"[\w-]+")


@cache
def _anonymous_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    lex = lexicon(lang)
    return frozenset(lex.ANONYMOUS_OPENERS.split()), frozenset(lex.ANONYMOUS_HEADS.split())


def is_anonymous_source(phrase: str, lang: str) -> bool:
    """Is ``phrase`` unnamed sourcing ("plusieurs sources", "nos informations", "sources")?"""
    return _anonymous_head(phrase, lang) is not None


def _anonymous_head(phrase: str, lang: str) -> str | None:
    openers, heads = _anonymous_words(lang)
    # "Four people died, the mayor": the subject is the last phrase, not the sentence's start
    word: str
    for word in _WORD.findall(phrase.rsplit(",", 1)[-1].lower()):
        if word in heads:
            return str(word)
        if word not in openers:
            return None
    return None


# Heads that name a publication's reporting ("des informations du Monde"): the name that
# follows them is the source, unlike the one after "un proche de" or "des sources au sein de".
_REPORTING_HEADS = frozenset({"information", "informations", "reports", "médias"})


def unnamed_person(phrase: str, lang: str) -> bool:
    """Does ``phrase`` stand for unnamed people, even with a name after ("un proche de X")?"""
    head = _anonymous_head(phrase, lang)
    return head is not None and head not in _REPORTING_HEADS
