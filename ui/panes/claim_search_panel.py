"""Searching past work: every claim by text, verdict, publisher, outlet, date range and status.

A tab of the archive browser. The search runs in a worker on its own connection
(``app.storage.claim_search``); a new search supersedes the running one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.storage import open_archive
from app.storage.claim_search import ClaimHit, ClaimQuery, search_claims
from app.storage.claims import checked_claim_date
from ui.i18n import failure_text, user_message
from ui.models.claim_hits_model import ClaimHitsModel
from ui.models.labels import status_labels
from ui.models.snapshot_model import SortRole
from ui.widgets.named import named
from ui.widgets.tables import row_table
from ui.worker import LatestCall

SEARCH_DELAY_MS = 350


def run_search(path: Path, query: ClaimQuery) -> list[ClaimHit]:
    """Worker side: the search on this thread's own connection."""
    db = open_archive(path)
    try:
        return search_claims(db, query)
    finally:
        db.close()


class ClaimSearchPanel(QWidget):
    """Past work found by any mix of criteria; open a found claim's article.

    Signals:
        article_open_requested(int article_id): open this article in the window.
        search_finished(int count): a search ended with this many claims shown.
    """

    article_open_requested = Signal(int)
    search_finished = Signal(int)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path = Path(path)
        self.model = ClaimHitsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self._call = LatestCall(self)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.fields = {
            name: named(QLineEdit(clearButtonEnabled=True), f"search_{name}")
            for name in ("text", "verdict", "publisher", "outlet", "date_from", "date_to")
        }
        self.fields["text"].setPlaceholderText(self.tr("Words of the claim"))
        self.fields["verdict"].setPlaceholderText(self.tr("e.g. Faux"))
        self.fields["publisher"].setPlaceholderText(self.tr("Who checked it"))
        self.fields["outlet"].setPlaceholderText(self.tr("Where it appeared"))
        for name in ("date_from", "date_to"):
            self.fields[name].setPlaceholderText("AAAA-MM-JJ" if self._french() else "YYYY-MM-DD")
        self.status_filter = named(QComboBox(), "search_status")
        self.status_filter.addItem(self.tr("Any status"), "")
        for status, label in status_labels():
            self.status_filter.addItem(label, status)
        grid = QGridLayout()
        labels = (
            ("text", self.tr("Text:")),
            ("verdict", self.tr("Verdict:")),
            ("publisher", self.tr("Checked by:")),
            ("outlet", self.tr("Outlet:")),
            ("date_from", self.tr("From:")),
            ("date_to", self.tr("To:")),
        )
        for index, (name, label) in enumerate(labels):
            row, col = divmod(index, 2)
            grid.addWidget(QLabel(label), row, 2 * col)
            grid.addWidget(self.fields[name], row, 2 * col + 1)
        grid.addWidget(QLabel(self.tr("Status:")), 3, 0)
        grid.addWidget(self.status_filter, 3, 1)
        self.table = row_table(self.proxy, "claim_hits", stretch=1, sortable=True)
        self.status = named(QLabel(), "claim_search_status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("&Open article"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._update_actions()

    def _connect(self) -> None:
        for edit in self.fields.values():
            edit.textEdited.connect(lambda _text: self._timer.start())
            edit.returnPressed.connect(self.search)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.search())
        self._timer.timeout.connect(self.search)
        self._call.result_ready.connect(self._on_call_result_ready)
        self._call.error_raised.connect(self._on_call_error_raised)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(self._on_open_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)

    def _french(self) -> bool:
        from ui.i18n import current_language

        return current_language() == "fr"

    def query(self) -> ClaimQuery:
        """The criteria typed so far; UserError for a date that is not one."""
        text = {name: edit.text().strip() for name, edit in self.fields.items()}
        dates = {
            name: checked_claim_date(text[name]) if text[name] else None
            for name in ("date_from", "date_to")
        }
        status = self.status_filter.currentData()
        return ClaimQuery(
            text=text["text"],
            verdict=text["verdict"],
            publisher=text["publisher"],
            outlet=text["outlet"],
            date_from=dates["date_from"],
            date_to=dates["date_to"],
            statuses=(status,) if status else (),
        )

    @Slot()
    def search(self) -> None:
        self._timer.stop()
        try:
            query = self.query()
        except UserError as exc:
            self.status.setText(user_message(exc))
            return
        self.status.setText(self.tr("Searching…"))
        self._call.start(run_search, self._path, query)

    def selected(self) -> ClaimHit | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        hit: ClaimHit = self.model.row_at(self.proxy.mapToSource(rows[0]).row())
        return hit

    def wait(self, msecs: int = -1) -> bool:
        return self._call.wait(msecs)

    def cancel(self) -> None:
        self._timer.stop()
        self._call.cancel()

    @Slot(object)
    def _on_call_result_ready(self, hits: list[ClaimHit]) -> None:
        self.model.set_rows(hits)
        self.status.setText(self.tr("%n claim(s) found.", "", len(hits)))
        self._update_actions()
        self.search_finished.emit(len(hits))

    @Slot(object)
    def _on_call_error_raised(self, exc: BaseException) -> None:
        self.status.setText(failure_text(exc, "claim search"))

    @Slot()
    def _update_actions(self) -> None:
        hit = self.selected()
        self.open_button.setEnabled(hit is not None and hit.article_id is not None)

    @Slot()
    def _on_open_clicked(self) -> None:
        hit = self.selected()
        if hit is not None and hit.article_id is not None:
            self.article_open_requested.emit(int(hit.article_id))
