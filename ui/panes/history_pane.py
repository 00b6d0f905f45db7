"""The claim's team tab: its open conflicts (both values, both checkers) and its history
(who changed what, when), read in a worker; shown as plain text, never as markup."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.sync_jobs import ClaimTeamView

_FIELD_LIMIT = 80


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _FIELD_LIMIT else text[: _FIELD_LIMIT - 1] + "…"


class HistoryPane(QWidget):
    """Signals:
    resolve_requested(int conflict_id, int claim_id): the checker marked a conflict as seen.
    """

    resolve_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("teamConflicts")
        self.resolve_button = QPushButton(self.tr("Mark as resolved (keep the current value)"))
        self.resolve_button.setEnabled(False)
        self.history = QPlainTextEdit()
        self.history.setObjectName("teamHistory")
        self.history.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.resolve_button)
        layout.addWidget(self.history, 3)
        self._claim_id: int | None = None
        self.conflicts.currentItemChanged.connect(self._on_conflicts_current_item_changed)
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.show_view(None)

    def show_view(self, view: ClaimTeamView | None) -> None:
        self.conflicts.clear()
        self._claim_id = None if view is None else view.claim_id
        if view is None:
            self.history.setPlainText("")
            self.conflicts.setVisible(False)
            self.resolve_button.setVisible(False)
            return
        for conflict in view.conflicts:
            text = (
                self.tr("Conflict on %1: kept “%2” (%3); the other value: “%4” (%5)")
                .replace("%1", conflict.field)
                .replace("%2", _short(conflict.kept_value))
                .replace("%3", conflict.kept_author)
                .replace("%4", _short(conflict.other_value))
                .replace("%5", conflict.other_author)
            )
            item = QListWidgetItem(text)
            item.setData(256, conflict.id)
            self.conflicts.addItem(item)
        has_conflicts = bool(view.conflicts)
        self.conflicts.setVisible(has_conflicts)
        self.resolve_button.setVisible(has_conflicts)
        lines = []
        for entry in reversed(view.history):
            if entry.op == "insert":
                what = self.tr("created")
            elif entry.op == "delete":
                what = self.tr("deleted")
            else:
                what = ", ".join(f"{k} = {_short(v)}" for k, v in sorted(entry.fields.items()))
            lines.append(f"{entry.pushed_at}  {entry.author}  [{entry.tbl}]  {what}")
        self.history.setPlainText(
            "\n".join(lines) or self.tr("No shared history yet (sync to see the team's changes).")
        )

    @property
    def conflict_count(self) -> int:
        return self.conflicts.count()

    @Slot()
    def _on_conflicts_current_item_changed(self, *_args: Any) -> None:
        self.resolve_button.setEnabled(self.conflicts.currentItem() is not None)

    @Slot()
    def _on_resolve_button_clicked(self) -> None:
        item = self.conflicts.currentItem()
        if item is not None and self._claim_id is not None:
            self.resolve_requested.emit(int(item.data(256)), self._claim_id)
