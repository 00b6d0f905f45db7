"""The desk's articles as a table: what each is and how far its check went."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from app.domain import ArticleSummary
from ui.models.snapshot_model import IdRole, SnapshotModel, SortRole
from ui.models.sources_model import plain_tooltip


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticlesModel", text)


class ArticleSummariesModel(SnapshotModel):
    """One row per article of the desk: what it is and how far its check went."""

    columns = ("title", "outlet", "published", "claims", "checked", "verdicts", "last_change")

    def header(self, column: str) -> str:
        return {
            "title": _tr("Title"),
            "outlet": _tr("Outlet"),
            "published": _tr("Date"),
            "claims": _tr("Claims"),
            "checked": _tr("Checked"),
            "verdicts": _tr("Verdicts"),
            "last_change": _tr("Last change"),
        }[column]

    def cell(self, row: ArticleSummary, column: str, role: int) -> Any:
        value: Any = getattr(row, column)
        if column == "last_change":
            value = str(value)[:16].replace("T", " ")
        if column == "published":
            value = value or row.added_at[:10]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if value is None else str(value)
        if role == SortRole:
            return value if isinstance(value, int) else str(value or "").casefold()
        if role == IdRole:
            return int(row.id)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return plain_tooltip(row.url) if row.url else None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
