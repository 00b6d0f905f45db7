"""Saving what can still be read of a damaged archive into a new, sound one.

The documented repair path (docs/RELIABILITY.md): ``VACUUM INTO`` first, which copies a
database whose damage lies outside its b-trees' reach; when that fails, each table is read row
by row into a fresh archive made by the current migrations, skipping the rows that cannot be
read, then rows left pointing at lost ones are dropped and the search index is rebuilt. The
damaged file is only ever read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import UserError
from app.storage.integrity import FTS_TABLE, check_connection

# Copied in this order (parents first); other tables of the damaged file are ignored.
TABLES = (
    "settings",
    "articles",
    "rating_scales",
    "rating_levels",
    "claims",
    "reviews",
    "sources",
    "claim_sources",
    "claim_links",
    "domain_ratings",
)
# A run of unreadable rowids longer than this ends the table (its tail is lost).
_MAX_SKIP = 1 << 20
_BATCH = 200


@dataclass
class RecoverReport:
    """What ``recover_archive`` did: the method, rows saved per table, and what was lost."""

    method: str = "vacuum"
    saved: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # read errors met, per table
    dropped: int = 0  # rows removed because the row they pointed to was lost


def recover_archive(source: Path, target: Path) -> RecoverReport:
    """Write what can be read of *source* to the new file *target* (which must not exist)."""
    source, target = Path(source), Path(target)
    if target.exists():
        raise UserError("{path} already exists; name a new file", path=target)
    if not source.is_file():
        raise UserError("no archive at {path}", path=source)
    damaged = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        report = RecoverReport()
        try:
            damaged.execute("VACUUM INTO ?", [str(target)])
            if _sound(target):
                report.saved = _counts(target)
                return report
        except sqlite3.DatabaseError:
            pass
        _remove(target)
        report.method = "rows"
        _copy_rows(damaged, target, report)
        report.saved = _counts(target)
        return report
    finally:
        damaged.close()


def _sound(path: Path) -> bool:
    conn = sqlite3.connect(str(path))
    try:
        return not check_connection(conn)
    finally:
        conn.close()


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(str(path))
    try:
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        return {
            name: int(conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0])
            for name in TABLES
            if name in present
        }
    finally:
        conn.close()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _copy_rows(damaged: sqlite3.Connection, target: Path, report: RecoverReport) -> None:
    from app.storage.db import open_archive

    fresh = open_archive(target)
    conn = fresh.conn
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        # The fresh archive's default rows (the verdict scale) give way to the recovered ones.
        for name in reversed(TABLES):
            conn.execute(f"DELETE FROM [{name}]")
        for name in TABLES:
            columns = _common_columns(damaged, conn, name)
            if columns:
                _copy_table(damaged, conn, name, columns, report)
        report.dropped = _drop_orphans(conn)
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
        conn.execute("COMMIT")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        fresh.close()
        _remove(target)
        raise
    fresh.close()


def _common_columns(damaged: sqlite3.Connection, fresh: sqlite3.Connection, name: str) -> list[str]:
    try:
        old = [row[1] for row in damaged.execute(f"PRAGMA table_info([{name}])")]
    except sqlite3.DatabaseError:
        return []
    new = {row[1] for row in fresh.execute(f"PRAGMA table_info([{name}])")}
    return [column for column in old if column in new]


def _copy_table(
    damaged: sqlite3.Connection,
    fresh: sqlite3.Connection,
    name: str,
    column_names: list[str],
    report: RecoverReport,
) -> None:
    marks = ", ".join("?" for _ in column_names)
    columns = ", ".join(f"[{c}]" for c in column_names)
    read = f"SELECT rowid, {columns} FROM [{name}] WHERE rowid >= ? ORDER BY rowid LIMIT ?"
    write = f"INSERT OR IGNORE INTO [{name}] ({columns}) VALUES ({marks})"
    saved = errors = 0
    next_rowid, skip, batch = -(1 << 62), 1, _BATCH
    while skip <= _MAX_SKIP:
        try:
            rows = damaged.execute(read, [next_rowid, batch]).fetchall()
        except sqlite3.DatabaseError:
            errors += 1
            if batch > 1:
                batch = 1  # read the rows before the damage one at a time
            else:
                # Step over the unreadable stretch, further each time it goes on.
                next_rowid = max(next_rowid, 0) + skip
                skip *= 2
            continue
        if not rows:
            break
        skip = 1
        for row in rows:
            saved += fresh.execute(write, row[1:]).rowcount
        # A damaged page can hand rowids back out of order (…, 19, 0): never step back, or
        # the same stretch is read again and again.
        next_rowid = max(next_rowid, *(row[0] for row in rows)) + 1
        batch = min(_BATCH, batch * 2)
    report.saved[name] = saved
    if errors:
        report.unreadable[name] = errors


def _drop_orphans(conn: sqlite3.Connection) -> int:
    """Rows whose parent row was lost: a lost verdict level leaves its claims without a
    verdict (as deleting it would); any other orphan is removed, until none is left."""
    dropped = 0
    while True:
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not orphans:
            return dropped
        for table, rowid, _parent, fkid in orphans:
            keys = {row[0]: row for row in conn.execute(f"PRAGMA foreign_key_list([{table}])")}
            key = keys.get(fkid)
            if key is not None and key[6].upper() == "SET NULL":
                column = key[3]
                conn.execute(f"UPDATE [{table}] SET [{column}] = NULL WHERE rowid = ?", [rowid])
            else:
                dropped += conn.execute(f"DELETE FROM [{table}] WHERE rowid = ?", [rowid]).rowcount
