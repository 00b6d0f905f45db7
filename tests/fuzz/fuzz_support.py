"""Shared fuzzing kit: hypothesis profiles, the input counter, and strategies for news text.

The hypothesis profile in force (``tests/conftest.py``: ``--hypothesis-profile=NAME`` or
``CRIBLE_FUZZ_PROFILE``) sizes each target (``@fuzz_settings("split_unicode")``): ``ci``
(default: ~11,000 inputs, a few minutes on 2 cores), ``dev`` (quick) or ``long``
(``bench/bench_fuzz.py``). Every test body calls ``count(target)``, so the totals printed at
the end are inputs really run, not a promise.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PROFILE = settings.get_current_profile_name()
COUNTS_FILE = os.environ.get("CRIBLE_FUZZ_COUNTS")

# Inputs per test in each profile. "ci" totals more than 10,000.
SIZES: dict[str, dict[str, int]] = {
    "ci": {
        "split_unicode": 2000,
        "split_news": 1500,
        "split_huge": 8,
        "claims_news": 800,
        "intake_html": 300,
        "intake_mutations": 300,
        "jsonld": 1500,
        "html": 600,
        "csv": 500,
        "jsonl_mutations": 600,
        "match_fts_syntax": 2000,
        "match_unicode": 1000,
    },
}
SIZES["dev"] = {name: max(5, n // 20) for name, n in SIZES["ci"].items()}
SIZES["long"] = {name: n * 10 for name, n in SIZES["ci"].items()}
CI_TOTAL_FLOOR = 10_000

COUNTS: Counter[str] = Counter()
RAN: set[str] = set()  # node ids of fuzz tests that finished in this session


def fuzz_settings(target: str) -> settings:
    return settings(
        max_examples=SIZES[PROFILE][target],
        deadline=None,  # a shared 2-core CI box has pauses; the suite's wall time is the bound
        derandomize=PROFILE == "ci",  # the same inputs every CI run: a failure reproduces
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,
        ],
    )


def count(target: str) -> None:
    COUNTS[target] += 1


def write_counts() -> None:
    if COUNTS_FILE:
        Path(COUNTS_FILE).write_text(json.dumps(dict(COUNTS), indent=2), encoding="utf-8")


# --- strategies --------------------------------------------------------------------------

# Words and marks that trip splitters and normalisers: abbreviations, numbers with units,
# quotes, elisions, right-to-left and combining characters, zero-width and control characters.
NEWS_PIECES = [
    "M.", "Mme", "MM.", "Dr", "Pr.", "janv.", "etc.", "U.S.A.", "U.S.", "Mr.", "a.m.",
    "L. M./Agences",
    "300 t", "24 h", "14 h 30", "1.200", "1 000 000", "3,5 %", "€", "$", "n°", "1er",
    "«", "»", "“", "”", "‘", "’", "'", '"', "?", "!", "…", ".", ",", ";", ":", "(", ")",
    "l'", "d'", "qu'", "aujourd'hui", "Nicolás Maduro", "Guaidó", "Caracas", "Colombie",
    "a déclaré", "selon", "said", "according to", "a tweeté", "plus que", "le plus",
    "légitime", "fasciste", "brutes", "régime", "so-called",
    "مرحبا", "שלום", "Привет", "中文", "日本語", "한국어", "ελληνικά", "हिन्दी",
    "e\u0301", "\u200b", "\u200d", "\u202e", "\ufeff", "\u00a0", "\u2028", "\u2029",
    "\t", "\n", "\r\n", "\n\n", "\x00", "\x07", "\x1b[31m", "\ud7ff", "😀", "👍🏽", "🇫🇷",
    "AND", "OR", "NOT", "NEAR", "*", "-", "^", "NEAR(a b, 2)", "col:", "{", "}",
]  # fmt: skip

news_piece = st.sampled_from(NEWS_PIECES)
word = st.text(alphabet=st.characters(categories=["L", "N", "M"]), min_size=1, max_size=12)
news_text = st.lists(st.one_of(news_piece, word, st.just(" ")), min_size=0, max_size=120).map(
    lambda parts: " ".join(parts) if len(parts) % 3 else "".join(parts)
)
any_text = st.text(max_size=600)
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    news_text,
)
