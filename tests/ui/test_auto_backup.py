"""Opening the window takes a rotating backup of the archive, in the background."""

from __future__ import annotations

from app.storage.backup import list_backups
from ui.launcher import _start_auto_backup


def test_auto_backup_runs_in_the_background_once_per_interval(session, qtbot):
    with qtbot.waitSignal(session.runner.ended, timeout=10_000) as blocker:
        _start_auto_backup(session)
    assert blocker.args == ["auto-backup"]
    backups = list_backups(session.path)
    assert len(backups) == 1 and backups[0].path.is_file()

    with qtbot.waitSignal(session.runner.ended, timeout=10_000):
        _start_auto_backup(session)
    assert len(list_backups(session.path)) == 1, "a second backup within 12 hours is skipped"
