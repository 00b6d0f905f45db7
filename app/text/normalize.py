"""The one text normaliser shared by indexing and querying: tokens, lemmas, numbers and units.

Every stored ``norm_text`` and every query goes through :func:`terms`, so both sides meet on the
same forms: NFKC, case-folded, accents removed, French elisions and stop words dropped, light
lemmas (simplemma), numbers without thousands separators (``1 000`` = ``1.000`` = ``1,000`` =
``1000``, ``1,5`` = ``1.5``) and canonical units (``300 t`` = ``300 tonnes``, ``24h`` =
``24 heures``). Speed matters (a million claims at import): the per-token work is cached, so a
claim costs one regex scan and a few dict look-ups.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from app.text.language import guess_between
from app.text.participles_fr import infinitive

# Bump when the output of index_text changes: stored norm_text is rebuilt (reindex_if_needed).
NORMALIZER_VERSION = "5"  # 5: one language guess (app.text.language) for text of no language
LANGS = ("fr", "en")
DEFAULT_LANG = "en"

# A grouped number (1 000 000, 1.000, 1,000,000), a plain/decimal number, a word, or a sign unit.
_TOKEN = re.compile(
    r"(?:https?://|www\.|pic\.twitter\.com/)\S*"
    r"|[#@][^\W_]\w*"
    r"|(?<![\d.,])\d{1,3}"
    r"(?:(?:[ \u00a0\u202f]\d{3})+|(?:\.\d{3}){2,}|(?:,\d{3})+|\.\d{3})(?![\d.,]\d)"
    r"|\d+(?:[.,]\d+)?"
    r"|[^\W\d_]+"
    r"|[%$€£]"
)
# The words of a hashtag or handle: #JoeBiden → Joe Biden, @BBCJamesCook → BBC James Cook.
_CAMEL_PART = re.compile(
    r"[A-ZÀ-Ý]+(?=[A-ZÀ-Ý][a-zà-ÿ])|[A-ZÀ-Ý]?[a-zà-ÿ]+|[A-ZÀ-Ý]+|\d+|[^\W\d_]+"
)
_GROUP_SEPARATORS = str.maketrans("", "", " \u00a0\u202f.,")

# Units after a number, folded to one canonical term per quantity (language-neutral).
_UNITS_AFTER_NUMBER = {
    "t": "tonne",
    "tonne": "tonne",
    "ton": "tonne",
    "tons": "tonne",
    "tonnes": "tonne",
    "h": "heure",
    "heure": "heure",
    "hour": "heure",
    "hours": "heure",
    "hr": "heure",
    "hrs": "heure",
    "heures": "heure",
    "min": "minute",
    "minute": "minute",
    "mn": "minute",
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kg": "kg",
    "kilo": "kg",
    "kilogramme": "kg",
    "kilogram": "kg",
    "m": "metre",
    "metre": "metre",
    "meter": "metre",
    "an": "an",
    "ans": "an",
    "annee": "an",
    "year": "an",
    "years": "an",
    "jour": "jour",
    "jours": "jour",
    "day": "jour",
    "days": "jour",
    "j": "jour",
    "mois": "mois",
    "month": "mois",
    "months": "mois",
    "k": "mille",
    "md": "milliard",
    "mds": "milliard",
    "mrd": "milliard",
    "bn": "milliard",
    "billion": "milliard",
    "milliard": "milliard",
    "milliards": "milliard",
    "million": "million",
    "millions": "million",
    "mio": "million",
    "cent": "pct",
}
# Units (signs or words) with the same canonical term anywhere in a text.
_UNITS_ANYWHERE = {
    "%": "pct",
    "percent": "pct",
    "pourcent": "pct",
    "pct": "pct",
    "$": "usd",
    "dollar": "usd",
    "dollars": "usd",
    "usd": "usd",
    "€": "eur",
    "euro": "eur",
    "euros": "eur",
    "eur": "eur",
    "£": "gbp",
    "livre": "gbp",
    "pound": "gbp",
    "pounds": "gbp",
    "gbp": "gbp",
    "tonne": "tonne",
    "tonnes": "tonne",
    "heure": "heure",
    "heures": "heure",
    "hour": "heure",
    "hours": "heure",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
}
# Every canonical unit term (quantities read them back from normalised text).
UNIT_TERMS = frozenset(_UNITS_AFTER_NUMBER.values()) | frozenset(_UNITS_ANYWHERE.values())
# Words allowed between a number and its unit ("50 pour cent", "50 per cent").
_NUMBER_BRIDGES = frozenset({"pour", "per"})


@dataclass(frozen=True, slots=True)
class Token:
    """One term of a text: its normalised form and its span in the ORIGINAL text."""

    term: str
    start: int
    end: int
    is_number: bool = False


def fold(text: str) -> str:
    """NFKC, case-folded, accents removed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def detect_lang(text: str) -> str:
    """``fr`` or ``en`` for a text of unknown language: Crible's one language guess
    (``app.text.language``), narrowed to the normaliser's languages."""
    return _lang_of(_TOKEN.findall(text[:2000]))


def _lang_of(raws: list[str]) -> str:
    # The first words are enough to tell, at a bounded cost on long texts.
    return guess_between([raw.lower() for raw in raws[:40]], LANGS)


def pick_lang(text: str, lang: str | None) -> str:
    """*lang* when it names a supported language (``fr``, ``fr-FR``, ``EN``…), else detected."""
    short = _LANG_ALIASES[lang] if lang else None
    return short or detect_lang(text)


class _LangAliases(dict[str, str | None]):
    """``fr-FR``/``fr_CA``/``FR`` → ``fr``; unsupported languages → None (detect instead)."""

    def __missing__(self, lang: str) -> str | None:
        short = lang.split("-")[0].split("_")[0].lower()
        self[lang] = short if short in LANGS else None
        return self[lang]


_LANG_ALIASES = _LangAliases()


def tokens(text: str, lang: str | None = None) -> list[Token]:
    """The terms of *text* with their spans in *text*; stop words and elisions dropped."""
    return list(_iter_tokens(text, pick_lang(text, lang)))


def terms(text: str, lang: str | None = None) -> list[str]:
    """The normalised terms of *text*, in order (what is indexed and queried)."""
    raws = _TOKEN.findall(text)
    short = _LANG_ALIASES[lang] if lang else None
    forms = _WORD_FORMS[short or _lang_of(raws)]
    out: list[str] = []
    after_number = False
    for raw in raws:
        # Hot path (a million claims at import): a known word, not right after a number.
        term = forms.get(raw)
        if term is None or after_number:
            if raw[0].isdigit():
                out.append(number_term(raw))
                after_number = True
                continue
            if not raw.isalpha():
                out.extend(t.term for t in _tag_tokens(raw, 0, forms))
                after_number = False
                continue
            term = _unit_or_word(raw, forms, after_number)
            after_number = after_number and raw in _NUMBER_BRIDGES
        if term:
            out.append(term)
    return out


def index_text(text: str, lang: str | None = None) -> str:
    """The form stored in ``claims.norm_text`` and used for queries: terms, space-joined."""
    if not text:
        return ""
    return " ".join(terms(text, lang))


def number_term(raw: str) -> str:
    """``1 000``/``1.000``/``1,000`` → ``1000``; ``1,5``/``1.5`` → ``1.5``."""
    if raw.isdigit():
        return raw
    digits = raw.translate(_GROUP_SEPARATORS)
    separators = len(raw) - len(digits)
    head = len(raw) - len(raw.lstrip("0123456789"))
    tail = len(raw) - head - 1
    grouped = separators > 1 or raw[head] not in ".," or (tail == 3 and raw[:head] != "0")
    return digits if grouped else raw.replace(",", ".")


def number_value(term: str) -> float | None:
    try:
        return float(term)
    except ValueError:
        return None


def _iter_tokens(text: str, lang: str) -> Iterator[Token]:
    word_form = _WORD_FORMS[lang]
    after_number = False
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw[0].isdigit():
            yield Token(number_term(raw), match.start(), match.end(), True)
            after_number = True
            continue
        if not raw.isalpha():
            yield from _tag_tokens(raw, match.start(), word_form)
            after_number = False
            continue
        term = _unit_or_word(raw, word_form, after_number)
        after_number = after_number and raw in _NUMBER_BRIDGES
        if term:
            yield Token(term, match.start(), match.end())


def _tag_tokens(raw: str, offset: int, word_form: dict[str, str]) -> Iterator[Token]:
    """The words of a #hashtag or @handle; nothing for a URL or a sign (signs are units)."""
    if raw[0] not in "#@":
        if raw in _UNITS_ANYWHERE:
            yield Token(_UNITS_ANYWHERE[raw], offset, offset + 1)
        return
    for part in _CAMEL_PART.finditer(raw, 1):
        word = part.group()
        term = number_term(word) if word[0].isdigit() else _unit_or_word(word, word_form, False)
        if term:
            yield Token(term, offset + part.start(), offset + part.end(), word[0].isdigit())


def _unit_or_word(raw: str, word_form: dict[str, str], after_number: bool) -> str:
    if after_number:
        unit = _UNITS_AFTER_NUMBER.get(raw.casefold())
        if unit:
            return unit
    term = word_form.get(raw)
    if term is None:
        term = word_form[raw] = _word_form(raw, word_form is _WORD_FORMS["fr"])
    return term


def _word_form(raw: str, french: bool) -> str:
    """The term for one raw word ('' for a stop word): unit, or folded lemma."""
    word = unicodedata.normalize("NFKC", raw).casefold()
    unit = _UNITS_ANYWHERE.get(word) or _UNITS_ANYWHERE.get(_strip_accents(word))
    if unit:
        return unit
    if len(word) == 1 and word.isalpha():
        return ""  # elided articles and pronouns (l', d', j'…) and stray letters
    if 2 <= len(raw) <= 4 and raw.isupper():
        return _strip_accents(word)  # acronyms: US is not "us", WHO is not "who"
    lang = "fr" if french else "en"
    if word in STOP_WORDS[lang] or _strip_accents(word) in STOP_WORDS[lang]:
        return ""
    lemma = _lemma(word, lang).casefold()
    folded = _strip_accents(lemma)
    if folded in STOP_WORDS[lang]:
        return ""
    return folded


def _lemma(word: str, lang: str) -> str:
    """simplemma's dictionary lemma, followed to a fixed point: "envoyées" → "envoyé" →
    "envoyer", so every inflection ends alike. Dictionary look-ups only: simplemma's guessing
    rules for unknown words cost ~100 µs a word, too slow for a million-claim import, and an
    unknown word (a name, a typo) is best left as it is."""
    forms = _dictionary(lang)
    lemma = forms.get(word)
    if lemma is None:
        if lang != "fr" or not word.isascii():
            return word
        # Typed without accents ("etats")? Try the accent-folded French forms.
        lemma = _folded_french().get(word)
        if lemma is None:
            return word
    for _ in range(3):
        following = forms.get(lemma.casefold())
        if following is None or following == lemma:
            break
        lemma = following
    return infinitive(lemma, forms) if lang == "fr" else lemma


def known_word(word: str, lang: str) -> bool:
    """Is ``word`` (lower case) in simplemma's dictionary of ``lang`` (French for any other)?"""
    return word in _dictionary(lang if lang in LANGS else "fr")


@lru_cache(maxsize=len(LANGS))
def _dictionary(lang: str) -> Mapping[str, str]:
    return DefaultDictionaryFactory().get_dictionary(lang)


@lru_cache(maxsize=1)
def _folded_french() -> dict[str, str]:
    """simplemma's French forms without accents → lemma (the first one wins on collisions)."""
    known = _dictionary("fr")
    folded: dict[str, str] = {}
    for form, lemma in known.items():
        if not form.isascii():
            key = _strip_accents(form.casefold())
            if known.get(key) is None:
                folded.setdefault(key, lemma)
    return folded


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Raw word → term, per language; grows with the vocabulary (bounded by it), never invalidated
# because the mapping is a pure function of the word.
_WORD_FORMS: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
# Stop words: function words that carry no claim. Negations go too: "X is not Y" is still the
# claim a checker wants to see next to "X is Y".
STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": _word_set(
        """
        le la les un une des du de au aux ce cet cette ces et ou mais donc or ni car que qu qui
        quoi dont ou a en dans par pour sur sous avec sans chez entre vers je tu il elle on nous
        vous ils elles me te se lui leur leurs mon ma mes ton ta tes son sa ses notre nos votre
        vos y ne pas plus moins tres tout tous toute toutes est sont ete etre etait etaient sera
        seront serait ai as avons avez ont avait avaient aura eu avoir faire fait cela ca ceci
        celui celle ceux celles comme si aussi bien encore deja meme ainsi alors lors selon apres
        avant depuis pendant quand comment pourquoi dont aupres afin tandis puis jamais rien
        aucun aucune autre autres certains certaines chaque plusieurs quel quelle
        quels quelles lequel laquelle lesquels soit sont etc via cet cette non oui qu jusqu
        aujourd hui ici voici voila dit contre chez parmi
        """
    ),
    "en": _word_set(
        """
        the a an of and or but nor so if then else than that this these those it its is are was
        were be been being am do does did doing have has had having will would shall should can
        could may might must to in on at by for with about against between into through during
        before after above below from up down out off over under again further once here there
        when where why how all any both each few more most other some such no not only own same
        too very just also i me my myself we our ours ourselves you your yours yourself he him
        his himself she her hers herself they them their theirs themselves what which who whom
        whose as until while because s t don doesn didn isn aren wasn weren hasn haven hadn won
        wouldn shouldn couldn ll re ve d m o y via per get got said says say like just now
        """
    ),
}
