"""A checker's edits as plain data: ``apply(db, edit)`` runs one in one transaction.

Each edit returns its inverse (another edit) and the ``Changes`` it made, so undo and redo
are just ``apply`` again, testable without Qt, and shared by the window's undo stack and
``crible edit``. Inverses keep ids: undoing a delete puts the claim back under its old id,
so later edits of it can still be redone.
"""

from app.changes import Changes
from app.edits.base import Compound, Edit, apply
from app.edits.claims import (
    AddClaim,
    DeleteClaim,
    EditClaim,
    MergeClaims,
    ResplitClaim,
    RestoreClaim,
    SplitClaim,
    UnmergeClaims,
    UnsplitClaim,
    reword_claim,
    set_note,
    set_status,
    set_verdict,
)
from app.edits.settings import SaveSettings
from app.edits.sources import (
    AddSource,
    EditSource,
    RemoveLink,
    RemoveSource,
    RestoreSource,
    SetLink,
)

__all__ = [
    "AddClaim",
    "AddSource",
    "Changes",
    "Compound",
    "DeleteClaim",
    "Edit",
    "EditClaim",
    "EditSource",
    "MergeClaims",
    "RemoveLink",
    "RemoveSource",
    "ResplitClaim",
    "RestoreClaim",
    "RestoreSource",
    "SaveSettings",
    "SetLink",
    "SplitClaim",
    "UnmergeClaims",
    "UnsplitClaim",
    "apply",
    "reword_claim",
    "set_note",
    "set_status",
    "set_verdict",
]
