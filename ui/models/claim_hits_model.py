"""Claims found by the archive search, as a table: date, text, verdict, status, who, where."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from ui.models.labels import status_label
from ui.models.snapshot_model import IdRole, SnapshotModel, SortRole
from ui.models.sources_model import plain_tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("ClaimHitsModel", text)


class ClaimHitsModel(SnapshotModel):
    """Claims found by the archive search, with where they come from and their verdict."""

    columns = ("date", "text", "verdict", "status", "publisher", "outlet")

    def header(self, column: str) -> str:
        return {
            "date": _tr("Date"),
            "text": _tr("Claim"),
            "verdict": _tr("Verdict"),
            "status": _tr("Status"),
            "publisher": _tr("Checked by"),
            "outlet": _tr("Outlet"),
        }[column]

    def cell(self, row: Any, column: str, role: int) -> Any:
        value = getattr(row, column)
        if role == IdRole:
            return int(row.claim_id)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            shown = status_label(value) if column == "status" else str(value or "")
            return shown if role == Qt.ItemDataRole.DisplayRole else shown.casefold()
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return plain_tooltip(row.article_title) if row.article_title else None
        return None
