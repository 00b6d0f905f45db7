"""The status bar's progress indicator for background tasks, with a cancel button."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from ui.tasks import TaskRunner


class TaskStatus(QWidget):
    """Shows what the runner is doing; "Cancel" stops every running task."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._labels: dict[str, str] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the work running in the background"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.started.connect(self._on_runner_started)
        runner.progressed.connect(self._on_runner_progressed)
        runner.ended.connect(self._on_runner_ended)
        self.hide()

    @Slot(str, str)
    def _on_runner_started(self, key: str, label: str) -> None:
        self._labels[key] = label
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the task reports a total
        self.show()

    @Slot(str, int, int, str)
    def _on_runner_progressed(self, key: str, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if message:
            self.label.setText(f"{self._labels.get(key, '')} {message}".strip())

    @Slot(str)
    def _on_runner_ended(self, key: str) -> None:
        self._labels.pop(key, None)
        if self._runner.busy:
            if self._labels:
                self.label.setText(next(reversed(self._labels.values())))
        else:
            self.hide()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self._runner.cancel_all()
