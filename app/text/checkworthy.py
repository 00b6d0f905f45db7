"""Check-worthiness: checkable elements of a span (numbers, dates, names, quotes…) and a score.

The score is a logistic function of a dozen readable features, so every point of it can be
explained to the checker as a reason. Weights were fitted on the English training splits of
CheckThat! 2022 1A, CheckThat! 2020 task 5 and ClaimBuster (bench/bench_checkworthiness.py).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType

from app.text import lexicon_en, lexicon_fr


@dataclass(frozen=True, slots=True)
class Element:
    """A checkable piece of a claim; ``start``/``end`` index the article text."""

    kind: str  # number | quantity | date | person | name | quote | attribution | speaker |
    # comparison | causal | prediction | loaded
    text: str
    start: int
    end: int


# name -> weight; the bias is the score of a sentence with no feature at all. A logistic
# regression fitted on the English train splits (bench/bench_checkworthiness.py --fit, each set
# and within it each class weighing the same), with 300 English words beside them
# (checkworthy_words.py). "english" and the bias are set so that French, which has no word
# weights, starts from the bias an English sentence has once its words are counted. Two
# weights are priors for news articles, each noted (they cost < 0.01 on the dev figures).
WEIGHTS: dict[str, float] = {
    "bias": -1.0,
    "english": -0.05,
    "number": 0.58,
    "quantity": 0.47,
    "date": -0.23,
    "names": 0.44,
    "person": -0.24,
    "attribution": 0.6,  # fitted 0.34: in debates every line has a speaker; not so in news
    "quote": 0.13,
    "comparison": 0.39,
    "causal": 0.35,
    "prediction": 0.0,  # fitted -0.3 ("we will…"); a forecast in the news is checkable later
    "loaded": 0.4,
    "opinion": -0.74,
    "past": 0.58,
    "first_person": -0.1,
    "question": -0.93,
    "short": -0.48,
    "length": 0.57,
    "named_subject": 0.12,
}

_NUMBER = r"(?:\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(?:[.,]\d+)?"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w-]*"
_NAME_ADJECTIVES = (
    "unies|unis|européenne|nationale|mondiale|internationale|monétaire|fédérale|générale"
)
_NAME = re.compile(
    rf"(?<![\w'’]){_CAP}(?:['’]{_CAP})?"
    rf"(?:\s+(?:(?:de|du|des|d['’]|la|von|van|del|da|di|bin|ben|al-|of(?:\s+the)?)\s*)?{_CAP})*"
    # French institutions end in a lower-case adjective: Nations unies, Assemblée nationale.
    rf"(?:\s+(?:{_NAME_ADJECTIVES})(?![\w-]))?"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_QUOTE = re.compile(r"«\s*([^«»]{2,1500}?)\s*»|“([^“”]{2,1500}?)”|\"([^\"]{2,1500}?)\"")
_WORDS = re.compile(r"\w+")
_WORD_TOKEN = re.compile(r"[a-z][a-z'-]+")
_SUBJECT_CHARS = 25  # a name this close to the start of a span is its subject
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w-]*")
_HEAD = re.compile(r"\S+\s+")
_OF = re.compile(r"de|du|des|d['’]|of", re.IGNORECASE)
# "in May", "since May": the month, not a name ("may" alone is also a verb, so no date list).
_MONTH_MAY = re.compile(r"\b(?:in|since|by|until|early|late|mid|last|next)\s+May$")
_NOUN_SUFFIXES = (
    *("tion", "sion", "ment", "ness", "ity", "ité", "ance", "ence", "ure", "isme", "ism"),
    *("ship", "hood", "age", "ing"),
)
_CONNECTOR = re.compile(r"de|du|des|d['’]|la|le|les|of|the", re.IGNORECASE)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Capitalised words that open sentences without being names.
_COMMON_CAPS = frozenset(lexicon_fr.COMMON_CAPS.split()) | frozenset(lexicon_en.COMMON_CAPS.split())
# Capitalised in English, never names: they are dates.
_NOT_NAMES = frozenset(
    [
        *(lexicon_en.DAYS + "|" + lexicon_en.MONTHS + "|" + lexicon_fr.DAYS)
        .replace("\\.", "")
        .split("|"),
        *("premier", "première", "prime"),  # "le Premier ministre": part of a title
        *("état", "etat"),  # "l'État", "chef d'Etat": the state, a common noun (not "Etats-Unis")
    ]
)
# "Vingt-quatre heures après", "Twenty-four people died": a spelled number is never a name.
_SPELLED_NUMBER = re.compile(
    "|".join(
        rf"(?:{lex.NUMBER_WORDS})(?:-(?:{lex.NUMBER_PARTS}))*" for lex in (lexicon_fr, lexicon_en)
    )
)
# Words that may precede a title inside a capitalised run: "Former President Donald Trump".
_TITLE_PREFIXES = frozenset(lexicon_en.TITLE_PREFIXES.split())
INSTITUTIONS = _INSTITUTIONS = frozenset(lexicon_fr.INSTITUTIONS.split()) | frozenset(
    lexicon_en.INSTITUTIONS.split()
)


def lexicon(lang: str) -> ModuleType:
    """The word lists of ``lang``; French rules serve any language without its own."""
    return lexicon_en if lang == "en" else lexicon_fr


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """``text`` in lower case, same length: lexicon patterns run on it (IGNORECASE is 4× slower)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)  # "İ" → 2 chars


@cache
def patterns(lang: str) -> dict[str, re.Pattern[str]]:
    """Compiled patterns of one language, built once; they match ``lowered(text)``."""
    lex = lexicon(lang)
    flags = 0
    return {
        "number": re.compile(
            rf"(?<![\w.,-])(?:[$€£]\s?)?{_NUMBER}(?:\s?(?:{lex.UNITS})(?![\w]))?", flags
        ),
        "quantity": re.compile(
            # A hyphenated number is one: "vingt-quatre heures", never "quatre heures".
            rf"\b(?:(?:des|les|de|d'|of|the)\s+)?(?:(?<![\w-])(?:{lex.NUMBER_WORDS})"
            rf"(?:-(?:{lex.NUMBER_PARTS}))*(?![\w-])|{lex.VAGUE_QUANTITIES})\b"
            rf"(?:\s+(?:de\s+|d['’]|of\s+)|\s+)\w+",
            flags,
        ),
        "date": re.compile(
            rf"\b(?:(?:le|the|on|en|in|depuis|since)\s+)?(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+)?"
            rf"(?:{lex.MONTHS})(?![\w])(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d),?)?"
            rf"(?:\s+(?:\d{{4}}|dernier|prochain))?"
            rf"|\b(?:{lex.DAYS})(?:\s+(?:dernier|prochain|soir|matin|last|next))?\b"
            rf"|\b(?:{lex.RELATIVE_TIME})\b"
            rf"|\b\d{{1,2}}\s?h\s?\d{{2}}\b|\b\d{{1,2}}(?::\d{{2}})?\s?[ap]\.m\."
            rf"|\b(?:en|in|depuis|since|de|of|fin|début|mid)\s+(?:1[89]|20)\d\d\b",
            flags,
        ),
        "comparison": re.compile(rf"\b(?:{lex.COMPARISONS})\b", flags),
        "causal": re.compile(rf"\b(?:{lex.CAUSALS})\b", flags),
        "prediction": re.compile(rf"\b(?:{lex.PREDICTIONS})", flags),
        "opinion": re.compile(rf"\b(?:{lex.OPINION_MARKERS})\b", flags),
        "past": re.compile(rf"\b(?:{lex.PAST})\b", flags),
        "first_person": re.compile(rf"(?<![\w'’])(?:{lex.FIRST_PERSON})(?![\w'’])", flags),
        "loaded": re.compile(rf"\b(?:{lex.LOADED})(?![\w-])", flags),
        # Looked for only just before a loaded word: a scan of its own would cost as much.
        "framed": re.compile(rf"\b(?:{lex.FRAMED_NOUNS})\s+$", flags),
        "vague": re.compile(rf"(?:(?:des|les|de|d'|of|the)\s+)?(?:{lex.VAGUE_QUANTITIES})\b"),
        "title": re.compile(rf"(?:^|[\s'’])(?:{lex.PERSON_TITLES})(?![\w])", flags),
    }


def find_elements(text: str, start: int, end: int, lang: str) -> list[Element]:
    """Checkable elements inside ``text[start:end]``, sorted by position."""
    compiled = patterns(lang)
    found = _measures(text, start, end, compiled)
    found += names(text, start, end, lang)
    found += quotes(text, start, end)
    for kind in ("comparison", "causal", "prediction"):
        found += [element_at(kind, text, s, e) for s, e in scan(compiled[kind], text, start, end)]
    return sorted(found, key=lambda e: (e.start, -e.end, e.kind))


def find_loaded(text: str, start: int, end: int, lang: str) -> list[Element]:
    """Framing words (``président légitime``, ``brutes``, ``so-called``): opinion, not fact."""
    compiled = patterns(lang)
    found = []
    for s, e in scan(compiled["loaded"], text, start, end):
        framed = compiled["framed"].search(lowered(text), max(start, s - 30), s)
        found.append(element_at("loaded", text, framed.start() if framed else s, e))
    return found


def names(text: str, start: int, end: int, lang: str) -> list[Element]:
    """Capitalised names; a title just before (``président``, ``M.``) makes it a person."""
    title = patterns(lang)["title"]
    found: list[Element] = []
    for m in _iter(_NAME, text, start, end):
        for s, e in _name_parts(text, m.start(), m.end(), start, lang):
            if text[s:e].lower() in _NOT_NAMES or _MONTH_MAY.search(text, max(0, s - 8), e):
                continue
            s, capital_title = _strip_title(text, s, e, title)
            before = text[max(start, s - 40) : s]
            last_words = before.split()[-4:]
            # "maire de Vaudrac", "président du Parlement": after "de" the name is a place.
            of_place = bool(last_words) and _OF.fullmatch(last_words[-1])
            titled = capital_title or (not of_place and title.search(" ".join(last_words).lower()))
            kind = "person" if titled and text[s:e] not in _INSTITUTIONS else "name"
            found.append(element_at(kind, text, s, e))
    found += [
        element_at("name", text, m.start(), m.end())
        for m in _iter(_ACRONYM, text, start, end)
        if not any(n.start <= m.start() < n.end for n in found)
    ]
    return found


def _strip_title(text: str, s: int, e: int, title: re.Pattern[str]) -> tuple[int, bool]:
    """Skip a capitalised title: "Senator Jane Holt", "Former President Donald Trump"."""
    titled = False
    while (head := _HEAD.match(text, s, e)) is not None:
        word = head.group().rstrip()
        if title.fullmatch(" " + word.lower()):
            titled = True
        elif titled and word[:1].islower():
            titled = False  # "President of France": the title is of a place, not a name
        elif word.lower() not in _TITLE_PREFIXES:
            break
        s = head.end()
    return s, titled


def _name_parts(text: str, s: int, e: int, span_start: int, lang: str) -> list[tuple[int, int]]:
    """Trim a sentence-opening common word (``Samedi``, ``Les``) and split ``Parlement X Y``."""
    words = [m.span() for m in _TOKEN.finditer(text, s, e)]
    first = text[words[0][0] : words[0][1]].lower()
    if _SPELLED_NUMBER.fullmatch(first) or (
        _opens_sentence(text, s, span_start)
        and (
            first in _COMMON_CAPS
            or (len(words) == 1 and first in _lowercase_words(text))
            or _common_opener(text, text[words[0][0] : words[0][1]], lang)
        )
    ):
        words = words[1:]  # "Officials said…" when "officials" is written elsewhere
        # "Construction of the Elm Street bridge": what follows the connector is the name
        while words and _CONNECTOR.fullmatch(text[words[0][0] : words[0][1]]):
            words = words[1:]
    if words:
        w_start, w_end = words[0]
        word = text[w_start:w_end]
        if word[1:2] in ("'", "’"):  # elided article: "L'Europe" is "Europe", "J'ai" nothing
            if word[2:3].isupper():
                words[0] = (w_start + 2, w_end)
            else:
                words = words[1:]
        elif len(word) == 1:
            words = words[1:]
    if not words:
        return []
    if text[words[0][0] : words[0][1]] in _INSTITUTIONS and len(words) >= 3:
        return [words[0], (words[1][0], e)]
    return [(words[0][0], e)]


def _common_opener(text: str, word: str, lang: str) -> bool:
    """A sentence-opening common noun ("Construction", "Unemployment"): a noun suffix, a word
    the dictionary knows, and never written capitalised inside a sentence of the text.

    The dictionaries also hold "trump" or "london": the suffix is what makes it a common noun.
    """
    low = word.lower()
    if not word.isalpha() or not low.endswith(_NOUN_SUFFIXES) or not common_word(low, lang):
        return False
    return not any(
        not _opens_sentence(text, m.start(), -1) for m in re.finditer(rf"\b{word}\b", text)
    )


def common_word(word: str, lang: str) -> bool:
    """Is ``word`` (lower case) a common word of ``lang`` in simplemma's dictionary?"""
    from app.text.normalize import known_word

    return known_word(word, lang)


def is_title_word(word: str) -> bool:
    """A title written before a name: "Mayor", "président", "M."."""
    low = " " + word.lower()
    return any(patterns(lang)["title"].fullmatch(low) for lang in ("fr", "en"))


@lru_cache(maxsize=8)
def _lowercase_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case somewhere: common nouns, not names."""
    return frozenset(m.group() for m in _LOWER_WORD.finditer(text))


def _opens_sentence(text: str, pos: int, span_start: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(' \u00a0«“"(')
    return pos == span_start or not before or before[-1] in ".!?:\n–—"  # "PARIS – Plus de…"


def quotes(text: str, start: int, end: int) -> list[Element]:
    """Quoted words, without their quotation marks."""
    found = []
    for m in _iter(_QUOTE, text, start, end):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        found.append(element_at("quote", text, m.start(group), m.end(group)))
    return found


def _measures(
    text: str, start: int, end: int, compiled: dict[str, re.Pattern[str]]
) -> list[Element]:
    """Numbers, quantities and dates; the longest wins where they overlap (``14 h 30``)."""
    raw = []
    for kind in ("date", "number", "quantity"):
        for s, e in scan(compiled[kind], text, start, end):
            if kind == "quantity" and not any(ch.isalpha() for ch in text[s:e]):
                continue
            is_year = kind == "number" and _YEAR.fullmatch(text, s, e)
            raw.append(element_at("date" if is_year else kind, text, s, e))
    raw.sort(key=lambda el: (el.start, -(el.end - el.start)))
    kept: list[Element] = []
    for element in raw:
        if kept and element.start < kept[-1].end:
            continue
        kept.append(element)
    return kept


def _iter(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    return pattern.finditer(text, start, end)


def scan(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Matches of a lexicon pattern lying inside ``text[start:end]``.

    The whole (lowered) text is scanned once per pattern and the spans are bisected: an
    article is analysed sentence by sentence, and one scan beats thousands of small ones.
    """
    starts, found = _all_matches(pattern, text)
    i = bisect_left(starts, start)
    while i < len(found) and found[i][0] < end:
        if found[i][1] <= end:
            yield found[i]
        i += 1


@lru_cache(maxsize=64)
def _all_matches(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[tuple[int, int]]]:
    found = [(m.start(), m.end()) for m in pattern.finditer(lowered(text))]
    return [s for s, _ in found], found


def element_at(kind: str, text: str, s: int, e: int) -> Element:
    """An element of ``text[s:e]`` without edge spaces or trailing ``,;:``."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return Element(kind, text[s:e], s, e)


def features(
    text: str, start: int, end: int, lang: str, elements: list[Element], loaded: list[Element]
) -> dict[str, float]:
    """The scorer's inputs, each in [0, 1]."""
    kinds = {e.kind for e in elements}
    span = text[start:end]
    compiled = patterns(lang)

    def present(kind: str) -> float:
        return float(next(scan(compiled[kind], text, start, end), None) is not None)

    word_count = len(_WORDS.findall(span))
    name_count = sum(1 for e in elements if e.kind in ("person", "name"))
    long_quote = any(e.kind == "quote" and len(e.text.split()) >= 4 for e in elements)
    return {
        "number": float("number" in kinds),
        "quantity": float("quantity" in kinds),
        "date": float("date" in kinds),
        "names": min(name_count, 3) / 3,
        "person": float("person" in kinds or "speaker" in kinds),
        "attribution": float("attribution" in kinds),
        "quote": float(long_quote),
        "comparison": float("comparison" in kinds),
        "causal": float("causal" in kinds),
        "prediction": float("prediction" in kinds),
        "loaded": float(bool(loaded)),
        "opinion": present("opinion"),
        "past": present("past"),
        "first_person": present("first_person"),
        "question": float(span.rstrip(" »”\"'").endswith("?")),
        "short": float(word_count < 6),
        "length": round(min(word_count, 40) / 40, 1),
        "named_subject": float(_named_subject(text, start, elements)),
        "english": float(lang == "en"),  # the English words carry part of the bias
    } | (_word_features(span) if lang == "en" else {})


def _named_subject(text: str, start: int, elements: list[Element]) -> bool:
    """Does the span open on a name ("Nicolas Maduro bénéficie…", "Le président Maduro a…")?"""
    opening = text[start : start + _SUBJECT_CHARS]
    return any(
        e.kind in ("person", "name") and e.start - start < _SUBJECT_CHARS
        for e in elements
        if not opening.rstrip().endswith("?")
    )


def _word_features(span: str) -> dict[str, float]:
    """English words the fitted model weighs ("percent", "million", "tax"): ``w:<word>``."""
    from app.text.checkworthy_words import WORD_WEIGHTS

    return {f"w:{w}": 1.0 for w in set(_WORD_TOKEN.findall(span.lower())) if w in WORD_WEIGHTS}


@cache
def shipped_weights() -> dict[str, float]:
    """WEIGHTS and the English word weights, as one table."""
    from app.text.checkworthy_words import WORD_WEIGHTS

    return WEIGHTS | {f"w:{w}": v for w, v in WORD_WEIGHTS.items()}


def score(values: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """Check-worthiness in [0, 1]: a logistic function of the weighted features."""
    weights = shipped_weights() if weights is None else weights
    z = weights["bias"]
    for name, value in values.items():
        if value:  # most features are 0: skip them (this runs for every sentence)
            z += weights.get(name, 0.0) * value
    return 1.0 / (1.0 + math.exp(-z))
