"""`crible backup`, `crible restore`, `crible archive info|check`, in process and as a command."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from app.cli import main
from app.storage import open_archive
from app.storage.backup import list_backups


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    with db.atomic():
        db.execute("INSERT INTO claims(text, norm_text) VALUES ('first', 'first')")
    db.close()
    return db_path


def _count(path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        conn.close()


def test_backup_default_and_list(archive, capsys):
    assert main(["backup", "--db", str(archive)]) == 0
    out = capsys.readouterr().out
    [info] = list_backups(archive)
    assert out.strip() == f"backup written: {info.path}"
    assert main(["backup", "--list", "--db", str(archive), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["path"] == str(info.path) and listed[0]["reason"] == "manual"
    assert main(["backup", "--list", "--db", str(archive)]) == 0
    assert "manual" in capsys.readouterr().out


def test_backup_to_file(archive, tmp_path, capsys):
    target = tmp_path / "out" / "copy.db"
    assert main(["backup", "-o", str(target), "--db", str(archive)]) == 0
    assert _count(target) == 1


def test_backup_of_missing_archive_is_exit_2(tmp_path, capsys):
    assert main(["backup", "--db", str(tmp_path / "none.db")]) == 2
    assert capsys.readouterr().err.startswith("crible: no archive at")
    assert main(["backup", "--list", "--db", str(tmp_path / "none.db")]) == 0
    assert "no backups" in capsys.readouterr().out


def test_restore_round_trip(archive, capsys):
    main(["backup", "--db", str(archive)])
    [info] = list_backups(archive)
    db = open_archive(archive)
    with db.atomic():
        db.execute("INSERT INTO claims(text, norm_text) VALUES ('second', 'second')")
    db.close()
    capsys.readouterr()
    assert main(["restore", str(info.path), "--yes", "--db", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "previous archive was kept as" in out
    assert _count(archive) == 1
    kept = [b for b in list_backups(archive) if b.reason == "before-restore"]
    assert _count(kept[0].path) == 2


def test_restore_without_yes_on_a_pipe_refuses(archive, capsys, monkeypatch):
    main(["backup", "--db", str(archive)])
    [info] = list_backups(archive)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert main(["restore", str(info.path), "--db", str(archive)]) == 2
    assert "--yes" in capsys.readouterr().err


def test_restore_of_bad_file_is_exit_2(archive, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["restore", str(bad), "--yes", "--db", str(archive)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _count(archive) == 1


def test_archive_info(archive, capsys):
    assert main(["archive", "info", "--json", "--db", str(archive)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["claims"] == 1
    assert info["schema"] and info["pending_migrations"] == []
    assert main(["archive", "info", "--db", str(archive)]) == 0
    assert "1 claims" in capsys.readouterr().out


def test_archive_check_ok_and_damaged(archive, capsys):
    assert main(["archive", "check", "--db", str(archive)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    raw = sqlite3.connect(str(archive))
    raw.execute("DROP TRIGGER claims_fts_update")
    raw.execute("UPDATE claims SET norm_text = 'other'")
    raw.commit()
    raw.close()
    assert main(["archive", "check", "--json", "--db", str(archive)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"] and report["problems"][0].startswith("search index")
    assert main(["archive", "check", "--repair", "--db", str(archive)]) == 0
    assert "search index rebuilt" in capsys.readouterr().out


def test_archive_check_of_garbage_file(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 not a database at all" * 50)
    assert main(["archive", "check", "--db", str(junk)]) == 2
    assert "not a readable Crible archive" in capsys.readouterr().err
    assert junk.read_bytes().startswith(b"PK\x03\x04")


def test_archive_missing_is_exit_2(tmp_path, capsys):
    assert main(["archive", "info", "--db", str(tmp_path / "nope.db")]) == 2
    assert not (tmp_path / "nope.db").exists()


def test_backup_command_as_subprocess(archive, tmp_path):
    target = tmp_path / "sub.db"
    done = subprocess.run(
        [sys.executable, "-m", "app", "backup", "-o", str(target), "--db", str(archive)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert _count(target) == 1


def test_backup_auto_is_rotating_and_not_repeated(archive, capsys):
    assert main(["backup", "--auto", "--db", str(archive)]) == 0
    assert capsys.readouterr().out.startswith("backup written:")
    assert main(["backup", "--auto", "--db", str(archive)]) == 0
    assert "no backup needed" in capsys.readouterr().out
    assert [b.reason for b in list_backups(archive)] == ["auto"]
