"""Language of a text from its function words: instant, dependency-free, fr/en first-class.

The one language guess of Crible: ``detect_language`` names an article's language (or
``und``), and ``guess_between`` picks French or English for the normaliser (a claim or a
query of unknown language). Both count the same words and break ties the same way (French,
the workbench's first language, first).

simplemma's detector loads a dictionary per candidate language (about 7 s for seven languages
on our machines); function words decide a news article's language as well, with no load time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SUPPORTED = ("fr", "en")
UNDETERMINED = "und"

# Frequent words that are rare in the other languages of the list; shared ones ("a", "de", "en",
# "la", "in") are left out so that they do not blur the vote.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "fr": "le les des du une est et dans pour qui que sur au aux pas ce cette ont avec "
        "il elle ils sont été mais ses leur plus par été selon aussi être avait nous vous",
        "en": "the and of to is was that for on with as are were by this have has from be "
        "it which but not they their been said after would will about who an",
        "de": "der die das und ist nicht mit den dem sich auf ein eine für von zu im auch "
        "wird wurde sind des bei nach aus wie oder",
        "es": "el los las del y que por con una para es se su al como más pero sus fue "
        "ha este esta entre sobre también",
        "it": "il di che è per una sono della con non gli del alla le nel da anche come "
        "più questo ha stato dei delle",
        "pt": "o os da do das dos que em um uma para com não por mais foi são ao como "
        "também pelo pela seu sua",
        "nl": "het een van en is dat op te voor met zijn niet aan er die ook als bij door "
        "wordt werd naar heeft hij",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
_PREFERENCE = {lang: rank for rank, lang in enumerate(SUPPORTED)}
_SHORT = 8  # words: below this, function words are too few to vote
_SAMPLE = 20_000  # characters: enough to decide, bounded time on a book-length paste


def detect_language(text: str) -> str:
    """An ISO 639-1 code (``fr``, ``en``, ``de``…) or ``und`` when undecided.

    A snippet too short to vote (``Macron a menti.``) is taken as French, the workbench's
    first language, rather than refused claim detection.
    """
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE])]
    if not words:
        return UNDETERMINED
    ranked = _ranked(words, tuple(_FUNCTION_WORDS))
    (best, best_votes), (_, second_votes) = ranked[0], ranked[1]
    short = len(words) < _SHORT
    if best_votes == 0:
        return SUPPORTED[0] if short else UNDETERMINED
    if best_votes < 1.2 * second_votes and not short:
        return UNDETERMINED
    return best


def guess_between(words: Sequence[str], langs: Sequence[str] = SUPPORTED) -> str:
    """The one of ``langs`` whose function words ``words`` (lower-cased) hold most; the
    first of ``langs`` on a tie, or when none votes."""
    return _ranked(words, tuple(langs))[0][0]


def _ranked(words: Sequence[str], langs: tuple[str, ...]) -> list[tuple[str, int]]:
    """Languages by votes, highest first; ties go to the supported languages, French first."""
    votes = {lang: sum(1 for w in words if w in _FUNCTION_WORDS[lang]) for lang in langs}
    return sorted(votes.items(), key=lambda item: (-item[1], _PREFERENCE.get(item[0], 9)))


def is_supported(lang: str | None) -> bool:
    """Claim detection has French and English rules only."""
    return lang in SUPPORTED


def detect_among(text: str, langs: tuple[str, ...] = SUPPORTED) -> str:
    """The language of *langs* with the most function words in *text* (the first on a tie),
    or ``und`` when none has any: for short texts ``detect_language`` cannot decide."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE])]
    votes = [(sum(1 for w in words if w in _FUNCTION_WORDS[lang]), lang) for lang in langs]
    best = max(votes, key=lambda vote: vote[0], default=(0, UNDETERMINED))
    return best[1] if best[0] else UNDETERMINED
