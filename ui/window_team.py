"""The main window's team parts: the sync indicator in the status bar and the claim's "Team"
tab (history and conflicts). Built last, over hooks in main_window; all work in workers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from app.storage.sync_local import sync_state
from ui.panes.history_pane import HistoryPane
from ui.sync_jobs import ClaimTeamView, SyncOutcome, load_claim_team_view, mark_resolved
from ui.sync_status import SyncIndicator

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

HISTORY_KEY = "team-claim-history"


class TeamMixin(_Base):
    """Team sync in the window: indicator, automatic sync, the claim's history and conflicts."""

    def _build_team(self) -> None:
        """Only an archive in a team gets the indicator, the tab and the automatic sync; a
        join made meanwhile with `crible team join` shows at the next start."""
        self._team_claim_id: int | None = None
        self.sync_indicator: SyncIndicator | None = None
        # One row read on the GUI thread, like the session's other small reads.
        if not sync_state(self.session.db).enabled:
            return
        self.history_pane = HistoryPane()
        self._team_tab = self.tabs.addTab(self.history_pane, self.tr("Team"))
        self.sync_indicator = SyncIndicator(self.session.runner, self)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.sync_indicator.synced.connect(self._on_sync_indicator_synced)
        self.history_pane.resolve_requested.connect(self._on_history_pane_resolve_requested)
        self.claims_pane.claim_selected.connect(self._on_team_claim_selected)
        self.session.undo_stack.indexChanged.connect(self._on_team_edit_saved)
        self.sync_indicator.refresh()

    @Slot(object)
    def _on_team_claim_selected(self, claim_id: int | None) -> None:
        self._team_claim_id = claim_id
        if claim_id is None:
            self.session.runner.cancel(HISTORY_KEY)
            self._show_team_view(None)
            return
        self.session.runner.start(
            HISTORY_KEY, load_claim_team_view, claim_id, on_result=self._show_team_view
        )

    def _show_team_view(self, view: ClaimTeamView | None) -> None:
        if view is not None and view.claim_id != self._team_claim_id:
            return  # the checker moved on meanwhile
        self.history_pane.show_view(view)
        count = self.history_pane.conflict_count
        title = self.tr("Team (%n conflict(s))", "", count) if count else self.tr("Team")
        self.tabs.setTabText(self._team_tab, title)

    @Slot(int, int)
    def _on_history_pane_resolve_requested(self, conflict_id: int, claim_id: int) -> None:
        self.session.runner.start(
            HISTORY_KEY, mark_resolved, conflict_id, claim_id, on_result=self._show_team_view
        )
        self._on_team_edit_saved(0)

    @Slot(int)
    def _on_team_edit_saved(self, _index: int) -> None:
        if self.sync_indicator is not None:
            self.sync_indicator.refresh()  # one more change waiting to be sent

    def _on_sync_indicator_synced(self, outcome: SyncOutcome) -> None:
        if outcome.pulled:
            self.reload_claims()  # the team's changes may touch what is on screen
        if self._team_claim_id is not None:
            self._on_team_claim_selected(self._team_claim_id)
