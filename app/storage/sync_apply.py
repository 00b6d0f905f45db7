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

from app.storage.rows import in_chunks
from app.storage.sync_capture import HLC_SHIFT, NOW_HLC_SQL
from app.sync.records import ApplyResult, PulledChange, PulledConflict
from app.sync.tables import BY_NAME, CLAIM_TEXT_COLUMNS, SharedTable
from app.text.normalize import index_text

Version = tuple[int, str]
# (table, local id, base hlc, base origin, per-field versions as JSON)
MappedRow = tuple[str, int, int, str, str]
# A server's clock may run ahead; ours follows it only up to a day ahead of the wall clock.
MAX_CLOCK_LEAD = (24 * 3600 * 1000) << HLC_SHIFT
# Parents a row cannot exist without (NOT NULL foreign keys).
_REQUIRED_PARENTS = {
    "rating_levels": ("scale_id",),
    "reviews": ("claim_id",),
    "claim_sources": ("claim_id", "source_id"),
    "claim_links": ("claim_id", "other_claim_id"),
}


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


class _Batch:
    """What one batch needs, read once: the mapping rows and tombstones of its global ids."""

    def __init__(self, db: Database, changes: Sequence[PulledChange]) -> None:
        self.origin = str(db.execute("SELECT origin FROM sync_state").fetchone()[0])
        self.pending = _pending_versions(db)
        gids = sorted({c.gid for c in changes} | _parent_gids(changes))
        self.rows: dict[str, MappedRow] = {}
        self.tombstones: dict[str, Version] = {}
        for chunk, marks in in_chunks(gids):
            for tbl, local_id, gid, base_hlc, base_origin, versions in db.execute(
                "SELECT tbl, local_id, gid, base_hlc, base_origin, versions FROM sync_rows"
                f" WHERE gid IN ({marks})",
                chunk,
            ):
                self.rows[gid] = (tbl, local_id, base_hlc, base_origin, versions)
            for gid, hlc, origin in db.execute(
                f"SELECT gid, hlc, origin FROM sync_tombstones WHERE gid IN ({marks})", chunk
            ):
                self.tombstones[gid] = (hlc, origin)


def _parent_gids(changes: Sequence[PulledChange]) -> set[str]:
    found: set[str] = set()
    for change in changes:
        for column in BY_NAME[change.tbl].foreign_keys:
            value = change.fields.get(column)
            if isinstance(value, str):
                found.add(value)
    return found


def _pending_versions(db: Database) -> dict[tuple[str, str], int]:
    """(gid, field) -> hlc of this archive's edits not pushed yet: they must not be overwritten."""
    newest: dict[tuple[str, str], int] = {}
    for gid, fields, hlc in db.execute("SELECT gid, fields, hlc FROM sync_outbox"):
        for name in json.loads(fields):
            newest[(gid, name)] = max(hlc, newest.get((gid, name), 0))
    return newest


def _apply_all(
    db: Database,
    changes: Sequence[PulledChange],
    conflicts: Sequence[PulledConflict],
    up_to_seq: int,
    *,
    per_row: bool,
) -> ApplyResult:
    db.execute("UPDATE sync_state SET applying = 1")
    batch = _Batch(db, changes)
    applied = rejected = 0
    for change in changes:
        try:
            if per_row:
                with db.atomic():
                    _apply_one(db, change, batch)
            else:
                _apply_one(db, change, batch)
            applied += 1
        except _Orphan:
            rejected += 1
        except sqlite3.IntegrityError:
            if not per_row:
                raise
            rejected += 1
            _forget_missing(db, batch)
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_history(server_seq, tbl, gid, op, fields, hlc, origin,"
        " author, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_history_row(change) for change in changes],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_conflicts(server_seq, tbl, gid, field, kept_value,"
        " kept_author, other_value, other_author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [_conflict_row(conflict) for conflict in conflicts],
    )
    newest = max((c.hlc for c in changes), default=0)
    db.execute(
        f"UPDATE sync_state SET applying = 0, last_pulled = max(last_pulled, ?),"
        f" hlc = max(hlc, min(?, {NOW_HLC_SQL} + ?))",
        [up_to_seq, newest, MAX_CLOCK_LEAD],
    )
    return ApplyResult(applied, rejected)


def _history_row(change: PulledChange) -> list[Any]:
    # Inserts are kept without their values: the server holds them, history needs who and when.
    fields = "{}" if change.op == "insert" else json.dumps(change.fields, ensure_ascii=False)
    return [
        change.seq,
        change.tbl,
        change.gid,
        change.op,
        fields,
        change.hlc,
        change.origin,
        change.author,
        change.pushed_at,
    ]


def _conflict_row(conflict: PulledConflict) -> list[Any]:
    return [
        conflict.detected_seq,
        conflict.tbl,
        conflict.gid,
        conflict.field,
        json.dumps(conflict.kept_value, ensure_ascii=False),
        conflict.kept_author,
        json.dumps(conflict.other_value, ensure_ascii=False),
        conflict.other_author,
    ]


def _apply_one(db: Database, change: PulledChange, batch: _Batch) -> None:
    table = BY_NAME[change.tbl]
    row = batch.rows.get(change.gid)
    version: Version = (change.hlc, change.origin)
    if change.op == "delete":
        _apply_delete(db, table, change, row, version, batch)
        return
    if row is None:
        tombstone = batch.tombstones.get(change.gid)
        if change.op == "insert" and (tombstone is None or tombstone < version):
            _insert_row(db, table, change, batch)
        return
    _tbl, local_id, base_hlc, base_origin, versions_text = row
    versions: dict[str, list[Any]] = json.loads(versions_text)
    base: Version = (base_hlc, base_origin)
    winners: dict[str, Any] = {}
    moved = False
    for name, value in change.fields.items():
        current = versions.get(name)
        current_version: Version = (current[0], current[1]) if current else base
        if version <= current_version:
            continue
        versions[name] = [change.hlc, change.origin]
        moved = True
        mine = batch.pending.get((change.gid, name))
        if mine is not None and (mine, batch.origin) > version:
            continue  # our unpushed edit is newer: it stays, and wins when pushed
        winners[name] = value
    if winners:
        _update_row(db, table, local_id, winners, batch)
    if moved:
        text = json.dumps(versions)
        db.execute("UPDATE sync_rows SET versions = ? WHERE gid = ?", [text, change.gid])
        batch.rows[change.gid] = (table.name, local_id, base_hlc, base_origin, text)


def _apply_delete(
    db: Database,
    table: SharedTable,
    change: PulledChange,
    row: MappedRow | None,
    version: Version,
    batch: _Batch,
) -> None:
    if row is not None:
        if (row[2], row[3]) > version:
            return  # re-created after this delete, by a greater version
        db.execute(f"DELETE FROM {table.name} WHERE rowid = ?", [row[1]])
        # The delete trigger dropped the mapping of the row and of its cascaded children.
        _forget_missing(db, batch)
    tombstone = batch.tombstones.get(change.gid)
    if tombstone is None or tombstone < version:
        db.execute(
            "INSERT OR REPLACE INTO sync_tombstones(gid, hlc, origin) VALUES (?, ?, ?)",
            [change.gid, change.hlc, change.origin],
        )
        batch.tombstones[change.gid] = version


def _forget_missing(db: Database, batch: _Batch) -> None:
    present: set[str] = set()
    for chunk, marks in in_chunks(list(batch.rows)):
        present.update(
            r[0] for r in db.execute(f"SELECT gid FROM sync_rows WHERE gid IN ({marks})", chunk)
        )
    batch.rows = {g: r for g, r in batch.rows.items() if g in present}


def _local_values(table: SharedTable, fields: dict[str, Any], batch: _Batch) -> dict[str, Any]:
    """Pulled values for this archive: parents' global ids become local ids."""
    values: dict[str, Any] = {}
    for name, value in fields.items():
        parent = table.foreign_keys.get(name)
        if parent is not None and value is not None:
            found = batch.rows.get(value)
            if found is not None and found[0] != parent:
                found = None  # a reference to a row of another table: hostile or broken
            if found is None and name in _REQUIRED_PARENTS.get(table.name, ()):
                raise _Orphan(value)
            value = None if found is None else found[1]
        values[name] = value
    return values


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


def _insert_row(db: Database, table: SharedTable, change: PulledChange, batch: _Batch) -> None:
    values = _local_values(table, change.fields, batch)
    if table.name == "claims":
        values.update(_claim_index_values(db, values))
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    cursor = db.conn.execute(
        f"INSERT INTO {table.name}({columns}) VALUES ({marks})", list(values.values())
    )
    local_id = int(cursor.lastrowid or 0)
    db.conn.execute(
        "INSERT OR REPLACE INTO sync_rows(tbl, local_id, gid, base_hlc, base_origin)"
        " VALUES (?, ?, ?, ?, ?)",
        [table.name, local_id, change.gid, change.hlc, change.origin],
    )
    batch.rows[change.gid] = (table.name, local_id, change.hlc, change.origin, "{}")
    if batch.tombstones.pop(change.gid, None) is not None:
        db.execute("DELETE FROM sync_tombstones WHERE gid = ?", [change.gid])


def _update_row(
    db: Database, table: SharedTable, local_id: int, fields: dict[str, Any], batch: _Batch
) -> None:
    values = _local_values(table, fields, batch)
    if table.name == "claims":
        values.update(_claim_index_values(db, fields, local_id))
    assignments = ", ".join(f'"{name}" = ?' for name in values)
    db.execute(
        f"UPDATE {table.name} SET {assignments} WHERE rowid = ?", [*values.values(), local_id]
    )
