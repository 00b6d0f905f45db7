"""Splitting and merging article claims: the workbench's structural edits, with their undo.

Each edit is one transaction and returns what undo needs (``SplitUndo``, ``MergeUndo``);
undoing and redoing keep claim ids, so later edits of the same claims can be redone too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.domain import Claim
from app.errors import UserError
from app.storage.articles import get_article
from app.storage.claims import (
    ClaimSnapshot,
    delete_claim,
    get_claim,
    insert_claim_row,
    restore_claim,
    update_claim,
)


@dataclass(frozen=True, slots=True)
class SplitUndo:
    """What ``unsplit_claim`` needs to put a split claim back as it was (and ``resplit_claim``
    to split it again with the same second claim id, so later edits of it can be redone)."""

    claim_id: int
    text: str
    end: int
    second_id: int
    first_text: str = ""
    first_end: int = 0


@dataclass(frozen=True, slots=True)
class MergeUndo:
    """What ``unmerge_claims`` needs: the survivor's old span and the absorbed claim."""

    claim_id: int
    text: str
    start: int
    end: int
    absorbed: ClaimSnapshot
    moved_link_ids: tuple[int, ...]


def _article_span(db: Database, claim: Claim) -> str:
    if claim.article_id is None or claim.start is None or claim.end is None:
        raise UserError("only claims of an article can be split or merged")
    return get_article(db, claim.article_id).text


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_claim(db: Database, claim_id: int, at: int) -> tuple[Claim, Claim, SplitUndo]:
    """Cut an article claim at article offset *at*: it keeps the first part and its sources."""
    claim = get_claim(db, claim_id)
    text = _article_span(db, claim)
    assert claim.start is not None and claim.end is not None
    if not claim.start < at < claim.end:
        raise UserError("split the claim at a point inside its text")
    first = _trimmed(text, claim.start, at)
    second = _trimmed(text, at, claim.end)
    if first[0] == first[1] or second[0] == second[1]:
        raise UserError("split the claim at a point inside its text")
    with db.atomic():
        update_claim(db, claim_id, text=text[first[0] : first[1]], end=first[1])
        second_id = insert_claim_row(
            db,
            text=text[second[0] : second[1]],
            article_id=claim.article_id,
            start=second[0],
            end=second[1],
            lang=claim.lang,
            origin=claim.origin,
            status=claim.status,
            checkworthiness=claim.checkworthiness,
            reasons=list(claim.reasons),
            speaker=claim.speaker,
            claimant=claim.claimant,
            claim_date=claim.claim_date,
        )
    undo = SplitUndo(
        claim_id=claim_id,
        text=claim.text,
        end=claim.end,
        second_id=second_id,
        first_text=text[first[0] : first[1]],
        first_end=first[1],
    )
    return get_claim(db, claim_id), get_claim(db, second_id), undo


def unsplit_claim(db: Database, undo: SplitUndo) -> tuple[Claim, ClaimSnapshot]:
    """Undo ``split_claim``; the snapshot of the second part lets ``resplit_claim`` redo it."""
    with db.atomic():
        second = delete_claim(db, undo.second_id)
        return update_claim(db, undo.claim_id, text=undo.text, end=undo.end), second


def resplit_claim(db: Database, undo: SplitUndo, second: ClaimSnapshot) -> Claim:
    with db.atomic():
        claim = update_claim(db, undo.claim_id, text=undo.first_text, end=undo.first_end)
        restore_claim(db, second)
    return claim


def merge_claims(db: Database, claim_id: int, other_id: int) -> tuple[Claim, MergeUndo]:
    """Extend *claim_id* over *other_id* (same article), taking over its source links."""
    claim, other = get_claim(db, claim_id), get_claim(db, other_id)
    text = _article_span(db, claim)
    _article_span(db, other)
    if claim.article_id != other.article_id or claim_id == other_id:
        raise UserError("only two claims of the same article can be merged")
    assert claim.start is not None and claim.end is not None
    assert other.start is not None and other.end is not None
    start, end = min(claim.start, other.start), max(claim.end, other.end)
    with db.atomic():
        moved = [
            row[0]
            for row in db.execute(
                "SELECT id FROM claim_sources WHERE claim_id = ? AND source_id NOT IN"
                " (SELECT source_id FROM claim_sources WHERE claim_id = ?)",
                [other_id, claim_id],
            ).fetchall()
        ]
        marks = ", ".join("?" * len(moved))
        if moved:
            db.execute(
                f"UPDATE claim_sources SET claim_id = ? WHERE id IN ({marks})", [claim_id, *moved]
            )
        absorbed = delete_claim(db, other_id)
        merged = update_claim(db, claim_id, text=text[start:end], start=start, end=end)
    undo = MergeUndo(claim_id, claim.text, claim.start, claim.end, absorbed, tuple(moved))
    return merged, undo


def unmerge_claims(db: Database, undo: MergeUndo) -> Claim:
    with db.atomic():
        restore_claim(db, undo.absorbed)
        if undo.moved_link_ids:
            marks = ", ".join("?" * len(undo.moved_link_ids))
            db.execute(
                f"UPDATE claim_sources SET claim_id = ? WHERE id IN ({marks})",
                [undo.absorbed.row["id"], *undo.moved_link_ids],
            )
        return update_claim(db, undo.claim_id, text=undo.text, start=undo.start, end=undo.end)
