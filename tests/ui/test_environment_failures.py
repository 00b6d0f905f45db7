"""In the window, a locked or read-only archive during an edit is a message, not a bug dialog."""

from __future__ import annotations

import sqlite3

from app.storage import db as db_module
from app.storage import open_archive


def test_edit_on_a_locked_archive_is_a_message(archive_path, qtbot, monkeypatch):
    from ui import operations as ops
    from ui.database import ArchiveSession

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    session = ArchiveSession(archive_path)
    claim_id = session.db.execute("SELECT min(id) FROM claims").fetchone()[0]
    holder = sqlite3.connect(str(archive_path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(session.error_raised) as blocker:
            pushed = session.push(ops.EditClaim(session, claim_id, {"notes": "locked out"}))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert pushed is False and session.undo_stack.count() == 0
    assert "busy in another program" in blocker.args[0]
    session.close()
    db = open_archive(archive_path)
    assert db.execute("SELECT notes FROM claims WHERE id = ?", [claim_id]).fetchone()[0] == ""
    db.close()
