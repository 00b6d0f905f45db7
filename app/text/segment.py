"""Sentence splitting with exact character offsets, tuned for French and English news text.

Rule-based on purpose: measured against simplemma's splitter on the UD French treebanks
(bench/bench_segment.py) it handles the traps a news article sets (``M.``, ``janv.``, bylines
``L. M./Agences``, ``« Qui dit vrai ? » s'interroge``, ``U.S.``) and it returns offsets, which
the claim highlighter needs. Offsets always index the caller's text, never a cleaned copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles precede a name: a dot after them never ends a sentence.
_TITLES = _wordset(
    "m mm mme mmes mlle mlles me mes mgr dr drs pr pre st ste r.p "
    "mr mrs ms messrs prof gen gén sen rep gov lt col capt cpt sgt rev hon pres adm maj cdt"
)
# Abbreviations that usually sit inside a sentence but may end one before a sentence starter.
_WEAK = _wordset(
    "janv févr fév avr juil sept oct nov déc "
    "jan feb apr jun jul aug sep dec "
    "cf env vol art fig ex éd ed no nos vs av bd bld boul chap ch p pp sq sqq al ibid op cit "
    "approx dept est inc ltd co corp jr sr bros min max tél tel hab km env éts ets ste"
)
# Words that open sentences: they turn an ambiguous dot (``U.S.``, ``etc.``, ``janv.``) into an end.
_STARTERS = _wordset(
    "a à ainsi alors après au aucun aujourd auparavant aussi autre avant c ce ceci cela celui "
    "cependant certains certes ces cet cette chaque comme comment d dans de depuis des dès donc "
    "du elle elles en enfin ensuite entre et il ils j je jusqu l la le les leur lors lorsqu "
    "lorsque mais malgré même n ne ni nous on or par parce pendant plus plusieurs pour pourtant "
    "puis qu quand que quel quelle quelques qui s sa sans se selon ses si son sous sur ta "
    "toutefois tous tout toute toutes tu un une vous voilà y "
    "an and as at but by during every for from he her here his however i if in it its many "
    "meanwhile most my no not now of on one our she since so some that the their then there "
    "these they this those thus to today we what when where which while who why with yet you"
)
# Capitalised starters that also sit inside names: "Jean-Marie M. Le Pen".
_NAME_PARTICLES = _wordset("Le La Les De Du Des Van Von Di Da")
_TERMINATOR_RUN = re.compile(r"[.!?…]+")
_CLOSERS = "»”’)]\"'"
_OPENERS = "«“‘([\"'"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_WORD = re.compile(r"[\w'’-]+")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_QUOTE_MARK = re.compile(r'[«»“”"]')
_QUOTE_PAIRS = {"«": "»", "“": "”"}
_MAX_QUOTE = 800  # a longer "quote" is a stray mark, not a quotation to keep whole


def split_sentences(text: str, lang: str = "fr") -> list[Span]:
    """Sentence spans ``(start, end)`` into ``text``, in order, without edge whitespace.

    ``lang`` only matters for tie-breaks; French and English rules are merged because
    articles quote each other's languages.
    """
    spans: list[Span] = []
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            spans.extend(_trimmed(text, start, end))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _blocks(text: str) -> Iterator[Span]:
    """Paragraphs, then lines of a paragraph unless the paragraph is hard-wrapped prose."""
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        yield from _lines(text, start, gap.start())
        start = gap.end()
    yield from _lines(text, start, len(text))


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    breaks = [m.start() for m in re.finditer("\n", text[start:end])]
    if not breaks:
        yield (start, end)
        return
    bounds = [start, *(start + b for b in breaks), end]
    lines = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    ended = sum(1 for s, e in lines if text[s:e].rstrip()[-1:] in '.!?…»”":')
    if len(lines) >= 3 and ended * 2 < len(lines):
        yield (start, end)  # hard-wrapped: newlines are spaces
        return
    line_start = start
    for newline in (start + b for b in breaks):
        following = text[newline + 1 : end].lstrip()
        if following[:1].islower() or text[line_start:newline].rstrip()[-1:] in ",-(":
            continue  # the sentence runs on to the next line
        yield (line_start, newline)
        line_start = newline + 1
    yield (line_start, end)


def _split_block(text: str, start: int, end: int) -> Iterator[Span]:
    shielded = iter(_embedded_quotes(text, start, end))  # in order of their opening mark
    shield = next(shielded, None)
    sentence_start = start
    for run in _TERMINATOR_RUN.finditer(text, start, end):
        while shield is not None and shield[1] <= run.start():
            shield = next(shielded, None)
        if shield is not None and shield[0] < run.start():
            continue
        after = _after_closers(text, run.end(), end, _odd_quotes(text, sentence_start, run.end()))
        if after >= end or not text[after].isspace():
            continue
        nxt = after
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        if _is_boundary(text, sentence_start, run.start(), run.group(), nxt, end):
            yield (sentence_start, after)
            sentence_start = after
    yield (sentence_start, end)


def _odd_quotes(text: str, start: int, end: int) -> bool:
    return text.count('"', start, end) % 2 == 1


def _after_closers(text: str, pos: int, end: int, straight_open: bool) -> int:
    """Index after the quotes/brackets closing a sentence (French puts a space before »)."""
    spaced = '»”"' if straight_open else "»”"
    while pos < end:
        j = pos
        if text[j] in " \u00a0\u202f" and j + 1 < end and text[j + 1] in spaced:
            j += 1
        ch = text[j] if j < end else ""
        if not ch or ch not in _CLOSERS:
            return pos
        if ch in "'’" and (j != pos or (j + 1 < end and text[j + 1].isalnum())):
            return pos
        if ch == '"' and j + 1 < end and text[j + 1].isalnum():
            return pos  # a straight quote before a word opens the next sentence
        pos = j + 1
    return pos


def _embedded_quotes(text: str, start: int, end: int) -> list[Span]:
    """Quotations followed by their attribution (``», a-t-il dit``): never split inside."""
    spans = []
    for open_at, close_at in _quotations(text, start, end):
        rest = text[close_at + 1 : close_at + 40].lstrip(" \u00a0\u202f")
        if rest[:1] == "," or rest[:1].islower():
            spans.append((open_at, close_at))
    return sorted(spans)


def _quotations(text: str, start: int, end: int) -> Iterator[Span]:
    """Paired quotations; a stray mark pairs with nothing rather than with a later quote."""
    opened: dict[str, int] = {}
    for mark in _QUOTE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if ch in "«“" or (ch == '"' and _opens(text, i, start, end)):
            opened[_QUOTE_PAIRS.get(ch, ch)] = i
        elif ch in "»”" or ch == '"':
            open_at = opened.pop(ch, None)
            if open_at is not None and i - open_at < _MAX_QUOTE:
                yield (open_at, i)


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A straight quote opens when it hugs the word after it, not the one before."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "([«“'") and not after.isspace()


def _is_boundary(text: str, sent_start: int, dot: int, run: str, nxt: int, end: int) -> bool:
    first = text[nxt]
    if first.islower():
        return False
    if run != ".":
        return True  # ?, !, … or an ellipsis before a capital, a digit or a quote
    token = _token_before(text, sent_start, dot)
    next_word = _WORD.match(text, nxt + (1 if first in _OPENERS else 0), end)
    starter = (
        next_word is not None
        and next_word.group().lower().rstrip("'’") in _STARTERS
        and text[next_word.end() : next_word.end() + 1] != "."  # "av. J.-C." is no starter
    )
    particle = next_word is not None and next_word.group() in _NAME_PARTICLES
    return _dot_ends_sentence(text, sent_start, dot, token, first, starter, particle)


def _dot_ends_sentence(
    text: str, sent_start: int, dot: int, token: str, first: str, starter: bool, particle: bool
) -> bool:
    low = token.lower()
    if not token:
        return True
    if low in _TITLES:
        return False
    if len(token) == 1 and token.isupper():
        # "Dagobert I. Ils" ends; "Mike R. Pompeo", "L. M./Agences", "Jean M. Le Pen" do not
        return starter and not (particle and _previous_word_is_capitalised(text, sent_start, dot))
    if _DOTTED.fullmatch(token):
        return starter
    if low == "etc":
        return first.isupper() or first in _OPENERS
    if low in _WEAK and first.isdigit():
        return False  # "No. 5", "art. 49", "p. 12"
    if token == low and low in _WEAK:  # "Art." capitalised is a word (School of Art.)
        return starter
    # "1. " opening an enumerated line is no end.
    return not (
        token.isdigit() and len(token) <= 2 and not text[sent_start : dot - len(token)].strip()
    )


def _token_before(text: str, sent_start: int, dot: int) -> str:
    i = dot
    while i > sent_start and not text[i - 1].isspace() and text[i - 1] not in "/":
        i -= 1
    return text[i:dot].lstrip("".join(_OPENERS))


def _previous_word_is_capitalised(text: str, sent_start: int, dot: int) -> bool:
    words = text[sent_start:dot].split()
    return len(words) >= 2 and words[-2][:1].isupper()
