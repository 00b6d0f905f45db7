"""Edits of a claim's evidence: source links, and same / not-same links to earlier checks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.changes import Changes, ids
from app.domain import ClaimLink, ClaimSource
from app.edits.base import Edit, frozen_mapping
from app.storage import claims as claims_store
from app.storage import links as links_store
from app.storage import sources as sources_store


@dataclass(frozen=True, slots=True)
class AddSource(Edit):
    """Attach an http(s) page to a claim as evidence (``fields``: url, stance, excerpt…)."""

    claim_id: int
    fields: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", frozen_mapping(self.fields))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claims_store.get_claim(db, self.claim_id)  # a missing claim is a message, not a crash
        fields = dict(self.fields)
        url = str(fields.pop("url", "") or "")
        link = sources_store.add_source(db, self.claim_id, url=url, **fields)
        return RemoveSource(int(link.id)), Changes(sources=ids(self.claim_id))


@dataclass(frozen=True, slots=True)
class EditSource(Edit):
    """Change a source link (stance, excerpt…) or its page (title, URL…)."""

    link_id: int
    changes: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", frozen_mapping(self.changes))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        current = sources_store.get_claim_source(db, self.link_id)
        before = {name: _source_value(current, name) for name in self.changes}
        link = sources_store.update_claim_source(db, self.link_id, **self.changes)
        return EditSource(self.link_id, before), Changes(sources=ids(link.claim_id))


def _source_value(link: ClaimSource, name: str) -> Any:
    if name in sources_store.LINK_FIELDS:
        return getattr(link, name)
    if name in sources_store.SOURCE_FIELDS:
        return getattr(link.source, name)
    raise ValueError(f"unknown source field: {name!r}")


@dataclass(frozen=True, slots=True)
class RemoveSource(Edit):
    link_id: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        removed = sources_store.remove_claim_source(db, self.link_id)
        return RestoreSource(removed), Changes(sources=ids(removed.claim_id))


@dataclass(frozen=True, slots=True)
class RestoreSource(Edit):
    """Put a removed source link back, with the same id and fields."""

    removed: ClaimSource

    def run(self, db: Database) -> tuple[Edit, Changes]:
        link = sources_store.restore_claim_source(db, self.removed)
        return RemoveSource(int(link.id)), Changes(sources=ids(link.claim_id))


# -- links to earlier checks --------------------------------------------------------------


def _link_between(db: Database, claim_id: int, other_id: int) -> ClaimLink | None:
    found = [
        link for link in links_store.links_of_claim(db, claim_id) if link.other_claim_id == other_id
    ]
    return found[0] if found else None


def _restoring(claim_id: int, other_id: int, before: ClaimLink | None) -> Edit:
    if before is None:
        return RemoveLink(claim_id, other_id)
    return SetLink(claim_id, other_id, before.kind, before.score)


@dataclass(frozen=True, slots=True)
class SetLink(Edit):
    """Confirm ("same") or dismiss ("not_same") an earlier check for a claim."""

    claim_id: int
    other_id: int
    kind: str
    score: float | None = None

    def run(self, db: Database) -> tuple[Edit, Changes]:
        before = _link_between(db, self.claim_id, self.other_id)
        links_store.set_claim_link(db, self.claim_id, self.other_id, self.kind, self.score)
        return _restoring(self.claim_id, self.other_id, before), Changes(links=ids(self.claim_id))


@dataclass(frozen=True, slots=True)
class RemoveLink(Edit):
    """Forget the decision about a claim and an earlier check."""

    claim_id: int
    other_id: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        before = _link_between(db, self.claim_id, self.other_id)
        links_store.remove_claim_link(db, self.claim_id, self.other_id)
        return _restoring(self.claim_id, self.other_id, before), Changes(links=ids(self.claim_id))
