"""Applying pulled changes to the archive: last writer wins per field, deletes by version.

Every replica applies the same deterministic rule to the same change log, so all converge:
a field takes the value of the change with the greatest (hlc, origin); a delete removes a
row unless it was re-created by a greater version; an edit never resurrects a deleted row.
One batch is one transaction together with the pull position, so a kill loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from app.storage.sync_capture import HLC_SHIFT, NOW_HLC_SQL
from app.sync.records import ApplyResult, PulledChange, PulledConflict
from app.sync.tables import BY_NAME, CLAIM_TEXT_COLUMNS, SharedTable
from app.text.normalize import index_text

Version = tuple[int, str]
# A server's clock may run ahead; ours follows it only up to a day ahead of the wall clock.
MAX_CLOCK_LEAD = (24 * 3600 * 1000) << HLC_SHIFT


class _Orphan(Exception):
    """A pulled row whose required parent is not in this archive (deleted here)."""


def apply_pulled(
    db: Database,
    changes: Sequence[PulledChange],
    conflicts: Sequence[PulledConflict],
    *,
    up_to_seq: int,
) -> ApplyResult:
    """Apply one pulled batch and move the pull position to *up_to_seq*, atomically."""
    try:
        with db.atomic():
            result = _apply_all(db, changes, conflicts, up_to_seq, per_row=False)
    except sqlite3.IntegrityError:
        # One bad row (a hostile or buggy server) must not block the rest: redo row by row.
        with db.atomic():
            result = _apply_all(db, changes, conflicts, up_to_seq, per_row=True)
    return result


def _apply_all(
    db: Database,
    changes: Sequence[PulledChange],
    conflicts: Sequence[PulledConflict],
    up_to_seq: int,
    *,
    per_row: bool,
) -> ApplyResult:
    db.execute("UPDATE sync_state SET applying = 1")
    pending = _pending_versions(db)
    applied = rejected = 0
    for change in changes:
        try:
            if per_row:
                with db.atomic():
                    _apply_one(db, change, pending)
            else:
                _apply_one(db, change, pending)
            applied += 1
        except (_Orphan, sqlite3.IntegrityError) as exc:
            if isinstance(exc, sqlite3.IntegrityError) and not per_row:
                raise
            rejected += 1
        _record_history(db, change)
    for conflict in conflicts:
        db.execute(
            "INSERT OR IGNORE INTO sync_conflicts(server_seq, tbl, gid, field, kept_value,"
            " kept_author, other_value, other_author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                conflict.detected_seq,
                conflict.tbl,
                conflict.gid,
                conflict.field,
                json.dumps(conflict.kept_value, ensure_ascii=False),
                conflict.kept_author,
                json.dumps(conflict.other_value, ensure_ascii=False),
                conflict.other_author,
            ],
        )
    newest = max((c.hlc for c in changes), default=0)
    db.execute(
        f"UPDATE sync_state SET applying = 0, last_pulled = max(last_pulled, ?),"
        f" hlc = max(hlc, min(?, {NOW_HLC_SQL} + ?))",
        [up_to_seq, newest, MAX_CLOCK_LEAD],
    )
    return ApplyResult(applied, rejected)


def _record_history(db: Database, change: PulledChange) -> None:
    # Inserts are kept without their values: the server holds them, history needs who and when.
    fields = "{}" if change.op == "insert" else json.dumps(change.fields, ensure_ascii=False)
    db.execute(
        "INSERT OR IGNORE INTO sync_history(server_seq, tbl, gid, op, fields, hlc, origin,"
        " author, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            change.seq,
            change.tbl,
            change.gid,
            change.op,
            fields,
            change.hlc,
            change.origin,
            change.author,
            change.pushed_at,
        ],
    )


def _pending_versions(db: Database) -> dict[tuple[str, str], int]:
    """(gid, field) -> hlc of this archive's edits not pushed yet: they must not be overwritten."""
    origin_hlc: dict[tuple[str, str], int] = {}
    for gid, fields, hlc in db.execute("SELECT gid, fields, hlc FROM sync_outbox"):
        for name in json.loads(fields):
            origin_hlc[(gid, name)] = max(hlc, origin_hlc.get((gid, name), 0))
    return origin_hlc


def _apply_one(db: Database, change: PulledChange, pending: dict[tuple[str, str], int]) -> None:
    table = BY_NAME[change.tbl]
    row = db.execute(
        "SELECT local_id, base_hlc, base_origin, versions FROM sync_rows WHERE gid = ?",
        [change.gid],
    ).fetchone()
    version: Version = (change.hlc, change.origin)
    if change.op == "delete":
        _apply_delete(db, table, change, row, version)
        return
    if row is None:
        if change.op == "insert" and not _tombstone_newer(db, change.gid, version):
            _insert_row(db, table, change)
        return
    local_id, base_hlc, base_origin, versions_text = row
    versions: dict[str, list[Any]] = json.loads(versions_text)
    base: Version = (base_hlc, base_origin)
    winners: dict[str, Any] = {}
    my_origin = _my_origin(db)
    for name, value in change.fields.items():
        current = versions.get(name)
        current_version: Version = (current[0], current[1]) if current else base
        if version <= current_version:
            continue
        versions[name] = [change.hlc, change.origin]
        mine = pending.get((change.gid, name))
        if mine is not None and (mine, my_origin) > version:
            continue  # our unpushed edit is newer: it stays, and wins when pushed
        winners[name] = value
    if winners:
        _update_row(db, table, local_id, winners)
    db.execute(
        "UPDATE sync_rows SET versions = ? WHERE gid = ?", [json.dumps(versions), change.gid]
    )


def _my_origin(db: Database) -> str:
    return str(db.execute("SELECT origin FROM sync_state").fetchone()[0])


def _tombstone_newer(db: Database, gid: str, version: Version) -> bool:
    row = db.execute("SELECT hlc, origin FROM sync_tombstones WHERE gid = ?", [gid]).fetchone()
    return row is not None and (row[0], row[1]) >= version


def _apply_delete(
    db: Database, table: SharedTable, change: PulledChange, row: Any, version: Version
) -> None:
    if row is not None:
        if (row[1], row[2]) > version:
            return  # re-created after this delete, by a greater version
        db.execute(f"DELETE FROM {table.name} WHERE rowid = ?", [row[0]])
    if not _tombstone_newer(db, change.gid, version):
        db.execute(
            "INSERT OR REPLACE INTO sync_tombstones(gid, hlc, origin) VALUES (?, ?, ?)",
            [change.gid, change.hlc, change.origin],
        )


def _local_values(db: Database, table: SharedTable, fields: dict[str, Any]) -> dict[str, Any]:
    """Pulled values for this archive: parents' global ids become local ids."""
    values: dict[str, Any] = {}
    for name, value in fields.items():
        parent = table.foreign_keys.get(name)
        if parent is not None and value is not None:
            found = db.execute(
                "SELECT local_id FROM sync_rows WHERE tbl = ? AND gid = ?", [parent, value]
            ).fetchone()
            if found is None and name in _REQUIRED_PARENTS.get(table.name, ()):
                raise _Orphan(value)
            value = None if found is None else found[0]
        values[name] = value
    return values


# Parents a row cannot exist without (NOT NULL foreign keys).
_REQUIRED_PARENTS = {
    "rating_levels": ("scale_id",),
    "reviews": ("claim_id",),
    "claim_sources": ("claim_id", "source_id"),
    "claim_links": ("claim_id", "other_claim_id"),
}


def _claim_index_values(
    db: Database, values: dict[str, Any], local_id: int | None = None
) -> dict[str, Any]:
    """Claims' normalised text, rebuilt here from the pulled text (never taken from a server)."""
    if not set(CLAIM_TEXT_COLUMNS) & set(values):
        return {}
    current: dict[str, Any] = {}
    if local_id is not None:
        row = db.execute("SELECT text, title, lang FROM claims WHERE id = ?", [local_id]).fetchone()
        current = dict(zip(CLAIM_TEXT_COLUMNS, row, strict=True))
    merged = {**current, **{k: values[k] for k in CLAIM_TEXT_COLUMNS if k in values}}
    lang = merged.get("lang")
    return {
        "norm_text": index_text(merged.get("text") or "", lang),
        "norm_title": index_text(merged.get("title") or "", lang),
    }


def _insert_row(db: Database, table: SharedTable, change: PulledChange) -> None:
    values = _local_values(db, table, change.fields)
    if table.name == "claims":
        values.update(_claim_index_values(db, values))
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    cursor = db.execute(
        f"INSERT INTO {table.name}({columns}) VALUES ({marks})", list(values.values())
    )
    db.execute(
        "INSERT OR REPLACE INTO sync_rows(tbl, local_id, gid, base_hlc, base_origin)"
        " VALUES (?, ?, ?, ?, ?)",
        [table.name, cursor.lastrowid, change.gid, change.hlc, change.origin],
    )
    db.execute("DELETE FROM sync_tombstones WHERE gid = ?", [change.gid])


def _update_row(db: Database, table: SharedTable, local_id: int, fields: dict[str, Any]) -> None:
    values = _local_values(db, table, fields)
    if table.name == "claims":
        values.update(_claim_index_values(db, fields, local_id))
    assignments = ", ".join(f'"{name}" = ?' for name in values)
    db.execute(
        f"UPDATE {table.name} SET {assignments} WHERE rowid = ?", [*values.values(), local_id]
    )
