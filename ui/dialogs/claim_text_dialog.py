"""The edit-claim dialog (F2): the claim's wording in a wide, wrapping text field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.named import named


class ClaimTextDialog(QDialog):
    """Edit a claim's wording; a long sentence wraps instead of running off a tiny field."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit claim"))
        self.edit = named(QPlainTextEdit(), "claim_text")
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.edit.setPlainText(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Wording of the claim:")))
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(680, 300)

    def text(self) -> str:
        return self.edit.toPlainText()
