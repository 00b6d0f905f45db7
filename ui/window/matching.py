"""The search for earlier checks of the open article's claims: the whole article or one
reworded claim, in the background, and the matcher's warm-up on a large archive."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from app.domain import Claim
from app.errors import UserError
from ui import jobs
from ui.database import ArchiveSession
from ui.i18n import user_message
from ui.jobs import MatchResults, match_claims, warm_matcher
from ui.window.state import OpenArticle

log = logging.getLogger(__name__)


class MatchingController(QObject):
    """Runs ``ui.jobs.match_claims`` for the open article and merges what it finds into
    ``state.results``.

    Signals:
        searching(): a search started; claims without results show "searching".
        found(): results arrived and are in ``state.results``.
        failed(str message): the search failed (the message is in the UI language).
    """

    searching = Signal()
    found = Signal()
    failed = Signal(str)

    def __init__(self, session: ArchiveSession, state: OpenArticle, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session
        self._state = state
        self._warmed_archive: object = None
        self.running = False

    def start(self, only_missing: bool = False) -> bool:
        """Search earlier checks for the article's claims, most check-worthy first;
        False when there was nothing to search."""
        state = self._state
        todo = [c for c in state.claims if not (only_missing and c.id in state.results.matches)]
        todo.sort(key=lambda c: -(c.checkworthiness or 0.0))
        if not todo:
            return False
        self.running = True
        # The panes show "searching" before the worker starts, so it never competes
        # with this repaint for the interpreter.
        self.searching.emit()
        self._run("match", todo)
        return True

    def match_one(self, claim: Claim) -> None:
        """Search earlier checks for one claim; a newer request cancels the stale one."""
        self._state.results.matches.pop(int(claim.id), None)
        self._run("match-one", [claim])

    def rematch(self) -> bool:
        self._state.results = MatchResults()
        return self.start()

    def _run(self, key: str, claims: list[Claim]) -> None:
        article = self._state.article
        self._session.runner.start(
            key,
            match_claims,
            [(int(c.id), c.text, c.lang) for c in claims],
            int(article.id) if article else None,
            label=self.tr("Searching earlier checks…"),
            on_result=self._on_matches_found,
            on_error=self._on_matches_failed,
        )

    def _on_matches_found(self, results: MatchResults) -> None:
        self.running = False
        self._warm_if_large(results.archive_size)
        # Claims imported or edited since: their vectors, in the background (semantic.py).
        self._session.runner.start_background("vectors", jobs.build_claim_vectors)
        self._state.results.matches.update(results.matches)
        self._state.results.decisions.update(results.decisions)
        self.found.emit()

    def _on_matches_failed(self, exc: BaseException) -> None:
        self.running = False
        message = (
            user_message(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
        )
        log.error("matching failed", exc_info=exc)
        self.failed.emit(self.tr("Earlier checks unavailable: %1").replace("%1", message))

    def _warm_if_large(self, archive_size: int) -> None:
        """After the first matches in a large archive, load ahead (in the background, once
        per archive) what the next articles' matching would load: it steps aside whenever a
        matching job runs, and shutting the session down cancels it."""
        if archive_size < jobs.WARM_MIN_CLAIMS or self._warmed_archive == self._session.path:
            return
        self._warmed_archive = self._session.path
        self._session.runner.start_background("warm", warm_matcher)
