"""Local change capture for team sync: triggers write every shared edit to the outbox.

Triggers catch every write path (the window, the CLI, imports, undo) in the same transaction
as the edit itself, with the checker's name and a hybrid-logical-clock stamp. They exist only
in an archive that joined a team, and are rebuilt from ``app.sync.tables`` when it changes.
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from app.sync.tables import BY_NAME, SHARED_TABLES, SharedTable, declaration_hash

# A hybrid logical clock in one integer: wall-clock milliseconds << 16, plus a counter.
HLC_SHIFT = 16
NOW_HLC_SQL = f"CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) * {1 << HLC_SHIFT}"
_TICK = f"UPDATE sync_state SET hlc = max(hlc + 1, {NOW_HLC_SQL});"
_NOT_APPLYING = "(SELECT applying FROM sync_state) = 0"


def _value(table: SharedTable, column: str, row: str) -> str:
    parent = table.foreign_keys.get(column)
    if parent is None:
        return f'{row}."{column}"'
    return f"(SELECT gid FROM sync_rows WHERE tbl = '{parent}' AND local_id = {row}.\"{column}\")"


def fields_json_sql(table: SharedTable, row: str = "new") -> str:
    """``json_object(...)`` of the shared columns of *row*, foreign keys as global ids."""
    pairs = ", ".join(f"'{c}', {_value(table, c, row)}" for c in table.columns)
    return f"json_object({pairs})"


def gid_sql(table: SharedTable, row: str = "new") -> str:
    random_gid = "lower(hex(randomblob(16)))"
    if table.natural_gid is None:
        return random_gid
    return f"coalesce({table.natural_gid.replace('new.', row + '.')}, {random_gid})"


def _trigger_names(table: SharedTable) -> list[str]:
    return [f"sync_{table.name}_{op}" for op in ("insert", "update", "delete")]


def trigger_sql(table: SharedTable) -> list[str]:
    t = table.name
    state = "(SELECT hlc FROM sync_state), (SELECT member FROM sync_state)"
    base = "(SELECT last_pulled FROM sync_state)"
    insert = f"""
        CREATE TRIGGER sync_{t}_insert AFTER INSERT ON {t} WHEN {_NOT_APPLYING}
        BEGIN
            {_TICK}
            DELETE FROM sync_tombstones WHERE gid = {gid_sql(table)};
            INSERT OR REPLACE INTO sync_rows(tbl, local_id, gid, base_hlc, base_origin)
            VALUES ('{t}', new.rowid, {gid_sql(table)}, (SELECT hlc FROM sync_state),
                    (SELECT origin FROM sync_state));
            INSERT INTO sync_outbox(tbl, gid, op, fields, hlc, author, base_seq)
            SELECT '{t}', gid, 'insert', {fields_json_sql(table)}, {state}, {base}
            FROM sync_rows WHERE tbl = '{t}' AND local_id = new.rowid;
        END"""
    changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in table.columns)
    unchanged_paths = ", ".join(
        f'CASE WHEN old."{c}" IS new."{c}" THEN \'$."{c}"\' ELSE \'$."~"\' END'
        for c in table.columns
    )
    update = f"""
        CREATE TRIGGER sync_{t}_update AFTER UPDATE ON {t} WHEN {_NOT_APPLYING} AND ({changed})
        BEGIN
            {_TICK}
            INSERT INTO sync_outbox(tbl, gid, op, fields, hlc, author, base_seq)
            SELECT '{t}', gid, 'update', json_remove({fields_json_sql(table)}, {unchanged_paths}),
                   {state}, {base}
            FROM sync_rows WHERE tbl = '{t}' AND local_id = new.rowid;
        END"""
    # The mapping is cleaned even while applying pulled changes (their cascades reach here).
    delete = f"""
        CREATE TRIGGER sync_{t}_delete AFTER DELETE ON {t}
        BEGIN
            UPDATE sync_state SET hlc = max(hlc + 1, {NOW_HLC_SQL}) WHERE applying = 0;
            INSERT INTO sync_outbox(tbl, gid, op, fields, hlc, author, base_seq)
            SELECT '{t}', gid, 'delete', '{{}}', {state}, {base}
            FROM sync_rows WHERE tbl = '{t}' AND local_id = old.rowid AND {_NOT_APPLYING};
            INSERT OR REPLACE INTO sync_tombstones(gid, hlc, origin)
            SELECT gid, (SELECT hlc FROM sync_state), (SELECT origin FROM sync_state)
            FROM sync_rows WHERE tbl = '{t}' AND local_id = old.rowid AND {_NOT_APPLYING};
            DELETE FROM sync_rows WHERE tbl = '{t}' AND local_id = old.rowid;
        END"""
    return [insert, update, delete]


def install_triggers(db: Database) -> None:
    """(Re)create the capture triggers from the declaration; inside the caller's transaction."""
    for table in SHARED_TABLES:
        for name in _trigger_names(table):
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in trigger_sql(table):
            db.execute(sql)
    db.execute("UPDATE sync_state SET capture_hash = ?", [declaration_hash()])


def _expected_triggers() -> set[str]:
    return {name for table in SHARED_TABLES for name in _trigger_names(table)}


def capture_enabled(db: Database) -> bool:
    row = db.execute("SELECT enabled FROM sync_state").fetchone()
    return bool(row and row[0])


def ensure_capture(db: Database) -> None:
    """Rebuild the triggers of a joined archive if the declaration or the schema moved.

    Cheap when nothing changed (one row and one catalogue read), so ``open_archive`` calls it:
    a migration that rebuilt a shared table (dropping its triggers) or a newly shared column
    is caught before any edit is made.
    """
    row = db.execute("SELECT enabled, capture_hash FROM sync_state").fetchone()
    if not row or not row[0]:
        return
    present = {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' "
            "ESCAPE '\\'"
        ).fetchall()
    }
    if row[1] == declaration_hash() and _expected_triggers() <= present:
        return
    with db.atomic():
        install_triggers(db)


def enable_capture(db: Database, *, member: str, server: str) -> int:
    """Join: name this archive's checker, install the triggers, queue every shared row.

    Returns how many rows were queued for the first push. Rows that already have a global
    id (a re-join) are not queued again.
    """
    with db.atomic():
        origin = db.execute("SELECT origin FROM sync_state").fetchone()[0] or uuid.uuid4().hex
        db.execute(
            "UPDATE sync_state SET enabled = 1, member = ?, server = ?, origin = ?",
            [member, server, origin],
        )
        install_triggers(db)
        before = db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        for table in SHARED_TABLES:
            _queue_existing(db, table)
        start = int(db.execute(f"SELECT max(hlc + 1, {NOW_HLC_SQL}) FROM sync_state").fetchone()[0])
        db.execute("UPDATE sync_outbox SET hlc = ? + seq WHERE hlc = 0", [start])
        db.execute(
            "UPDATE sync_rows SET base_hlc = (SELECT o.hlc FROM sync_outbox o"
            " WHERE o.gid = sync_rows.gid AND o.op = 'insert') WHERE base_hlc = 0"
        )
        db.execute("UPDATE sync_state SET hlc = max(hlc, (SELECT max(hlc) FROM sync_outbox))")
        after = db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
    return int(after - before)


def _queue_existing(db: Database, table: SharedTable) -> None:
    t = table.name
    db.execute(
        f"INSERT OR IGNORE INTO sync_rows(tbl, local_id, gid, base_hlc, base_origin)"
        f" SELECT '{t}', {t}.rowid, {gid_sql(table, t)}, 0, (SELECT origin FROM sync_state)"
        f" FROM {t} WHERE {t}.rowid NOT IN (SELECT local_id FROM sync_rows WHERE tbl = '{t}')"
    )
    db.execute(
        f"INSERT INTO sync_outbox(tbl, gid, op, fields, hlc, author, base_seq)"
        f" SELECT '{t}', r.gid, 'insert', {fields_json_sql(table, t)}, 0,"
        f" (SELECT member FROM sync_state), 0"
        f" FROM {t} JOIN sync_rows r ON r.tbl = '{t}' AND r.local_id = {t}.rowid"
        f" WHERE r.base_hlc = 0 ORDER BY {t}.rowid"
    )


def shared_table(name: str) -> SharedTable:
    return BY_NAME[name]
