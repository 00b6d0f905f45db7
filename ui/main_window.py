"""The workbench window: article text on the left; on the right its claims, and below them the
selected claim's verdict beside tabs for its earlier checks, sources and online fact-checks.

The window composes its parts and routes between them: ``OpenArticle`` (what is open),
``Panes`` (the widgets), ``StatusBar``, ``MatchingController`` (earlier checks),
``EditCommands`` (undoable edits) and ``SettingsFlow``. It is the only one that knows them all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QWidget

from app import __version__
from app.domain import Article, Claim
from app.errors import UserError
from app.storage.articles import list_articles
from ui.actions import app_icon, build_actions, build_menus, follow_undo_stack
from ui.database import ArchiveSession
from ui.dialogs import asks
from ui.dialogs.bug_report import report_bug
from ui.i18n import current_language, user_message
from ui.jobs import ArticleBundle, MatchResults, export_article, import_article, import_text
from ui.jobs import load_article as load_article_job
from ui.window.edits import EditCommands
from ui.window.layout import build_panes, header_html, header_title
from ui.window.matching import MatchingController
from ui.window.presenter import ArticlePresenter
from ui.window.publish_desk import PublishDesk, suggested_file_name
from ui.window.settings_flow import SettingsFlow
from ui.window.state import OpenArticle
from ui.window.status_bar import StatusBar
from ui.window.team import TeamSync

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    """Crible's main window over one archive session.

    Other parts hook in with ``add_detail_tab`` (a tab beside "Earlier checks"),
    ``add_dock`` and ``status.add_widget``, and call ``reload_article`` when the open
    article's claims changed behind the window's back.

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
        self._closing_without_unsaved = False
        self.state = OpenArticle()
        self.setWindowTitle("Crible")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.resize(*DEFAULT_SIZE)
        self.panes = build_panes()
        self.setCentralWidget(self.panes.splitter)
        self.status = StatusBar(session.runner, session.undo_stack, session.path, self)
        self.setStatusBar(self.status)
        self.matching = MatchingController(session, self.state, self)
        self.edits = EditCommands(session, self.state, self.panes, self.status, self.matching, self)
        self.presenter = ArticlePresenter(
            session, self.state, self.panes, self.status, self.matching, self
        )
        self.settings_flow = SettingsFlow(session, self)
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_)
        self.publish = PublishDesk(self, session)  # Articles, publish checklist, File › Import
        # Delete means "delete claim" only in the claims table: in the sources pane it
        # removes a source, and a window-wide shortcut would make both ambiguous.
        delete = self.actions_.delete_claim
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(delete)
        self.panes.claims_pane.table.addAction(delete)
        self._connect()
        self.team = TeamSync(self, self)  # team sync: only in an archive that joined a team
        self._update_actions()
        if restore:
            self.restore_state()

    # -- what is open (read-only views of the state) ------------------------------------

    @property
    def article(self) -> Article | None:
        return self.state.article

    @property
    def claims(self) -> list[Claim]:
        return self.state.claims

    @property
    def results(self) -> MatchResults:
        return self.state.results

    @property
    def open_on_claim(self) -> int | None:
        return self.state.open_on_claim

    @open_on_claim.setter
    def open_on_claim(self, number: int | None) -> None:
        """1-based: the claim to select when the next article opens."""
        self.state.open_on_claim = number

    # -- hooks for other parts ----------------------------------------------------------

    def add_detail_tab(self, widget: QWidget, title: str) -> None:
        """A tab beside "Earlier checks", "Sources" and "Online fact-checks"."""
        self.panes.tabs.addTab(widget, title)

    def add_dock(self, widget: QWidget, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # -- wiring -------------------------------------------------------------------------

    def _connect(self) -> None:
        s, p, pr = self.session, self.panes, self.presenter
        s.error_raised.connect(self.status.show_error)
        s.runner.error_raised.connect(self.status.show_error)
        s.runner.bug_raised.connect(self._on_runner_bug_raised)
        s.undo_stack.indexChanged.connect(self._update_actions)
        pr.matches_ready.connect(self.matches_ready)
        pr.selection_changed.connect(self._update_actions)
        pr.reload_requested.connect(self.open_article)
        self.settings_flow.applied.connect(self._on_settings_flow_applied)
        self.settings_flow.restarting.connect(self.close)
        self.settings_flow.restart_failed.connect(self._on_settings_flow_restart_failed)
        p.claims_pane.claim_activated.connect(lambda _id: self.ask_claim_wording())
        p.article_view.claim_clicked.connect(p.claims_pane.select_claim)
        p.article_view.copyAvailable.connect(lambda _on: self._update_actions())
        p.matches_pane.url_open_requested.connect(self.open_url_in_browser)
        p.sources_pane.source_open_requested.connect(self.open_url_in_browser)
        p.factcheck_panel.review_open_requested.connect(self.open_url_in_browser)
        p.factcheck_panel.settings_requested.connect(lambda: self.show_settings("keys"))
        self._connect_actions()

    def _connect_actions(self) -> None:
        a, e, pane = self.actions_, self.edits, self.panes.claims_pane
        triggered = {
            a.open_file: self.ask_open_file,
            a.open_url: self.ask_open_url,
            a.paste_article: self.ask_paste_article,
            a.recent_articles: self.ask_recent_article,
            a.archive_browser: self.show_archive_browser,
            a.export_article: self.ask_export_article,
            a.settings: lambda: self.show_settings(),
            a.quit: self.close,
            a.undo: lambda: e.undo_or_redo(redo=False),
            a.redo: lambda: e.undo_or_redo(redo=True),
            a.new_claim: e.new_claim_from_selection,
            a.edit_claim: self.ask_claim_wording,
            a.split_claim: self.split_current_claim,
            a.merge_claims: e.merge_current_claims,
            a.delete_claim: e.delete_current_claims,
            a.next_claim: lambda: pane.step(1),
            a.previous_claim: lambda: pane.step(-1),
            a.set_verdict: self.panes.verdict_editor.focus_rating,
            a.add_source: self.ask_add_source,
            a.rematch: self.presenter.rematch,
            a.shortcuts: self.show_shortcuts,
            a.about: self.show_about,
            a.color_status: lambda: self.panes.article_view.set_color_mode("status"),
            a.color_worth: lambda: self.panes.article_view.set_color_mode("worth"),
        }
        for action, slot in triggered.items():
            action.triggered.connect(slot)
        for status, action in a.status.items():
            action.triggered.connect(lambda _c=False, s=status: e.set_status(s))
        follow_undo_stack(a, self.session.undo_stack)
        context = [a.edit_claim, a.split_claim, a.merge_claims, None, *a.status.values()]
        pane.set_context_actions([*context, None, a.delete_claim])

    def _update_actions(self) -> None:
        a, p = self.actions_, self.panes
        has_claim = p.claims_pane.current_claim_id() is not None
        for action in (a.edit_claim, a.delete_claim, a.set_verdict, a.add_source, a.split_claim):
            action.setEnabled(has_claim)
        for action in a.status.values():
            action.setEnabled(has_claim)
        a.merge_claims.setEnabled(has_claim and len(self.claims) > 1)
        a.export_article.setEnabled(self.article is not None)
        has_span = p.article_view.selected_span() is not None
        a.new_claim.setEnabled(self.article is not None and has_span)
        a.rematch.setEnabled(bool(self.claims))

    # -- articles -----------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show a stored article (loaded in the background)."""
        self._load(load_article_job, article_id, self.tr("Opening the article…"))

    def open_source(self, source: str) -> None:
        """Read, split and store an article from a file path or an http(s) URL."""
        self._load(import_article, source, self.tr("Reading and splitting the article…"))

    def open_text(self, text: str) -> None:
        self._load(import_text, text, self.tr("Splitting the article…"))

    def reload_article(self) -> None:
        """Read the open article's claims again (e.g. after another program changed them)."""
        if self.article is not None:
            self.open_article(int(self.article.id))

    def _load(self, job: Callable[..., ArticleBundle], argument: object, label: str) -> None:
        self.session.runner.start(
            "article",
            job,
            argument,
            label=label,
            on_result=self._on_bundle_loaded,
            on_error=self._on_bundle_failed,
        )

    def _on_bundle_loaded(self, bundle: ArticleBundle) -> None:
        view = self.panes.article_view
        same, keep = self.state.show(bundle)
        if same:
            view.set_claims(self.claims, list(bundle.marks))
        else:
            self.status.forget_undo_position()
            self.session.undo_stack.clear()
            view.set_article(bundle.article.text, self.claims, list(bundle.marks))
            self.session.remember_article(bundle.article.id)
        # Also after a split, merge, delete or new claim: the header counts the claims.
        self.panes.article_header.setText(header_html(bundle.article, len(self.claims)))
        self.setWindowTitle(header_title(bundle.article) + " — Crible")
        self.presenter.refresh_rows(keep=keep)
        self._update_actions()
        self.article_shown.emit(int(bundle.article.id))
        self.presenter.start_matching(only_missing=same)

    def _on_bundle_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.publish.attention(user_message(exc))  # a failed open: a dialog, not only the bar
        else:
            self._on_runner_bug_raised(exc)
        if self.article is None:
            self.matches_ready.emit()

    @Slot()
    def _on_settings_flow_applied(self) -> None:
        self.presenter.refresh_after_settings()
        self.status.show_message(self.tr("Settings saved."))

    @Slot()
    def _on_settings_flow_restart_failed(self) -> None:
        self.status.show_error(self.tr("Crible could not restart itself; please start it again."))

    def _on_runner_bug_raised(self, exc: BaseException) -> None:
        report_bug(exc, self)

    # -- questions to the checker -------------------------------------------------------

    def ask_open_file(self) -> None:
        if (path := asks.ask_article_file(self)) is not None:
            self.open_source(path)

    def ask_open_url(self) -> None:
        if (url := asks.ask_article_url(self)) is not None:
            self.open_source(url)

    def ask_paste_article(self) -> None:
        if (text := asks.ask_article_text(self)) is not None:
            self.open_text(text)

    def ask_recent_article(self) -> None:
        articles = list_articles(self.session.db, limit=100)
        if not articles:
            self.status.show_error(self.tr("No article in this archive yet."))
        elif (article_id := asks.ask_earlier_article(self, articles)) is not None:
            self.open_article(article_id)

    def ask_claim_wording(self) -> None:
        claim = self.presenter.current_claim()
        if claim is not None and (text := asks.ask_claim_wording(self, claim.text)) is not None:
            self.edits.edit_claim_wording(claim, text)

    def split_current_claim(self) -> None:
        claim = self.presenter.current_claim()
        if claim is not None:
            self.edits.split_claim(claim)

    def ask_add_source(self) -> None:
        self.panes.tabs.setCurrentWidget(self.panes.sources_pane)
        self.panes.sources_pane.open_add_form()

    def ask_export_article(self) -> None:
        if self.article is None:
            self.status.show_error(self.tr("Open an article first."))
        else:
            start = suggested_file_name(self.article, "")  # from the article's title
            target = asks.ask_export_target(self, start)
            # A ClaimReview that would be refused opens the publish checklist instead.
            if target is not None and (
                target[1] != "claimreview" or self.publish.claimreview_ready()
            ):
                self.export_article(*target)

    def export_article(self, path: str, fmt: str) -> None:
        """Write the open article's check to ``path`` in the background."""
        if self.article is None:
            return
        self.panes.verdict_editor.commit_pending()
        self.session.runner.start(
            "export",
            export_article,
            int(self.article.id),
            fmt,
            asks.with_suffix(path, fmt),
            current_language(),  # a report is in the window's language
            label=self.tr("Exporting…"),
            on_result=lambda written: self.status.show_message(
                self.tr("Exported to %1").replace("%1", written), 8000
            ),
            on_error=self.publish.export_failed,  # a refusal: a dialog, the checklist
        )

    def show_archive_browser(self) -> None:
        from ui.dialogs.archive_browser import ArchiveBrowser

        browser = ArchiveBrowser(self.session.runner, self)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.article_open_requested.connect(self.open_article)
        browser.url_open_requested.connect(self.open_url_in_browser)
        browser.show()

    def show_settings(self, page: str = "") -> None:
        self.settings_flow.show(page)

    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions_.by_name.values(), self).exec()

    def show_about(self) -> None:
        text = self.tr(
            "<h3>Crible %1</h3><p>A local-first workbench for fact-checkers: split an "
            "article into claims, find earlier fact-checks, record verdicts and sources, "
            "export ClaimReview.</p><p>Archive: %2</p>"
        )
        text = text.replace("%1", __version__).replace("%2", str(self.session.path))
        QMessageBox.about(self, self.tr("About Crible"), text)

    @Slot(str)
    def open_url_in_browser(self, url: str) -> None:
        qurl = QUrl(url)
        if qurl.scheme().lower() not in ("http", "https"):
            self.status.show_error(self.tr("Only http(s) links are opened: %1").replace("%1", url))
        elif not QDesktopServices.openUrl(qurl):
            self.status.show_error(self.tr("Could not open %1 in the browser").replace("%1", url))

    # -- window state -------------------------------------------------------------------

    def restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for key, widget in self.panes.splitters():
            state = settings.value(key)
            if isinstance(state, QByteArray):
                widget.restoreState(state)
        if settings.value("view/color_mode", "status") == "worth":
            self.actions_.color_worth.setChecked(True)
            self.panes.article_view.set_color_mode("worth")

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        for key, widget in self.panes.splitters():
            settings.setValue(key, widget.saveState())
        settings.setValue("view/color_mode", self.panes.article_view.color_mode)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panes.verdict_editor.commit_pending()
        if self.panes.verdict_editor.has_unsaved() and not self._closing_without_unsaved:
            # A note refused twice (the archive stays busy): never dropped without a word.
            self._closing_without_unsaved = True
            self.status.show_error(
                self.tr(
                    "A change could not be saved: the archive is busy in another program. "
                    "Close again to quit without it."
                )
            )
            event.ignore()
            return
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
