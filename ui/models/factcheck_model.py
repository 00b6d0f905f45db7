"""The table of fact-checks found online: one row per published review, plain snapshots."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.interop.factcheck_api import FactCheckResult, PublishedReview
from ui.models.sources_model import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class FactCheckModel(QAbstractTableModel):
    """One row per published review (a claim reviewed by two publishers gives two rows)."""

    PUBLISHER, RATING, DATE, CLAIM, LINK = range(5)
    ResultRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[FactCheckResult, PublishedReview]] = []

    def set_results(self, results: list[FactCheckResult], *, append: bool = False) -> None:
        rows = [(result, review) for result in results for review in result.reviews]
        if append and rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        elif not append:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def result_at(self, row: int) -> FactCheckResult:
        """The row's claim with only the row's review (what "import" takes)."""
        result, review = self._rows[row]
        return replace(result, reviews=(review,))

    def review_at(self, row: int) -> PublishedReview:
        return self._rows[row][1]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("Publisher"),
            self.tr("Rating"),
            self.tr("Date"),
            self.tr("Claim"),
            self.tr("Link"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        result, review = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                review.publisher_name or review.publisher_site or "",
                review.textual_rating,
                (review.review_date or result.claim_date or "")[:10],
                result.text,
                _short_url(review.url),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(result, review))
        if role == self.ResultRole:
            return self.result_at(index.row())
        return None

    def _tooltip(self, result: FactCheckResult, review: PublishedReview) -> str:
        lines = [result.text]
        if result.claimant:
            lines.append(self.tr("Claimed by %1").replace("%1", result.claimant))
        if review.title:
            lines.append(review.title)
        if review.url:
            lines.append(review.url)
        return "\n".join(lines)


def _short_url(url: str | None) -> str:
    """The link without its scheme, so the column shows where it goes."""
    if not url:
        return ""
    return url.split("://", 1)[-1].removeprefix("www.")
