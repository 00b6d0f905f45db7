"""The claims table: one row per claim of the open article, with a sort/filter proxy."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.domain import Claim
from ui.models.labels import (
    STATUS_COLORS,
    TIER_COLORS,
    reason_label,
    status_label,
    tier_label,
)

ClaimIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class BestMatch:
    """The best earlier check found for a claim, as the table shows it."""

    score: float
    tier: str
    text: str
    verdict: str = ""
    confirmed: bool = False  # the checker said "Same claim"


def best_match(matches: list[Any], decisions: dict[int, str]) -> BestMatch | None:
    """The earlier check the table shows: one the checker confirmed, else the best one not
    dismissed as "not the same"."""
    confirmed = [m for m in matches if decisions.get(int(m.claim_id)) == "same"]
    open_ones = [m for m in matches if decisions.get(int(m.claim_id)) != "not_same"]
    top = (confirmed or open_ones or [None])[0]
    if top is None:
        return None
    verdict = str(getattr(top, "verdict", "") or "")
    return BestMatch(float(top.score), str(top.tier), str(top.text), verdict, bool(confirmed))


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim with what the table shows next to it, resolved before display."""

    claim: Claim
    number: int
    verdict_label: str = ""
    verdict_color: str = ""
    best: BestMatch | None = None
    matching: bool = False


COLUMNS = ("number", "text", "worth", "status", "verdict", "best")


def _header(column: str) -> str:
    headers = {
        "number": QCoreApplication.translate("ClaimsModel", "#"),
        "text": QCoreApplication.translate("ClaimsModel", "Claim"),
        "worth": QCoreApplication.translate("ClaimsModel", "Worth"),
        "status": QCoreApplication.translate("ClaimsModel", "Status"),
        "verdict": QCoreApplication.translate("ClaimsModel", "Verdict"),
        "best": QCoreApplication.translate("ClaimsModel", "Earlier check"),
    }
    return headers[column]


class ClaimsModel(QAbstractTableModel):
    """Rows of ``ClaimRow`` snapshots; the window replaces rows, ``data()`` only reads them.

    Signals:
        row_text_changed(int row): a row's claim was reworded (its height may change).
    """

    row_text_changed = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ClaimRow] = []

    # -- Qt API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ClaimIdRole:
            return int(row.claim.id)
        if role == StatusRole:
            return row.claim.status
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == SortRole:
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return _decoration(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "best" and row.best is not None:
            return QBrush(QColor(TIER_COLORS.get(row.best.tier, "#757575")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("number", "worth"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "text":
            # Top-aligned: a row cut to a few lines keeps the claim's beginning.
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    # -- updates ------------------------------------------------------------------------

    def set_rows(self, rows: list[ClaimRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ClaimRow]:
        return list(self._rows)

    def row_of(self, claim_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.claim.id == claim_id:
                return number
        return -1

    def row_at(self, row: int) -> ClaimRow:
        return self._rows[row]

    def set_row(self, number: int, row: ClaimRow) -> None:
        reworded = self._rows[number].claim.text != row.claim.text
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
        if reworded:
            self.row_text_changed.emit(number)

    def update_row(self, claim_id: int, **changes: Any) -> None:
        """Replace fields of one row (e.g. a new ``claim`` snapshot) and repaint it."""
        number = self.row_of(claim_id)
        if number < 0:
            return
        self._rows[number] = replace(self._rows[number], **changes)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))


def _worth(row: ClaimRow) -> str:
    value = row.claim.checkworthiness
    return "" if value is None else f"{round(value * 100)}"


def _best_text(row: ClaimRow) -> str:
    if row.best is None:
        return "…" if row.matching else "—"
    if row.best.confirmed:
        return "✓ " + QCoreApplication.translate("ClaimsModel", "Same claim")
    return f"{round(row.best.score)} · {tier_label(row.best.tier)}"


def _display(row: ClaimRow, column: str) -> Any:
    if column == "number":
        return str(row.number)
    if column == "text":
        return " ".join(row.claim.text.split())
    if column == "worth":
        return _worth(row)
    if column == "status":
        return status_label(row.claim.status)
    if column == "verdict":
        return row.verdict_label or "—"
    return _best_text(row)


def _sort_key(row: ClaimRow, column: str) -> Any:
    if column == "number":
        return row.number
    if column == "worth":
        return -1.0 if row.claim.checkworthiness is None else row.claim.checkworthiness
    if column == "status":
        return ("to_check", "in_progress", "checked", "not_checkworthy").index(row.claim.status)
    if column == "best":
        return -1.0 if row.best is None else row.best.score
    return str(_display(row, column)).casefold()


def _tooltip(row: ClaimRow, column: str) -> str | None:
    if column == "text":
        return row.claim.text
    if column == "worth":
        title = QCoreApplication.translate("ClaimsModel", "Why it is worth checking:")
        reasons = "\n".join(f"• {reason_label(reason)}" for reason in row.claim.reasons)
        return f"{title}\n{reasons}" if reasons else None
    if column == "best" and row.best is not None:
        verdict = f"\n[{row.best.verdict}]" if row.best.verdict else ""
        return f"{row.best.text}{verdict}"
    return None


def _decoration(row: ClaimRow, column: str) -> QColor | None:
    if column == "status":
        return QColor(STATUS_COLORS.get(row.claim.status, "#888888"))
    if column == "verdict" and row.verdict_color:
        return QColor(row.verdict_color)
    return None


class ClaimsFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SortRole`` and filters by status and by words of the claim."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._status: str | None = None
        self._words: list[str] = []

    def set_status_filter(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text_filter(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, COLUMNS.index("text"), source_parent)
        if self._status and model.data(index, StatusRole) != self._status:
            return False
        if self._words:
            text = str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "").casefold()
            return all(word in text for word in self._words)
        return True
