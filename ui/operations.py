"""The undo stack's one command: an ``app.edits`` edit and its inverse, applied by the session.

``redo`` applies the edit waiting to be applied, ``undo`` its inverse; each returns the next
inverse, so redo after undo is just ``apply`` again (``app.edits`` keeps ids). A refused step
(a ``UserError``, a locked archive) marks the command obsolete, and Qt drops it: from
``QUndoStack.push`` instead of stacking it, from ``undo``/``redo`` by removing it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app import edits
from app.changes import Changes

if TYPE_CHECKING:
    from ui.database import ArchiveSession

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


@dataclass(slots=True)
class Outcome:
    """What the last step of a command did; a plain object, readable after Qt dropped it."""

    changes: Changes = field(default_factory=Changes)
    refused: bool = False
    bug: BaseException | None = None


class EditCommand(QUndoCommand):
    """One undoable step holding plain data: the edit to apply next and its inverse."""

    def __init__(self, session: ArchiveSession, edit: edits.Edit, text: str = "") -> None:
        super().__init__(text or tr("Edit"))
        self.session = session
        self.edit = edit
        self._next: edits.Edit = edit
        self._back: edits.Edit | None = None
        self.outcome = Outcome()
        self._pushed = False

    @property
    def changes(self) -> Changes:
        """What the last step changed (e.g. ``created_claims`` after adding a claim)."""
        return self.outcome.changes

    def redo(self) -> None:
        first = not self._pushed
        self._pushed = True
        inverse = self._step(self._next, first=first)
        if inverse is not None:
            self._back = inverse

    def undo(self) -> None:
        assert self._back is not None
        inverse = self._step(self._back, first=False)
        if inverse is not None:
            self._next = inverse

    def _step(self, edit: edits.Edit, *, first: bool) -> edits.Edit | None:
        # Qt calls redo/undo from C++: an exception would leave a half-done step on the stack,
        # so it is kept in the outcome (re-raised by ``ArchiveSession.push``) instead.
        try:
            inverse, self.outcome.changes = self.session.apply(edit)
        except BaseException as exc:
            # The step was rolled back, so the archive is as before it; a command left on the
            # stack would now undo or redo the wrong thing (redo a claim's creation twice,
            # say). Obsolete, Qt drops it: what was saved stays saved, nothing goes wrong later.
            self.setObsolete(True)
            if not self.session.report_refusal(exc):
                if not first:
                    raise
                self.outcome.bug = exc
            self.outcome.refused = True
            return None
        self.outcome.refused = False
        return inverse


# The window's former per-kind commands, as thin constructors of ``EditCommand``; the window
# builds edits itself once it moves to ``ArchiveSession.push_edit``.


def EditClaim(
    session: ArchiveSession, claim_id: int, changes: dict[str, Any], text: str = ""
) -> EditCommand:
    return EditCommand(session, edits.EditClaim(claim_id, changes), text or tr("Edit claim"))


class AddClaim(EditCommand):
    """A new claim; ``claim_id`` is its id once pushed."""

    def __init__(self, session: ArchiveSession, fields: dict[str, Any]) -> None:
        super().__init__(session, edits.AddClaim(fields), tr("New claim"))

    @property
    def claim_id(self) -> int | None:
        return next(iter(self.changes.created_claims), None)


def DeleteClaim(session: ArchiveSession, claim_id: int) -> EditCommand:
    return EditCommand(session, edits.DeleteClaim(claim_id), tr("Delete claim"))


def SplitClaim(session: ArchiveSession, claim_id: int, at: int) -> EditCommand:
    return EditCommand(session, edits.SplitClaim(claim_id, at), tr("Split claim"))


def MergeClaims(session: ArchiveSession, claim_id: int, other_id: int) -> EditCommand:
    return EditCommand(session, edits.MergeClaims(claim_id, other_id), tr("Merge claims"))


def AddSource(session: ArchiveSession, claim_id: int, fields: dict[str, Any]) -> EditCommand:
    return EditCommand(session, edits.AddSource(claim_id, fields), tr("Add source"))


def EditSource(session: ArchiveSession, link_id: int, changes: dict[str, Any]) -> EditCommand:
    return EditCommand(session, edits.EditSource(link_id, changes), tr("Edit source"))


def RemoveSource(session: ArchiveSession, link_id: int) -> EditCommand:
    return EditCommand(session, edits.RemoveSource(link_id), tr("Remove source"))


def SetLink(
    session: ArchiveSession, claim_id: int, other_id: int, kind: str, score: float | None = None
) -> EditCommand:
    text = tr("Confirm same claim") if kind == "same" else tr("Dismiss earlier check")
    return EditCommand(session, edits.SetLink(claim_id, other_id, kind, score), text)
