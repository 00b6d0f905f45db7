"""The sources pane: a claim's evidence, with stance badges, details and the add/edit form."""

from __future__ import annotations

from PySide6.QtCore import (
    QPoint,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import ClaimSource, DomainRating
from ui.models.sources_model import SNAPSHOT_LINK, BadgeDelegate, SourcesModel, source_details_html
from ui.panes.source_form import SourceForm
from ui.validation import is_http_url
from ui.widgets.named import named


class SourcesPane(QWidget):
    """The selected claim's sources: list, details, and buttons that ask the window to act.

    Signals (intent only; the window runs the undoable operation and calls `set_sources`):
        source_add_requested(int claim_id, dict fields): fields for `add_source`: url, title,
            publisher, published_date, accessed_date, excerpt, stance, note, archive_url.
        source_edit_requested(int link_id, dict changes): only the changed fields, named as
            `update_claim_source` takes them.
        source_remove_requested(int link_id)
        source_archive_requested(int link_id): archive the page (Wayback) and snapshot it.
        source_open_requested(str url): open in the system browser (http/https only).
    """

    source_add_requested = Signal(int, dict)
    source_edit_requested = Signal(int, dict)
    source_remove_requested = Signal(int)
    source_archive_requested = Signal(int)
    source_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim_id: int | None = None
        self._form: SourceForm | None = None
        self.model = SourcesModel(self)
        self._build_view()
        self._build_buttons()
        self._connect()
        self.set_sources(None, [], {})

    def _build_view(self) -> None:
        self._title = QLabel()
        self._title.setObjectName("sources_title")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(SourcesModel.STANCE, BadgeDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SourcesModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser()
        self.details.setObjectName("source_details")
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(splitter, 1)

    def _build_buttons(self) -> None:
        self.add_button = QPushButton(self.tr("&Add source…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the source in your web browser"))
        self.archive_button = QPushButton(self.tr("Ar&chive"))
        self.archive_button.setToolTip(
            self.tr("Save the page on the Wayback Machine and keep a local text copy")
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.archive_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.open_add_form)
        self.edit_button.clicked.connect(self.open_edit_form)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.view.doubleClicked.connect(self.open_edit_form)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.details.anchorClicked.connect(self._on_details_anchor_clicked)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_remove_clicked)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            edit = QShortcut(QKeySequence(key), self.view)
            edit.setContext(Qt.ShortcutContext.WidgetShortcut)
            edit.activated.connect(self.open_edit_form)

    # -- public API -------------------------------------------------------------------------

    def set_sources(
        self,
        claim_id: int | None,
        sources: list[ClaimSource],
        ratings: dict[str, DomainRating],
    ) -> None:
        """Show `sources` of claim `claim_id` (None: no claim selected); keeps the selection."""
        kept = self.selected_source()
        self._claim_id = claim_id
        self.model.set_sources(sources if claim_id is not None else [], ratings)
        if claim_id is None:
            self._title.setText(self.tr("Select a claim to see its sources."))
        elif not sources:
            self._title.setText(self.tr("No source yet: add the evidence you found."))
        else:
            self._title.setText(self.tr("%n source(s)", "", len(sources)))
        if kept is not None:
            self.select_link(int(kept.id))
        self._update_actions()

    def claim_id(self) -> int | None:
        return self._claim_id

    def selected_source(self) -> ClaimSource | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.source_at(rows[0].row()) if rows else None

    def select_link(self, link_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if int(self.model.source_at(row).id) == link_id:
                self.view.selectRow(row)
                return True
        return False

    def form(self) -> SourceForm | None:
        """The add/edit form while it is open (for the window's tests and shortcuts)."""
        return self._form

    @Slot()
    def open_add_form(self) -> None:
        """Open the form for a new source of the current claim (the "add source" action)."""
        if self._claim_id is None:
            return
        self._open_form(SourceForm(self, None), self._claim_id)

    @Slot()
    def open_edit_form(self) -> None:
        link = self.selected_source()
        if link is not None:
            self._open_form(SourceForm(self, link), int(link.claim_id))

    # -- internals --------------------------------------------------------------------------

    def _open_form(self, form: SourceForm, claim_id: int) -> None:
        if self._form is not None:
            self._form.close()
        self._form = form
        # The claim is fixed when the form opens, whatever is selected when it closes.
        form.accepted.connect(lambda: self._on_form_accepted(form, claim_id))
        form.finished.connect(lambda _result: self._on_form_finished(form))
        form.open()

    def _on_form_accepted(self, form: SourceForm, claim_id: int) -> None:
        if form.link is None:
            self.source_add_requested.emit(claim_id, form.fields())
            return
        changes = form.changes()
        if changes:
            self.source_edit_requested.emit(int(form.link.id), changes)

    def _on_form_finished(self, form: SourceForm) -> None:
        if self._form is form:
            self._form = None
        form.deleteLater()

    def _update_actions(self) -> None:
        link = self.selected_source()
        self.add_button.setEnabled(self._claim_id is not None)
        for button in (self.edit_button, self.remove_button, self.archive_button):
            button.setEnabled(link is not None)
        self.open_button.setEnabled(link is not None and is_http_url(link.source.url))
        self.details.setHtml(source_details_html(link, self.model.rating_of(link)) if link else "")

    @Slot()
    def _on_selection_changed(self) -> None:
        self._update_actions()

    def context_menu(self) -> QMenu:
        """The table's right-click menu: the buttons' actions, enabled as they are."""
        menu = QMenu(self)
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.open_button,
            self.archive_button,
        ):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        return menu

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = self.context_menu()
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    @Slot()
    def _on_remove_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self.source_remove_requested.emit(int(link.id))

    @Slot()
    def _on_open_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self._request_open(link.source.url)

    @Slot()
    def _on_archive_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self.source_archive_requested.emit(int(link.id))

    @Slot(QUrl)
    def _on_details_anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == SNAPSHOT_LINK:
            self.show_snapshot()
            return
        self._request_open(url.toString())

    def show_snapshot(self) -> QDialog | None:
        """Show the selected source's saved page text (the evidence if the page goes)."""
        link = self.selected_source()
        if link is None or not link.source.snapshot_text:
            return None
        dialog = QDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(link.source.title or link.source.url)
        dialog.resize(640, 560)
        text = named(QPlainTextEdit(link.source.snapshot_text), "snapshot_text")
        text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        url = QLabel(link.source.url)
        url.setTextFormat(Qt.TextFormat.PlainText)  # archive data is never markup
        layout.addWidget(url)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        dialog.show()
        return dialog

    def _request_open(self, url: str) -> None:
        # Never hand the system a file:, javascript: or custom-scheme link from an article.
        if is_http_url(url):
            self.source_open_requested.emit(url)
