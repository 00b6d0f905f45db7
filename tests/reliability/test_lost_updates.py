"""Finding 5 of issue 12: an undo (or redo) after someone else's `crible edit` of the same
claim is refused with a message naming the claim, instead of wiping their change."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app import edits
from app.storage import open_archive
from app.storage.claims import EditConflict, add_claim, get_claim
from tests.reliability.crash_process import REPO, crible_command


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    add_claim(db, text="Le Venezuela a reçu 300 tonnes d'aide russe", lang="fr")
    db.close()
    return path


def _crible_edit(archive: Path, *args: str) -> None:
    done = subprocess.run(
        crible_command("edit", "1", *args, "--db", str(archive)),
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr


def test_an_undo_after_someone_elses_edit_of_the_same_field_is_refused(archive: Path) -> None:
    db = open_archive(archive)
    inverse, _ = edits.apply(db, edits.set_note(1, "ma note"))
    _crible_edit(archive, "--note", "leur note")
    with pytest.raises(EditConflict, match=r"claim 1 was changed elsewhere since \(note\)"):
        edits.apply(db, inverse)
    assert get_claim(db, 1).notes == "leur note"
    db.close()


def test_an_undo_leaves_someone_elses_edit_of_another_field_alone(archive: Path) -> None:
    db = open_archive(archive)
    inverse, _ = edits.apply(db, edits.set_note(1, "ma note"))
    _crible_edit(archive, "--verdict", "false")
    edits.apply(db, inverse)
    claim = get_claim(db, 1)
    assert claim.notes == "" and claim.verdict_level_id is not None
    db.close()


def test_a_redo_after_someone_elses_edit_is_refused_too(archive: Path) -> None:
    db = open_archive(archive)
    inverse, _ = edits.apply(db, edits.set_status(1, "checked"))
    redo, _ = edits.apply(db, inverse)
    _crible_edit(archive, "--status", "in_progress")
    with pytest.raises(EditConflict):
        edits.apply(db, redo)
    assert get_claim(db, 1).status == "in_progress"
    db.close()


def test_undo_and_redo_without_anyone_else_still_work(archive: Path) -> None:
    db = open_archive(archive)
    inverse, _ = edits.apply(db, edits.set_note(1, "ma note"))
    redo, _ = edits.apply(db, inverse)
    assert get_claim(db, 1).notes == ""
    edits.apply(db, redo)
    assert get_claim(db, 1).notes == "ma note"
    db.close()
