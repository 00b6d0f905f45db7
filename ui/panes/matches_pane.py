"""The earlier-checks pane: the selected claim's matches in the archive, and the checker's call."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.models.explain import explanation_html
from ui.models.matches_model import COLUMNS, MatchesModel


class MatchesPane(QWidget):
    """Earlier checks for one claim: tier, score, verdict, publisher, date, and why.

    Signals:
        link_requested(int other_claim_id, str kind, object score): "Same claim" ("same")
            or "Not the same" ("not_same") was pressed for the current match.
        url_open_requested(str url): open the earlier check's page.
    """

    link_requested = Signal(int, str, object)
    url_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatchesModel(self)
        self._query = ""
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.state = QLabel(self.tr("Select a claim to see earlier checks."))
        self.state.setObjectName("paneHint")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setObjectName("matchesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COLUMNS.index("text"), QHeaderView.ResizeMode.Stretch)
        for hidden in ("publisher", "date"):
            self.table.setColumnHidden(COLUMNS.index(hidden), True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_match_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        splitter.addWidget(self.table)
        self.explanation = QTextBrowser()
        self.explanation.setObjectName("matchExplanation")
        self.explanation.setOpenLinks(False)
        self.explanation.anchorClicked.connect(
            lambda url: self.url_open_requested.emit(url.toString())
        )
        splitter.addWidget(self.explanation)
        splitter.setSizes([150, 270])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.same_button = QPushButton(self.tr("Same claim"))
        self.same_button.setObjectName("sameButton")
        self.same_button.setToolTip(self.tr("Confirm this earlier check is about the same claim"))
        self.same_button.clicked.connect(lambda: self._request_link("same"))
        self.not_same_button = QPushButton(self.tr("Not the same"))
        self.not_same_button.setToolTip(self.tr("Dismiss this earlier check"))
        self.not_same_button.clicked.connect(lambda: self._request_link("not_same"))
        self.open_button = QPushButton(self.tr("Open fact-check"))
        self.open_button.clicked.connect(self._on_open_clicked)
        buttons.addWidget(self.same_button)
        buttons.addWidget(self.not_same_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)

    # -- content ------------------------------------------------------------------------

    def show_searching(self) -> None:
        self.model.set_matches([])
        self.state.setText(self.tr("Searching the archive for earlier checks…"))
        self.explanation.clear()
        self._update_buttons()

    def show_none(self, message: str | None = None) -> None:
        self._query = ""
        self.model.set_matches([])
        self.state.setText(message or self.tr("Select a claim to see earlier checks."))
        self.explanation.clear()
        self._update_buttons()

    def set_matches(self, query: str, matches: list[Any], decisions: dict[int, str]) -> None:
        self._query = query
        self.model.set_matches(matches, decisions)
        if matches:
            strong = sum(1 for m in matches if m.tier == "match")
            self.state.setText(
                self.tr("%n earlier check(s) found", "", len(matches))
                + (self.tr(" — %n likely the same claim", "", strong) if strong else "")
            )
            self.table.selectRow(0)
        else:
            self.state.setText(self.tr("No earlier check found in the archive."))
            self.explanation.clear()
        self._update_buttons()

    def set_decisions(self, decisions: dict[int, str]) -> None:
        self.model.set_decisions(decisions)
        self._show_current()

    def current_match(self) -> Any | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.match_at(index.row()) if index.isValid() else None

    # -- slots --------------------------------------------------------------------------

    def _request_link(self, kind: str) -> None:
        match = self.current_match()
        if match is not None:
            self.link_requested.emit(int(match.claim_id), kind, float(match.score))

    @Slot()
    def _on_open_clicked(self) -> None:
        match = self.current_match()
        if match is not None and getattr(match, "url", None):
            self.url_open_requested.emit(str(match.url))

    @Slot(QModelIndex)
    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_open_clicked()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_match_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        match = self.current_match()
        if match is None:
            self.explanation.clear()
        else:
            decision = self.model.decision(int(match.claim_id))
            self.explanation.setHtml(explanation_html(self._query, match, decision))
        self._update_buttons()

    def _update_buttons(self) -> None:
        match = self.current_match()
        decision = self.model.decision(int(match.claim_id)) if match is not None else None
        self.same_button.setEnabled(match is not None and decision != "same")
        self.not_same_button.setEnabled(match is not None and decision != "not_same")
        self.open_button.setEnabled(match is not None and bool(getattr(match, "url", None)))
