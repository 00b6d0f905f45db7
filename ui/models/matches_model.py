"""The earlier checks found for the selected claim: one row per match from the archive."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ui.models.labels import TIER_COLORS, tier_label

MatchRole = Qt.ItemDataRole.UserRole + 1
OtherClaimIdRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("tier", "score", "text", "verdict", "publisher", "date", "decision")


def _header(column: str) -> str:
    headers = {
        "tier": QCoreApplication.translate("MatchesModel", "Tier"),
        "score": QCoreApplication.translate("MatchesModel", "Score"),
        "text": QCoreApplication.translate("MatchesModel", "Earlier claim"),
        "verdict": QCoreApplication.translate("MatchesModel", "Verdict"),
        "publisher": QCoreApplication.translate("MatchesModel", "Publisher"),
        "date": QCoreApplication.translate("MatchesModel", "Date"),
        "decision": QCoreApplication.translate("MatchesModel", "Your call"),
    }
    return headers[column]


def decision_label(kind: str | None) -> str:
    if kind == "same":
        return QCoreApplication.translate("MatchesModel", "Same claim")
    if kind == "not_same":
        return QCoreApplication.translate("MatchesModel", "Not the same")
    return ""


class MatchesModel(QAbstractTableModel):
    """Rows are ``app.matching.Match`` records plus the checker's decision on each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matches: list[Any] = []
        self._decisions: dict[int, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._matches)

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
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        column = COLUMNS[index.column()]
        decision = self._decisions.get(int(match.claim_id))
        if role == MatchRole:
            return match
        if role == OtherClaimIdRole:
            return int(match.claim_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(match, column, decision)
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return match.text
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "tier":
                return QBrush(QColor(TIER_COLORS.get(match.tier, "#757575")))
            if decision == "not_same":
                return QBrush(QColor("#8a8a8a"))
        if role == Qt.ItemDataRole.FontRole and column == "tier":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(match: Any, column: str, decision: str | None) -> str:
        if column == "tier":
            return tier_label(match.tier)
        if column == "score":
            return f"{round(match.score)}"
        if column == "text":
            return " ".join(str(match.text).split())
        if column == "decision":
            return decision_label(decision)
        value = getattr(match, column, "")
        return str(value) if value else "—"

    def set_matches(self, matches: list[Any], decisions: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self._decisions = dict(decisions or {})
        self.endResetModel()

    def set_decisions(self, decisions: dict[int, str]) -> None:
        self._decisions = dict(decisions)
        if self._matches:
            last = self.index(len(self._matches) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def match_at(self, row: int) -> Any:
        return self._matches[row]

    def decision(self, other_claim_id: int) -> str | None:
        return self._decisions.get(other_claim_id)
