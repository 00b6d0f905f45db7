"""The main window's status bar: what the checker is told. Errors in red until the next
successful action, "Saved: …" / "Undone: …" after each edit (there is no Save button), the
background tasks' progress and the archive's path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui.tasks import TaskRunner
from ui.widgets.task_status import TaskStatus

ERROR_SHOWN_MS = 10_000  # an error stays this long unless a later action succeeds


class StatusBar(QStatusBar):
    """Messages, errors and task progress. Other parts add their own permanent widgets
    with ``add_widget`` (placed before the task progress and the archive's path)."""

    def __init__(
        self, runner: TaskRunner, undo_stack: QUndoStack, archive: Path, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._undo_stack = undo_stack
        self._undo_index = 0
        self.task_status = TaskStatus(runner)
        self.addPermanentWidget(self.task_status)
        self.archive_label = QLabel(str(archive))
        self.archive_label.setObjectName("archiveLabel")
        self.addPermanentWidget(self.archive_label)
        self.error_timer = QTimer(self)
        self.error_timer.setSingleShot(True)
        self.error_timer.setInterval(ERROR_SHOWN_MS)
        self.error_timer.timeout.connect(self.clear_error)
        undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)

    def add_widget(self, widget: QWidget) -> None:
        """A permanent widget of another part (e.g. a sync status), left of the others."""
        self.insertPermanentWidget(0, widget)

    def forget_undo_position(self) -> None:
        """Call before the undo stack is cleared: its indexChanged(0) is no "Undone"."""
        self._undo_index = 0

    @Slot(int)
    def _on_undo_stack_index_changed(self, index: int) -> None:
        """Tell the checker each edit is saved (there is no Save button)."""
        stack = self._undo_stack
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
        """An expected failure: shown in red until the next successful action or
        ``ERROR_SHOWN_MS``."""
        self._set_error_style(True)
        self.showMessage(f"⚠ {message}")
        self.error_timer.start()

    @Slot()
    def clear_error(self) -> None:
        """Take a shown error away (an action succeeded since, or it has been read)."""
        self.error_timer.stop()
        if self.property("error"):
            self.clearMessage()
            self._set_error_style(False)

    def show_message(self, message: str, msecs: int = 5000) -> None:
        self.error_timer.stop()
        self._set_error_style(False)
        self.showMessage(message, msecs)

    def _set_error_style(self, on: bool) -> None:
        if bool(self.property("error")) == on:
            return
        self.setProperty("error", on)
        self.style().unpolish(self)
        self.style().polish(self)
