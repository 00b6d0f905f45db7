"""The undo stack's one command over ``app.edits``: what the session announces, and refusals."""

from __future__ import annotations

from app import edits
from app.changes import Changes
from app.storage.claims import claims_of_article


def test_push_applies_once_announces_changes_and_undo_redo_apply_the_inverses(session, qtbot):
    claim_id = int(claims_of_article(session.db, 1)[0].id)
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    with qtbot.waitSignal(session.claim_changed) as blocker:
        changes = session.push_edit(edits.set_note(claim_id, "appeler l'Insee"), "Note")
    assert changes == Changes(claims=frozenset({claim_id}))
    assert blocker.args[0].notes == "appeler l'Insee"
    assert seen == [changes] and session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.claim(claim_id).notes == ""
    session.undo_stack.redo()
    assert session.claim(claim_id).notes == "appeler l'Insee"
    assert len(seen) == 3  # push, undo, redo: each step announced once


def test_a_refused_edit_is_a_message_and_never_reaches_the_stack(session, qtbot):
    with qtbot.waitSignal(session.error_raised) as blocker:
        assert session.push_edit(edits.set_status(999_999, "checked")) is None
    assert "999999" in blocker.args[0]
    assert session.undo_stack.count() == 0


def test_a_bug_in_an_edit_is_raised_not_swallowed(session):
    import pytest

    with pytest.raises(ValueError, match="not editable"):
        session.push_edit(edits.EditClaim(1, {"no_such_field": 1}))
    assert session.undo_stack.count() == 0


def test_structural_edits_announce_the_claim_list_and_adding_says_which_claim(session, qtbot):
    from ui import operations as ops

    claim = claims_of_article(session.db, 1)[0]
    with qtbot.waitSignal(session.claims_restructured) as blocker:
        command = ops.AddClaim(
            session, {"text": "300 tonnes", "article_id": 1, "start": 24, "end": 34}
        )
        assert session.push(command)
    assert blocker.args == [1]
    assert command.claim_id is not None and command.claim_id != claim.id
    with qtbot.waitSignal(session.claims_restructured):
        session.undo_stack.undo()
    assert command.claim_id not in {int(c.id) for c in claims_of_article(session.db, 1)}


def test_saving_settings_reloads_the_scale(session, qtbot):
    scale = session.scale
    levels = tuple(
        {"key": lv.key, "label_fr": lv.label_fr + " !", "label_en": lv.label_en,
         "value": lv.value, "color": lv.color}
        for lv in scale.levels
    )  # fmt: skip
    with qtbot.waitSignal(session.scale_changed):
        session.apply(edits.SaveSettings(scale_id=scale.id, levels=levels))
    assert session.scale.levels[0].label_fr.endswith(" !")


def test_a_refused_undo_drops_the_command_so_redo_cannot_repeat_it(session, qtbot, monkeypatch):
    from app.errors import UserError
    from ui import operations as ops

    fields = {"text": "300 tonnes", "article_id": 1, "start": 24, "end": 34}
    assert session.push(ops.AddClaim(session, fields))
    count = len(claims_of_article(session.db, 1))

    def locked(_edit):
        raise UserError("the archive {path} is busy in another program; try again", path="x")

    monkeypatch.setattr(session, "apply", locked)
    with qtbot.waitSignal(session.error_raised):
        session.undo_stack.undo()
    monkeypatch.undo()
    assert session.undo_stack.count() == 0  # dropped: the claim stays, as saved
    session.undo_stack.redo()
    assert len(claims_of_article(session.db, 1)) == count  # not added a second time
