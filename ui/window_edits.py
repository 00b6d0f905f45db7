"""The main window's commands: what each action and panel request does (as undoable edits)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog

from app.domain import Claim
from app.storage import sources as sources_store
from ui import operations as ops
from ui.i18n import user_message

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

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


def _edit_text(number: int | None, changes: dict[str, Any]) -> str:
    """The undo entry of an edit, naming the claim and the fields: "Claim 2: verdict text"."""
    fields = ", ".join(_field_label(name) for name in changes)
    if number is None:
        return _tr("Edit claim: %1").replace("%1", fields)
    return _tr("Claim %1: %2").replace("%1", str(number)).replace("%2", fields)


class EditsMixin(_Base):
    """Slots of the main window that turn intents into ``ui.operations`` commands."""

    def wire_panels(self) -> None:
        self.verdict_editor.claim_edit_requested.connect(self.edit_claim)
        self.verdict_editor.invalid_input.connect(self.show_error)
        sp = self.sources_pane
        sp.source_add_requested.connect(self.add_source)
        sp.source_edit_requested.connect(self.edit_source)
        sp.source_remove_requested.connect(self.remove_source)
        sp.source_open_requested.connect(self.open_url_in_browser)
        sp.source_archive_requested.connect(self.archive_source)
        fc = self.factcheck_panel
        fc.import_requested.connect(self.import_factchecks)
        fc.review_open_requested.connect(self.open_url_in_browser)
        fc.settings_requested.connect(lambda: self.show_settings("keys"))

    def wire_actions(self) -> None:
        a = self.actions_
        a.open_file.triggered.connect(self.ask_open_file)
        a.open_url.triggered.connect(self.ask_open_url)
        a.paste_article.triggered.connect(self.ask_paste_article)
        a.recent_articles.triggered.connect(self.ask_recent_article)
        a.archive_browser.triggered.connect(self.show_archive_browser)
        a.export_article.triggered.connect(self.ask_export_article)
        a.settings.triggered.connect(lambda: self.show_settings())
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(lambda: self.undo_or_redo(redo=False))
        a.redo.triggered.connect(lambda: self.undo_or_redo(redo=True))
        stack = self.session.undo_stack
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: _describe(a.undo, _tr("Undo: %1"), text))
        stack.redoTextChanged.connect(lambda text: _describe(a.redo, _tr("Redo: %1"), text))
        a.undo.setEnabled(stack.canUndo())
        a.redo.setEnabled(stack.canRedo())
        a.new_claim.triggered.connect(self.new_claim_from_selection)
        a.edit_claim.triggered.connect(self.edit_claim_text)
        a.split_claim.triggered.connect(self.split_current_claim)
        a.merge_claims.triggered.connect(self.merge_current_claims)
        a.delete_claim.triggered.connect(self.delete_current_claims)
        a.next_claim.triggered.connect(lambda: self.claims_pane.step(1))
        a.previous_claim.triggered.connect(lambda: self.claims_pane.step(-1))
        for status, action in a.status.items():
            action.triggered.connect(lambda _c=False, s=status: self.set_status(s))
        a.set_verdict.triggered.connect(self.verdict_editor.focus_rating)
        a.add_source.triggered.connect(self.ask_add_source)
        a.rematch.triggered.connect(self.rematch)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)

    def _update_actions(self) -> None:
        a = self.actions_
        has_claim = self.claims_pane.current_claim_id() is not None
        for action in (
            a.edit_claim,
            a.delete_claim,
            a.set_verdict,
            a.add_source,
            *a.status.values(),
        ):
            action.setEnabled(has_claim)
        a.split_claim.setEnabled(has_claim)
        a.merge_claims.setEnabled(has_claim and len(self.claims) > 1)
        a.export_article.setEnabled(self.article is not None)
        a.new_claim.setEnabled(
            self.article is not None and self.article_view.selected_span() is not None
        )
        a.rematch.setEnabled(bool(self.claims))

    def undo_or_redo(self, redo: bool) -> None:
        """Edit › Undo/Redo. What is still being typed in the verdict editor is saved first,
        so undo takes back *that*, never silently an older edit of another claim."""
        focus = QApplication.focusWidget()
        typing = focus if focus is not None and self.verdict_editor.isAncestorOf(focus) else None
        self.verdict_editor.commit_pending()
        if typing is not None:
            typing.clearFocus()  # a focused field keeps its text; it must show the undone one
        stack = self.session.undo_stack
        stack.redo() if redo else stack.undo()
        if typing is not None:
            typing.setFocus()

    # -- claims -------------------------------------------------------------------------

    @Slot(int, dict)
    def edit_claim(self, claim_id: int, changes: dict) -> None:
        if changes:
            ids = [int(c.id) for c in self.claims]
            number = ids.index(claim_id) + 1 if claim_id in ids else None
            text = _edit_text(number, changes)
            self.session.push(ops.EditClaim(self.session, claim_id, changes, text))

    def set_status(self, status: str) -> None:
        for claim_id in self.claims_pane.selected_claim_ids() or [
            self.claims_pane.current_claim_id()
        ]:
            if claim_id is not None:
                self.edit_claim(claim_id, {"status": status})

    def new_claim_from_selection(self) -> None:
        span = self.article_view.selected_span()
        if span is None:
            self.show_error(self.tr("Select some text of the article first."))
            return
        self.new_claim_from_span(*span)

    @Slot(int, int)
    def new_claim_from_span(self, start: int, end: int) -> None:
        if self.article is None:
            return
        same = next((c for c in self.claims if (c.start, c.end) == (start, end)), None)
        if same is not None:  # a second claim on the same words would be a duplicate
            self.claims_pane.select_claim(int(same.id))
            number = self.claims.index(same) + 1
            self.show_message(
                self.tr("This text is already claim %1: selected it.").replace("%1", str(number))
            )
            return
        text = self.article.text[start:end]
        fields: dict[str, Any] = {
            "text": text,
            "article_id": int(self.article.id),
            "start": start,
            "end": end,
            "lang": self.article.lang,
            "origin": "manual",
        }
        fields.update(_described(self.article.text, start, end, self.article.lang))
        command = ops.AddClaim(self.session, fields)
        if self.session.push(command):
            self._pending_select = command.claim_id

    def edit_claim_text(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Edit claim"), self.tr("Wording of the claim:"), claim.text
        )
        if ok and text.strip() and text.strip() != claim.text:
            self.edit_claim(int(claim.id), {"text": text.strip()})

    def split_current_claim(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        cursor = self.article_view.textCursor()
        at = self.article_view._from_qt(cursor.position())
        self._pending_select = int(claim.id)
        self.session.push(ops.SplitClaim(self.session, int(claim.id), at))

    def merge_current_claims(self) -> None:
        ids = self.claims_pane.selected_claim_ids()
        if len(ids) < 2:
            claim = self.current_claim()
            if claim is None:
                return
            position = [c.id for c in self.claims].index(claim.id)
            if position + 1 >= len(self.claims):
                self.show_error(self.tr("This is the last claim: nothing to merge it with."))
                return
            ids = [int(claim.id), int(self.claims[position + 1].id)]
        if len(ids) > 2:
            self.show_error(self.tr("Select two claims to merge."))
            return
        self._pending_select = ids[0]
        self.session.push(ops.MergeClaims(self.session, ids[0], ids[1]))

    def delete_current_claims(self) -> None:
        ids = self.claims_pane.selected_claim_ids()
        if not ids and self.claims_pane.current_claim_id() is not None:
            ids = [self.claims_pane.current_claim_id()]
        if not ids:
            return
        self._pending_select = _neighbour(self.claims, set(ids))
        stack = self.session.undo_stack
        if len(ids) > 1:
            stack.beginMacro(self.tr("Delete %n claim(s)", "", len(ids)))
        for claim_id in ids:
            self.session.push(ops.DeleteClaim(self.session, claim_id))
        if len(ids) > 1:
            stack.endMacro()

    # -- sources and links --------------------------------------------------------------

    def ask_add_source(self) -> None:
        self.tabs.setCurrentWidget(self.sources_pane)
        self.sources_pane.open_add_form()

    @Slot(int, dict)
    def add_source(self, claim_id: int, fields: dict) -> None:
        self.session.push(ops.AddSource(self.session, claim_id, fields))

    @Slot(int, dict)
    def edit_source(self, link_id: int, changes: dict) -> None:
        if changes:
            self.session.push(ops.EditSource(self.session, link_id, changes))

    @Slot(int)
    def remove_source(self, link_id: int) -> None:
        self.session.push(ops.RemoveSource(self.session, link_id))

    @Slot(int)
    def archive_source(self, link_id: int) -> None:
        """Save the source's page on the Wayback Machine, in the background."""
        from ui.jobs import archive_source

        link = sources_store.get_claim_source(self.session.db, link_id)
        claim_id = int(link.claim_id)

        def done(kept: Any) -> None:
            self.session.sources_changed.emit(claim_id)
            message = _preserved_text(kept)
            if kept.snapshot_error or kept.archive_error:
                self.show_error(message)
            else:
                self.show_message(message, 10000)

        self.session.runner.start(
            f"archive:{link.source.id}",
            archive_source,
            int(link.source.id),
            label=self.tr("Saving the source's page (local copy and Wayback Machine)…"),
            on_result=done,
        )

    @Slot(list)
    def import_factchecks(self, results: list) -> None:
        """Add fact-checks found online to the archive, then search earlier checks again."""
        from ui.jobs import import_factchecks

        def done(report: Any) -> None:
            self.show_message(
                self.tr("Imported %1 fact-check(s), %2 already known or skipped.")
                .replace("%1", str(report.imported))
                .replace("%2", str(report.skipped))
            )
            self.rematch()

        self.session.runner.start(
            "import",
            import_factchecks,
            list(results),
            label=self.tr("Importing fact-checks…"),
            on_result=done,
        )

    @Slot(int, str, object)
    def set_link(self, other_id: int, kind: str, score: object) -> None:
        claim_id = self.claims_pane.current_claim_id()
        if claim_id is not None:
            value = float(score) if isinstance(score, int | float) else None
            self.session.push(ops.SetLink(self.session, claim_id, other_id, kind, value))

    @Slot(str)
    def open_url_in_browser(self, url: str) -> None:
        qurl = QUrl(url)
        if qurl.scheme().lower() not in ("http", "https"):
            self.show_error(self.tr("Only http(s) links are opened: %1").replace("%1", url))
            return
        if not QDesktopServices.openUrl(qurl):
            self.show_error(self.tr("Could not open %1 in the browser").replace("%1", url))


def _preserved_text(kept: Any) -> str:
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


def _describe(action: QAction, template: str, text: str) -> None:
    """Name the edit that Undo/Redo would take back, in its tooltip and status tip."""
    tip = template.replace("%1", text) if text else ""
    action.setToolTip(tip or action.text().replace("&", ""))
    action.setStatusTip(tip)


def _neighbour(claims: list[Claim], removed: set[int]) -> int | None:
    """The claim to select once ``removed`` are gone: the next one, else the previous one."""
    positions = [i for i, claim in enumerate(claims) if claim.id in removed]
    if not positions:
        return None
    after = [c for c in claims[positions[-1] + 1 :] if c.id not in removed]
    before = [c for c in claims[: positions[0]] if c.id not in removed]
    if after:
        return int(after[0].id)
    return int(before[-1].id) if before else None


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
