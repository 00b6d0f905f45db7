"""Writers wait their turn (BEGIN IMMEDIATE + the busy timeout), and a job that gives up says
exactly what it saved (finding 1 of issue 12)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from app import edits
from app.cli import main
from app.errors import UserError
from app.interop.importer import import_paths
from app.storage import open_archive
from app.storage.claims import add_claim, get_claim, update_claim
from app.storage.db import CribleDatabase
from tests.reliability.concurrency import import_source


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    for i in range(10):
        add_claim(db, text=f"Affirmation numéro {i}", lang="fr")
    db.close()
    return path


def _hold_lock(path: Path, seconds: float) -> threading.Thread:
    """Another connection takes the write lock now and keeps it *seconds*."""
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def test_a_writer_waits_for_a_lock_shorter_than_the_timeout(archive: Path) -> None:
    db = open_archive(archive)
    holder = _hold_lock(archive, 0.5)
    started = time.monotonic()
    # Read first, then write: the deferred BEGIN this replaces failed here at once.
    update_claim(db, 1, notes="after the wait")
    waited = time.monotonic() - started
    holder.join()
    assert get_claim(db, 1).notes == "after the wait"
    assert 0.3 < waited < 3
    db.close()


def test_a_writer_that_gives_up_rolls_back_and_says_busy(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CribleDatabase, "lock_wait_s", 0.2)
    db = open_archive(archive)
    holder = _hold_lock(archive, 1.0)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        update_claim(db, 1, notes="never")
    holder.join()
    assert not db.conn.in_transaction
    assert get_claim(db, 1).notes == ""
    db.close()


def test_edit_batch_that_gives_up_names_the_line_and_keeps_what_it_printed(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(CribleDatabase, "lock_wait_s", 0.2)
    batch = tmp_path / "edits.jsonl"
    batch.write_text(
        "".join(json.dumps({"claim": i, "note": f"n{i}"}) + "\n" for i in (1, 2, 3, 4))
    )
    calls = {"n": 0}
    real_apply = edits.apply
    holders: list[threading.Thread] = []

    def apply_then_lock(db, edit):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            holders.append(_hold_lock(archive, 1.0))
        return real_apply(db, edit)

    monkeypatch.setattr(edits, "apply", apply_then_lock)
    code = main(["edit", "--batch", str(batch), "--json", "--db", str(archive)])
    holders[0].join()
    captured = capsys.readouterr()
    assert code == 2
    saved = [json.loads(line)["line"] for line in captured.out.splitlines()]
    assert saved == [1, 2]
    assert captured.err.count("\n") == 1
    assert "stopped at line 3" in captured.err and "nothing was changed" not in captured.err
    db = open_archive(archive)
    assert [get_claim(db, i).notes for i in (1, 2, 3, 4)] == ["n1", "n2", "", ""]
    db.close()


def test_import_that_gives_up_says_how_many_records_it_saved(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CribleDatabase, "lock_wait_s", 0.2)
    source = import_source(tmp_path, "wait", 500)
    holders: list[threading.Thread] = []

    def lock_after_two_batches(done: int, total: int) -> None:
        if done == 200 and not holders:
            holders.append(_hold_lock(archive, 1.0))

    db = open_archive(archive)
    with pytest.raises(UserError) as caught:
        import_paths(db, [source], batch_size=100, progress=lock_after_two_batches, workers=0)
    holders[0].join()
    assert "200 records were imported before it" in str(caught.value)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 200
    db.close()


def test_two_programs_opening_a_new_archive_at_once_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    errors: list[BaseException] = []

    def open_close() -> None:
        try:
            open_archive(path).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
