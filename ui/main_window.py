"""The workbench window: article text on the left; on the right its claims, and below them the
selected claim's verdict beside tabs for its earlier checks, sources and online fact-checks."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from app.domain import Article, Claim
from app.errors import UserError
from ui.actions import app_icon, build_actions, build_menus
from ui.article_view import ArticleView
from ui.claims_pane import ClaimsPane
from ui.database import ArchiveSession
from ui.factcheck_panel import FactCheckPanel
from ui.i18n import current_language, user_message
from ui.jobs import ArticleBundle, MatchResults, load_article
from ui.matches_pane import MatchesPane
from ui.models.claims_model import ClaimRow, best_match
from ui.sources_pane import SourcesPane
from ui.verdict_editor import VerdictEditor
from ui.widgets.window_parts import column, first_to_check, legend_html, titled
from ui.widgets.window_parts import header_html as _header_html
from ui.widgets.window_parts import header_title as _header_title
from ui.window_dialogs import DialogsMixin
from ui.window_edits import EditsMixin
from ui.window_matching import MatchingMixin
from ui.window_status import StatusMixin
from ui.window_team import TeamMixin

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1400, 900)


class MainWindow(EditsMixin, DialogsMixin, MatchingMixin, StatusMixin, TeamMixin, QMainWindow):
    """Crible's main window over one archive session.

    Signals:
        article_shown(int article_id): an article and its claims are on screen.
        matches_ready(): the article-wide search for earlier checks finished (or failed).
    """

    article_shown = Signal(int)
    matches_ready = Signal()

    def __init__(
        self, session: ArchiveSession, parent: QWidget | None = None, *, restore: bool = True
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.article: Article | None = None
        self.claims: list[Claim] = []
        self.results = MatchResults()
        self._pending_select: int | None = None
        self._matching = False
        self._undo_index = 0
        self._auto_selected: int | None = None  # chosen by the window, not yet by the checker
        self.open_on_claim: int | None = None  # 1-based: the claim to select on opening
        self.setWindowTitle("Crible")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(*DEFAULT_SIZE)
        self._build_panes()
        self.actions_ = build_actions(self)
        self.undo_action, self.redo_action = self.actions_.undo, self.actions_.redo
        build_menus(self, self.actions_)
        # Delete means "delete claim" only in the claims table: in the sources pane it
        # removes a source, and a window-wide shortcut would make both ambiguous.
        delete = self.actions_.delete_claim
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(delete)
        self.claims_pane.table.addAction(delete)
        self._build_status_bar()
        self._connect()
        self._build_team()
        self._update_actions()
        if restore:
            self.restore_state()

    # -- building -----------------------------------------------------------------------

    def _build_panes(self) -> None:
        self.article_view = ArticleView()
        self.article_header = QLabel(self.tr("No article open. Open a file, a URL or paste text."))
        self.article_header.setObjectName("articleHeader")
        self.article_header.setWordWrap(True)
        self.article_header.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        left = column(self.article_header, self.article_view, self.legend)

        self.claims_pane = ClaimsPane()
        self.verdict_editor = VerdictEditor()
        self.matches_pane = MatchesPane()
        self.sources_pane = SourcesPane()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(self.matches_pane, self.tr("Earlier checks"))
        self.tabs.addTab(self.sources_pane, self.tr("Sources"))
        self.factcheck_panel = FactCheckPanel()
        self.tabs.addTab(self.factcheck_panel, self.tr("Online fact-checks"))
        self.detail = QSplitter(Qt.Orientation.Horizontal)
        self.detail.addWidget(titled(self.tr("Verdict"), self.verdict_editor))
        self.detail.addWidget(self.tabs)
        self.detail.setChildrenCollapsible(False)
        self.detail.setSizes([360, 480])

        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.middle.addWidget(self.claims_pane)
        self.middle.addWidget(self.detail)
        self.middle.setChildrenCollapsible(False)
        self.middle.setSizes([380, 480])

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.middle)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([540, 860])
        self.setCentralWidget(self.splitter)

    def _connect(self) -> None:
        s, a = self.session, self.actions_
        s.error_raised.connect(self.show_error)
        s.runner.error_raised.connect(self.show_error)
        s.runner.bug_raised.connect(self._on_runner_bug_raised)
        s.claim_changed.connect(self._on_session_claim_changed)
        s.claims_restructured.connect(self._on_session_claims_restructured)
        s.sources_changed.connect(self._on_session_sources_changed)
        s.links_changed.connect(self._on_session_links_changed)
        s.undo_stack.indexChanged.connect(self._update_actions)
        s.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.claims_pane.claim_selected.connect(self._on_claims_claim_selected)
        self.claims_pane.claim_activated.connect(lambda _id: self.edit_claim_text())
        self.article_view.claim_clicked.connect(self.claims_pane.select_claim)
        self.article_view.new_claim_requested.connect(self.new_claim_from_span)
        self.article_view.copyAvailable.connect(lambda _on: self._update_actions())
        self.matches_pane.link_requested.connect(self.set_link)
        self.matches_pane.url_open_requested.connect(self.open_url_in_browser)
        self.wire_panels()
        self.wire_actions()
        a.color_status.triggered.connect(lambda: self.article_view.set_color_mode("status"))
        a.color_worth.triggered.connect(lambda: self.article_view.set_color_mode("worth"))
        self.claims_pane.set_context_actions(
            [
                a.edit_claim,
                a.split_claim,
                a.merge_claims,
                None,
                *a.status.values(),
                None,
                a.delete_claim,
            ]
        )

    # -- articles -----------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show a stored article (loaded in the background)."""
        self.session.runner.start(
            "article",
            load_article,
            article_id,
            label=self.tr("Opening the article…"),
            on_result=self._on_bundle_loaded,
            on_error=self._on_bundle_failed,
        )

    def open_source(self, source: str) -> None:
        """Read, split and store an article from a file path or an http(s) URL."""
        from ui.jobs import import_article

        self.session.runner.start(
            "article",
            import_article,
            source,
            label=self.tr("Reading and splitting the article…"),
            on_result=self._on_bundle_loaded,
            on_error=self._on_bundle_failed,
        )

    def open_text(self, text: str) -> None:
        from ui.jobs import import_text

        self.session.runner.start(
            "article",
            import_text,
            text,
            label=self.tr("Splitting the article…"),
            on_result=self._on_bundle_loaded,
            on_error=self._on_bundle_failed,
        )

    def _on_bundle_loaded(self, bundle: ArticleBundle) -> None:
        same = self.article is not None and self.article.id == bundle.article.id
        self.article = bundle.article
        self.claims = list(bundle.claims)
        if same:
            self.article_view.set_claims(self.claims, list(bundle.marks))
        else:
            self._undo_index = 0  # before clear(): its indexChanged(0) is no "Undone"
            self.session.undo_stack.clear()
            self.results = MatchResults()
            self.article_view.set_article(bundle.article.text, self.claims, list(bundle.marks))
            self.session.remember_article(bundle.article.id)
        # Also after a split, merge, delete or new claim: the header counts the claims.
        self.article_header.setText(_header_html(bundle.article, len(self.claims)))
        self.setWindowTitle(_header_title(bundle.article) + " — Crible")
        keep = self._pending_select
        self._pending_select = None
        self._auto_selected = None
        if not same and self.open_on_claim is not None and self.claims:
            keep = int(self.claims[min(self.open_on_claim, len(self.claims)) - 1].id)
        if keep is None and not same and self.claims:
            # Refined once the earlier checks are known (``MatchingMixin``).
            keep = self._auto_selected = first_to_check(self.claims)
        self._refresh_rows(keep=keep)
        self._update_actions()
        self.article_shown.emit(int(bundle.article.id))
        self.start_matching(only_missing=same)

    def _on_bundle_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.show_error(user_message(exc))
        else:
            self._on_runner_bug_raised(exc)
        if self.article is None:
            self.matches_ready.emit()

    def reload_claims(self) -> None:
        if self.article is not None:
            self.open_article(int(self.article.id))

    # -- claims list --------------------------------------------------------------------

    def _row_for(self, number: int, claim: Claim) -> ClaimRow:
        level = self.session.level(claim.verdict_level_id)
        lang = self._lang()
        matches = self.results.matches.get(int(claim.id))
        best = best_match(matches or [], self.results.decisions.get(int(claim.id), {}))
        return ClaimRow(
            claim=claim,
            number=number,
            verdict_label=level.label(lang) if level else "",
            verdict_color=level.color if level else "",
            best=best,
            matching=matches is None and self._matching,
        )

    def _refresh_rows(self, keep: int | None = None) -> None:
        rows = [self._row_for(n, c) for n, c in enumerate(self.claims, start=1)]
        self.claims_pane.set_rows(rows, keep=keep)

    def verdict_editor_claim_id(self) -> int | None:
        claim = self.verdict_editor.claim()
        return int(claim.id) if claim is not None else None

    def current_claim(self) -> Claim | None:
        claim_id = self.claims_pane.current_claim_id()
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        return None

    @Slot(object)
    def _on_claims_claim_selected(self, claim_id: int | None) -> None:
        if claim_id is not None and claim_id != self.verdict_editor_claim_id():
            self.clear_error()  # moving on to another claim: the old error is read
        self.article_view.select_claim(claim_id)
        claim = self.current_claim()
        self.verdict_editor.set_claim(claim, self.session.scale, self._lang())
        self._show_sources(claim_id)
        self._show_matches(claim)
        self.factcheck_panel.set_claim(claim.text if claim else None, claim.lang if claim else None)
        self._update_actions()

    def _show_sources(self, claim_id: int | None) -> None:
        if claim_id is None:
            self.sources_pane.set_sources(None, [], {})
            self.tabs.setTabText(1, self.tr("Sources"))
            return
        sources = self.session.sources_of(claim_id)
        self.sources_pane.set_sources(claim_id, sources, self.session.domain_ratings())
        self.tabs.setTabText(1, self.tr("Sources (%n)", "", len(sources)))

    # -- session changes ----------------------------------------------------------------

    @Slot(object)
    def _on_session_claim_changed(self, claim: Claim) -> None:
        before = next((c for c in self.claims if c.id == claim.id), None)
        self.claims = [claim if c.id == claim.id else c for c in self.claims]
        if before is None or self.claims_pane.model.row_of(claim.id) < 0:
            return
        if before.text != claim.text:  # reworded: its earlier checks are stale
            self.results.matches.pop(int(claim.id), None)
            self.match_one(claim)
        row = self.claims_pane.model.row_of(claim.id)
        number = self.claims_pane.model.row_at(row).number
        self.claims_pane.model.set_row(row, self._row_for(number, claim))
        self.article_view.update_claim(claim)
        if claim.id == self.claims_pane.current_claim_id():
            self.verdict_editor.set_claim(claim, self.session.scale, self._lang())

    @Slot(int)
    def _on_session_claims_restructured(self, article_id: int) -> None:
        if self.article is not None and self.article.id == article_id:
            self.reload_claims()

    @Slot(int)
    def _on_session_sources_changed(self, claim_id: int) -> None:
        if claim_id == self.claims_pane.current_claim_id():
            self._show_sources(claim_id)

    # -- state --------------------------------------------------------------------------

    def _lang(self) -> str:
        """The language of the rating scale's labels on screen: the UI's (a French checker
        reads "Faux" on an English article too; exports follow the article's language)."""
        return current_language()

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, widget in self._splitters():
            state = settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        if settings.value("view/color_mode", "status") == "worth":
            self.actions_.color_worth.setChecked(True)
            self.article_view.set_color_mode("worth")

    def _splitters(self) -> list[tuple[str, QSplitter]]:
        return [
            ("window/splitter", self.splitter),
            ("window/middle", self.middle),
            ("window/detail", self.detail),
        ]

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        for key, widget in self._splitters():
            settings.setValue(key, widget.saveState())
        settings.setValue("view/color_mode", self.article_view.color_mode)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.verdict_editor.commit_pending()
        self.save_state()
        self.session.runner.cancel_all()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and mime.urls():
            url = mime.urls()[0]
            self.open_source(url.toLocalFile() if url.isLocalFile() else url.toString())
        elif mime.hasText() and mime.text().strip():
            text = mime.text().strip()
            is_url = text.startswith(("http://", "https://")) and "\n" not in text
            self.open_source(text) if is_url else self.open_text(text)
        event.acceptProposedAction()
