"""The dialog for a bug (not a user's mistake): what went wrong, with the details, logged."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("ui.app")  # the log's readers know bugs under this name


def report_bug(exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """A bug (not a user's mistake): log it and show a dialog with the details; never modal."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Crible: unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "App", "Something went wrong: %1\nYour work so far is saved. Details are in the log."
        ).replace("%1", f"{type(exc).__name__}: {exc}")
    )
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box
