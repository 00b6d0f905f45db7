"""Fuzzing split: any Unicode, control characters, huge lines, mixed scripts, French traps.

Invariants: no exception; sentences are ordered, disjoint, inside the text and without edge
whitespace; every claim, element and loaded word slices the text to its own ``text``;
check-worthiness stays within 0–1; the JSON form survives a round trip.
"""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from app.text.claims import analyse, describe_span
from tests.fuzz.fuzz_support import any_text, count, fuzz_settings, news_text


def _check_analysis(text: str, lang: str | None) -> None:
    result = analyse(text, lang)
    assert result.text == text
    previous_end = 0
    for start, end in result.sentences:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    for claim in result.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.checkworthiness <= 1.0 and not math.isnan(claim.checkworthiness)
        for element in [*claim.elements, *claim.loaded]:
            assert text[element.start : element.end] == element.text
            assert claim.start <= element.start <= element.end <= claim.end
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]


@fuzz_settings("split_unicode")
@given(any_text, st.sampled_from([None, "fr", "en", "auto", "de"]))
def test_split_any_unicode(text, lang):
    count("split")
    _check_analysis(text, lang)


@fuzz_settings("split_news")
@given(news_text, st.sampled_from([None, "fr", "en"]))
def test_split_news_like_text(text, lang):
    count("split")
    _check_analysis(text, lang)


@fuzz_settings("claims_news")
@given(news_text, st.data())
def test_selected_span_describes_itself(text, data):
    count("split")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    claim = describe_span(text, start, end, data.draw(st.sampled_from(["fr", "en", "xx"])))
    assert text[claim.start : claim.end] == claim.text
    assert 0.0 <= claim.checkworthiness <= 1.0


@fuzz_settings("split_huge")
@given(
    st.sampled_from(["a", "Le Pr. Dupont a dit ", "300 t ", "«", "\x00", "中", "x."]),
    st.integers(20_000, 200_000),
)
def test_split_huge_single_line(piece, repeat):
    count("split")
    text = (piece * (repeat // len(piece) + 1))[:repeat]
    _check_analysis(text, "fr")
