"""Finding 7 of issue 12: an archive made by the oldest schema, upgraded, matches exactly like
a fresh archive of the same records (what a migration makes stale is rebuilt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.interop.importer import import_paths
from app.matching import Matcher
from app.storage import open_archive
from app.storage.db import applied_migrations, known_migrations
from app.storage.integrity import check_archive
from app.storage.reindex import norm_text_outdated

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds-430a13f"
# The order the fixture imported them in (claim ids follow it).
SEED_FILES = [
    SEEDS / name
    for name in (
        "reviews-venezuela-fr.datafeed.json",
        "reviews-mixed.list.json",
        "reviews-en.graph.jsonld",
        "claims-extra.csv",
    )
]
QUERIES = (
    "Le Venezuela a reçu 300 tonnes d'aide humanitaire de la Russie",
    "Maduro a fermé la frontière avec la Colombie",
    "Guaidó s'est proclamé président par intérim",
    "Colombia broke off diplomatic relations with Venezuela",
)


def _scores(db) -> list[list[tuple[int, float, str]]]:
    matcher = Matcher(db)
    return [[(m.claim_id, m.score, m.tier) for m in matcher.match(q)] for q in QUERIES]


@pytest.fixture
def upgraded(tmp_path: Path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "archive-schema-0001.db", path)
    db = open_archive(path)
    yield db
    db.close()


def test_the_fixture_is_an_oldest_schema_archive(tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(f"{(FIXTURES / 'archive-schema-0001.db').as_uri()}?mode=ro", uri=True)
    names = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert names == ["0001_initial"]


def test_an_upgraded_oldest_archive_matches_like_a_fresh_one(upgraded, tmp_path: Path) -> None:
    assert applied_migrations(upgraded) == known_migrations()
    # The upgrade saw the stale text and opening rebuilt it (reindex on open).
    fresh = open_archive(tmp_path / "fresh.db")
    report = import_paths(fresh, SEED_FILES)
    assert report.imported == 69
    expected = _scores(fresh)
    fresh.close()
    assert any(expected)
    assert _scores(upgraded) == expected
    assert not norm_text_outdated(upgraded)
    assert check_archive(upgraded) == []


def test_a_fresh_archive_keeps_its_stamp_through_the_upgrade(tmp_path: Path) -> None:
    db = open_archive(tmp_path / "new.db")
    import_paths(db, SEED_FILES)
    db.close()
    db = open_archive(tmp_path / "new.db")
    assert not norm_text_outdated(db)
    db.close()
