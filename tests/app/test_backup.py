"""Backups: online copies, rotation, restore with verification, backup before migration."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import UserError
from app.storage import open_archive
from app.storage.backup import (
    AUTO,
    BEFORE_RESTORE,
    MANUAL,
    auto_backup,
    backup_dir,
    backup_to,
    list_backups,
    make_backup,
    prune_backups,
    verify_backup,
)
from app.storage.integrity import check_archive
from app.storage.restore import restore_backup


def _add(db, text: str) -> None:
    with db.atomic():
        db.execute("INSERT INTO claims(text, norm_text) VALUES (?, ?)", [text, text.lower()])


def _texts(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT text FROM claims ORDER BY id")]
    finally:
        conn.close()


def test_backup_to_is_a_single_sound_file(db, tmp_path):
    _add(db, "Le Venezuela a reçu 300 t d'aide")
    target = backup_to(db, tmp_path / "copy.db")
    assert _texts(target) == ["Le Venezuela a reçu 300 t d'aide"]
    assert not target.with_name("copy.db-wal").exists()
    assert not target.with_name("copy.db.partial").exists()
    copy = open_archive(target)
    assert check_archive(copy) == []
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    copy.close()


def test_backup_to_unwritable_place_is_a_user_error(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="cannot write the backup"):
        backup_to(db, blocker / "sub" / "copy.db")


def test_make_backup_goes_to_backups_folder_and_is_listed(db, db_path):
    _add(db, "one")
    path = make_backup(db, db_path)
    assert path.parent == backup_dir(db_path) == db_path.parent / "backups"
    [info] = list_backups(db_path)
    assert info.path == path and info.reason == MANUAL and info.size > 0
    assert datetime.now(UTC) - info.created < timedelta(minutes=1)


def test_list_backups_ignores_other_archives_and_stray_files(db, db_path):
    make_backup(db, db_path)
    folder = backup_dir(db_path)
    (folder / "notes.txt").write_text("mine")
    (folder / "archive-garbage.db").write_text("x")
    other = open_archive(db_path.with_name("other.db"))
    make_backup(other, db_path.with_name("other.db"))
    other.close()
    assert [b.reason for b in list_backups(db_path)] == [MANUAL]
    assert list_backups(db_path.with_name("missing.db")) == []


def test_auto_backup_respects_interval_and_rotates(db, db_path):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for hour in range(0, 15 * 6, 6):
        made.append(auto_backup(db, db_path, keep=3, now=start + timedelta(hours=hour)))
    # Every 6 h with a 12 h minimum interval: one in two is due.
    assert [m is not None for m in made] == [True, False] * 7 + [True]
    autos = [b for b in list_backups(db_path) if b.reason == AUTO]
    assert len(autos) == 3
    assert autos[0].created == start + timedelta(hours=84)
    assert [b.path for b in autos] == [m for m in reversed(made) if m][:3]


def test_prune_keeps_manual_backups(db, db_path):
    manual = make_backup(db, db_path)
    for day in range(4):
        auto_backup(db, db_path, keep=10, now=datetime(2026, 1, 1 + day, tzinfo=UTC))
    prune_backups(db_path, keep=1)
    reasons = sorted(b.reason for b in list_backups(db_path))
    assert reasons == [AUTO, MANUAL] and manual.exists()


def test_restore_brings_back_content_and_keeps_current(db, db_path):
    _add(db, "before")
    backup = make_backup(db, db_path)
    _add(db, "after")
    kept = restore_backup(backup, db_path)
    assert _texts(db_path) == ["before"]
    assert kept is not None and _texts(kept) == ["before", "after"]
    assert BEFORE_RESTORE in {b.reason for b in list_backups(db_path)}
    # The connection that was open all along sees the restored archive, still sound.
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert check_archive(db) == []
    assert db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'before'").fetchall()


def test_restore_into_missing_archive(db, db_path, tmp_path):
    _add(db, "kept")
    backup = backup_to(db, tmp_path / "elsewhere" / "b.db")
    fresh = tmp_path / "new" / "archive.db"
    fresh.parent.mkdir()
    assert restore_backup(backup, fresh) is None
    assert _texts(fresh) == ["kept"]


def test_restore_moves_an_unreadable_archive_aside(db, db_path, tmp_path):
    _add(db, "good")
    backup = backup_to(db, tmp_path / "b.db")
    broken = tmp_path / "broken" / "archive.db"
    broken.parent.mkdir()
    broken.write_bytes(b"this is not sqlite" * 100)
    kept = restore_backup(backup, broken)
    assert kept is not None and kept.read_bytes().startswith(b"this is not sqlite")
    assert _texts(broken) == ["good"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db, db_path, tmp_path):
    _add(db, "precious")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(UserError):
        restore_backup(bad, db_path)
    assert _texts(db_path) == ["precious"]
    assert list_backups(db_path) == []


def test_verify_backup_failures(tmp_path):
    with pytest.raises(UserError, match="no backup file"):
        verify_backup(tmp_path / "missing.db")
    plain = tmp_path / "plain.db"
    sqlite3.connect(str(plain)).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(UserError, match="not a Crible archive"):
        verify_backup(plain)
    text = tmp_path / "text.db"
    text.write_text("hello")
    with pytest.raises(UserError, match="not a readable Crible archive"):
        verify_backup(text)


def test_verify_backup_refuses_newer_schema(db, tmp_path):
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at)"
            " VALUES ('crible', '9999_future', '2030-01-01')"
        )
    backup = backup_to(db, tmp_path / "future.db")
    with pytest.raises(UserError, match="newer Crible"):
        verify_backup(backup)


def test_restore_refuses_the_archive_itself(db, db_path):
    with pytest.raises(UserError, match="archive itself"):
        restore_backup(db_path, db_path)


def test_migration_backup_lands_in_rotation(db, db_path, monkeypatch):
    from app.storage import db as db_module
    from app.storage.migrations import MIGRATIONS

    _add(db, "old schema")
    db.close()

    @MIGRATIONS(name="9000_test_only")
    def _m(database):
        database.execute("CREATE TABLE test_only(x)")

    try:
        reopened = db_module.open_archive(db_path)
        reopened.close()
    finally:
        MIGRATIONS._migrations.pop()
    [info] = list_backups(db_path)
    assert info.reason == "before-9000_test_only"
    assert _texts(info.path) == ["old schema"]
    assert (
        "test_only"
        not in sqlite3.connect(str(info.path))
        .execute("SELECT group_concat(name) FROM sqlite_master")
        .fetchone()[0]
    )
