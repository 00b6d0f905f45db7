"""The main window's search for earlier checks: the whole article, or one reworded claim."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from app.domain import Claim
from app.errors import UserError
from ui import jobs
from ui.i18n import user_message
from ui.jobs import MatchResults, match_claims, warm_matcher
from ui.models.claims_model import best_match
from ui.widgets.window_parts import best_matched

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

log = logging.getLogger(__name__)


class MatchingMixin(_Base):
    """Runs ``ui.jobs.match_claims`` in the background and shows what it found."""

    def start_matching(self, only_missing: bool = False) -> None:
        """Search earlier checks for the article's claims, most check-worthy first."""
        todo = [c for c in self.claims if not (only_missing and c.id in self.results.matches)]
        todo.sort(key=lambda c: -(c.checkworthiness or 0.0))
        if not todo:
            self.matches_ready.emit()
            return
        queries = [(int(c.id), c.text, c.lang) for c in todo]
        article_id = int(self.article.id) if self.article else None
        self._matching = True
        # The panes show "searching" before the worker starts, so it never competes
        # with this repaint for the interpreter.
        self._refresh_rows()
        self._show_matches(self.current_claim())
        self.session.runner.start(
            "match",
            match_claims,
            queries,
            article_id,
            label=self.tr("Searching earlier checks…"),
            on_result=self._on_matches_found,
            on_error=self._on_matches_failed,
        )

    def match_one(self, claim: Claim) -> None:
        """Search earlier checks for one claim; a newer request cancels the stale one."""
        article_id = int(self.article.id) if self.article else None
        self.session.runner.start(
            "match-one",
            match_claims,
            [(int(claim.id), claim.text, claim.lang)],
            article_id,
            label=self.tr("Searching earlier checks…"),
            on_result=self._on_matches_found,
            on_error=self._on_matches_failed,
        )

    def rematch(self) -> None:
        self.results = MatchResults()
        self.start_matching()

    def _on_matches_found(self, results: MatchResults) -> None:
        self._matching = False
        self._warm_if_large(results.archive_size)
        self.results.matches.update(results.matches)
        self.results.decisions.update(results.decisions)
        self._refresh_rows()
        self._show_matches(self.current_claim())
        self._select_best_matched()
        self.matches_ready.emit()

    def _warm_if_large(self, archive_size: int) -> None:
        """After the first matches in a large archive, load ahead (in the background, once
        per archive) what the next articles' matching would load: it steps aside whenever a
        matching job runs, and shutting the session down cancels it."""
        if archive_size < jobs.WARM_MIN_CLAIMS:
            return
        if getattr(self, "_warmed_archive", None) == self.session.path:
            return
        self._warmed_archive = self.session.path
        self.session.runner.start_background("warm", warm_matcher)

    def _select_best_matched(self) -> None:
        """Once earlier checks are known, open on the claim with the strongest one (the
        workbench's point), unless the checker has picked a claim since."""
        auto, self._auto_selected = self._auto_selected, None
        if auto is None or self.claims_pane.current_claim_id() != auto:
            return
        best: dict[int, tuple[str, float]] = {}
        for claim in self.claims:
            matches = self.results.matches.get(int(claim.id)) or []
            top = best_match(matches, self.results.decisions.get(int(claim.id), {}))
            if top is not None:
                best[int(claim.id)] = (top.tier, top.score)
        todo = [c for c in self.claims if c.status == "to_check"]
        chosen = best_matched(todo, best) or best_matched(self.claims, best)
        if chosen is not None and chosen != auto:
            self.claims_pane.select_claim(chosen)

    def _on_matches_failed(self, exc: BaseException) -> None:
        self._matching = False
        if isinstance(exc, UserError):
            message = user_message(exc)
        else:
            message = f"{type(exc).__name__}: {exc}"
        log.error("matching failed", exc_info=exc)
        self.show_error(self.tr("Earlier checks unavailable: %1").replace("%1", message))
        self.matches_pane.show_none(
            self.tr("Earlier checks unavailable: %1").replace("%1", message)
        )
        self._refresh_rows()
        self.matches_ready.emit()

    def _show_matches(self, claim: Claim | None) -> None:
        if claim is None:
            self.matches_pane.show_none()
            return
        matches = self.results.matches.get(int(claim.id))
        if matches is None:
            self.matches_pane.show_searching()
            return
        self.matches_pane.set_matches(
            claim.text, matches, self.results.decisions.get(int(claim.id), {})
        )

    @Slot(int)
    def _on_session_links_changed(self, claim_id: int) -> None:
        self.results.decisions[claim_id] = {
            int(link.other_claim_id): link.kind for link in self.session.links_of(claim_id)
        }
        if claim_id == self.claims_pane.current_claim_id():
            self.matches_pane.set_decisions(self.results.decisions[claim_id])
        model = self.claims_pane.model
        row = model.row_of(claim_id)
        if row >= 0:
            current = model.row_at(row)
            model.set_row(row, self._row_for(current.number, current.claim))
