"""Claim links: the checker's decision that two claims are (or are not) the same."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.domain import ClaimId, ClaimLink
from app.errors import UserError
from app.storage.rows import fetch_dicts

LINK_KINDS = ("same", "not_same")


def _link(row: dict[str, Any]) -> ClaimLink:
    return ClaimLink(
        id=row["id"],
        claim_id=ClaimId(row["claim_id"]),
        other_claim_id=ClaimId(row["other_claim_id"]),
        kind=row["kind"],
        score=row["score"],
    )


def set_claim_link(
    db: Database, claim_id: int, other_claim_id: int, kind: str, score: float | None = None
) -> ClaimLink:
    """Record (or change) the decision about *claim_id* and an earlier *other_claim_id*."""
    if kind not in LINK_KINDS:
        raise UserError(f"unknown link kind {kind!r}")
    if claim_id == other_claim_id:
        raise UserError("a claim cannot be linked to itself")
    with db.atomic():
        db.execute(
            "INSERT INTO claim_links(claim_id, other_claim_id, kind, score) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(claim_id, other_claim_id) DO UPDATE SET kind = excluded.kind,"
            " score = excluded.score",
            [claim_id, other_claim_id, kind, score],
        )
    rows = fetch_dicts(
        db.conn,
        "SELECT * FROM claim_links WHERE claim_id = ? AND other_claim_id = ?",
        [claim_id, other_claim_id],
    )
    return _link(rows[0])


def remove_claim_link(db: Database, claim_id: int, other_claim_id: int) -> None:
    with db.atomic():
        db.execute(
            "DELETE FROM claim_links WHERE claim_id = ? AND other_claim_id = ?",
            [claim_id, other_claim_id],
        )


def links_of_claim(db: Database, claim_id: int) -> list[ClaimLink]:
    rows = fetch_dicts(
        db.conn, "SELECT * FROM claim_links WHERE claim_id = ? ORDER BY id", [claim_id]
    )
    return [_link(row) for row in rows]
