"""The one text normaliser shared by indexing and querying (first version; matching refines it)."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """NFKC, case-folded, accents removed."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def index_text(text: str, lang: str | None = None) -> str:
    """The form stored in ``claims.norm_text`` and used for queries: folded words, space-joined."""
    return " ".join(_WORD.findall(fold(text)))
