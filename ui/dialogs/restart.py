"""The offer to restart Crible after a change of UI language, asked in the new language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui.i18n import translations_dir

_RESTART = "RestartOffer"
_SAY = {
    "question": QT_TRANSLATE_NOOP(
        "RestartOffer", "Restart Crible now to show it in the new language?"
    ),
    "saved": QT_TRANSLATE_NOOP(
        "RestartOffer", "Your work is saved; Crible reopens on this article."
    ),
    "restart": QT_TRANSLATE_NOOP("RestartOffer", "&Restart now"),
    "later": QT_TRANSLATE_NOOP("RestartOffer", "&Later"),
}


class RestartBox(QMessageBox):
    """ "Restart now?" in ``language`` (not yet the window's): every pane builds its texts
    once, so a live switch would leave half the window in the old language."""

    def __init__(self, language: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        translator = QTranslator(self)
        translator.load(f"crible_{language}", str(translations_dir()))
        say = {
            key: translator.translate(_RESTART, str(text)) or str(text)
            for key, text in _SAY.items()
        }
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Crible")
        self.setText(say["question"])
        self.setInformativeText(say["saved"])
        self.restart_button: QPushButton = self.addButton(
            say["restart"], QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(say["later"], QMessageBox.ButtonRole.RejectRole)

    def ask(self) -> bool:
        """Shows the question; True when the checker chose to restart now."""
        self.exec()
        return self.clickedButton() is self.restart_button
