"""Countries named in a text (from normalised terms), for explanations and the match-tier rule.

Names come from Babel's territory names in French and English, normalised with the same
normaliser as claims, so ``États-Unis``, ``Etats Unis`` and ``United States`` all give ``US``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from babel import Locale

from app.text.normalize import LANGS, terms

# Territory codes that are not countries, and names that are mostly ordinary words.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
_AMBIGUOUS = frozenset(
    {"turkey", "chad", "jordan", "georgia", "guinea", "china", "reunion", "maurice", "man",
     "jersey", "martinique", "dominique", "guernesey", "niue", "georgie", "cook"}
)  # fmt: skip
_ALIASES = {
    "US": ["USA", "U.S.", "U.S.A.", "Amérique", "America"],
    "GB": ["UK", "Britain", "Grande-Bretagne", "Angleterre", "England"],
    "RU": ["Russie", "Russia"],
    "TR": ["Türkiye", "Turquie"],
    "CN": ["Chine"],
    "CD": ["RDC", "DRC"],
}
MAX_NAME_TERMS = 4


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], str]:
    """Normalised name (a tuple of terms) → ISO country code, French and English names."""
    names: dict[tuple[str, ...], str] = {}
    for locale_name in LANGS:
        for code, name in Locale(locale_name).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                _add(names, name, code)
    for code, aliases in _ALIASES.items():
        for alias in aliases:
            _add(names, alias, code)
    return names


def _add(names: dict[tuple[str, ...], str], name: str, code: str) -> None:
    for lang in LANGS:
        key = tuple(terms(name, lang))
        if key and len(key) <= MAX_NAME_TERMS and not (len(key) == 1 and key[0] in _AMBIGUOUS):
            names.setdefault(key, code)


@lru_cache(maxsize=1)
def _first_terms() -> frozenset[str]:
    return frozenset(key[0] for key in gazetteer())


def countries(text_terms: Sequence[str]) -> frozenset[str]:
    """ISO codes of the countries named in normalised *text_terms* (longest names first)."""
    names = gazetteer()
    firsts = _first_terms()
    found = set()
    index = 0
    while index < len(text_terms):
        step = 1
        if text_terms[index] in firsts:
            for size in range(MAX_NAME_TERMS, 0, -1):
                code = names.get(tuple(text_terms[index : index + size]))
                if code:
                    found.add(code)
                    step = size
                    break
        index += step
    return frozenset(found)


def country_conflict(query: frozenset[str], candidate: frozenset[str]) -> bool:
    """Both name countries, and each names one the other does not: a different place."""
    return bool(query and candidate and (candidate - query) and (query - candidate))


def country_name(code: str, lang: str = "en") -> str:
    """A country's display name (English unless asked otherwise)."""
    return str(Locale(lang).territories.get(code, code))
