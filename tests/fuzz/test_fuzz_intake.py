"""Fuzzing article intake: HTML pages and mutated text files opened as the checker would.

Invariants: a file either becomes an article (text without markup from scripts or handlers,
then split with exact offsets) or is refused with a one-line ``UserError``; nothing else.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import UserError
from app.intake import from_file
from app.text.claims import analyse
from tests.fuzz.fuzz_support import count, fuzz_settings, news_text
from tests.fuzz.test_fuzz_import import _mutate, html_piece

DEMO = Path(__file__).resolve().parents[2] / "seeds" / "article-demo-fr.txt"
ARTICLE_TAGS = [
    "<html>", "<body>", "<article>", "<h1>", "<p>", "</p>", "<div>", "<br>",
    "<p>Le ministre a déclaré mardi que 300 tonnes d'aide étaient arrivées à Caracas.</p>",
    "<p>According to the agency, 24 people were wounded in the clashes on Saturday.</p>",
]  # fmt: skip


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-intake")


def _open(path: Path, *, page: bool = False) -> None:
    try:
        draft = from_file(path)
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    assert draft.text.strip()
    if page:
        # Script bodies, handlers and javascript: links of the generated page never show.
        for active in ("alert(", "steal()", "<script", "onerror", "onload"):
            assert active not in draft.text
    result = analyse(draft.text, draft.lang)
    for claim in result.claims:
        assert draft.text[claim.start : claim.end] == claim.text


@fuzz_settings("intake_html")
@given(
    st.lists(st.one_of(html_piece, st.sampled_from(ARTICLE_TAGS), news_text), max_size=16),
    st.sampled_from(["utf-8", "cp1252", "utf-16"]),
)
def test_html_article_files(workdir, pieces, encoding):
    count("split")
    path = workdir / "page.html"
    path.write_bytes("".join(pieces).encode(encoding, errors="replace"))
    _open(path, page=True)


@pytest.mark.skipif(not DEMO.exists(), reason="no demo article")
@fuzz_settings("intake_mutations")
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 2**20), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]),
    st.sampled_from([".txt", ".md", ".html", ""]),
)
def test_mutated_article_files(workdir, ops, encoding, suffix):
    count("split")
    data = DEMO.read_text(encoding="utf-8").encode(encoding, errors="replace")
    path = workdir / f"article{suffix}"
    path.write_bytes(_mutate(data, ops))
    _open(path)
