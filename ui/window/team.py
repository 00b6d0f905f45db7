"""The window's team part: the sync indicator in the status bar and the claim's "Team" tab
(history and conflicts). Only an archive in a team gets them; all work runs in workers."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app.storage.sync_local import sync_state
from ui.panes.history_pane import HistoryPane
from ui.sync_jobs import ClaimTeamView, SyncOutcome, load_claim_team_view, mark_resolved
from ui.sync_status import SyncIndicator

HISTORY_KEY = "team-claim-history"


class _Window(Protocol):
    """What this part uses of the main window (which sits above it: no import of it here)."""

    session: Any
    panes: Any
    status: Any

    @property
    def article(self) -> Any: ...

    def add_detail_tab(self, widget: QWidget, title: str) -> None: ...

    def open_article(self, article_id: int) -> None: ...


class TeamSync(QObject):
    """Team sync in the window: indicator, automatic sync, the claim's history and conflicts.

    A join made meanwhile with `crible team join` shows at the window's next start.
    """

    def __init__(self, window: _Window, parent: QObject) -> None:
        super().__init__(parent)
        self._window = window
        self._claim_id: int | None = None
        self.indicator: SyncIndicator | None = None
        self.history_pane: HistoryPane | None = None
        session = window.session
        # One row read on the GUI thread, like the session's other small reads.
        if not sync_state(session.db).enabled:
            return
        self.history_pane = HistoryPane()
        window.add_detail_tab(self.history_pane, self.tr("Team"))
        self.indicator = SyncIndicator(session.runner, window.status)
        window.status.addPermanentWidget(self.indicator)
        self.indicator.synced.connect(self._on_indicator_synced)
        self.history_pane.resolve_requested.connect(self._on_history_pane_resolve_requested)
        window.panes.claims_pane.claim_selected.connect(self._on_claims_pane_claim_selected)
        session.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.indicator.refresh()

    @Slot(object)
    def _on_claims_pane_claim_selected(self, claim_id: int | None) -> None:
        self._claim_id = claim_id
        runner = self._window.session.runner
        if claim_id is None:
            runner.cancel(HISTORY_KEY)
            self._show(None)
            return
        runner.start(HISTORY_KEY, load_claim_team_view, claim_id, on_result=self._show)

    def _show(self, view: ClaimTeamView | None) -> None:
        pane = self.history_pane
        if pane is None or (view is not None and view.claim_id != self._claim_id):
            return  # the checker moved on meanwhile
        pane.show_view(view)
        count = pane.conflict_count
        title = self.tr("Team (%n conflict(s))", "", count) if count else self.tr("Team")
        tabs = self._window.panes.tabs
        tabs.setTabText(tabs.indexOf(pane), title)

    @Slot(int, int)
    def _on_history_pane_resolve_requested(self, conflict_id: int, claim_id: int) -> None:
        self._window.session.runner.start(
            HISTORY_KEY, mark_resolved, conflict_id, claim_id, on_result=self._show
        )
        self._on_undo_stack_index_changed(0)

    @Slot(int)
    def _on_undo_stack_index_changed(self, _index: int) -> None:
        if self.indicator is not None:
            self.indicator.refresh()  # one more change waiting to be sent

    def _on_indicator_synced(self, outcome: SyncOutcome) -> None:
        article = self._window.article
        if outcome.pulled and article is not None:
            self._window.open_article(int(article.id))  # the team's changes may be on screen
        if self._claim_id is not None:
            self._on_claims_pane_claim_selected(self._claim_id)
