"""Finding 5 of issue 12 in the window: Undo after another program edited the same claim."""

from __future__ import annotations

import subprocess

from tests.reliability.crash_process import REPO, crible_command
from ui import operations as ops


def test_window_undo_after_a_crible_edit_is_refused_and_names_the_claim(
    session, archive_path, qtbot
) -> None:
    claim_id = 1
    messages: list[str] = []
    session.error_raised.connect(messages.append)
    assert session.push(ops.EditClaim(session, claim_id, {"notes": "note de la fenêtre"}))
    done = subprocess.run(
        crible_command(
            "edit", str(claim_id), "--note", "note du script", "--db", str(archive_path)
        ),
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    session.undo_stack.undo()
    assert session.claim(claim_id).notes == "note du script"
    assert messages and f"claim {claim_id} was changed elsewhere" in messages[-1]
    # The refused step left the stack: a redo cannot wipe the script's note either.
    assert session.undo_stack.count() == 0
    session.undo_stack.redo()
    assert session.claim(claim_id).notes == "note du script"
