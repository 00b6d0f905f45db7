"""The Google Fact Check Tools panel: fact-checks published elsewhere for the selected claim."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import secrets
from app.errors import UserError
from app.interop.factcheck_api import FactCheckResult, SearchPage, search_claims
from ui.i18n import user_message
from ui.models.factcheck_model import FactCheckModel
from ui.validation import is_http_url
from ui.widgets.named import named
from ui.worker import LatestCall

log = logging.getLogger(__name__)

Searcher = Callable[..., SearchPage]
KeyReader = Callable[[], str | None]
_ERROR_STYLE = "color: #b3261e;"
AUTO_SEARCH_DELAY_MS = 600


class NoKeyError(UserError):
    """No Google Fact Check Tools key is stored."""


def _stored_key() -> str | None:
    return secrets.get_secret(secrets.GOOGLE_FACTCHECK_API_KEY)


class FactCheckPanel(QWidget):
    """Searches Google Fact Check Tools in the background and lists what it found.

    `set_claim(text, lang)` prepares a search for the selected claim; it runs at once when
    the panel is visible, otherwise when it is shown (each search costs API quota).

    Signals:
        import_requested(list): FactCheckResult objects, each with the one review chosen;
            the window imports them (`factcheck_api.to_review_records` + `import_records`).
        review_open_requested(str url): open a review in the browser (http/https only).
        settings_requested(): the user wants to add a key ("Open settings").
        search_finished(int rows): a search (or "more") ended with this many rows shown.
        search_failed(str message): a search failed; the message is shown in the panel.
    """

    import_requested = Signal(list)
    review_open_requested = Signal(str)
    settings_requested = Signal()
    search_finished = Signal(int)
    search_failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        searcher: Searcher = search_claims,
        key_reader: KeyReader = _stored_key,
    ) -> None:
        super().__init__(parent)
        self._searcher = searcher
        self._key_reader = key_reader
        self._pending: tuple[str, str | None] | None = None
        self._searched: tuple[str, str | None] | None = None
        self._next_token: str | None = None
        self._appending = False
        self.model = FactCheckModel(self)
        self._call = LatestCall(self)
        self._delay = QTimer(self, singleShot=True, interval=AUTO_SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._on_delay_timeout)
        self._call.result_ready.connect(self._on_call_result_ready)
        self._call.error_raised.connect(self._on_call_error_raised)
        self._build()
        self._update_actions()

    def _build(self) -> None:
        self.query = named(QLineEdit(), "query")
        self.query.setPlaceholderText(self.tr("Words of the claim to look for"))
        self.query.setClearButtonEnabled(True)
        self.language = named(QComboBox(), "language")
        self.language.addItem(self.tr("Any language"), None)
        self.language.addItem(self.tr("French"), "fr")
        self.language.addItem(self.tr("English"), "en")
        self.search_button = QPushButton(self.tr("&Search"))
        self.message = named(QLabel(), "message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # service errors are never markup
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_button = QPushButton(self.tr("Open settings…"))
        self.settings_button.hide()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FactCheckModel.CLAIM, QHeaderView.ResizeMode.Stretch)
        # Review URLs are long slugs: a fixed share, the whole link in the tooltip.
        header.setSectionResizeMode(FactCheckModel.LINK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FactCheckModel.LINK, 180)
        self.import_selected_button = QPushButton(self.tr("&Import selected"))
        self.import_all_button = QPushButton(self.tr("Import &all"))
        self.more_button = QPushButton(self.tr("&More results"))
        self.open_button = QPushButton(self.tr("&Open review"))
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.language)
        top.addWidget(self.search_button)
        info = QHBoxLayout()
        info.addWidget(self.message, 1)
        info.addWidget(self.settings_button)
        bottom = QHBoxLayout()
        for button in (self.import_selected_button, self.import_all_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(info)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.query.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.settings_button.clicked.connect(self.settings_requested)
        self.more_button.clicked.connect(self.more)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.view.doubleClicked.connect(self._on_open_clicked)
        self.import_selected_button.clicked.connect(self._on_import_selected_clicked)
        self.import_all_button.clicked.connect(self._on_import_all_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

    # -- public API -------------------------------------------------------------------------

    def set_claim(self, text: str | None, lang: str | None = None) -> None:
        """Search for this claim now if the panel is visible, else when it is shown."""
        text = " ".join((text or "").split())
        self.query.setText(text)
        index = self.language.findData(lang if lang in ("fr", "en") else None)
        self.language.setCurrentIndex(max(index, 0))
        self._pending = (text, self.language.currentData()) if text else None
        if self._pending == self._searched:
            return  # the same claim again (e.g. after an edit): its results stay
        # Another claim: the previous claim's results must not pass for this one's.
        self._call.cancel()
        self._searched = None
        self._next_token = None
        self.model.set_results([])
        self.settings_button.hide()
        self._say("")
        self._update_actions()
        if self._pending and self.isVisible():
            self._delay.start()  # stepping through claims: only the one stopped on costs quota

    @Slot()
    def search(self) -> None:
        """Search for the query as typed; a search still running is superseded."""
        self._delay.stop()
        text = self.query.text().strip()
        if not text:
            self._say(self.tr("Type the words of a claim to search for."), error=True)
            return
        lang = self.language.currentData()
        self._pending = None
        self._searched = (text, lang)
        self._start(text, lang, None, append=False)

    @Slot()
    def more(self) -> None:
        if self._searched is not None and self._next_token:
            self._start(*self._searched, self._next_token, append=True)

    def selected_results(self) -> list[FactCheckResult]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.result_at(row) for row in rows]

    def all_results(self) -> list[FactCheckResult]:
        return [self.model.result_at(row) for row in range(self.model.rowCount())]

    def wait(self, msecs: int = -1) -> bool:
        """Block until the background search is done (shutdown and tests only)."""
        return self._call.wait(msecs)

    # -- searching --------------------------------------------------------------------------

    def _start(self, text: str, lang: str | None, token: str | None, *, append: bool) -> None:
        self._appending = append
        self.settings_button.hide()
        self._say(self.tr("Searching Google Fact Check Tools…"))
        self._call.start(_search, self._searcher, self._key_reader, text, lang, token)
        self._update_actions()

    @Slot()
    def _on_delay_timeout(self) -> None:
        if self._pending and self.isVisible():
            self.search()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending and self._pending != self._searched:
            self.search()

    @Slot(object)
    def _on_call_result_ready(self, page: SearchPage) -> None:
        self.model.set_results(page.results, append=self._appending)
        self._next_token = page.next_page_token
        count = self.model.rowCount()
        if count == 0:
            self._say(self.tr("No published fact-check found for this claim."))
        else:
            self._say(self.tr("%n published fact-check(s) found.", "", count))
        self._update_actions()
        self.search_finished.emit(count)

    @Slot(object)
    def _on_call_error_raised(self, exc: BaseException) -> None:
        if isinstance(exc, NoKeyError):
            message = self.tr(
                "No Google Fact Check Tools key is stored. Add one in Settings → API keys "
                "to search fact-checks published worldwide."
            )
            self.settings_button.show()
        elif isinstance(exc, UserError):
            message = user_message(exc)
        else:
            log.error("fact-check search failed", exc_info=exc)
            message = self.tr("The search failed unexpectedly (%1); see the log.").replace(
                "%1", type(exc).__name__
            )
        if not self._appending:
            self.model.set_results([])
            self._next_token = None
        self._say(message, error=True)
        self._update_actions()
        self.search_failed.emit(message)

    def _say(self, message: str, *, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(_ERROR_STYLE if error else "")

    # -- actions ----------------------------------------------------------------------------

    @Slot()
    def _update_actions(self) -> None:
        busy = self._call.busy
        has_rows = self.model.rowCount() > 0
        selected = bool(self.view.selectionModel().selectedRows())
        self.import_all_button.setEnabled(has_rows and not busy)
        self.import_selected_button.setEnabled(selected and not busy)
        self.more_button.setEnabled(bool(self._next_token) and not busy)
        url = self._selected_url()
        self.open_button.setEnabled(url is not None)

    def _selected_url(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        url = self.model.review_at(rows[0].row()).url or ""
        return url if is_http_url(url) else None

    @Slot()
    def _on_open_clicked(self) -> None:
        url = self._selected_url()
        if url is not None:
            self.review_open_requested.emit(url)

    @Slot()
    def _on_import_selected_clicked(self) -> None:
        results = self.selected_results()
        if results:
            self.import_requested.emit(results)

    @Slot()
    def _on_import_all_clicked(self) -> None:
        results = self.all_results()
        if results:
            self.import_requested.emit(results)


def _search(
    searcher: Searcher, key_reader: KeyReader, text: str, lang: str | None, token: str | None
) -> SearchPage:
    """Worker side: read the key (the keyring may be slow) and ask Google for one page."""
    key = key_reader()
    if not key:
        raise NoKeyError("no Google Fact Check Tools key")
    return searcher(text, api_key=key, language_code=lang, page_token=token)
