"""Large imports: worker processes, set-based FTS indexing, duplicates not normalised again.

The worker pool must change nothing but speed: the same archive, report, errors (with their
file and line) and progress as an import in one process; cancel keeps whole batches.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlite_utils import Database

from app.interop.importer import import_paths
from app.interop.records import ReviewRecord
from app.storage import open_archive
from app.storage.reviews import (
    BULK_FTS_MIN,
    PreparedReviews,
    count_reviews,
    prepare_archive_reviews,
    store_archive_reviews,
)
from app.text.normalize import index_text

WORDS = ("aide", "russe", "tonnes", "Venezuela", "frontière", "Colombie", "Caracas", "élections",
         "dette", "300", "24h")  # fmt: skip


def _plain(n: int, **extra: object) -> dict:
    text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(6 + n % 5))
    return {
        "text": f"{text} numéro {n}",
        "title": f"Titre {n} {WORDS[n % len(WORDS)]}",
        "verdict": "Faux" if n % 2 else "Vrai",
        "url": f"https://verif.example.org/{n}",
        "date": "2024-02-23",
        "language": "fr" if n % 3 else "en",
        "publisher": "Exemple",
        **extra,
    }


def _jsonl(path: Path, count: int) -> Path:
    lines = []
    for n in range(count):
        if n == 5:
            lines.append("{not json")
        elif n == 11:
            lines.append(json.dumps(_plain(n, text="")))
        elif n == 17:
            lines.append(json.dumps(_plain(n, rating_value=9, best_rating=5)))
        elif n == 23:
            lines.append(json.dumps(_plain(n, url="javascript:alert(1)")))
        elif n == 29:
            lines.append("")
        elif n == 31:
            lines.append(json.dumps(_plain(3)))  # a duplicate of line 4
        elif n == 37:
            review = {"@type": "ClaimReview", "claimReviewed": "Une revue JSON-LD",
                      "url": "https://verif.example.org/ld", "inLanguage": "fr"}  # fmt: skip
            lines.append(json.dumps(review))
        else:
            lines.append(json.dumps(_plain(n), ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _files(folder: Path) -> list[Path]:
    jsonl = _jsonl(folder / "claims.jsonl", 60)
    table = folder / "claims.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(_plain(0)))
        writer.writeheader()
        for n in range(100, 130):
            writer.writerow(_plain(n))
    feed = folder / "feed.json"
    items = [{"@type": "ClaimReview", "claimReviewed": f"Affirmation {n} du flux",
              "url": f"https://verif.example.org/feed/{n}", "name": f"Flux {n}"}
             for n in range(12)]  # fmt: skip
    feed.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": items}), "utf-8")
    return [jsonl, folder / "missing.jsonl", table, feed]


def _archive(db: Database) -> list[tuple]:
    rows = db.execute(
        "SELECT c.id, c.text, c.title, c.norm_text, c.norm_title, c.lang, c.origin, c.status,"
        " r.dedup_key, r.url, r.publisher, r.textual_rating, r.rating_norm, r.jsonld"
        " FROM claims c JOIN reviews r ON r.claim_id = c.id ORDER BY c.id"
    ).fetchall()
    fts = db.execute(
        "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'venezuela OR flux' ORDER BY rowid"
    ).fetchall()
    return rows + fts


def _into(calls: list[tuple[int, int]]):
    return lambda done, total: calls.append((done, total))


@pytest.mark.slow  # spawns a pool of worker processes: ~20-30 s
def test_worker_processes_build_the_same_archive_report_and_progress(tmp_path) -> None:
    paths = _files(tmp_path)
    results = []
    for workers in (0, 2):
        db = open_archive(tmp_path / f"archive-{workers}.db")
        calls: list[tuple[int, int]] = []
        report = import_paths(db, paths, batch_size=7, workers=workers, progress=_into(calls))
        again = import_paths(db, paths, batch_size=7, workers=workers)
        # Batches may be cut differently (per file with workers): progress only has to rise
        # to the total.
        assert calls == sorted(calls) and calls[-1][0] == 59 + 30 + 12
        results.append((report.to_json(), report.files_read, again.to_json(), _archive(db)))
        db.close()

    assert results[0] == results[1]
    report, files_read, again, archive = results[1]
    path = paths[0]
    assert report["errors"] == [
        f"{path} line 6: invalid JSON (Expecting property name enclosed in double quotes)",
        f"{path} line 12: no claim text",
        f"{paths[1]}: no such file",
    ]
    # A bad number or link is dropped from the record, which is kept (#13).
    assert report["warnings"] == [
        f"{path} line 18: numeric rating dropped: ratingValue 9 is outside 1..5",
        f"{path} line 24: link dropped, not a web address: 'javascript:alert(1)'"
        " (only http and https)",
    ]
    # 59 lines (one blank), 2 bad, 1 duplicate; 30 CSV rows; 12 feed items.
    assert (report["imported"], report["skipped"], files_read) == (56 + 30 + 12, 3, 3)
    assert report["duplicates"] == 1
    assert (again["imported"], again["skipped"]) == (0, 59 + 30 + 12)
    assert len(archive) > 96 and archive[0][3] == index_text(archive[0][1], archive[0][5])


@pytest.mark.slow  # spawns a pool of worker processes: ~20-30 s
def test_cancel_with_workers_keeps_whole_batches(tmp_path) -> None:
    path = _jsonl(tmp_path / "claims.jsonl", 60)
    db = open_archive(tmp_path / "archive.db")
    calls: list[tuple[int, int]] = []
    report = import_paths(
        db, [path], batch_size=10, workers=2,
        progress=lambda d, t: calls.append((d, t)), cancelled=lambda: len(calls) >= 2,
    )  # fmt: skip

    assert report.cancelled and [d for d, _ in calls] == [10, 20]
    # Lines 1–20 hold two bad ones (6, 12; line 18's bad number is only dropped): every
    # record of the two batches is stored.
    assert report.imported == count_reviews(db) == 18
    rest = import_paths(db, [path], batch_size=10, workers=2)
    assert rest.imported + report.imported == 56
    db.close()


def _prepared(count: int) -> list[ReviewRecord]:
    return [
        ReviewRecord(claim_text=f"Le Venezuela a reçu {n} tonnes", review_url=f"u{n}", lang="fr")
        for n in range(count)
    ]


def _trigger_sql(db: Database) -> str:
    return db.execute("SELECT sql FROM sqlite_master WHERE name = 'claims_fts_insert'").fetchone()[
        0
    ]


def test_a_large_batch_is_indexed_set_based_and_the_trigger_kept(db) -> None:
    trigger = _trigger_sql(db)
    added = store_archive_reviews(db, prepare_archive_reviews(_prepared(BULK_FTS_MIN + 5)))

    assert added.added == BULK_FTS_MIN + 5
    assert _trigger_sql(db) == trigger
    hits = db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'venezuela'")
    assert hits.fetchone()[0] == BULK_FTS_MIN + 5
    assert db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    # The trigger still indexes a claim added one at a time.
    store_archive_reviews(db, prepare_archive_reviews(_prepared(BULK_FTS_MIN + 6)[-1:]))
    hits = db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'venezuela'")
    assert hits.fetchone()[0] == BULK_FTS_MIN + 6


def test_a_failing_large_batch_rolls_back_with_the_trigger_in_place(db) -> None:
    trigger = _trigger_sql(db)
    good = prepare_archive_reviews(_prepared(BULK_FTS_MIN + 5))
    claims = list(good.claims)
    claims[-1] = (None, *claims[-1][1:])  # text NOT NULL: fails after the trigger is dropped
    broken = PreparedReviews(good.keys, claims, good.reviews, good.received)

    with pytest.raises(Exception, match="NOT NULL"):
        store_archive_reviews(db, broken)
    assert _trigger_sql(db) == trigger
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    store_archive_reviews(db, prepare_archive_reviews(_prepared(1)))
    assert db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'venezuela'")


def test_keys_said_known_are_not_normalised_but_stored_normalised_if_new(db) -> None:
    records = _prepared(3)
    prepared = prepare_archive_reviews(records, known=lambda keys: set(keys[:2]))

    assert [c[2] is None for c in prepared.claims] == [True, True, False]
    # Known when prepared, gone by the time of writing (deleted meanwhile): normalised then.
    assert store_archive_reviews(db, prepared).added == 3
    stored = db.execute("SELECT text, norm_text, lang FROM claims ORDER BY id").fetchall()
    assert all(norm == index_text(text, lang) and norm for text, norm, lang in stored)


def test_dedup_keys_of_ascii_text_are_unchanged_by_the_shortcut() -> None:
    import random
    import string
    import unicodedata

    from app.storage.reviews import _MARKS, _fold_fast

    rng = random.Random(4)
    texts = ["US Aid: 300 T!", "HELLO\tworld", "A_b-C", "", " ".join(WORDS)]
    texts += ["".join(rng.choice(string.printable) for _ in range(30)) for _ in range(3000)]
    for text in texts:
        slow = _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
        assert _fold_fast(text) == slow
