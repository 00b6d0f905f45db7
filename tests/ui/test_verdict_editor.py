"""The verdict editor emits only committed, changed fields, and refuses malformed dates."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit

from app.domain import Claim, ClaimId, LevelId, RatingLevel, RatingScale, ScaleId
from ui.models.labels import status_label
from ui.panes.verdict_editor import VerdictEditor
from ui.validation import is_valid_date


def make_scale() -> RatingScale:
    levels = (
        RatingLevel(LevelId(1), ScaleId(1), 0, "true", "Vrai", "True", 1.0, "#2e7d32"),
        RatingLevel(LevelId(2), ScaleId(1), 1, "false", "Faux", "False", 0.0, "#c62828"),
        RatingLevel(
            LevelId(3),
            ScaleId(1),
            2,
            "unverifiable",
            "Invérifiable",
            "Unverifiable",
            None,
            "#757575",
        ),
    )
    return RatingScale(ScaleId(1), "Défaut", True, levels)


def make_claim(**changes) -> Claim:
    claim = Claim(
        id=ClaimId(7),
        text="Le chômage a baissé de 300 000 personnes en 2023.",
        status="in_progress",
        verdict_level_id=LevelId(2),
        verdict_text="Chiffre exagéré",
        notes="Voir Insee",
        claimant="Un ministre",
        claim_date="2024-03-01",
    )
    return replace(claim, **changes)


@pytest.fixture
def editor(qtbot):
    widget = VerdictEditor()
    qtbot.addWidget(widget)
    widget.set_claim(make_claim(), make_scale(), "fr")
    return widget


def field(editor, cls, name):
    return editor.findChild(cls, name)


def test_shows_the_claim_and_the_scale_in_its_language(editor):
    rating = field(editor, QComboBox, "rating")
    assert rating.count() == 4
    assert rating.currentText().startswith("Faux")
    assert rating.itemText(3) == "Invérifiable"
    assert field(editor, QComboBox, "status").currentData() == "in_progress"
    assert field(editor, QLineEdit, "verdict_text").text() == "Chiffre exagéré"
    assert field(editor, QPlainTextEdit, "notes").toPlainText() == "Voir Insee"
    assert field(editor, QLineEdit, "claimant").text() == "Un ministre"
    assert field(editor, QLineEdit, "claim_date").text() == "2024-03-01"
    assert editor.isEnabled()


def test_english_labels(editor):
    editor.set_claim(make_claim(), make_scale(), "en")
    assert field(editor, QComboBox, "rating").currentText().startswith("False")


def test_no_claim_disables_and_clears(editor):
    editor.set_claim(None, make_scale())
    assert not editor.isEnabled()
    assert field(editor, QLineEdit, "verdict_text").text() == ""
    assert field(editor, QComboBox, "rating").currentData() is None


def test_edit_emits_only_the_changed_field_once(editor, qtbot):
    verdict = field(editor, QLineEdit, "verdict_text")
    verdict.setText("Faux : 150 000 selon l'Insee")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        verdict.editingFinished.emit()
    assert blocker.args == [7, {"verdict_text": "Faux : 150 000 selon l'Insee"}]
    with qtbot.assertNotEmitted(editor.claim_edit_requested):
        verdict.editingFinished.emit()  # Return then focus-out: one commit, not two


def test_unchanged_field_emits_nothing(editor, qtbot):
    with qtbot.assertNotEmitted(editor.claim_edit_requested):
        field(editor, QLineEdit, "claimant").editingFinished.emit()
        editor.commit_pending()


def test_rating_and_status_combos_emit_on_choice(editor, qtbot):
    rating = field(editor, QComboBox, "rating")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        rating.activated.emit(1)
    assert blocker.args == [7, {"verdict_level_id": 1}]
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        rating.activated.emit(0)
    assert blocker.args == [7, {"verdict_level_id": None}]
    status = field(editor, QComboBox, "status")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        status.activated.emit(status.findData("checked"))
    assert blocker.args == [7, {"status": "checked"}]


def test_empty_claimant_becomes_none(editor, qtbot):
    claimant = field(editor, QLineEdit, "claimant")
    claimant.setText("   ")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        claimant.editingFinished.emit()
    assert blocker.args == [7, {"claimant": None}]


def test_malformed_date_is_refused_inline(editor, qtbot):
    date_field = field(editor, QLineEdit, "claim_date")
    date_field.setText("31/03/2024")
    with (
        qtbot.assertNotEmitted(editor.claim_edit_requested),
        qtbot.waitSignal(editor.invalid_input) as blocker,
    ):
        date_field.editingFinished.emit()
    assert "2024-03-31" in blocker.args[0]
    assert not editor._date_error.isHidden()
    date_field.setText("2024-02")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        date_field.editingFinished.emit()
    assert blocker.args == [7, {"claim_date": "2024-02"}]
    assert editor._date_error.isHidden()


def test_notes_commit_on_focus_out(editor, qtbot):
    notes = field(editor, QPlainTextEdit, "notes")
    notes.setPlainText("Voir Insee, puis Dares")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        QApplication.sendEvent(notes, QFocusEvent(QEvent.Type.FocusOut))
    assert blocker.args == [7, {"notes": "Voir Insee, puis Dares"}]


def test_switching_claim_commits_what_was_being_typed(editor, qtbot):
    field(editor, QPlainTextEdit, "notes").setPlainText("Appeler la Dares")
    with qtbot.waitSignal(editor.claim_edit_requested) as blocker:
        editor.set_claim(make_claim(id=ClaimId(8), notes=""), make_scale())
    assert blocker.args == [7, {"notes": "Appeler la Dares"}]
    assert field(editor, QPlainTextEdit, "notes").toPlainText() == ""


def test_refresh_of_same_claim_keeps_the_focused_field(editor, qtbot):
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    verdict = field(editor, QLineEdit, "verdict_text")
    verdict.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(verdict.hasFocus)
    verdict.setText("en cours de frappe")
    editor.set_claim(make_claim(status="checked"), make_scale())
    assert verdict.text() == "en cours de frappe"
    assert field(editor, QComboBox, "status").currentData() == "checked"


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("", True),
        ("2024", True),
        ("2024-02", True),
        ("2024-02-29", True),
        ("2023-02-29", False),
        ("2024-13", False),
        ("31/03/2024", False),
        ("hier", False),
    ],
)
def test_is_valid_date(text, valid):
    assert is_valid_date(text) is valid


def test_status_labels_are_readable():
    assert status_label("not_checkworthy") == "Not check-worthy"
    assert status_label("unknown") == "unknown"


def test_a_long_verdict_is_shown_from_its_beginning(qtbot):
    from app.domain import Claim, ClaimId, RatingScale, ScaleId
    from ui.panes.verdict_editor import VerdictEditor

    editor = VerdictEditor()
    qtbot.addWidget(editor)
    long_text = "Début du verdict. " + "x" * 300
    claim = Claim(id=ClaimId(1), text="Une affirmation", verdict_text=long_text)
    editor.set_claim(claim, RatingScale(id=ScaleId(1), name="s", is_default=True))
    field = editor._verdict
    assert field.text() == long_text and field.cursorPosition() == 0
