"""The Qt application: names, icon, style sheet, translation, logging and the bug handler."""

from __future__ import annotations

import logging
import sys
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from app.paths import data_dir
from ui.dialogs.bug_report import report_bug
from ui.i18n import install_translator, stored_language, user_message
from ui.icons import icon

log = logging.getLogger(__name__)

ORGANIZATION = "Crible"
APPLICATION = "Crible"


def style_sheet() -> str:
    return Path(str(files("resources") / "style.qss")).read_text(encoding="utf-8")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up for Crible (reused when it already exists, as in tests)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setWindowIcon(icon("crible"))
    app.setStyle("Fusion")  # the same look on every desktop, and offscreen
    app.setStyleSheet(style_sheet())
    install_translator(app, stored_language())
    return app


def setup_logging() -> Path:
    """Log to ``<data dir>/crible.log`` (bugs land there with their traceback)."""
    path = data_dir() / "crible.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def start_auto_backup(session: Any) -> None:
    """A rotating backup at most every 12 hours, taken in the background as the window opens."""
    from app.storage.backup import auto_backup

    def job(db: Any, progress: Any, path: Path) -> Path | None:
        return auto_backup(db, path)

    label = QCoreApplication.translate("App", "Backing up the archive…")
    session.runner.start("auto-backup", job, session.path, label=label)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    if QApplication.instance() is None:
        sys.__excepthook__(kind, exc, tb)
        return
    from app.errors import UserError
    from ui.tasks import environment_failure_of
    from ui.window.status_bar import StatusBar

    # A full disk or a locked archive met on the GUI thread is a message too, not a bug.
    expected = exc if isinstance(exc, UserError) else environment_failure_of(exc)
    if expected is not None:
        window = QApplication.activeWindow()
        status = window.statusBar() if isinstance(window, QMainWindow) else None
        if isinstance(status, StatusBar):
            status.show_error(user_message(expected))
            return
    report_bug(exc, QApplication.activeWindow())


def install_excepthook() -> None:
    """Uncaught errors in slots become a dialog and a log entry instead of a silent failure."""
    sys.excepthook = _excepthook
