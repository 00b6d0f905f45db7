"""Finding 4 of issue 12: a restore under an open window or a running import. `crible restore`
refuses while another process has the archive open; a program that opened it before a restore
(or before another file was moved in) stops writing instead of writing onto the wrong claim."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import UserError
from app.interop.importer import import_paths
from app.storage import open_archive
from app.storage.backup import make_backup
from app.storage.claims import add_claim, get_claim, update_claim
from app.storage.db import ArchiveReplacedError
from app.storage.restore import restore_backup
from tests.reliability.concurrency import import_source
from tests.reliability.crash_process import REPO, crible_command

HOLDER = """
import sys, time
sys.path.insert(0, {repo!r})
from app.storage import open_archive
db = open_archive({path!r})
db.execute("SELECT count(*) FROM claims").fetchone()
print("open", flush=True)
time.sleep(60)
"""


@pytest.fixture
def archive_and_backup(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    for i in range(5):
        add_claim(db, text=f"Affirmation {i}", lang="fr")
    backup = make_backup(db, path)
    # After the backup, claim 6 is new: restoring gives its id to nobody... until a new claim.
    add_claim(db, text="Claim added after the backup", lang="fr")
    db.close()
    return path, backup


def _hold_open(path: Path) -> subprocess.Popen[str]:
    """Another program (like the window) with the archive open."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(repo=str(REPO), path=str(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def test_restore_refuses_while_another_program_has_the_archive_open(
    archive_and_backup: tuple[Path, Path],
) -> None:
    path, backup = archive_and_backup
    before = path.read_bytes()
    holder = _hold_open(path)
    try:
        done = subprocess.run(
            crible_command("restore", str(backup), "--yes", "--db", str(path)),
            capture_output=True,
            text=True,
            cwd=REPO,
        )
    finally:
        holder.kill()
        holder.communicate()  # also closes its pipe
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "is open in another program" in done.stderr and "nothing was changed" in done.stderr
    assert path.read_bytes() == before
    # Once the other program closed it, the restore goes through.
    done = subprocess.run(
        crible_command("restore", str(backup), "--yes", "--db", str(path)),
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr


def test_restore_refuses_during_an_import(tmp_path: Path, archive_and_backup) -> None:
    path, backup = archive_and_backup
    source = import_source(tmp_path, "restore", 20_000)
    importer = subprocess.Popen(
        crible_command("import", str(source), "--json", "--batch-size", "50", "--db", str(path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    while _reviews(path) == 0:  # the import is writing
        time.sleep(0.05)
    assert importer.poll() is None
    done = subprocess.run(
        crible_command("restore", str(backup), "--yes", "--db", str(path)),
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    still_running = importer.poll() is None
    out, err = importer.communicate(timeout=600)
    assert importer.returncode == 0, err
    assert still_running, "the import ended before the restore ran: nothing was tested"
    assert done.returncode == 2 and "is open in another program" in done.stderr
    assert json.loads(out)["imported"] == _reviews(path) == 20_000


def _reviews(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        conn.close()


def test_a_window_open_across_a_restore_cannot_write_onto_the_wrong_claim(
    archive_and_backup: tuple[Path, Path],
) -> None:
    path, backup = archive_and_backup
    window = open_archive(path)
    assert get_claim(window, 6).text == "Claim added after the backup"
    # The restore slipped in (here: from this same process, which the lock check cannot see).
    restore_backup(backup, path)
    other = open_archive(path)
    newcomer = add_claim(other, text="A different claim that got id 6", lang="fr")
    other.close()
    assert newcomer.id == 6
    with pytest.raises(ArchiveReplacedError, match="was replaced"):
        update_claim(window, 6, notes="meant for 'Claim added after the backup'")
    window.close()
    db = open_archive(path)
    assert get_claim(db, 6).notes == ""
    db.close()


def test_a_file_moved_in_place_of_the_archive_stops_the_writers(
    archive_and_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = archive_and_backup
    window = open_archive(path)
    shutil.copy(backup, tmp_path / "other.db")
    os.replace(tmp_path / "other.db", path)
    with pytest.raises(ArchiveReplacedError):
        update_claim(window, 1, notes="lost into an unlinked file")
    window.close()


def test_an_import_across_a_restore_stops_and_says_what_it_saved(
    archive_and_backup: tuple[Path, Path], tmp_path: Path
) -> None:
    path, backup = archive_and_backup
    source = import_source(tmp_path, "across", 500)
    db = open_archive(path)

    def restore_after_two_batches(done: int, total: int) -> None:
        if done == 200:
            restore_backup(backup, path)

    with pytest.raises(UserError, match=r"was replaced .* after 200 records were imported"):
        import_paths(db, [source], batch_size=100, progress=restore_after_two_batches, workers=0)
    db.close()
