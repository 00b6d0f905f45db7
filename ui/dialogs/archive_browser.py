"""The archive browser: search every stored claim and review, list the articles, open one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import Article
from ui.i18n import failure_text
from ui.models.archive_models import (
    ArchiveHit,
    ArticlesModel,
    HitsModel,
    hit_details_html,
    load_articles,
    search_archive,
)
from ui.panes.claim_search_panel import ClaimSearchPanel
from ui.validation import is_http_url
from ui.widgets.named import named
from ui.widgets.tables import row_table
from ui.worker import LatestCall

SEARCH_DELAY_MS = 350  # typing pauses this long before the archive is searched


class ArchiveBrowser(QDialog):
    """Search the whole archive (same matcher as the window) and browse stored articles.

    Searches and the article list run in a worker thread on their own connection to the
    archive at `path` (a path, or any object with a `db_path`, such as the window's
    TaskRunner); typing a new query supersedes the running search.

    Signals:
        article_open_requested(int article_id): open this article in the window.
        url_open_requested(str url): open a review in the browser (http/https only).
        search_finished(int count): a search ended with this many results shown.
        articles_loaded(int count): the article list was (re)loaded.
    """

    article_open_requested = Signal(int)
    url_open_requested = Signal(str)
    search_finished = Signal(int)
    articles_loaded = Signal(int)

    def __init__(self, path: Path | str | Any, parent: QWidget | None = None, *, limit: int = 50):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Archive"))
        self.resize(900, 600)
        # The window may hand over its TaskRunner: only the archive's path is taken from it.
        self._path = Path(getattr(path, "db_path", path))
        self._limit = limit
        self._searching_for = ""  # the text of the running search
        self._hits_query = ""  # the text the shown hits answer (their spans index it)
        self.hits = HitsModel(self)
        self.articles = ArticlesModel(self)
        self._search_call = LatestCall(self)
        self._articles_call = LatestCall(self)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_search_tab(), self.tr("&Search"))
        self.tabs.addTab(self._build_articles_tab(), self.tr("A&rticles"))
        self.past_work = ClaimSearchPanel(self._path, self)  # by verdict, outlet, date, status
        self.past_work.article_open_requested.connect(self.article_open_requested)
        self.tabs.addTab(self.past_work, self.tr("&Past work"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._connect()
        self._update_actions()
        self.refresh_articles()

    def _build_search_tab(self) -> QWidget:
        page = QWidget()
        self.query = named(QLineEdit(), "query")
        self.query.setPlaceholderText(self.tr("A claim, or a few of its words"))
        self.query.setClearButtonEnabled(True)
        self.weaker = QCheckBox(self.tr("Show weaker matches too"))
        self.search_status = named(QLabel(), "search_status")
        self.search_status.setWordWrap(True)
        self.search_status.setTextFormat(Qt.TextFormat.PlainText)
        self.hits_view = row_table(self.hits, "hits", stretch=HitsModel.CLAIM, parent=page)
        self.hits_view.setWordWrap(False)
        self.details = named(QTextBrowser(), "details")
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.hits_view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.open_hit_button = QPushButton(self.tr("&Open article"))
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.weaker)
        bottom = QHBoxLayout()
        bottom.addWidget(self.search_status, 1)
        bottom.addWidget(self.open_hit_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        return page

    def _build_articles_tab(self) -> QWidget:
        page = QWidget()
        self.article_filter = named(QLineEdit(), "article_filter")
        self.article_filter.setPlaceholderText(self.tr("Filter by title or outlet"))
        self.article_filter.setClearButtonEnabled(True)
        self.articles_proxy = QSortFilterProxyModel(self)
        self.articles_proxy.setSourceModel(self.articles)
        self.articles_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.articles_proxy.setFilterKeyColumn(-1)
        self.articles_view = row_table(
            self.articles_proxy, "article_list", stretch=ArticlesModel.TITLE, parent=page
        )
        self.articles_view.setWordWrap(False)
        self.articles_status = named(QLabel(), "articles_status")
        self.articles_status.setTextFormat(Qt.TextFormat.PlainText)
        self.open_article_button = QPushButton(self.tr("&Open"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.articles_status, 1)
        bottom.addWidget(self.open_article_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.article_filter)
        layout.addWidget(self.articles_view, 1)
        layout.addLayout(bottom)
        return page

    def _connect(self) -> None:
        self.query.textEdited.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self.search)
        self.weaker.toggled.connect(self.search)
        self._timer.timeout.connect(self.search)
        self._search_call.result_ready.connect(self._on_search_result_ready)
        self._search_call.error_raised.connect(self._on_search_error_raised)
        self._articles_call.result_ready.connect(self._on_articles_result_ready)
        self._articles_call.error_raised.connect(self._on_articles_error_raised)
        self.hits_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.hits_view.doubleClicked.connect(self._on_open_hit_clicked)
        self.open_hit_button.clicked.connect(self._on_open_hit_clicked)
        self.details.anchorClicked.connect(self._on_details_anchor_clicked)
        self.article_filter.textChanged.connect(self.articles_proxy.setFilterFixedString)
        self.articles_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.articles_view.doubleClicked.connect(self._on_open_article_clicked)
        self.open_article_button.clicked.connect(self._on_open_article_clicked)
        for view, slot in (
            (self.hits_view, self._on_open_hit_clicked),
            (self.articles_view, self._on_open_article_clicked),
        ):
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(slot)

    # -- public API -------------------------------------------------------------------------

    @Slot()
    def search(self) -> None:
        """Search the archive for the query now (typing also searches, after a pause)."""
        self._timer.stop()
        text = self.query.text().strip()
        if not text:
            self._search_call.cancel()
            self.hits.set_hits([])
            self.search_status.setText("")
            self._update_actions()
            return
        self.search_status.setText(self.tr("Searching…"))
        self._searching_for = text  # the latest search wins (LatestCall): its hits are for it
        self._search_call.start(
            search_archive, self._path, text, self._limit, self.weaker.isChecked()
        )

    @Slot()
    def refresh_articles(self) -> None:
        self.articles_status.setText(self.tr("Loading…"))
        self._articles_call.start(load_articles, self._path)

    def selected_hit(self) -> ArchiveHit | None:
        rows = self.hits_view.selectionModel().selectedRows()
        return self.hits.hit_at(rows[0].row()) if rows else None

    def selected_article(self) -> Article | None:
        rows = self.articles_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.articles.article_at(self.articles_proxy.mapToSource(rows[0]).row())

    def wait(self, msecs: int = -1) -> bool:
        """Block until background work is done (shutdown and tests only)."""
        calls = (self._search_call, self._articles_call, self.past_work)
        return all(call.wait(msecs) for call in calls)

    # -- outcomes ---------------------------------------------------------------------------

    @Slot(object)
    def _on_search_result_ready(self, hits: list[ArchiveHit]) -> None:
        self._hits_query = self._searching_for
        self.hits.set_hits(hits)
        if hits:
            self.search_status.setText(self.tr("%n earlier claim(s) found.", "", len(hits)))
            self.hits_view.selectRow(0)
        else:
            self.search_status.setText(self.tr("Nothing similar in the archive."))
        self._update_actions()
        self.search_finished.emit(len(hits))

    @Slot(object)
    def _on_search_error_raised(self, exc: BaseException) -> None:
        self.hits.set_hits([])
        self.search_status.setText(self._describe(exc))
        self._update_actions()

    @Slot(object)
    def _on_articles_result_ready(self, articles: list[Article]) -> None:
        self.articles.set_articles(articles)
        self.articles_status.setText(self.tr("%n article(s)", "", len(articles)))
        self._update_actions()
        self.articles_loaded.emit(len(articles))

    @Slot(object)
    def _on_articles_error_raised(self, exc: BaseException) -> None:
        self.articles_status.setText(self._describe(exc))

    def _describe(self, exc: BaseException) -> str:
        return failure_text(exc, "archive browser: background work")

    # -- actions ----------------------------------------------------------------------------

    @Slot()
    def _update_actions(self) -> None:
        hit = self.selected_hit()
        self.open_hit_button.setEnabled(hit is not None and hit.article_id is not None)
        details = hit_details_html(hit, self._hits_query) if hit is not None else ""
        self.details.setHtml(details)
        self.open_article_button.setEnabled(self.selected_article() is not None)

    @Slot()
    def _on_open_hit_clicked(self) -> None:
        hit = self.selected_hit()
        if hit is not None and hit.article_id is not None:
            self.article_open_requested.emit(int(hit.article_id))

    @Slot()
    def _on_open_article_clicked(self) -> None:
        article = self.selected_article()
        if article is not None:
            self.article_open_requested.emit(int(article.id))

    @Slot(QUrl)
    def _on_details_anchor_clicked(self, url: QUrl) -> None:
        if is_http_url(url.toString()):
            self.url_open_requested.emit(url.toString())

    def done(self, result: int) -> None:
        self._timer.stop()
        self._search_call.cancel()
        self._articles_call.cancel()
        self.past_work.cancel()
        super().done(result)
