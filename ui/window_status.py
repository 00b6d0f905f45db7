"""The main window's status bar: what the checker is told. Errors in red until the next
successful action, "Saved: …" / "Undone: …" after each edit (there is no Save button), the
background tasks' progress, and a dialog for a bug."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel

from ui.widgets.task_status import TaskStatus

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

ERROR_SHOWN_MS = 10_000  # an error stays this long unless a later action succeeds


class StatusMixin(_Base):
    """Status bar messages and errors of the main window."""

    def _build_status_bar(self) -> None:
        self.task_status = TaskStatus(self.session.runner)
        self.statusBar().addPermanentWidget(self.task_status)
        self.archive_label = QLabel(str(self.session.path))
        self.archive_label.setObjectName("archiveLabel")
        self.statusBar().addPermanentWidget(self.archive_label)
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.setInterval(ERROR_SHOWN_MS)
        self._error_timer.timeout.connect(self.clear_error)

    @Slot(int)
    def _on_undo_stack_index_changed(self, index: int) -> None:
        """Tell the checker each edit is saved (there is no Save button)."""
        stack = self.session.undo_stack
        if stack.count() == 0:  # cleared (another article): nothing was undone
            self._undo_index = 0
            return
        if index < self._undo_index:
            text = self.tr("Undone: %1").replace("%1", stack.text(index))
        elif index > 0:
            text = self.tr("Saved: %1").replace("%1", stack.text(index - 1))
        else:
            text = ""
        self._undo_index = index
        if text:
            self.show_message(text, 4000)

    def show_error(self, message: str) -> None:
        """An expected failure: shown in the status bar, in red, until the next successful
        action or ``ERROR_SHOWN_MS``."""
        self.statusBar().setProperty("error", True)
        self.statusBar().style().unpolish(self.statusBar())
        self.statusBar().style().polish(self.statusBar())
        self.statusBar().showMessage(f"⚠ {message}")
        self._error_timer.start()

    def clear_error(self) -> None:
        """Take a shown error away (an action succeeded since, or it has been read)."""
        self._error_timer.stop()
        if self.statusBar().property("error"):
            self.statusBar().clearMessage()
            self._clear_error_style()

    def _clear_error_style(self) -> None:
        if not self.statusBar().property("error"):
            return
        self.statusBar().setProperty("error", False)
        self.statusBar().style().unpolish(self.statusBar())
        self.statusBar().style().polish(self.statusBar())

    def show_message(self, message: str, msecs: int = 5000) -> None:
        self._error_timer.stop()
        self._clear_error_style()
        self.statusBar().showMessage(message, msecs)

    def _on_runner_bug_raised(self, exc: Any) -> None:
        from ui.app import report_bug

        report_bug(exc, self)
