"""Importing files into the archive: dedup, batches, progress, cancel, errors that never abort."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.interop.importer import MAX_ERRORS, ImportReport, import_paths, import_records
from app.interop.records import BadRecord, ReviewRecord
from app.storage import open_archive
from app.storage.reviews import all_reviews, count_reviews, dedup_key, reviews_of_claim


def _review(n: int, **extra: object) -> dict:
    return {
        "@type": "ClaimReview",
        "url": f"https://verif.example.fr/v/{n}",
        "name": f"Titre numéro {n}",
        "claimReviewed": f"Affirmation numéro {n} sur le Venezuela",
        "inLanguage": "fr",
        "author": {"@type": "Organization", "name": "Vérif"},
        "reviewRating": {"alternateName": "Faux", "ratingValue": 2, "bestRating": 5,
                         "worstRating": 1},
        **extra,
    }  # fmt: skip


def _feed(tmp_path: Path, reviews: list[dict], name: str = "feed.json") -> Path:
    path = tmp_path / name
    feed = {"@type": "DataFeed", "dataFeedElement": [{"item": [r]} for r in reviews]}
    path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_stores_archive_claims_with_reviews(db, tmp_path) -> None:
    report = import_paths(db, [_feed(tmp_path, [_review(1), _review(2)])])

    assert report.to_json() == {
        "imported": 2,
        "skipped": 0,
        "duplicates": 0,
        "errors": [],
        "warnings": [],
    }
    assert report.files_read == 1
    claim, review = next(all_reviews(db))
    assert claim.article_id is None and claim.origin == "import" and claim.status == "checked"
    assert claim.title == "Titre numéro 1"
    assert review.url == "https://verif.example.fr/v/1"
    assert review.rating_norm == 0.25 and review.textual_rating == "Faux"
    assert json.loads(review.jsonld)["name"] == "Titre numéro 1"
    assert reviews_of_claim(db, claim.id) == [review]


def test_claim_text_and_headline_are_searchable(db, tmp_path) -> None:
    import_paths(db, [_feed(tmp_path, [_review(1, name="Caracas brûle")])])

    hits = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'caracas'").fetchall()
    assert len(hits) == 1


def test_reimport_and_duplicates_within_a_file_do_nothing(db, tmp_path) -> None:
    path = _feed(tmp_path, [_review(1), _review(2), _review(1)])
    first = import_paths(db, [path])
    again = import_paths(db, [path])

    assert (first.imported, first.skipped) == (2, 1)
    assert (again.imported, again.skipped) == (0, 3)
    assert count_reviews(db) == 2
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 2


def test_dedup_key_ignores_case_accents_and_punctuation_but_not_the_url() -> None:
    url = "https://verif.example.fr/v/1"
    assert dedup_key("La Russie a envoyé 300 t !", url) == dedup_key(
        "la russie a envoye 300 T", url
    )
    assert dedup_key("claim", url) != dedup_key("claim", url + "x")
    assert dedup_key("claim", None, "A") != dedup_key("claim", None, "B")


def test_bad_records_are_skipped_and_reported_the_rest_imported(db, tmp_path) -> None:
    bad_rating = _review(
        2,
        reviewRating={"ratingValue": 9, "bestRating": 5, "worstRating": 1, "name": "Faux"},
    )
    no_text = _review(3)
    del no_text["claimReviewed"]
    no_text.pop("name", None)
    no_text.pop("headline", None)
    path = _feed(tmp_path, [_review(1), bad_rating, no_text, _review(4)])
    report = import_paths(db, [path])

    # A bad number is dropped from a record that is kept; a record without a claim is not.
    assert (report.imported, report.skipped) == (3, 1)
    assert report.errors == [
        f"{path}#2: no claim text (claimReviewed, headline and name are empty)",
    ]
    assert report.warnings == [f"{path}#1: numeric rating dropped: ratingValue 9 is outside 1..5"]


def test_unreadable_files_are_errors_and_others_still_import(db, tmp_path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": "ClaimReview", ', encoding="utf-8")
    unknown = tmp_path / "notes.txt"
    unknown.write_text("just words", encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text('{"@type": "WebPage"}', encoding="utf-8")
    binary = tmp_path / "image.json"
    binary.write_bytes(bytes(range(256)) * 8)
    good = _feed(tmp_path, [_review(1)])
    paths = [tmp_path / "missing.json", tmp_path, broken, unknown, empty, binary, good]

    report = import_paths(db, paths)

    assert report.imported == 1 and report.files_read == 1
    assert [e.split(": ", 1)[1].split(" (")[0] for e in report.errors] == [
        "no such file",
        "is a folder, not a file",
        "invalid JSON",
        "unsupported file type",
        "no fact-checks found",
        "not a text file",
    ]


def test_every_shape_by_extension_and_by_sniffing(db, tmp_path) -> None:
    tmp_path = tmp_path / "files"
    tmp_path.mkdir()
    (tmp_path / "page.html").write_text(
        f'<html><script type="application/ld+json">{json.dumps(_review(1))}</script></html>',
        encoding="utf-8",
    )
    (tmp_path / "graph.jsonld").write_text(json.dumps({"@graph": [_review(2)]}), "utf-8")
    (tmp_path / "list.dat").write_text(json.dumps([_review(3)]), "utf-8")
    (tmp_path / "page.bin").write_text(
        f'<html><script type="application/ld+json">{json.dumps(_review(4))}</script></html>',
        encoding="utf-8",
    )
    (tmp_path / "lines.json").write_text(
        json.dumps(_review(5)) + "\n" + json.dumps({"text": "plain", "url": "u"}) + "\n", "utf-8"
    )
    (tmp_path / "c.csv").write_text("text,verdict\nfrom csv,Faux\n", "utf-8")
    (tmp_path / "d.ndjson").write_text(json.dumps({"claim": "from ndjson"}) + "\n", "utf-8")
    paths = sorted(tmp_path.iterdir())

    report = import_paths(db, paths)

    assert report.errors == []
    assert (report.imported, report.files_read) == (8, 7)


def test_batches_progress_and_cancel_keep_committed_batches(db) -> None:
    records = [ReviewRecord(claim_text=f"claim {n}", review_url=f"u{n}") for n in range(10)]
    calls: list[tuple[int, int]] = []

    def cancel_after_two_batches() -> bool:
        return len(calls) >= 2

    report = import_records(
        db, records, batch_size=3, progress=lambda d, t: calls.append((d, t)),
        cancelled=cancel_after_two_batches,
    )  # fmt: skip

    assert calls == [(3, 10), (6, 10)]
    assert report.cancelled and report.imported == 6
    assert count_reviews(db) == 6
    rest = import_records(db, records, batch_size=4)
    assert (rest.imported, rest.skipped, rest.cancelled) == (4, 6, False)


def test_progress_total_is_estimated_for_files_and_ends_at_done(db, tmp_path) -> None:
    path = _feed(tmp_path, [_review(n) for n in range(5)])
    calls: list[tuple[int, int]] = []
    import_paths(db, [path], batch_size=2, progress=lambda d, t: calls.append((d, t)))

    assert [d for d, _ in calls] == [2, 4, 5]
    assert calls[-1] == (5, 5)


def test_error_list_is_capped_with_a_count_of_the_rest(db) -> None:
    records = [BadRecord(f"f#{n}", "bad") for n in range(MAX_ERRORS + 5)]
    report = import_records(db, records)

    data = report.to_json()
    assert report.skipped == MAX_ERRORS + 5
    assert len(data["errors"]) == MAX_ERRORS + 1
    assert data["errors"][-1] == "… and 5 more errors"


def test_a_report_can_accumulate_over_several_calls(db) -> None:
    report = ImportReport()
    import_records(db, [ReviewRecord(claim_text="a", review_url="1")], report=report)
    import_records(db, [ReviewRecord(claim_text="b", review_url="2")], report=report)
    assert report.imported == 2


def test_undecodable_row_past_the_sniffed_part_costs_only_that_row(db, tmp_path) -> None:
    path = tmp_path / "half.csv"
    rows = "".join(f"claim number {n} about the border,False\n" for n in range(10_000))
    # Valid UTF-8 well past the part sniffed for the encoding, then bytes that are not.
    path.write_bytes(f"text,verdict\n{rows}".encode() + b"bad \xff\xfe row,Faux\n")
    report = import_paths(db, [path])

    assert (report.imported, report.files_read) == (10_000, 1)
    assert report.errors == [f"{path}#10000: undecodable bytes (utf-8)"]


def test_progress_total_is_zero_when_unknown(db) -> None:
    calls: list[tuple[int, int]] = []
    records = (ReviewRecord(claim_text=f"c {n}", review_url=f"u{n}") for n in range(3))
    import_records(db, records, batch_size=2, progress=lambda d, t: calls.append((d, t)))

    assert calls == [(2, 0), (3, 0)]


def test_only_the_calling_thread_uses_the_connection(tmp_path) -> None:
    open_archive(tmp_path / "a.db").close()
    # A connection that refuses other threads: the import must still work.
    strict = Database(sqlite3.connect(tmp_path / "a.db", check_same_thread=True))
    records = [ReviewRecord(claim_text=f"c {n}", review_url=f"u{n}") for n in range(25)]
    report = import_records(strict, records, batch_size=4)

    assert report.imported == 25
    assert count_reviews(strict) == 25


def test_a_failure_while_reading_propagates_after_the_batches_before_it(db) -> None:
    def records():
        for n in range(5):
            yield ReviewRecord(claim_text=f"c {n}", review_url=f"u{n}")
        raise RuntimeError("reader bug")

    with pytest.raises(RuntimeError, match="reader bug"):
        import_records(db, records(), batch_size=2)
    assert count_reviews(db) == 4


def test_non_web_links_are_dropped_with_the_reason_and_the_records_kept(db, tmp_path):
    import json as _json

    from app.interop.importer import import_paths

    good = {
        "@type": "ClaimReview",
        "claimReviewed": "Une affirmation sûre",
        "url": "https://verif.example.fr/a",
        "reviewRating": {"@type": "Rating", "alternateName": "Faux"},
    }
    bad_url = {**good, "claimReviewed": "Un lien piégé", "url": "javascript:alert(1)"}
    bad_site = {
        **good,
        "claimReviewed": "Un éditeur piégé",
        "url": "https://verif.example.fr/b",
        "author": {"@type": "Organization", "name": "X", "url": "file:///etc/passwd"},
    }
    path = tmp_path / "reviews.json"
    path.write_text(_json.dumps([good, bad_url, bad_site]), encoding="utf-8")
    csv_path = tmp_path / "claims.csv"
    csv_path.write_text("text,verdict,url\nAutre affirmation,Faux,javascript:x\n", encoding="utf-8")
    report = import_paths(db, [path, csv_path])
    assert (report.imported, report.skipped, report.errors) == (4, 0, [])
    assert sum("link dropped, not a web address" in w for w in report.warnings) == 3
    stored = db.execute("SELECT url, publisher_site FROM reviews ORDER BY id").fetchall()
    assert stored == [
        ("https://verif.example.fr/a", None),
        (None, None),
        ("https://verif.example.fr/b", None),
        (None, None),
    ]
