"""A checker's edits as plain data: ``apply(db, edit)`` runs one in one transaction.

Each edit returns its inverse (another edit) and the ``Changes`` it made, so undo and redo
are just ``apply`` again, testable without Qt, and shared by the window's undo stack and
``crible edit``. Inverses keep ids: undoing a delete puts the claim back under its old id,
so later edits of it can still be redone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from app.changes import Changes, ids
from app.domain import ClaimLink, ClaimSource
from app.storage import claims as claims_store
from app.storage import links as links_store
from app.storage import sources as sources_store
from app.storage import splits as splits_store


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


def _frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


# -- claims -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EditClaim(Edit):
    """Set some fields of a claim (status, verdict, notes, wording, span…)."""

    claim_id: int
    changes: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", _frozen(self.changes))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        unknown = set(self.changes) - claims_store.EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not editable claim fields: {sorted(unknown)}")
        current = claims_store.get_claim(db, self.claim_id)
        before = {name: getattr(current, name) for name in self.changes}
        claim = claims_store.update_claim(db, self.claim_id, **self.changes)
        moved = {"start", "end"} & self.changes.keys()
        changes = Changes(
            claims=ids(claim.id), claim_lists=ids(claim.article_id) if moved else frozenset()
        )
        return EditClaim(self.claim_id, before), changes


def set_status(claim_id: int, status: str) -> EditClaim:
    return EditClaim(claim_id, {"status": status})


def set_verdict(claim_id: int, level_id: int | None, text: str | None = None) -> EditClaim:
    """The verdict on the team's scale (None: no verdict), and its wording when given."""
    values: dict[str, Any] = {"verdict_level_id": level_id}
    if text is not None:
        values["verdict_text"] = text
    return EditClaim(claim_id, values)


def set_note(claim_id: int, notes: str) -> EditClaim:
    return EditClaim(claim_id, {"notes": notes})


def reword_claim(claim_id: int, text: str) -> EditClaim:
    return EditClaim(claim_id, {"text": text})


@dataclass(frozen=True, slots=True)
class AddClaim(Edit):
    """A new claim, e.g. a span of the article the checker picked by hand."""

    fields: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claim = claims_store.add_claim(db, **self.fields)
        created = ids(claim.id)
        changes = Changes(claims=created, created_claims=created, claim_lists=ids(claim.article_id))
        return DeleteClaim(int(claim.id)), changes


def _linked_claims(snapshot: claims_store.ClaimSnapshot) -> frozenset[int]:
    """The claims whose links name the claim of ``snapshot`` (they change with it)."""
    rows = snapshot.related.get("claim_links", [])
    return frozenset(int(row[key]) for row in rows for key in ("claim_id", "other_claim_id"))


@dataclass(frozen=True, slots=True)
class DeleteClaim(Edit):
    """Delete a claim with its sources, links and reviews (the inverse puts them back)."""

    claim_id: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        snapshot = claims_store.delete_claim(db, self.claim_id)
        changes = Changes(
            claim_lists=ids(snapshot.row.get("article_id")),
            links=_linked_claims(snapshot) - {self.claim_id},
        )
        return RestoreClaim(snapshot), changes


@dataclass(frozen=True, slots=True)
class RestoreClaim(Edit):
    """Put a deleted claim back as it was, under the same id."""

    snapshot: claims_store.ClaimSnapshot

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claim = claims_store.restore_claim(db, self.snapshot)
        created = ids(claim.id)
        changes = Changes(
            claims=created,
            created_claims=created,
            claim_lists=ids(claim.article_id),
            links=_linked_claims(self.snapshot),
            sources=created,
        )
        return DeleteClaim(int(claim.id)), changes


@dataclass(frozen=True, slots=True)
class SplitClaim(Edit):
    """Cut an article claim in two at article offset ``at``."""

    claim_id: int
    at: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        first, second, undo = splits_store.split_claim(db, self.claim_id, self.at)
        changes = Changes(
            claims=ids(first.id, second.id),
            created_claims=ids(second.id),
            claim_lists=ids(first.article_id),
        )
        return UnsplitClaim(undo), changes


@dataclass(frozen=True, slots=True)
class UnsplitClaim(Edit):
    undo: splits_store.SplitUndo

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claim, second = splits_store.unsplit_claim(db, self.undo)
        changes = Changes(claims=ids(claim.id), claim_lists=ids(claim.article_id))
        return ResplitClaim(self.undo, second), changes


@dataclass(frozen=True, slots=True)
class ResplitClaim(Edit):
    """Split again as before, with the same id for the second part."""

    undo: splits_store.SplitUndo
    second: claims_store.ClaimSnapshot

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claim = splits_store.resplit_claim(db, self.undo, self.second)
        changes = Changes(
            claims=ids(claim.id, self.undo.second_id),
            created_claims=ids(self.undo.second_id),
            claim_lists=ids(claim.article_id),
        )
        return UnsplitClaim(self.undo), changes


@dataclass(frozen=True, slots=True)
class MergeClaims(Edit):
    """Extend a claim over another of the same article; its sources move to the first."""

    claim_id: int
    other_id: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        merged, undo = splits_store.merge_claims(db, self.claim_id, self.other_id)
        changes = Changes(
            claims=ids(merged.id),
            claim_lists=ids(merged.article_id),
            sources=ids(merged.id),
            links=_linked_claims(undo.absorbed) - {self.other_id},
        )
        return UnmergeClaims(undo), changes


@dataclass(frozen=True, slots=True)
class UnmergeClaims(Edit):
    undo: splits_store.MergeUndo

    def run(self, db: Database) -> tuple[Edit, Changes]:
        claim = splits_store.unmerge_claims(db, self.undo)
        other_id = int(self.undo.absorbed.row["id"])
        changes = Changes(
            claims=ids(claim.id, other_id),
            created_claims=ids(other_id),
            claim_lists=ids(claim.article_id),
            sources=ids(claim.id, other_id),
            links=_linked_claims(self.undo.absorbed),
        )
        return MergeClaims(self.undo.claim_id, other_id), changes


# -- sources ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddSource(Edit):
    """Attach an http(s) page to a claim as evidence (``fields``: url, stance, excerpt…)."""

    claim_id: int
    fields: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))

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
        object.__setattr__(self, "changes", _frozen(self.changes))

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


# -- several at once ----------------------------------------------------------------------


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
