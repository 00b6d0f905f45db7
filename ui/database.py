"""How the window reaches the archive: one session holding the GUI connection, undo stack, tasks.

Threading choice (measured by ``bench/gui_responsiveness.py``, guarded by
tests/ui/test_workflow.py::test_edit_is_fast_enough_for_the_gui_thread): a checker's edit is
one small single-row transaction (update a claim, link a source), about 1–2 ms on a WAL
archive and 6 ms median with the panes' refresh, well inside a frame, so edits run on the
GUI thread, where undo/redo ordering is trivially right. Everything that can grow with the
archive — opening and analysing an article, matching, imports, archive search — runs in
``TaskRunner`` workers on their own connections, and comes back by signal.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app import edits
from app.changes import Changes
from app.domain import Claim, ClaimLink, ClaimSource, DomainRating, RatingLevel, RatingScale
from app.errors import UserError
from app.storage import claims as claims_store
from app.storage import domains as domains_store
from app.storage import links as links_store
from app.storage import open_archive
from app.storage import scales as scales_store
from app.storage import settings as settings_store
from app.storage import sources as sources_store
from app.storage.integrity import environment_error
from ui.i18n import user_message
from ui.operations import EditCommand
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LAST_ARTICLE_KEY = "ui_last_article"


class ArchiveSession(QObject):
    """The open archive as the UI sees it.

    Signals:
        changed(Changes): an edit was applied (or undone); says which claims, sources,
            links, articles or settings it touched, so each pane refreshes what it shows.
        claim_changed(Claim): one claim's fields changed (status, verdict, text…).
        claims_restructured(int article_id): claims were added, removed, split or merged.
        sources_changed(int claim_id): the claim's source links changed.
        links_changed(int claim_id): the claim's links to earlier checks changed.
        scale_changed(): the rating scale was edited.
        error_raised(str): an expected failure to show in the window (a ``UserError``).

    The per-kind signals (``claim_changed`` … ``links_changed``) are derived from ``changed``
    in one place, ``announce``, for the panes that still listen to them.
    """

    changed = Signal(object)
    claim_changed = Signal(object)
    claims_restructured = Signal(int)
    sources_changed = Signal(int)
    links_changed = Signal(int)
    scale_changed = Signal()
    error_raised = Signal(str)

    def __init__(self, path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.db = open_archive(self.path)
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self.path, self)
        self._scale: RatingScale | None = None
        self._levels: dict[int, RatingLevel] = {}

    # -- edits --------------------------------------------------------------------------

    def push(self, command: EditCommand) -> bool:
        """Apply ``command`` and put it on the undo stack; False (and a message) if refused.

        A refused first application marks the command obsolete, so the stack drops it.
        """
        outcome = command.outcome  # still readable if Qt deletes the dropped command
        self.undo_stack.push(command)
        if outcome.bug is not None:
            raise outcome.bug
        return not outcome.refused

    def push_edit(self, edit: edits.Edit, text: str = "") -> Changes | None:
        """Apply ``edit`` as one undoable step; what it changed, or None if it was refused."""
        command = EditCommand(self, edit, text)
        return command.outcome.changes if self.push(command) else None

    def apply(self, edit: edits.Edit) -> tuple[edits.Edit, Changes]:
        """Apply one edit (one transaction) and announce what changed; used by the stack."""
        inverse, changes = edits.apply(self.db, edit)
        self.announce(changes)
        return inverse, changes

    def report_refusal(self, exc: BaseException) -> bool:
        """Show an expected failure (a ``UserError``, a full, read-only or locked archive) as a
        message; False when ``exc`` is a bug that must not be turned into a message."""
        error = exc if isinstance(exc, UserError) else None
        if isinstance(exc, sqlite3.OperationalError):
            error = environment_error(exc)
        if error is None:
            return False
        self.error_raised.emit(user_message(error))
        return True

    def announce(self, changes: Changes) -> None:
        """Tell the panes what changed: after an edit, or after work done outside the undo
        stack (a source's page saved by a background task, say)."""
        self.changed.emit(changes)
        for claim_id in sorted(changes.claims - changes.created_claims):
            claim = self.claim(claim_id)
            if claim.article_id not in changes.claim_lists:  # else its list is rebuilt anyway
                self.claim_changed.emit(claim)
        for article_id in sorted(changes.claim_lists):
            self.claims_restructured.emit(article_id)
        for claim_id in sorted(changes.sources):
            self.sources_changed.emit(claim_id)
        for claim_id in sorted(changes.links):
            self.links_changed.emit(claim_id)
        if changes.settings:
            self.reload_scale()  # emits scale_changed

    # -- small reads (single rows, GUI thread) -----------------------------------------

    def claim(self, claim_id: int) -> Claim:
        return claims_store.get_claim(self.db, claim_id)

    def sources_of(self, claim_id: int) -> list[ClaimSource]:
        return sources_store.sources_of_claim(self.db, claim_id)

    def links_of(self, claim_id: int) -> list[ClaimLink]:
        return links_store.links_of_claim(self.db, claim_id)

    def domain_ratings(self) -> dict[str, DomainRating]:
        """The team's reliability list, keyed by domain (a few hundred rows at most)."""
        return {r.domain: r for r in domains_store.list_domain_ratings(self.db)}

    @property
    def scale(self) -> RatingScale:
        if self._scale is None:
            self.reload_scale()
        assert self._scale is not None
        return self._scale

    def reload_scale(self) -> None:
        self._scale = scales_store.default_scale(self.db)
        self._levels = {level.id: level for level in self._scale.levels}
        self.scale_changed.emit()

    def level(self, level_id: int | None) -> RatingLevel | None:
        """The verdict level for a claim's ``verdict_level_id`` (any scale), or None."""
        if level_id is None:
            return None
        _ = self.scale
        if level_id not in self._levels:
            try:
                self._levels[level_id] = scales_store.get_level(self.db, level_id)
            except UserError:
                return None
        return self._levels[level_id]

    def remember_article(self, article_id: int) -> None:
        """The article to reopen next time (a one-row setting, not the checker's work)."""
        settings_store.set_setting(self.db, LAST_ARTICLE_KEY, str(article_id))

    def last_article(self) -> int | None:
        value = settings_store.get_setting(self.db, LAST_ARTICLE_KEY)
        return int(value) if value and value.isdigit() else None

    def close(self) -> None:
        self.runner.shutdown()
        self.undo_stack.blockSignals(True)  # the window may outlive the session
        self.db.close()
