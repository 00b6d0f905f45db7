"""Edits of claims: their fields, adding and deleting them, splitting and merging them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.changes import Changes, ids
from app.edits.base import Edit, frozen_mapping
from app.storage import claims as claims_store
from app.storage import splits as splits_store


@dataclass(frozen=True, slots=True)
class EditClaim(Edit):
    """Set some fields of a claim (status, verdict, notes, wording, span…)."""

    claim_id: int
    changes: Mapping[str, Any]
    # What the claim must still hold for this edit to apply (set on inverses: an undo or redo
    # after someone else changed the same fields is refused, never a silent overwrite).
    expected: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", frozen_mapping(self.changes))
        if self.expected is not None:
            object.__setattr__(self, "expected", frozen_mapping(self.expected))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        unknown = set(self.changes) - claims_store.EDITABLE_FIELDS
        if unknown:
            raise ValueError(f"not editable claim fields: {sorted(unknown)}")
        current = claims_store.get_claim(db, self.claim_id)
        values = dict(self.changes)
        if "text" in values and "checkworthiness" not in values:  # reworded: score it again
            values.update(rescored(str(values["text"]), current.lang))
        before = {name: getattr(current, name) for name in values}
        claim = claims_store.update_claim(db, self.claim_id, expected=self.expected, **values)
        after = {name: getattr(claim, name) for name in values}
        moved = {"start", "end"} & self.changes.keys()
        changes = Changes(
            claims=ids(claim.id), claim_lists=ids(claim.article_id) if moved else frozenset()
        )
        return EditClaim(self.claim_id, before, expected=after), changes


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
        object.__setattr__(self, "fields", frozen_mapping(self.fields))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        fields = dict(self.fields)
        if "checkworthiness" not in fields and "text" in fields:  # typed, not analysed: score it
            fields = {**rescored(str(fields["text"]), fields.get("lang")), **fields}
        claim = claims_store.add_claim(db, **fields)
        created = ids(claim.id)
        changes = Changes(claims=created, created_claims=created, claim_lists=ids(claim.article_id))
        return DeleteClaim(int(claim.id)), changes


def rescored(text: str, lang: str | None) -> dict[str, Any]:
    """Check-worthiness, reasons and statement of a claim's own words (added or reworded)."""
    from app.text.claims import rescore

    candidate = rescore(text, lang or "fr")
    return {
        "checkworthiness": candidate.checkworthiness,
        "reasons": list(candidate.reasons),
        "statement": candidate.statement,
    }


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
