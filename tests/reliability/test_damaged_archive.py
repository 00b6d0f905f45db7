"""Finding 6 of issue 12: a damaged archive (flipped bytes in its pages) gets a one-line
diagnosis from every command, `archive check` lists the damage, backups never copy it over
the sound ones, and `archive recover` saves what can be read."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.errors import UserError
from app.storage import open_archive
from app.storage.backup import auto_backup, list_backups, make_backup, prune_backups
from app.storage.integrity import check_connection

SEEDS = (1, 2, 3, 4, 5, 7)  # each damages the test archive (checked below)
ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "article-demo-fr.txt"


def _claims_file(folder: Path, count: int = 1500) -> Path:
    path = folder / "claims.jsonl"
    rows = (
        {
            "text": f"Le ministre {i % 97} a annoncé {i} tonnes d'aide pour la région {i % 13}",
            "url": f"https://g.example.org/{i}",
            "verdict": "Faux",
        }
        for i in range(count)
    )
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sound")
    path = folder / "sound.db"
    assert main(["import", str(_claims_file(folder)), "--db", str(path)]) == 0
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _damage(path: Path, seed: int) -> None:
    """64 random bytes written over the start of three random b-tree leaf pages: a page header
    gone is damage every check sees, wherever the schema puts the rows. Never the header page
    nor the schema's own pages (their CREATE statements): without the schema nothing is
    readable, which is a lost archive rather than a damaged one."""
    rng = random.Random(seed)
    data = path.read_bytes()
    btree = [
        n
        for n in range(1, len(data) // 4096)
        if data[n * 4096] in (10, 13) and b"CREATE " not in data[n * 4096 : (n + 1) * 4096]
    ]
    with path.open("r+b") as handle:
        for page in rng.sample(btree, 3):
            handle.seek(page * 4096 + rng.randrange(0, 8))
            handle.write(bytes(rng.randrange(256) for _ in range(64)))


def _damaged_copy(sound: Path, folder: Path, seed: int) -> Path:
    path = folder / "archive.db"
    shutil.copy(sound, path)
    _damage(path, seed)
    return path


def _problems(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return check_connection(conn)
    finally:
        conn.close()


COMMANDS = (
    ["archive", "check"],
    ["archive", "check", "--repair"],
    ["archive", "info"],
    ["match", "Le ministre a annoncé 40 tonnes d'aide"],
    ["export", "--archive", "-o", "{folder}/out.json"],
    ["import", "{folder}/more.jsonl"],
    ["edit", "3", "--note", "vu"],
    ["backup"],
    ["backup", "--auto"],
    ["check", str(ARTICLE)],
)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_command_gives_a_damaged_archive_one_line(
    sound: Path, tmp_path: Path, seed: int, capsys: pytest.CaptureFixture
) -> None:
    path = _damaged_copy(sound, tmp_path, seed)
    assert _problems(path), "this seed must damage the archive"
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"text": "Une autre affirmation", "url": "https://h.org/1"}) + "\n")
    for command in COMMANDS:
        argv = [part.format(folder=tmp_path) for part in command] + ["--db", str(path)]
        code = main(argv)  # a traceback would fail the test here
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), argv
        if code == 2:
            assert err.count("\n") == 1 and err.startswith("crible: "), (argv, err)
        if command[:2] == ["archive", "check"]:
            assert code == 1 and "integrity: " in out, (argv, out)


@pytest.mark.parametrize("seed", SEEDS)
def test_archive_check_names_what_is_damaged(
    sound: Path, tmp_path: Path, seed: int, capsys: pytest.CaptureFixture
) -> None:
    path = _damaged_copy(sound, tmp_path, seed)
    assert main(["archive", "check", "--json", "--db", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert not report["ok"]
    assert report["problems"][0].startswith("integrity: ")
    assert all("\n" not in problem for problem in report["problems"])


def test_a_damaged_archive_never_loses_its_last_sound_backup(sound: Path, tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    shutil.copy(sound, path)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    db = open_archive(path)
    first = auto_backup(db, path, now=start)
    db.close()
    _damage(path, 3)
    # Twenty window opens, twelve hours apart: each refuses to copy the damage.
    for day in range(1, 21):
        db = open_archive(path, migrate=False)
        try:
            with pytest.raises(UserError, match="is damaged"):
                auto_backup(db, path, now=start + timedelta(hours=12 * day))
        finally:
            db.close()
    assert [b.path for b in list_backups(path)] == [first]
    assert first is not None and not _problems(first)


def test_rotation_keeps_the_newest_sound_backup_behind_damaged_ones(
    sound: Path, tmp_path: Path
) -> None:
    path = tmp_path / "archive.db"
    shutil.copy(sound, path)
    db = open_archive(path)
    sound_backup = make_backup(db, path, "auto")
    db.close()
    # Eleven newer automatic backups, all copies of damage (as older Crible versions made).
    stamp = sound_backup.name.split("-")[1]
    for i in range(11):
        newer = f"209901{i + 1:02d}T000000000000Z"
        later = sound_backup.with_name(sound_backup.name.replace(stamp, newer))
        shutil.copy(sound, later)
        _damage(later, 3)
    removed = prune_backups(path, keep=10)
    left = [b.path for b in list_backups(path)]
    assert sound_backup in left and len(removed) == 1
    assert not _problems(sound_backup)


@pytest.mark.parametrize("seed", SEEDS)
def test_recover_saves_what_can_be_read_into_a_sound_archive(
    sound: Path, tmp_path: Path, seed: int, capsys: pytest.CaptureFixture
) -> None:
    path = _damaged_copy(sound, tmp_path, seed)
    target = tmp_path / "recovered.db"
    assert main(["archive", "recover", "-o", str(target), "--json", "--db", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert _problems(target) == []
    assert 0 < report["saved"]["claims"] <= 1500
    assert report["saved"]["reviews"] <= report["saved"]["claims"]
    # The documented path: put it in place, then the archive matches again.
    assert main(["restore", str(target), "--yes", "--db", str(path)]) == 0
    assert _problems(path) == []
    assert main(["match", "Le ministre 7 a annoncé 7 tonnes d'aide", "--db", str(path)]) == 0
    capsys.readouterr()


def test_recover_refuses_to_overwrite(sound: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "exists.db"
    target.write_text("mine")
    assert main(["archive", "recover", "-o", str(target), "--db", str(sound)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text() == "mine"
