"""The base of every edit, ``apply`` (one edit, one transaction), and ``Compound``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from app.changes import Changes


class Edit:
    """Base of every edit; subclasses are frozen dataclasses."""

    __slots__ = ()

    def run(self, db: Database) -> tuple[Edit, Changes]:
        """Make the change (inside the transaction ``apply`` opened); return the inverse."""
        raise NotImplementedError


def apply(db: Database, edit: Edit) -> tuple[Edit, Changes]:
    """Apply ``edit`` in one transaction: all of it is saved, or none of it."""
    with db.atomic():
        return edit.run(db)


def frozen_mapping(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


@dataclass(frozen=True, slots=True)
class Compound(Edit):
    """Several edits as one (one transaction, one undo step): e.g. delete three claims."""

    edits: tuple[Edit, ...]

    def run(self, db: Database) -> tuple[Edit, Changes]:
        inverses: list[Edit] = []
        total = Changes()
        for edit in self.edits:
            inverse, changes = edit.run(db)
            inverses.append(inverse)
            total = total | changes
        return Compound(tuple(reversed(inverses))), total
