"""The claims pane: the open article's claims in a sortable, filterable table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.claims_model import COLUMNS, ClaimIdRole, ClaimRow, ClaimsFilterProxy, ClaimsModel
from ui.models.labels import status_labels

# Room for the labels; the claim's text takes the rest and wraps.
MAX_LINES = 4
COLUMN_WIDTHS = {"number": 34, "worth": 56, "status": 118, "verdict": 110, "best": 110}


class ClaimsPane(QWidget):
    """Table of claims with a word filter and a status filter.

    Signals:
        claim_selected(object claim_id): the current claim changed (an int, or None).
        claim_activated(int claim_id): a claim was double-clicked (edit it).
    """

    claim_selected = Signal(object)
    claim_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.proxy = ClaimsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._context_actions: list[QAction | None] = []
        self._build()
        self._current: int | None = None

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        header = QHBoxLayout()
        self.title = QLabel(self.tr("Claims"))
        self.title.setObjectName("paneTitle")
        header.addWidget(self.title)
        header.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter claims…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text_filter)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status, label in status_labels():
            self.status_filter.addItem(label, status)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        header.addWidget(self.search, 2)
        header.addWidget(self.status_filter, 1)
        layout.addLayout(header)

        self.table = QTableView()
        self.table.setObjectName("claimsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("number"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        head = self.table.horizontalHeader()
        head.setMinimumSectionSize(30)
        metrics = head.fontMetrics()
        for name, width in COLUMN_WIDTHS.items():
            column = COLUMNS.index(name)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Translated headers may be longer: room for the text and the sort arrow.
            needed = metrics.horizontalAdvance(title) + 34
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            head.resizeSection(column, max(width, needed))
        head.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        # Rows are measured when their content or the column width changes, not on every
        # repaint: ResizeToContents re-measures every row of a word-wrapped table each time.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._fit_rows)
        head.sectionResized.connect(self._on_header_section_resized)
        self.model.row_text_changed.connect(self._on_model_row_text_changed)
        self.proxy.layoutChanged.connect(self._resize_timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        layout.addWidget(self.table, 1)

    # -- content ------------------------------------------------------------------------

    def set_rows(self, rows: list[ClaimRow], keep: int | None = None) -> None:
        """Show these rows; keep the claim ``keep`` (or the current one) selected if present."""
        wanted = keep if keep is not None else self._current
        self.model.set_rows(rows)
        self._fit_rows()
        self.title.setText(self.tr("Claims (%n)", "", len(rows)))
        if wanted is not None and self.model.row_of(wanted) >= 0:
            self.select_claim(wanted)
        else:
            self._current = None
            self.claim_selected.emit(None)

    def set_context_actions(self, actions: list[QAction | None]) -> None:
        """The table's context menu; None is a separator."""
        self._context_actions = list(actions)

    def current_claim_id(self) -> int | None:
        return self._current

    def selected_claim_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(index.data(ClaimIdRole)) for index in sorted(rows, key=lambda i: i.row())]

    def select_claim(self, claim_id: int | None) -> None:
        if claim_id is None:
            self.table.clearSelection()
            return
        row = self.model.row_of(claim_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, COLUMNS.index("text")))
        if not index.isValid():  # filtered out: clear the filters so the claim shows
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, COLUMNS.index("text")))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) claim in the table's current order."""
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.table.selectionModel().currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        row = max(0, min(count - 1, row))
        self.select_claim(int(self.proxy.index(row, 0).data(ClaimIdRole)))

    # -- slots --------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = int(current.data(ClaimIdRole)) if current.isValid() else None
        if claim_id != self._current:
            self._current = claim_id
            self.claim_selected.emit(claim_id)

    def _max_row_height(self) -> int:
        # A long sentence would fill the pane: rows show at most MAX_LINES lines (the
        # tooltip and the verdict pane show the whole claim).
        return self.table.fontMetrics().lineSpacing() * MAX_LINES + 8

    @Slot()
    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()
        limit = self._max_row_height()
        header = self.table.verticalHeader()
        for row in range(self.proxy.rowCount()):
            if header.sectionSize(row) > limit:
                header.resizeSection(row, limit)

    def _fit_row(self, row: int) -> None:
        self.table.resizeRowToContents(row)
        header = self.table.verticalHeader()
        header.resizeSection(row, min(header.sectionSize(row), self._max_row_height()))

    @Slot(int, int, int)
    def _on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COLUMNS.index("text"):
            self._resize_timer.start()

    @Slot(int)
    def _on_model_row_text_changed(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self._fit_row(index.row())

    @Slot(int)
    def _on_status_filter_changed(self, index: int) -> None:
        self.proxy.set_status_filter(self.status_filter.itemData(index))

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.claim_activated.emit(int(index.data(ClaimIdRole)))

    @Slot(QPoint)
    def _on_table_context_menu(self, pos: QPoint) -> None:
        if not self._context_actions:
            return
        menu = QMenu(self)
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()
