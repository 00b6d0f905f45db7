"""What the checker's edit requests do: each becomes an undoable ``ui.operations`` command
on the open article's claims, sources and links, or a background job."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QApplication

from app import edits
from app.changes import Changes
from app.domain import Claim
from app.storage import sources as sources_store
from ui.database import ArchiveSession
from ui.i18n import user_message
from ui.jobs import archive_source, import_factchecks
from ui.window.layout import Panes
from ui.window.matching import MatchingController
from ui.window.state import OpenArticle
from ui.window.status_bar import StatusBar

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _field_label(name: str) -> str:
    labels = {
        "status": _tr("status"),
        "verdict_level_id": _tr("rating"),
        "verdict_text": _tr("verdict text"),
        "notes": _tr("notes"),
        "claimant": _tr("claimant"),
        "claim_date": _tr("claim date"),
        "text": _tr("wording"),
    }
    return labels.get(name, name)


def edit_text(number: int | None, changes: dict[str, Any]) -> str:
    """The undo entry of an edit, naming the claim and the fields: "Claim 2: verdict text"."""
    fields = ", ".join(_field_label(name) for name in changes)
    if number is None:
        return _tr("Edit claim: %1").replace("%1", fields)
    return _tr("Claim %1: %2").replace("%1", str(number)).replace("%2", fields)


class EditCommands(QObject):
    """Turns the checker's requests into commands on the session's undo stack."""

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
        p = panes
        p.verdict_editor.claim_edit_requested.connect(self.edit_claim)
        p.verdict_editor.invalid_input.connect(status.show_error)
        p.sources_pane.source_add_requested.connect(self.add_source)
        p.sources_pane.source_edit_requested.connect(self.edit_source)
        p.sources_pane.source_remove_requested.connect(self.remove_source)
        p.sources_pane.source_archive_requested.connect(self.archive_source)
        p.factcheck_panel.import_requested.connect(self.import_factchecks)
        p.article_view.new_claim_requested.connect(self.new_claim_from_span)
        p.matches_pane.link_requested.connect(self.set_link)

    def undo_or_redo(self, redo: bool) -> None:
        """Edit › Undo/Redo. What is still being typed in the verdict editor is saved first,
        so undo takes back *that*, never silently an older edit of another claim."""
        editor = self._panes.verdict_editor
        focus = QApplication.focusWidget()
        typing = focus if focus is not None and editor.isAncestorOf(focus) else None
        editor.commit_pending()
        if typing is not None:
            typing.clearFocus()  # a focused field keeps its text; it must show the undone one
        stack = self._session.undo_stack
        stack.redo() if redo else stack.undo()
        if typing is not None:
            typing.setFocus()

    # -- claims -------------------------------------------------------------------------

    @Slot(int, dict)
    def edit_claim(self, claim_id: int, changes: dict[str, Any]) -> None:
        if changes:
            text = edit_text(self._state.number_of(claim_id), changes)
            if self._session.push_edit(edits.EditClaim(claim_id, changes), text) is None:
                # Refused (a lock, a full disk): what was typed stays in the editor, unsaved.
                self._panes.verdict_editor.keep_unsaved(claim_id, changes)

    def set_status(self, status: str) -> None:
        pane = self._panes.claims_pane
        current = pane.current_claim_id()
        for claim_id in pane.selected_claim_ids() or ([current] if current is not None else []):
            self.edit_claim(claim_id, {"status": status})

    def new_claim_from_selection(self) -> None:
        span = self._panes.article_view.selected_span()
        if span is None:
            self._status.show_error(self.tr("Select some text of the article first."))
            return
        self.new_claim_from_span(*span)

    @Slot(int, int)
    def new_claim_from_span(self, start: int, end: int) -> None:
        article = self._state.article
        if article is None:
            return
        same = self._state.same_span(start, end)
        if same is not None:  # a second claim on the same words would be a duplicate
            self._panes.claims_pane.select_claim(int(same.id))
            number = str(self._state.number_of(int(same.id)))
            self._status.show_message(
                self.tr("This text is already claim %1: selected it.").replace("%1", number)
            )
            return
        fields: dict[str, Any] = {
            "text": article.text[start:end],
            "article_id": int(article.id),
            "start": start,
            "end": end,
            "lang": article.lang,
            "origin": "manual",
        }
        fields.update(_described(article.text, start, end, article.lang))
        changes = self._session.push_edit(edits.AddClaim(fields), self.tr("New claim"))
        if changes is not None:
            self._state.pending_select = next(iter(changes.created_claims), None)

    def edit_claim_wording(self, claim: Claim, text: str) -> None:
        """The checker reworded ``claim`` (Edit claim…): nothing happens for the same words."""
        if text.strip() and text.strip() != claim.text:
            self.edit_claim(int(claim.id), {"text": text.strip()})

    def split_claim(self, claim: Claim) -> None:
        """Split at the article view's cursor."""
        view = self._panes.article_view
        at = view.from_qt(view.textCursor().position())
        self._state.pending_select = int(claim.id)
        self._session.push_edit(edits.SplitClaim(int(claim.id), at), self.tr("Split claim"))

    def merge_current_claims(self) -> None:
        pane = self._panes.claims_pane
        ids = pane.selected_claim_ids()
        if len(ids) < 2:
            claim = self._state.claim(pane.current_claim_id())
            if claim is None:
                return
            following = self._state.next_of(int(claim.id))
            if following is None:
                self._status.show_error(
                    self.tr("This is the last claim: nothing to merge it with.")
                )
                return
            ids = [int(claim.id), int(following.id)]
        if len(ids) > 2:
            self._status.show_error(self.tr("Select two claims to merge."))
            return
        self._state.pending_select = ids[0]
        self._session.push_edit(edits.MergeClaims(ids[0], ids[1]), self.tr("Merge claims"))

    def delete_current_claims(self) -> None:
        pane = self._panes.claims_pane
        ids = pane.selected_claim_ids()
        current = pane.current_claim_id()
        if not ids and current is not None:
            ids = [current]
        if not ids:
            return
        self._state.pending_select = self._state.neighbour(set(ids))
        if len(ids) == 1:
            self._session.push_edit(edits.DeleteClaim(ids[0]), self.tr("Delete claim"))
            return
        deletions = edits.Compound(tuple(edits.DeleteClaim(claim_id) for claim_id in ids))
        self._session.push_edit(deletions, self.tr("Delete %n claim(s)", "", len(ids)))

    # -- sources and links --------------------------------------------------------------

    @Slot(int, dict)
    def add_source(self, claim_id: int, fields: dict[str, Any]) -> None:
        self._session.push_edit(edits.AddSource(claim_id, fields), self.tr("Add source"))

    @Slot(int, dict)
    def edit_source(self, link_id: int, changes: dict[str, Any]) -> None:
        if changes:
            self._session.push_edit(edits.EditSource(link_id, changes), self.tr("Edit source"))

    @Slot(int)
    def remove_source(self, link_id: int) -> None:
        self._session.push_edit(edits.RemoveSource(link_id), self.tr("Remove source"))

    @Slot(int)
    def archive_source(self, link_id: int) -> None:
        """Save the source's page on the Wayback Machine, in the background."""
        link = sources_store.get_claim_source(self._session.db, link_id)
        claim_id = int(link.claim_id)

        def done(kept: Any) -> None:
            # The page was saved outside an edit: the sources pane reads it again.
            self._session.announce(Changes(sources=frozenset({claim_id})))
            message = preserved_text(kept)
            if kept.snapshot_error or kept.archive_error:
                self._status.show_error(message)
            else:
                self._status.show_message(message, 10000)

        self._session.runner.start(
            f"archive:{link.source.id}",
            archive_source,
            int(link.source.id),
            label=self.tr("Saving the source's page (local copy and Wayback Machine)…"),
            on_result=done,
        )

    @Slot(list)
    def import_factchecks(self, results: list[Any]) -> None:
        """Add fact-checks found online to the archive, then search earlier checks again."""

        def done(report: Any) -> None:
            self._status.show_message(
                self.tr("Imported %1 fact-check(s), %2 already known or skipped.")
                .replace("%1", str(report.imported))
                .replace("%2", str(report.skipped))
            )
            self._matching.rematch()

        self._session.runner.start(
            "import",
            import_factchecks,
            list(results),
            label=self.tr("Importing fact-checks…"),
            on_result=done,
        )

    @Slot(int, str, object)
    def set_link(self, other_id: int, kind: str, score: object) -> None:
        claim_id = self._panes.claims_pane.current_claim_id()
        if claim_id is not None:
            value = float(score) if isinstance(score, int | float) else None
            if kind == "same":
                text = self.tr("Confirm same claim")
            else:
                text = self.tr("Dismiss earlier check")
            self._session.push_edit(edits.SetLink(claim_id, other_id, kind, value), text)


def preserved_text(kept: Any) -> str:
    """Both halves of ``preserve_source``: the local copy, then the Wayback Machine."""
    if kept.snapshot_error:
        reason = user_message(getattr(kept, "snapshot_failure", None) or kept.snapshot_error)
        local = _tr("local copy failed: %1").replace("%1", reason)
    else:
        local = _tr("local copy kept (%1 characters)").replace("%1", str(kept.snapshot_chars))
    if kept.archive_error:
        reason = user_message(getattr(kept, "archive_failure", None) or kept.archive_error)
        wayback = _tr("Wayback Machine failed: %1").replace("%1", reason)
    else:
        wayback = _tr("archived at %1").replace("%1", str(kept.archive_url))
    return f"{local}; {wayback}"


def _described(text: str, start: int, end: int, lang: str | None) -> dict[str, Any]:
    """Check-worthiness, reasons and speaker of a span the checker picked by hand."""
    from app.text.claims import describe_span

    candidate = describe_span(text, start, end, lang or "fr")
    return {
        "checkworthiness": candidate.checkworthiness,
        "reasons": list(candidate.reasons),
        "speaker": candidate.speaker,
        "statement": candidate.statement,
    }
