"""Opening an archive: policy, migrations, refusals."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import NewerSchemaError, UserError
from app.storage import open_archive
from app.storage.db import applied_migrations, known_migrations


def test_policy_is_set(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_migrations_applied_twice_are_a_no_op(db_path):
    first = open_archive(db_path)
    schema = first.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    applied = applied_migrations(first)
    first.close()
    second = open_archive(db_path)
    assert applied_migrations(second) == applied == known_migrations()
    assert second.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert second.execute("SELECT count(*) FROM rating_scales").fetchone()[0] == 1
    second.close()


def test_newer_schema_is_refused_and_left_untouched(db_path):
    db = open_archive(db_path)
    db.execute(
        "INSERT INTO _sqlite_migrations(migration_set, name, applied_at)"
        " VALUES ('crible', '9999_from_the_future', 'now')"
    )
    db.conn.commit()
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer Crible"):
        open_archive(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UserError, match="not a readable Crible archive"):
        open_archive(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(UserError, match="folder"):
        open_archive(tmp_path)


def test_migration_of_an_older_archive_keeps_a_backup(db_path, monkeypatch):
    from app.storage import migrations

    db = open_archive(db_path)
    db.close()

    def m9000_test(database):
        database.execute("CREATE TABLE extra (id INTEGER PRIMARY KEY)")

    monkeypatch.setattr(
        migrations.MIGRATIONS, "_migrations", list(migrations.MIGRATIONS._migrations)
    )
    migrations.MIGRATIONS(name="9000_test")(m9000_test)
    db = open_archive(db_path)
    assert "extra" in db.table_names()
    db.close()
    backups = [p for p in db_path.parent.rglob("*") if "9000_test" in p.name]
    assert backups, "a backup was made before migrating"
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").fetchone()[0] == 0
    old.close()
