"""Table models of the publishing views: the desk's articles, and a check's publish checklist.

Both hold plain snapshots built before display (``data()`` does no I/O); numbers and dates
sort by their raw values through ``SortRole``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain import ArticleSummary

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
MISSING_COLOR = "#c62828"
READY_COLOR = "#2e7d32"


def _articles_tr(text: str) -> str:
    return QCoreApplication.translate("ArticlesModel", text)


def _checklist_tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistModel", text)


class _SnapshotModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say the columns and the cells."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.header(self.columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        return self.cell(self._rows[index.row()], self.columns[index.column()], role)

    def header(self, column: str) -> str:
        raise NotImplementedError

    def cell(self, row: Any, column: str, role: int) -> Any:
        raise NotImplementedError


class ArticleSummariesModel(_SnapshotModel):
    """One row per article of the desk: what it is and how far its check went."""

    columns = ("title", "outlet", "published", "claims", "checked", "verdicts", "last_change")

    def header(self, column: str) -> str:
        return {
            "title": _articles_tr("Title"),
            "outlet": _articles_tr("Outlet"),
            "published": _articles_tr("Date"),
            "claims": _articles_tr("Claims"),
            "checked": _articles_tr("Checked"),
            "verdicts": _articles_tr("Verdicts"),
            "last_change": _articles_tr("Last change"),
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
            return row.url or None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


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


class ChecklistModel(_SnapshotModel):
    """The publish checklist: per claim, what a publisher needs that is still missing."""

    columns = ("number", "statement", "verdict", "missing")

    def header(self, column: str) -> str:
        return {
            "number": _checklist_tr("#"),
            "statement": _checklist_tr("Claim reviewed"),
            "verdict": _checklist_tr("Verdict"),
            "missing": _checklist_tr("Missing"),
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
            return row.statement
        return None

    def _missing(self, row: ChecklistRow, role: int) -> Any:
        required = ", ".join(row.missing_required)
        recommended = ", ".join(row.missing_recommended)
        if role == Qt.ItemDataRole.DisplayRole:
            if row.ready:
                ready = _checklist_tr("Ready")
                return f"{ready} ({recommended})" if recommended else ready
            return required
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(READY_COLOR if row.ready else MISSING_COLOR))
        if role == SortRole:
            return 100 * len(row.missing_required) + len(row.missing_recommended)
        if role == Qt.ItemDataRole.ToolTipRole and recommended:
            return _checklist_tr("Recommended: %1").replace("%1", recommended)
        return None
