"""Keeps the panes showing the open article: the claims table's rows, the selected claim's
verdict, sources and earlier checks, as edits and searches change them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from app.changes import Changes
from app.domain import Claim
from ui.database import ArchiveSession
from ui.i18n import current_language
from ui.models.claims_model import ClaimRow, best_match
from ui.window.layout import Panes
from ui.window.matching import MatchingController
from ui.window.state import OpenArticle, best_matched
from ui.window.status_bar import StatusBar


class ArticlePresenter(QObject):
    """Routes the session's and the matcher's news to the panes that show it.

    Signals:
        matches_ready(): the article-wide search for earlier checks finished (or failed).
        selection_changed(): another claim (or none) is selected.
        reload_requested(int article_id): the article's claims were restructured.
    """

    matches_ready = Signal()
    selection_changed = Signal()
    reload_requested = Signal(int)

    def __init__(
        self,
        session: ArchiveSession,
        state: OpenArticle,
        panes: Panes,
        status: StatusBar,
        matching: MatchingController,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._session, self._state, self._panes = session, state, panes
        self._status, self._matching = status, matching
        session.changed.connect(self._on_session_changed)
        matching.searching.connect(self._on_matching_searching)
        matching.found.connect(self._on_matching_found)
        matching.failed.connect(self._on_matching_failed)
        panes.claims_pane.claim_selected.connect(self._on_claims_claim_selected)

    # -- earlier checks -----------------------------------------------------------------

    def start_matching(self, only_missing: bool = False) -> None:
        if not self._matching.start(only_missing):
            self.matches_ready.emit()

    def rematch(self) -> None:
        if not self._matching.rematch():
            self.matches_ready.emit()

    @Slot()
    def _on_matching_searching(self) -> None:
        self.refresh_rows()
        self._show_matches(self.current_claim())

    @Slot()
    def _on_matching_found(self) -> None:
        self.refresh_rows()
        self._show_matches(self.current_claim())
        self._select_best_matched()
        self.matches_ready.emit()

    @Slot(str)
    def _on_matching_failed(self, message: str) -> None:
        self._status.show_error(message)
        self._panes.matches_pane.show_none(message)
        self.refresh_rows()
        self.matches_ready.emit()

    def _select_best_matched(self) -> None:
        """Once earlier checks are known, open on the claim with the strongest one (the
        workbench's point), unless the checker has picked a claim since."""
        auto = self._state.take_auto_selected()
        pane = self._panes.claims_pane
        if auto is None or pane.current_claim_id() != auto:
            return
        best: dict[int, tuple[str, float]] = {}
        for claim in self._state.claims:
            top = best_match(
                self._state.results.matches.get(int(claim.id)) or [],
                self._state.results.decisions.get(int(claim.id), {}),
            )
            if top is not None:
                best[int(claim.id)] = (top.tier, top.score)
        todo = [c for c in self._state.claims if c.status == "to_check"]
        chosen = best_matched(todo, best) or best_matched(self._state.claims, best)
        if chosen is not None and chosen != auto:
            pane.select_claim(chosen)

    def _show_matches(self, claim: Claim | None) -> None:
        pane = self._panes.matches_pane
        if claim is None:
            pane.show_none()
            return
        matches = self._state.results.matches.get(int(claim.id))
        if matches is None:
            pane.show_searching()
            return
        # The explanation's spans are offsets into the text the query used: the statement.
        query = claim.statement_or_text
        pane.set_matches(query, matches, self._state.results.decisions.get(int(claim.id), {}))

    # -- the claims list ----------------------------------------------------------------

    def row_for(self, number: int, claim: Claim) -> ClaimRow:
        """The claims table's row of ``claim``: its verdict in the UI's language (a French
        checker reads "Faux" on an English article too; exports follow the article's)."""
        level = self._session.level(claim.verdict_level_id)
        lang = current_language()
        matches = self._state.results.matches.get(int(claim.id))
        best = best_match(matches or [], self._state.results.decisions.get(int(claim.id), {}))
        return ClaimRow(
            claim=claim,
            number=number,
            verdict_label=level.label(lang) if level else "",
            verdict_color=level.color if level else "",
            best=best,
            matching=matches is None and self._matching.running,
        )

    def refresh_rows(self, keep: int | None = None) -> None:
        rows = [self.row_for(n, c) for n, c in enumerate(self._state.claims, start=1)]
        self._panes.claims_pane.set_rows(rows, keep=keep)

    def _refresh_row(self, claim: Claim) -> None:
        model = self._panes.claims_pane.model
        row = model.row_of(claim.id)
        if row >= 0:
            model.set_row(row, self.row_for(model.row_at(row).number, claim))

    def current_claim(self) -> Claim | None:
        return self._state.claim(self._panes.claims_pane.current_claim_id())

    @Slot(object)
    def _on_claims_claim_selected(self, claim_id: int | None) -> None:
        p = self._panes
        shown = p.verdict_editor.claim()
        if claim_id is not None and (shown is None or claim_id != shown.id):
            self._status.clear_error()  # moving on to another claim: the old error is read
        p.article_view.select_claim(claim_id)
        claim = self.current_claim()
        p.verdict_editor.set_claim(claim, self._session.scale, current_language())
        self._show_sources(claim_id)
        self._show_matches(claim)
        p.factcheck_panel.set_claim(claim.text if claim else None, claim.lang if claim else None)
        self.selection_changed.emit()

    def _show_sources(self, claim_id: int | None) -> None:
        if claim_id is None:
            self._panes.sources_pane.set_sources(None, [], {})
            self._set_sources_tab(self.tr("Sources"))
            return
        sources = self._session.sources_of(claim_id)
        self._panes.sources_pane.set_sources(claim_id, sources, self._session.domain_ratings())
        self._set_sources_tab(self.tr("Sources (%n)", "", len(sources)))

    # -- session changes ----------------------------------------------------------------

    @Slot(object)
    def _on_session_changed(self, changes: Changes) -> None:
        """Refresh what an edit (or its undo) touched, and only that."""
        article = self._state.article
        if article is not None and article.id in changes.claim_lists:
            # Claims added, removed, split or merged: the whole list is read again.
            self.reload_requested.emit(int(article.id))
        else:
            for claim_id in sorted(changes.claims - changes.created_claims):
                if self._state.claim(claim_id) is not None:
                    self._show_edited_claim(self._session.claim(claim_id))
        current = self._panes.claims_pane.current_claim_id()
        if current is not None and current in changes.sources:
            self._show_sources(current)
        for claim_id in sorted(changes.links):
            self._show_links(claim_id)

    def _show_edited_claim(self, claim: Claim) -> None:
        before = self._state.replace_claim(claim)
        if before is None or self._panes.claims_pane.model.row_of(claim.id) < 0:
            return
        if before.text != claim.text:  # reworded: its earlier checks are stale
            self._matching.match_one(claim)
        self._refresh_row(claim)
        self._panes.article_view.update_claim(claim)
        if claim.id == self._panes.claims_pane.current_claim_id():
            self._panes.verdict_editor.set_claim(claim, self._session.scale, current_language())

    def _show_links(self, claim_id: int) -> None:
        decisions: dict[int, str] = {
            int(ln.other_claim_id): ln.kind for ln in self._session.links_of(claim_id)
        }
        self._state.results.decisions[claim_id] = decisions
        if claim_id == self._panes.claims_pane.current_claim_id():
            self._panes.matches_pane.set_decisions(decisions)
        claim = self._state.claim(claim_id)
        if claim is not None:
            self._refresh_row(claim)

    @Slot()
    def refresh_after_settings(self) -> None:
        """The scale or the reliability list changed: rows, verdict and sources show them."""
        self.refresh_rows()
        claim = self.current_claim()
        self._panes.verdict_editor.set_claim(claim, self._session.scale, current_language())
        self._show_sources(self._panes.claims_pane.current_claim_id())

    def _set_sources_tab(self, text: str) -> None:
        tabs = self._panes.tabs
        tabs.setTabText(tabs.indexOf(self._panes.sources_pane), text)
