"""Fuzzing import: ClaimReview JSON-LD of every shape, HTML pages, CSV, mutated seed files.

Invariants: no exception escapes (a bad record or file is reported); ratings stay within
0–1; importing the same input again adds nothing (idempotent); the archive stays sound.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.interop.claimreview import parse_html, parse_jsonld
from app.interop.importer import import_paths, import_records
from app.interop.records import BadRecord, ReviewRecord
from app.storage import open_archive
from app.storage.integrity import check_archive
from tests.fuzz.fuzz_support import count, fuzz_settings, news_text, scalar

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = open_archive(tmp_path_factory.mktemp("fuzz-import") / "archive.db")
    yield db
    assert check_archive(db) == []
    bad = db.execute(
        "SELECT count(*) FROM reviews WHERE rating_norm < 0 OR rating_norm > 1"
    ).fetchone()[0]
    db.close()
    assert bad == 0


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-files")


def _reviews(db) -> int:
    return db.execute("SELECT count(*) FROM reviews").fetchone()[0]


# --- JSON-LD ------------------------------------------------------------------------------

json_value = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
rating = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["Rating", "rating", ["Rating"], 3]),
        "ratingValue": st.one_of(scalar, st.integers(-5, 10).map(str)),
        "bestRating": st.one_of(scalar, st.integers(-5, 10)),
        "worstRating": st.one_of(scalar, st.integers(-5, 10)),
        "alternateName": st.one_of(news_text, scalar),
        "name": scalar,
    },
)
claim_review = st.fixed_dictionaries(
    {"@type": st.sampled_from(["ClaimReview", ["ClaimReview", "Thing"], "schema:ClaimReview"])},
    optional={
        "@context": st.sampled_from(["https://schema.org", "http://schema.org/", {"x": 1}]),
        "claimReviewed": st.one_of(news_text, scalar, json_value),
        "itemReviewed": st.one_of(
            json_value,
            st.fixed_dictionaries(
                {"@type": st.just("Claim")},
                optional={
                    "author": st.one_of(json_value, st.fixed_dictionaries({"name": scalar})),
                    "datePublished": scalar,
                    "appearance": json_value,
                    "text": news_text,
                },
            ),
        ),
        "reviewRating": st.one_of(rating, st.lists(rating, max_size=2), scalar),
        "url": st.one_of(
            st.sampled_from(["https://x.org/a", "javascript:alert(1)", "file:///etc/passwd", ""]),
            scalar,
        ),
        "author": json_value,
        "datePublished": scalar,
        "inLanguage": st.one_of(scalar, st.sampled_from(["fr", "en-GB", ["fr", "en"]])),
        "name": scalar,
        "headline": scalar,
    },
)


def _shape(reviews: list, shape: str):
    if shape == "object":
        return reviews[0] if reviews else {}
    if shape == "graph":
        return {"@context": "https://schema.org", "@graph": reviews}
    if shape == "datafeed":
        return {
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": reviews}],
        }
    return reviews


@fuzz_settings("jsonld")
@given(
    st.lists(st.one_of(claim_review, json_value), max_size=5),
    st.sampled_from(["object", "list", "graph", "datafeed"]),
)
def test_jsonld_any_shape(archive, reviews, shape):
    count("import")
    records = list(parse_jsonld(_shape(reviews, shape), "fuzz"))
    assert all(isinstance(r, ReviewRecord | BadRecord) for r in records)
    for record in records:
        if isinstance(record, ReviewRecord):
            assert record.claim_text.strip()
    first = import_records(archive, records)
    before = _reviews(archive)
    second = import_records(archive, records)
    assert second.imported == 0 and _reviews(archive) == before
    assert first.imported + first.skipped == len(records)


# --- HTML pages ---------------------------------------------------------------------------

html_piece = st.one_of(
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            '<a href="javascript:alert(1)">x</a>',
            '<body onload="steal()">',
            "<!-- comment <script> -->",
            "<![CDATA[ x ]]>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src='file:///etc/passwd'></iframe>",
            "<p>",
            "</div>",
            "<",
            "&amp;&#0;&#x110000;&bogus;",
            '<?xml version="1.0" encoding="utf-8"?>',
            "<meta charset='koi8-r'>",
            "\x00",
        ]
    ),
    news_text,
    st.builds(
        lambda body, kind: f'<script type="{kind}">{body}</script>',
        st.one_of(
            claim_review.map(lambda r: json.dumps(r, default=str)),
            st.text(max_size=60),
            st.just('{"@type": "ClaimReview", "claimReviewed": "x</script><script>alert(1)'),
        ),
        st.sampled_from(["application/ld+json", "APPLICATION/LD+JSON; charset=utf-8", "text/js"]),
    ),
)


@fuzz_settings("html")
@given(st.lists(html_piece, max_size=12).map("".join), st.booleans())
def test_html_pages(archive, page, as_bytes):
    count("import")
    content = page.encode("utf-8", "surrogatepass") if as_bytes else page
    records = list(parse_html(content, "page.html"))
    assert all(isinstance(r, ReviewRecord | BadRecord) for r in records)
    import_records(archive, records)
    before = _reviews(archive)
    assert import_records(archive, records).imported == 0 and _reviews(archive) == before


# --- CSV ----------------------------------------------------------------------------------

HEADERS = ["text", "claim", "title", "verdict", "url", "date", "language", "publisher", "x"]
cell = st.one_of(
    news_text,
    st.text(max_size=30),
    st.sampled_from(["=cmd|' /C calc'!A0", "@SUM(1)", '"quoted, with comma"', "\r\n", ""]),
)


@fuzz_settings("csv")
@given(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
    st.lists(st.lists(cell, max_size=7), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
    st.sampled_from([",", ";", "\t"]),
)
def test_csv_files(archive, workdir, header, rows, encoding, delimiter):
    count("import")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    path = workdir / "claims.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    first = import_paths(archive, [path])
    before = _reviews(archive)
    second = import_paths(archive, [path])
    assert second.imported == 0 and _reviews(archive) == before
    assert len(second.errors) == len(first.errors)


# --- mutation fuzzer over the seed files --------------------------------------------------

SEED_FILES = sorted(p for p in SEEDS.glob("*") if p.suffix in (".json", ".jsonld", ".csv"))


def _mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Flip, insert, delete, duplicate or cut bytes at positions chosen by hypothesis."""
    buf = bytearray(data)
    for kind, where, value in ops:
        if not buf:
            buf.extend(bytes([value]))
            continue
        at = where % len(buf)
        if kind == 0:
            buf[at] = value
        elif kind == 1:
            buf.insert(at, value)
        elif kind == 2:
            del buf[at : at + 1 + value % 16]
        elif kind == 3:
            buf[at:at] = buf[at : at + 1 + value]
        else:
            del buf[at:]
    return bytes(buf)


@pytest.mark.skipif(not SEED_FILES, reason="no seed files")
@fuzz_settings("jsonl_mutations")
@given(
    st.sampled_from(SEED_FILES or [Path("none")]),
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 2**20), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["same", ".jsonl", ".txt", ".html"]),
)
def test_mutated_seed_files(archive, workdir, seed, ops, suffix):
    count("import")
    mutated = _mutate(seed.read_bytes(), ops)
    path = workdir / ("mutant" + (seed.suffix if suffix == "same" else suffix))
    path.write_bytes(mutated)
    import_paths(archive, [path])
    before = _reviews(archive)
    assert import_paths(archive, [path]).imported == 0 and _reviews(archive) == before
