"""The desk's articles: every article with its progress; sort, filter, open, delete.

The list is loaded in a worker on its own connection (an archive can hold thousands of
articles). Deleting is the window's business (a backup first, then an undoable edit): the view
asks for it by signal, after the checker confirmed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import ArticleSummary
from app.storage import open_archive
from app.storage.articles import article_summaries
from ui.i18n import failure_text
from ui.models.articles_model import ArticleSummariesModel
from ui.models.snapshot_model import IdRole, SortRole
from ui.widgets.named import named
from ui.widgets.tables import row_table
from ui.worker import LatestCall


def load_summaries(path: Path) -> list[ArticleSummary]:
    """Worker side: the desk's articles with their progress, on this thread's connection."""
    db = open_archive(path)
    try:
        return article_summaries(db)
    finally:
        db.close()


class ArticlesView(QDialog):
    """The desk's articles, most recently changed first.

    Signals:
        article_open_requested(int article_id): open this article in the window.
        article_delete_requested(int article_id): the checker confirmed deleting it.
        articles_loaded(int count): the list was (re)loaded.
    """

    article_open_requested = Signal(int)
    article_delete_requested = Signal(int)
    articles_loaded = Signal(int)

    def __init__(self, path: Path | str | Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Articles"))
        self.resize(1000, 560)
        self._path = Path(getattr(path, "db_path", path))
        self.model = ArticleSummariesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._call = LatestCall(self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.filter = named(QLineEdit(), "article_filter")
        self.filter.setPlaceholderText(self.tr("Filter by title, outlet or date"))
        self.filter.setClearButtonEnabled(True)
        self.table = row_table(self.proxy, "articles", stretch=0, sortable=True)
        self.table.sortByColumn(
            ArticleSummariesModel.columns.index("last_change"), Qt.SortOrder.DescendingOrder
        )
        self.status = named(QLabel(), "articles_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("&Open"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(self._on_open_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self._call.result_ready.connect(self._on_call_result_ready)
        self._call.error_raised.connect(self._on_call_error_raised)
        self._update_actions()

    @Slot()
    def refresh(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self._call.start(load_summaries, self._path)

    def selected(self) -> ArticleSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        summary: ArticleSummary = self.model.row_at(self.proxy.mapToSource(rows[0]).row())
        return summary

    def select_article(self, article_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(IdRole) == article_id:
                self.table.selectRow(row)
                return

    def wait(self, msecs: int = -1) -> bool:
        """Block until the list is loaded (shutdown and tests only)."""
        return self._call.wait(msecs)

    @Slot(object)
    def _on_call_result_ready(self, summaries: list[ArticleSummary]) -> None:
        self.model.set_rows(summaries)
        checked = sum(s.checked for s in summaries)
        text = self.tr("%n article(s)", "", len(summaries))
        self.status.setText(f"{text} · " + self.tr("%n claim(s) checked", "", checked))
        self._update_actions()
        self.articles_loaded.emit(len(summaries))

    @Slot(object)
    def _on_call_error_raised(self, exc: BaseException) -> None:
        self.status.setText(failure_text(exc, "articles view: loading"))

    @Slot()
    def _update_actions(self) -> None:
        chosen = self.selected() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    @Slot()
    def _on_open_clicked(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.article_open_requested.emit(int(summary.id))

    @Slot()
    def _on_delete_clicked(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        question = self.tr(
            "Delete “%1” and its %2 claim(s)?\n\nA backup of the archive is taken first, and "
            "Edit › Undo brings the article back until Crible is closed."
        )
        answer = QMessageBox.question(
            self,
            self.tr("Delete article"),
            question.replace("%1", summary.title).replace("%2", str(summary.claims)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.article_delete_requested.emit(int(summary.id))

    def done(self, result: int) -> None:
        self._call.cancel()
        super().done(result)
