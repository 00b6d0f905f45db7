"""Fuzzing match: queries full of FTS5 syntax, SQL, quotes, operators and any Unicode.

Invariants: no exception; scores within 0–100, best first; tiers agree with the thresholds;
explanation spans index the query; the archive is unchanged by any query.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Matcher
from app.seeds import load_demo
from app.storage import open_archive
from app.storage.claims import add_claim
from app.storage.integrity import check_archive
from tests.fuzz.fuzz_support import any_text, count, fuzz_settings, news_text

FTS_PIECES = [
    '"', '""', "'", "*", "-", "+", "^", ":", "(", ")", "{", "}", "[", "]", ",", ";", "\\",
    "AND", "OR", "NOT", "NEAR", "NEAR(", "near", "and", "NEAR/3", "MATCH", "norm_text:",
    "claims_fts", "{norm_text norm_title}:", "- norm_title:", "rank", "bm25(",
    "'; DROP TABLE claims; --", "\" OR 1=1 --", "/*", "*/", "%", "_", "?", "?1", ":name",
    "Venezuela", "aide", "300 t", "300 tonnes", "russe", "Guaidó", "Colombie", "24 h",
    "l'aide", "qu'il", "vaccin", "5G", "COVID-19", "Maduro", "glyphosate", "\x00", "\u200b",
]  # fmt: skip
# Archive entries that themselves look like query syntax.
ODD_CLAIMS = [
    'Il a dit "NEAR" et AND OR NOT * - ^ : (entre parenthèses)',
    "'; DROP TABLE claims; -- n'a rien cassé",
    "Le Venezuela a reçu 300 t d'aide russe selon « l'agence »",
    "Le Venezuela a reçu 200 t d'aide russe",
    "中文 العربية ελληνικά emoji 😀 in a claim",
]

fts_query = st.lists(st.one_of(st.sampled_from(FTS_PIECES), st.text(max_size=8)), max_size=14).map(
    lambda parts: " ".join(parts)
)


@pytest.fixture(scope="module")
def matcher(tmp_path_factory):
    db = open_archive(tmp_path_factory.mktemp("fuzz-match") / "archive.db")
    load_demo(db)
    for text in ODD_CLAIMS:
        add_claim(db, text=text, lang="fr", origin="archive")
    before = db.execute("SELECT count(*), total(length(text)) FROM claims").fetchone()
    yield Matcher(db)
    after = db.execute("SELECT count(*), total(length(text)) FROM claims").fetchone()
    problems = check_archive(db)
    db.close()
    assert after == before and problems == []


def _check(matcher: Matcher, query: str, lang: str | None, limit: int, min_score) -> None:
    results = matcher.match(query, lang=lang, limit=limit, min_score=min_score)
    assert len(results) <= max(limit, 0)
    floor = RELATED_THRESHOLD if min_score is None else min_score
    scores = [m.score for m in results]
    assert scores == sorted(scores, reverse=True)
    for match in results:
        assert 0.0 <= match.score <= 100.0 and match.score >= floor
        if match.tier == "match":
            assert match.score >= MATCH_THRESHOLD
        elif match.tier == "related":
            assert match.score >= RELATED_THRESHOLD
        else:
            assert match.tier == "none" and match.score < RELATED_THRESHOLD
        for start, end in match.why.query_spans:
            assert 0 <= start <= end <= len(query)
        for start, end in match.why.text_spans:
            assert 0 <= start <= end <= len(match.text)
        json.dumps(match.to_json(), ensure_ascii=False)


@fuzz_settings("match_fts_syntax")
@given(
    fts_query,
    st.sampled_from([None, "fr", "en", "auto"]),
    st.integers(-1, 30),
    st.sampled_from([None, 0, 40, 70, 101]),
)
def test_match_queries_with_fts_syntax(matcher, query, lang, limit, min_score):
    count("match")
    _check(matcher, query, lang, limit, min_score)


@fuzz_settings("match_unicode")
@given(st.one_of(any_text, news_text), st.sampled_from([None, "fr", "en", "xx"]))
def test_match_any_text(matcher, query, lang):
    count("match")
    _check(matcher, query, lang, 10, 0)
