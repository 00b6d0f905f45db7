"""The publish checklist as a table: per claim, what a publisher needs that is still missing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ui.models.snapshot_model import IdRole, SnapshotModel, SortRole
from ui.models.sources_model import plain_tooltip

MISSING_COLOR = "#c62828"
READY_COLOR = "#2e7d32"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistModel", text)


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """One claim of the checklist, with its missing items already in words."""

    claim_id: int
    number: int
    statement: str
    verdict: str
    missing_required: tuple[str, ...]
    missing_recommended: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return not self.missing_required


class ChecklistModel(SnapshotModel):
    """The publish checklist: per claim, what a publisher needs that is still missing."""

    columns = ("number", "statement", "verdict", "missing")

    def header(self, column: str) -> str:
        return {
            "number": _tr("#"),
            "statement": _tr("Claim reviewed"),
            "verdict": _tr("Verdict"),
            "missing": _tr("Missing"),
        }[column]

    def cell(self, row: ChecklistRow, column: str, role: int) -> Any:
        if role == IdRole:
            return row.claim_id
        if column == "missing":
            return self._missing(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.number) if column == "number" else getattr(row, column)
        if role == SortRole:
            return row.number if column == "number" else getattr(row, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == "statement":
            return plain_tooltip(row.statement)
        return None

    def _missing(self, row: ChecklistRow, role: int) -> Any:
        required = ", ".join(row.missing_required)
        recommended = ", ".join(row.missing_recommended)
        if role == Qt.ItemDataRole.DisplayRole:
            if row.ready:
                ready = _tr("Ready")
                return f"{ready} ({recommended})" if recommended else ready
            return required
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(READY_COLOR if row.ready else MISSING_COLOR))
        if role == SortRole:
            return 100 * len(row.missing_required) + len(row.missing_recommended)
        if role == Qt.ItemDataRole.ToolTipRole and recommended:
            return plain_tooltip(_tr("Recommended: %1").replace("%1", recommended))
        return None
