"""Team sync's local bookkeeping: the state row, the outbox, history, conflicts, assignment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.errors import UserError
from app.storage.rows import fetch_dicts


@dataclass(frozen=True, slots=True)
class SyncState:
    """This archive's link to its team (``enabled`` False: never joined)."""

    enabled: bool
    member: str
    origin: str
    server: str
    last_pulled: int
    last_sync: str | None
    pending: int
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    seq: int
    tbl: str
    gid: str
    op: str
    fields: str
    hlc: int
    author: str
    base_seq: int


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One replicated change of a claim (or of what hangs on it), for its history."""

    server_seq: int
    tbl: str
    op: str
    fields: dict[str, Any]
    author: str
    pushed_at: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two checkers changed one field between syncs: the kept value and the other one."""

    id: int
    tbl: str
    gid: str
    field: str
    kept_value: Any
    kept_author: str
    other_value: Any
    other_author: str
    claim_id: int | None


def sync_state(db: Database) -> SyncState:
    row = fetch_dicts(db.conn, "SELECT * FROM sync_state")[0]
    pending = db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    conflicts = db.execute("SELECT count(*) FROM sync_conflicts WHERE resolved = 0").fetchone()[0]
    return SyncState(
        enabled=bool(row["enabled"]),
        member=row["member"],
        origin=row["origin"],
        server=row["server"],
        last_pulled=row["last_pulled"],
        last_sync=row["last_sync"],
        pending=int(pending),
        open_conflicts=int(conflicts),
    )


def read_outbox(db: Database, limit: int) -> list[OutboxEntry]:
    rows = db.execute(
        "SELECT seq, tbl, gid, op, fields, hlc, author, base_seq FROM sync_outbox"
        " ORDER BY seq LIMIT ?",
        [limit],
    ).fetchall()
    return [OutboxEntry(*row) for row in rows]


def drop_pushed(db: Database, up_to_seq: int) -> None:
    """The server holds these now (committed): forget them locally."""
    with db.atomic():
        db.execute("DELETE FROM sync_outbox WHERE seq <= ?", [up_to_seq])


def mark_synced(db: Database) -> None:
    with db.atomic():
        db.execute("UPDATE sync_state SET last_sync = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")


def claim_gid(db: Database, claim_id: int) -> str | None:
    row = db.execute(
        "SELECT gid FROM sync_rows WHERE tbl = 'claims' AND local_id = ?", [claim_id]
    ).fetchone()
    return None if row is None else str(row[0])


def claim_history(db: Database, claim_id: int) -> list[HistoryEntry]:
    """Who changed what on this claim and when, oldest first (the replicated change log)."""
    gid = claim_gid(db, claim_id)
    if gid is None:
        return []
    # The claim itself, and its source links ("cs:<claim gid>:<source gid>", a range of the index).
    rows = db.execute(
        "SELECT server_seq, tbl, op, fields, author, pushed_at FROM sync_history"
        " WHERE gid = ? OR (gid >= ? AND gid < ?) ORDER BY server_seq",
        [gid, f"cs:{gid}:", f"cs:{gid};"],
    ).fetchall()
    return [
        HistoryEntry(seq, tbl, op, json.loads(fields), author, pushed_at)
        for seq, tbl, op, fields, author, pushed_at in rows
    ]


def open_conflicts(db: Database, claim_id: int | None = None) -> list[Conflict]:
    sql = (
        "SELECT c.id, c.tbl, c.gid, c.field, c.kept_value, c.kept_author, c.other_value,"
        " c.other_author, r.local_id FROM sync_conflicts c"
        " LEFT JOIN sync_rows r ON r.gid = c.gid AND r.tbl = 'claims'"
        " WHERE c.resolved = 0"
    )
    params: list[Any] = []
    if claim_id is not None:
        sql += " AND r.local_id = ?"
        params.append(claim_id)
    rows = db.execute(sql + " ORDER BY c.server_seq, c.id", params).fetchall()
    return [
        Conflict(i, t, g, f, _loads(kv), ka, _loads(ov), oa, local)
        for i, t, g, f, kv, ka, ov, oa, local in rows
    ]


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def resolve_conflict(db: Database, conflict_id: int) -> None:
    """The checker looked at it and keeps the current value (to keep the other, edit it)."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE sync_conflicts SET resolved = 1 WHERE id = ? AND resolved = 0", [conflict_id]
        )
    if cursor.rowcount == 0:
        raise UserError("no open conflict {id}", id=conflict_id)


def assign_claim(db: Database, claim_id: int, member: str | None) -> None:
    with db.atomic():
        cursor = db.execute(
            "UPDATE claims SET assigned_to = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
            " WHERE id = ?",
            [member, claim_id],
        )
    if cursor.rowcount == 0:
        raise UserError("no claim {claim} in this archive", claim=claim_id)


def claims_assigned_to(db: Database, member: str, limit: int = 500) -> list[dict[str, Any]]:
    """ "My claims": id, text, status and article of the claims assigned to *member*."""
    return fetch_dicts(
        db.conn,
        "SELECT id, article_id, status, text FROM claims WHERE assigned_to = ?"
        " ORDER BY status = 'checked', id LIMIT ?",
        [member, limit],
    )
