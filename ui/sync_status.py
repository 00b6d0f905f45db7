"""The status bar's team-sync indicator: last sync, changes waiting, offline; syncs on a timer
and on demand (a click), always in a worker so the window never waits on the network."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QToolButton, QWidget

from app.errors import UserError
from ui.i18n import user_message
from ui.sync_jobs import SyncOutcome, read_state, run_sync
from ui.tasks import TaskRunner

AUTO_SYNC_MS = 3 * 60 * 1000
SYNC_KEY = "team-sync"


class SyncIndicator(QToolButton):
    """Hidden until the archive is in a team; click to sync now.

    Signals:
        synced(object SyncOutcome): a sync finished; others' changes may have arrived.
    """

    synced = Signal(object)

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, interval_ms: int = AUTO_SYNC_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._runner = runner
        self._joined = False
        self._offline: str | None = None
        self._outcome: SyncOutcome | None = None
        self.setVisible(False)
        self.clicked.connect(self.sync_now)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def refresh(self) -> None:
        """Re-read the pending count and last sync (in a worker)."""
        self._runner.start("team-sync-state", read_state, on_result=self._on_state_read)

    @Slot()
    def sync_now(self) -> None:
        if not self._joined or self._runner.is_running(SYNC_KEY):
            return
        self.setText(self.tr("Syncing…"))
        self._runner.start(
            SYNC_KEY,
            run_sync,
            label=self.tr("Syncing with the team"),
            on_result=self._on_sync_done,
            on_error=self._on_sync_failed,
        )

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.sync_now()

    def _on_state_read(self, outcome: SyncOutcome) -> None:
        self._show(outcome)

    def _on_sync_done(self, outcome: SyncOutcome) -> None:
        self._offline = None
        self._show(outcome)
        self.synced.emit(outcome)

    def _on_sync_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            raise exc
        self._offline = user_message(exc)
        self.refresh()

    def _show(self, outcome: SyncOutcome) -> None:
        self._outcome = outcome
        state = outcome.state
        self._joined = state.enabled
        self.setVisible(state.enabled)
        if not state.enabled:
            return
        parts = []
        if self._offline is not None:
            parts.append(self.tr("Team: offline"))
        elif state.last_sync:
            when = QDateTime.fromString(state.last_sync, Qt.DateFormat.ISODate).toLocalTime()
            parts.append(self.tr("Team: synced %1").replace("%1", when.toString("HH:mm")))
        else:
            parts.append(self.tr("Team: never synced"))
        if state.pending:
            parts.append(self.tr("%n to send", "", state.pending))
        if state.open_conflicts:
            parts.append(self.tr("%n conflict(s)", "", state.open_conflicts))
        self.setText(" · ".join(parts))
        tip = self.tr("%1 as %2. Click to sync now.").replace("%1", state.server)
        tip = tip.replace("%2", state.member)
        self.setToolTip(tip if self._offline is None else f"{self._offline}\n{tip}")

    @property
    def outcome(self) -> SyncOutcome | None:
        return self._outcome

    @property
    def offline_reason(self) -> str | None:
        return self._offline
