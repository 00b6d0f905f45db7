"""Finding 3 of issue 12: a note typed while another program holds the write lock is never
lost: it stays in the editor marked unsaved, is retried on the next commit and on close."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.storage.db import CribleDatabase
from tests.reliability.crash_process import REPO

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect({path!r}, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


class _Lock:
    """Another program holding the archive's write lock until ``release()``."""

    def __init__(self, path: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER.format(path=str(path))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "locked"

    def release(self) -> None:
        self.proc.communicate("\n", timeout=10)  # also closes the pipes


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CribleDatabase, "lock_wait_s", 0.3)


def _open(window, qtbot) -> None:
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(1)


def _type_note_and_leave(window, qtbot, text: str):
    claim = window.claims[1]
    window.panes.claims_pane.select_claim(claim.id)
    notes = window.panes.verdict_editor._notes
    window.activateWindow()
    notes.setFocus()
    qtbot.keyClicks(notes, text)
    window.panes.verdict_editor.commit_pending()  # what leaving the field does
    return claim, notes


def test_a_note_refused_by_a_lock_stays_unsaved_and_is_saved_after_it(
    window, qtbot, archive_path: Path
) -> None:
    _open(window, qtbot)
    lock = _Lock(archive_path)
    try:
        claim, notes = _type_note_and_leave(window, qtbot, "Appeler le ministre")
        assert window.session.claim(claim.id).notes == ""
        assert notes.toPlainText() == "Appeler le ministre"
        assert window.panes.verdict_editor.has_unsaved()
        assert not window.panes.verdict_editor._unsaved_note.isHidden()
        # A refresh of the same claim (another field saved, an undo) keeps the typed note.
        window.panes.verdict_editor.set_claim(window.session.claim(claim.id), window.session.scale)
        assert notes.toPlainText() == "Appeler le ministre"
    finally:
        lock.release()
    window.panes.verdict_editor.commit_pending()
    assert window.session.claim(claim.id).notes == "Appeler le ministre"
    assert not window.panes.verdict_editor.has_unsaved()
    assert window.panes.verdict_editor._unsaved_note.isHidden()


def test_closing_retries_the_unsaved_note(window, qtbot, archive_path: Path) -> None:
    _open(window, qtbot)
    lock = _Lock(archive_path)
    try:
        claim, _notes = _type_note_and_leave(window, qtbot, "Source: rapport ONU")
    finally:
        lock.release()
    window.close()
    assert window.session.claim(claim.id).notes == "Source: rapport ONU"


def test_closing_under_a_lasting_lock_warns_once_before_quitting_without_it(
    window, qtbot, archive_path: Path
) -> None:
    _open(window, qtbot)
    lock = _Lock(archive_path)
    try:
        _claim, notes = _type_note_and_leave(window, qtbot, "Rappeler demain")
        assert not window.close()  # refused once, with a message
        assert window.isVisible()
        assert "could not be saved" in window.statusBar().currentMessage()
        assert notes.toPlainText() == "Rappeler demain"
        assert window.close()  # the second close is the user's choice
    finally:
        lock.release()


def test_switching_claims_with_an_unsaved_note_keeps_the_note(
    window, qtbot, archive_path: Path
) -> None:
    _open(window, qtbot)
    lock = _Lock(archive_path)
    try:
        claim, notes = _type_note_and_leave(window, qtbot, "Ne pas perdre")
        window.panes.claims_pane.select_claim(window.claims[2].id)
        assert window.panes.verdict_editor.claim().id == claim.id
        assert notes.toPlainText() == "Ne pas perdre"
    finally:
        lock.release()
    window.panes.verdict_editor.commit_pending()
    assert window.session.claim(claim.id).notes == "Ne pas perdre"
