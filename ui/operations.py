"""Undoable edits: each QUndoCommand is plain data plus its inverse, over ``app.storage``.

One user action is one command, and each direction (apply, undo, redo) is one storage
call, hence one transaction, saved at once. Commands tell the session what changed so
each pane refreshes only what it shows.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.domain import ClaimSource
from app.errors import UserError
from app.storage import claims as claims_store
from app.storage import links as links_store
from app.storage import sources as sources_store
from app.storage import splits as splits_store
from ui.database import ArchiveSession
from ui.i18n import user_message

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


class StorageCommand(QUndoCommand):
    """Base: ``apply`` runs once before the push; the stack's first ``redo`` is skipped."""

    def __init__(self, session: ArchiveSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._applied_once = False

    def apply(self) -> None:
        self._do()
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, step: Any) -> None:
        # Undo/redo run inside Qt's stack: a refused step becomes a message, not a crash.
        try:
            step()
        except UserError as exc:
            self.session.error_raised.emit(user_message(exc))

    def _do(self) -> None:
        raise NotImplementedError

    def _redo(self) -> None:
        self._do()

    def _undo(self) -> None:
        raise NotImplementedError


class FieldEdit(StorageCommand):
    """Base of edits that set fields: ``_do`` records ``before`` and writes ``changes``;
    redo writes ``changes`` again, undo writes ``before`` back."""

    changes: dict[str, Any]
    before: dict[str, Any]

    def _redo(self) -> None:
        self._write(self.changes)

    def _undo(self) -> None:
        self._write(self.before)

    def _write(self, values: dict[str, Any]) -> None:
        raise NotImplementedError


class EditClaim(FieldEdit):
    """Change some fields of a claim (status, verdict, notes, text…)."""

    def __init__(
        self, session: ArchiveSession, claim_id: int, changes: dict[str, Any], text: str = ""
    ) -> None:
        super().__init__(session, text or tr("Edit claim"))
        self.claim_id = claim_id
        self.changes = dict(changes)
        self.before: dict[str, Any] = {}

    def _do(self) -> None:
        current = self.session.claim(self.claim_id)
        self.before = {name: getattr(current, name) for name in self.changes}
        self._write(self.changes)

    def _write(self, values: dict[str, Any]) -> None:
        claim = claims_store.update_claim(self.session.db, self.claim_id, **values)
        self.session.claim_changed.emit(claim)
        if {"start", "end"} & values.keys() and claim.article_id is not None:
            self.session.claims_restructured.emit(claim.article_id)


class AddClaim(StorageCommand):
    """A new claim, e.g. from a selection in the article."""

    def __init__(self, session: ArchiveSession, fields: dict[str, Any]) -> None:
        super().__init__(session, tr("New claim"))
        self.fields = dict(fields)
        self.claim_id: int | None = None
        self._snapshot: claims_store.ClaimSnapshot | None = None

    def _do(self) -> None:
        claim = claims_store.add_claim(self.session.db, **self.fields)
        self.claim_id = claim.id
        self._notify(claim.article_id)

    def _redo(self) -> None:
        assert self._snapshot is not None
        claim = claims_store.restore_claim(self.session.db, self._snapshot)
        self._notify(claim.article_id)

    def _undo(self) -> None:
        assert self.claim_id is not None
        self._snapshot = claims_store.delete_claim(self.session.db, self.claim_id)
        self._notify(self._snapshot.row.get("article_id"))

    def _notify(self, article_id: int | None) -> None:
        if article_id is not None:
            self.session.claims_restructured.emit(article_id)


class DeleteClaim(StorageCommand):
    """Delete a claim with its sources and links (undo puts them all back)."""

    def __init__(self, session: ArchiveSession, claim_id: int) -> None:
        super().__init__(session, tr("Delete claim"))
        self.claim_id = claim_id
        self._snapshot: claims_store.ClaimSnapshot | None = None

    def _do(self) -> None:
        self._snapshot = claims_store.delete_claim(self.session.db, self.claim_id)
        article_id = self._snapshot.row.get("article_id")
        if article_id is not None:
            self.session.claims_restructured.emit(article_id)

    def _undo(self) -> None:
        assert self._snapshot is not None
        claim = claims_store.restore_claim(self.session.db, self._snapshot)
        if claim.article_id is not None:
            self.session.claims_restructured.emit(claim.article_id)


class SplitClaim(StorageCommand):
    """Cut a claim in two at an offset of its article (redo keeps the second claim's id)."""

    def __init__(self, session: ArchiveSession, claim_id: int, at: int) -> None:
        super().__init__(session, tr("Split claim"))
        self.claim_id = claim_id
        self.at = at
        self._undo_data: splits_store.SplitUndo | None = None
        self._second: claims_store.ClaimSnapshot | None = None

    def _do(self) -> None:
        first, _second, self._undo_data = splits_store.split_claim(
            self.session.db, self.claim_id, self.at
        )
        self._notify(first.article_id)

    def _redo(self) -> None:
        assert self._undo_data is not None and self._second is not None
        claim = splits_store.resplit_claim(self.session.db, self._undo_data, self._second)
        self._notify(claim.article_id)

    def _undo(self) -> None:
        assert self._undo_data is not None
        claim, self._second = splits_store.unsplit_claim(self.session.db, self._undo_data)
        self._notify(claim.article_id)

    def _notify(self, article_id: int | None) -> None:
        if article_id is not None:
            self.session.claims_restructured.emit(article_id)


class MergeClaims(StorageCommand):
    """Join a claim with the next one (their sources go to the merged claim)."""

    def __init__(self, session: ArchiveSession, claim_id: int, other_id: int) -> None:
        super().__init__(session, tr("Merge claims"))
        self.claim_id = claim_id
        self.other_id = other_id
        self._undo_data: splits_store.MergeUndo | None = None

    def _do(self) -> None:
        merged, self._undo_data = splits_store.merge_claims(
            self.session.db, self.claim_id, self.other_id
        )
        if merged.article_id is not None:
            self.session.claims_restructured.emit(merged.article_id)

    def _undo(self) -> None:
        assert self._undo_data is not None
        claim = splits_store.unmerge_claims(self.session.db, self._undo_data)
        if claim.article_id is not None:
            self.session.claims_restructured.emit(claim.article_id)


class AddSource(StorageCommand):
    def __init__(self, session: ArchiveSession, claim_id: int, fields: dict[str, Any]) -> None:
        super().__init__(session, tr("Add source"))
        self.claim_id = claim_id
        self.fields = dict(fields)
        self._link: ClaimSource | None = None

    def _do(self) -> None:
        fields = dict(self.fields)
        url = str(fields.pop("url", "") or "")
        self._link = sources_store.add_source(self.session.db, self.claim_id, url=url, **fields)
        self.session.sources_changed.emit(self.claim_id)

    def _redo(self) -> None:
        assert self._link is not None
        self._link = sources_store.restore_claim_source(self.session.db, self._link)
        self.session.sources_changed.emit(self.claim_id)

    def _undo(self) -> None:
        assert self._link is not None
        self._link = sources_store.remove_claim_source(self.session.db, self._link.id)
        self.session.sources_changed.emit(self.claim_id)


class EditSource(FieldEdit):
    def __init__(self, session: ArchiveSession, link_id: int, changes: dict[str, Any]) -> None:
        super().__init__(session, tr("Edit source"))
        self.link_id = link_id
        self.changes = dict(changes)
        self.before: dict[str, Any] = {}
        self.claim_id: int | None = None

    def _do(self) -> None:
        current = sources_store.get_claim_source(self.session.db, self.link_id)
        self.claim_id = current.claim_id
        self.before = {
            name: getattr(current if hasattr(current, name) else current.source, name)
            for name in self.changes
        }
        self._write(self.changes)

    def _write(self, values: dict[str, Any]) -> None:
        link = sources_store.update_claim_source(self.session.db, self.link_id, **values)
        self.session.sources_changed.emit(link.claim_id)


class RemoveSource(StorageCommand):
    def __init__(self, session: ArchiveSession, link_id: int) -> None:
        super().__init__(session, tr("Remove source"))
        self.link_id = link_id
        self._removed: ClaimSource | None = None

    def _do(self) -> None:
        self._removed = sources_store.remove_claim_source(self.session.db, self.link_id)
        self.session.sources_changed.emit(self._removed.claim_id)

    def _undo(self) -> None:
        assert self._removed is not None
        link = sources_store.restore_claim_source(self.session.db, self._removed)
        self.session.sources_changed.emit(link.claim_id)


class SetLink(StorageCommand):
    """Confirm ("same") or dismiss ("not_same") an earlier check for a claim."""

    def __init__(
        self,
        session: ArchiveSession,
        claim_id: int,
        other_id: int,
        kind: str,
        score: float | None = None,
    ) -> None:
        text = tr("Confirm same claim") if kind == "same" else tr("Dismiss earlier check")
        super().__init__(session, text)
        self.claim_id = claim_id
        self.other_id = other_id
        self.kind = kind
        self.score = score
        self._before: tuple[str, float | None] | None = None

    def _do(self) -> None:
        previous = [
            link
            for link in self.session.links_of(self.claim_id)
            if link.other_claim_id == self.other_id
        ]
        self._before = (previous[0].kind, previous[0].score) if previous else None
        self._redo()

    def _redo(self) -> None:
        links_store.set_claim_link(
            self.session.db, self.claim_id, self.other_id, self.kind, self.score
        )
        self.session.links_changed.emit(self.claim_id)

    def _undo(self) -> None:
        if self._before is None:
            links_store.remove_claim_link(self.session.db, self.claim_id, self.other_id)
        else:
            links_store.set_claim_link(self.session.db, self.claim_id, self.other_id, *self._before)
        self.session.links_changed.emit(self.claim_id)
