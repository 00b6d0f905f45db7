"""Finding 11 of issue 12, the smaller items: leftovers of killed backups are cleaned, and a
newer Crible's archive in rollback-journal mode is left byte for byte."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path

from app.cli import main
from app.storage import open_archive
from app.storage.backup import auto_backup, backup_dir, list_backups
from app.storage.claims import add_claim


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_newer_crible_archive_in_rollback_mode_is_left_untouched(tmp_path: Path, capsys) -> None:
    path = tmp_path / "newer.db"
    db = open_archive(path)
    add_claim(db, text="Affirmation", lang="fr")
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at)"
            " VALUES ('crible', '9999_from_the_future', '2030-01-01')"
        )
    db.close()
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = _digest(path)
    for argv in (["match", "Affirmation"], ["edit", "1", "--note", "x"], ["archive", "info"]):
        assert main([*argv, "--db", str(path)]) == 2
        assert "newer Crible" in capsys.readouterr().err
    assert _digest(path) == before  # the header still says rollback journal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]


def test_half_written_backups_of_killed_runs_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    add_claim(db, text="Affirmation", lang="fr")
    folder = backup_dir(path)
    folder.mkdir()
    stale = folder / "archive-20260101T000000000000Z-before-0004_x.db.partial"
    stale_journal = stale.with_name(stale.name + "-journal")
    fresh = folder / "archive-20991231T000000000000Z-auto.db.partial"  # another Crible's, now
    for leftover in (stale, stale_journal, fresh):
        leftover.write_bytes(b"x" * 1000)
    two_hours_ago = time.time() - 7200
    for leftover in (stale, stale_journal):
        os.utime(leftover, (two_hours_ago, two_hours_ago))
    assert auto_backup(db, path) is not None
    db.close()
    assert not stale.exists() and not stale_journal.exists()
    assert fresh.exists()
    assert len(list_backups(path)) == 1


def test_secrets_usage_errors_never_echo_a_key(capsys) -> None:
    key = "AIzaSyFAKE-KEY-0123456789"
    for argv in (["secrets", "set", "google_factcheck_api_key", key], ["secrets", "set", key]):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        assert code == 2
        assert key not in out + err and err.count("\n") == 1
