"""Archive health checks: integrity, foreign keys, FTS index in sync, and the repair."""

from __future__ import annotations

import sqlite3

from app.storage.integrity import (
    check_archive,
    check_connection,
    rebuild_search_index,
    table_counts,
)


def _add(db, text: str) -> int:
    with db.atomic():
        return db.execute(
            "INSERT INTO claims(text, norm_text) VALUES (?, ?)", [text, text.lower()]
        ).lastrowid


def test_fresh_archive_is_sound(db):
    assert check_archive(db) == []
    assert table_counts(db) == {
        "articles": 0,
        "claims": 0,
        "reviews": 0,
        "sources": 0,
        "claim_sources": 0,
        "claim_links": 0,
    }


def test_dangling_foreign_key_is_reported(db_path, db):
    claim_id = _add(db, "a claim")
    db.close()
    raw = sqlite3.connect(str(db_path))
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("INSERT INTO claim_sources(claim_id, source_id) VALUES (?, 424242)", [claim_id])
    raw.commit()
    problems = check_connection(raw)
    raw.close()
    assert problems == ["foreign key: claim_sources row 1 points to a missing sources row"]


def test_fts_out_of_sync_is_reported_and_repaired(db):
    _add(db, "alpha beta")
    with db.atomic():
        db.execute("DROP TRIGGER claims_fts_update")
        db.execute("UPDATE claims SET norm_text = 'gamma'")
    [problem] = check_archive(db)
    assert problem.startswith("search index:")
    rebuild_search_index(db)
    assert check_archive(db) == []


def test_damaged_pages_are_reported(tmp_path, db_path, db):
    for i in range(400):
        _add(db, f"claim number {i} " + "x" * 200)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    # Scribble over a few interior pages, leaving the header and schema page intact.
    for offset in range(page * 3, page * 6):
        data[offset] = 0x5A
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    conn = sqlite3.connect(str(damaged))
    try:
        problems = check_connection(conn)
    except sqlite3.DatabaseError:
        problems = ["raised"]
    finally:
        conn.close()
    assert problems and all(p.startswith("integrity") or p == "raised" for p in problems)


def test_read_only_connection_is_checked(db_path, db):
    _add(db, "ro")
    db.close()
    conn = sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    assert check_connection(conn) == []
    conn.close()


def test_environment_failures_get_a_message_and_bugs_do_not():
    from app.storage.integrity import environment_failure

    full = environment_failure(sqlite3.OperationalError("database or disk is full"))
    assert full is not None and "disk is full" in full
    assert "read-only" in environment_failure(
        sqlite3.OperationalError("attempt to write a readonly database")
    )
    assert "busy" in environment_failure(sqlite3.OperationalError("database is locked"))
    assert environment_failure(sqlite3.OperationalError("no such column: nope")) is None
    assert environment_failure(sqlite3.OperationalError('near "SELEC": syntax error')) is None
