"""The verdict editor: rating, status, short verdict, notes, claimant and date of one claim."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import CLAIM_STATUSES, Claim, ClaimStatus, RatingScale, ScaleId
from ui.icons import color_swatch
from ui.models.labels import status_label
from ui.validation import is_valid_date

_CLAIM_SHOWN = 160  # characters of the claim shown above the fields


class _FocusOutFilter(QObject):
    """Calls `callback` when the watched widget loses focus.

    QPlainTextEdit has no editingFinished; focus-out is its commit.
    """

    def __init__(self, callback, parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class VerdictEditor(QWidget):
    """Edits the verdict fields of the selected claim; saving is the caller's job.

    Signals:
        claim_edit_requested(int claim_id, dict changes): the user committed an edit
            (Return or focus leaving a field, or a combo change). `changes` holds only
            the fields that differ from the claim last given to `set_claim`, with the
            names `app.storage.claims.update_claim` takes: verdict_level_id (int | None),
            status, verdict_text, notes, claimant (str | None), claim_date (str | None).
        invalid_input(str message): a field was refused (e.g. a malformed date); the
            message is also shown inline.
    """

    claim_edit_requested = Signal(int, dict)
    invalid_input = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: Claim | None = None
        self._baseline: dict[str, object] = {}
        # Fields whose save was refused (a lock, a full disk): kept as typed, retried on the
        # next commit and on close, never overwritten by a refresh.
        self._unsaved: dict[str, object] = {}
        self._build()
        self.set_claim(None, RatingScale(id=ScaleId(0), name="", is_default=True))

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._claim_label = QLabel()
        self._claim_label.setWordWrap(True)
        self._claim_label.setTextFormat(Qt.TextFormat.PlainText)
        self._claim_label.setStyleSheet("font-style: italic;")
        self._rating = QComboBox()
        self._rating.setObjectName("rating")
        self._status = QComboBox()
        self._status.setObjectName("status")
        for status in CLAIM_STATUSES:
            self._status.addItem(status_label(status), status)
        self._verdict = QLineEdit()
        self._verdict.setObjectName("verdict_text")
        self._verdict.setPlaceholderText(self.tr("One line: what the checker concluded"))
        self._notes = QPlainTextEdit()
        self._notes.setObjectName("notes")
        self._notes.setPlaceholderText(self.tr("Working notes, open questions, contacts…"))
        self._notes.setTabChangesFocus(True)
        self._notes.installEventFilter(_FocusOutFilter(self._on_notes_focus_out, self))
        self._claimant = QLineEdit()
        self._claimant.setObjectName("claimant")
        self._claimant.setPlaceholderText(self.tr("Who made the claim"))
        self._claim_date = QLineEdit()
        self._claim_date.setObjectName("claim_date")
        self._claim_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self._date_error = QLabel()
        self._date_error.setStyleSheet("color: #b3261e;")
        self._date_error.hide()
        self._unsaved_note = QLabel(
            self.tr("Not saved yet (the archive was busy): saved when you leave the field again.")
        )
        self._unsaved_note.setObjectName("unsaved")
        self._unsaved_note.setWordWrap(True)
        self._unsaved_note.setStyleSheet("color: #b3261e;")
        self._unsaved_note.hide()
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Rating:"), self._rating)
        form.addRow(self.tr("S&tatus:"), self._status)
        form.addRow(self.tr("&Verdict:"), self._verdict)
        form.addRow(self.tr("Clai&mant:"), self._claimant)
        form.addRow(self.tr("Claim &date:"), self._claim_date)
        form.addRow("", self._date_error)
        form.addRow(self.tr("&Notes:"), self._notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self._claim_label)
        layout.addLayout(form)
        layout.addWidget(self._unsaved_note)

    def _connect(self) -> None:
        self._rating.activated.connect(self._on_rating_activated)
        self._status.activated.connect(self._on_status_activated)
        self._verdict.editingFinished.connect(self._on_verdict_edited)
        self._claimant.editingFinished.connect(self._on_claimant_edited)
        self._claim_date.editingFinished.connect(self._on_claim_date_edited)
        self._claim_date.textEdited.connect(self._date_error.hide)

    # -- public API -------------------------------------------------------------------------

    def claim(self) -> Claim | None:
        return self._claim

    def set_claim(self, claim: Claim | None, scale: RatingScale, lang: str = "fr") -> None:
        """Show `claim` (None: nothing selected, the editor is disabled).

        Called again with the same claim after a save or an undo, it refreshes the
        fields but keeps text the user is still typing in the focused field.
        """
        same_claim = claim is not None and self._claim is not None and claim.id == self._claim.id
        if self._claim is not None and not same_claim:
            self.commit_pending()  # e.g. "next claim" pressed while still typing a note
            if self._unsaved:
                return  # still refused: stay on that claim rather than lose what was typed
        self._claim = claim
        self._fill_ratings(scale, lang)
        self.setEnabled(claim is not None)
        if claim is None:
            self._claim_label.setText(self.tr("Select a claim to record its verdict."))
            self._claim_label.setToolTip("")
            self._baseline = {}
            self._show_values(_EMPTY_VALUES, keep_focused=False)
            return
        # A long claim would push the fields down: show its start, the whole on hover.
        short = claim.text if len(claim.text) <= _CLAIM_SHOWN else claim.text[:_CLAIM_SHOWN] + "…"
        self._claim_label.setText(short)
        self._claim_label.setToolTip(claim.text)
        self._baseline = _values_of(claim)
        self._show_values(self._baseline, keep_focused=same_claim)

    def commit_pending(self) -> None:
        """Emit the edits still being typed (the window calls this before closing)."""
        self._on_verdict_edited()
        self._on_claimant_edited()
        self._on_claim_date_edited()
        self._on_notes_focus_out()

    def has_unsaved(self) -> bool:
        """Whether a typed value could not be saved yet (the window asks before closing)."""
        return bool(self._unsaved)

    def keep_unsaved(self, claim_id: int, changes: dict[str, object]) -> None:
        """The window could not save *changes* (refused: a lock, a full disk): keep them in
        the editor, marked unsaved, so the next commit or the close retries them."""
        if self._claim is None or int(self._claim.id) != claim_id:
            return
        for name, value in changes.items():
            if name in _EMPTY_VALUES:
                self._unsaved[name] = value
                self._baseline[name] = _NOT_SAVED
        self._unsaved_note.setVisible(bool(self._unsaved))

    def focus_rating(self) -> None:
        """Give the rating combo the keyboard focus and open it (for a "set verdict" shortcut)."""
        self._rating.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._rating.showPopup()

    # -- filling ----------------------------------------------------------------------------

    def _fill_ratings(self, scale: RatingScale, lang: str) -> None:
        self._rating.clear()
        self._rating.addItem(self.tr("— no rating —"), None)
        for level in scale.levels:
            self._rating.addItem(color_swatch(level.color), level.label(lang), int(level.id))

    def _show_values(self, values: dict[str, object], *, keep_focused: bool) -> None:
        index = self._rating.findData(values["verdict_level_id"])
        self._rating.setCurrentIndex(max(index, 0))
        self._status.setCurrentIndex(max(self._status.findData(values["status"]), 0))
        for name, widget in self._text_fields().items():
            if keep_focused and (widget.hasFocus() or name in self._unsaved):
                continue  # the user is typing there, or it awaits a retry: keep the text
            text = str(values[name] or "")
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)
                widget.setCursorPosition(0)  # show a long verdict from its beginning
        self._date_error.hide()

    def _text_fields(self) -> dict[str, QLineEdit | QPlainTextEdit]:
        return {
            "verdict_text": self._verdict,
            "notes": self._notes,
            "claimant": self._claimant,
            "claim_date": self._claim_date,
        }

    # -- committing -------------------------------------------------------------------------

    def _commit(self, name: str, value: object) -> None:
        if self._claim is None or self._baseline.get(name) == value:
            return
        self._baseline[name] = value
        # Optimistic: a refused save comes back at once through keep_unsaved (same call stack).
        self._unsaved.pop(name, None)
        self.claim_edit_requested.emit(int(self._claim.id), {name: value})
        self._unsaved_note.setVisible(bool(self._unsaved))

    @Slot(int)
    def _on_rating_activated(self, index: int) -> None:
        self._commit("verdict_level_id", self._rating.itemData(index))

    @Slot(int)
    def _on_status_activated(self, index: int) -> None:
        status: ClaimStatus = self._status.itemData(index)
        self._commit("status", status)

    @Slot()
    def _on_verdict_edited(self) -> None:
        self._commit("verdict_text", self._verdict.text().strip())

    @Slot()
    def _on_claimant_edited(self) -> None:
        self._commit("claimant", self._claimant.text().strip() or None)

    @Slot()
    def _on_claim_date_edited(self) -> None:
        text = self._claim_date.text().strip()
        if not is_valid_date(text):
            message = self.tr("Claim date must look like 2024-03-31 (or 2024-03, or 2024).")
            self._date_error.setText(message)
            self._date_error.show()
            self.invalid_input.emit(message)
            return
        self._date_error.hide()
        self._commit("claim_date", text or None)

    def _on_notes_focus_out(self) -> None:
        self._commit("notes", self._notes.toPlainText().rstrip())


_NOT_SAVED = object()  # a baseline no value equals, so the next commit tries again

_EMPTY_VALUES: dict[str, object] = {
    "verdict_level_id": None,
    "status": "to_check",
    "verdict_text": "",
    "notes": "",
    "claimant": None,
    "claim_date": None,
}


def _values_of(claim: Claim) -> dict[str, object]:
    return {
        "verdict_level_id": int(claim.verdict_level_id) if claim.verdict_level_id else None,
        "status": claim.status,
        "verdict_text": claim.verdict_text,
        "notes": claim.notes,
        "claimant": claim.claimant,
        "claim_date": claim.claim_date,
    }
