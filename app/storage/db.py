"""Opening an archive: the one place that sets the connection policy and runs migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.storage.backup import backup_before_migration
from app.storage.migrations import MIGRATIONS
from app.storage.reindex import reindex_if_needed
from app.storage.schema import applied_migrations, known_migrations, refuse_newer_schema
from app.storage.sync_capture import ensure_capture

__all__ = ["applied_migrations", "known_migrations", "open_archive", "open_archive_for_reading"]

BUSY_TIMEOUT_MS = 5000
MEMORY = ":memory:"


def open_archive(path: str | Path, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the archive at *path* with Crible's policy.

    WAL journal, foreign keys on, a busy timeout so a second Crible waits instead of
    failing, pending migrations applied, and the normalised text rebuilt if this
    normaliser differs from the one that wrote it (``reindex.reindex_if_needed``). A file
    written by a newer Crible, a file that is not a database, or a locked one raise
    ``UserError`` and are left untouched.
    """
    path_str = str(path)
    if path_str != MEMORY:
        target = Path(path_str)
        if target.is_dir():
            raise UserError("{path} is a folder, not an archive file", path=target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                "cannot create the folder for {path}: {reason}", path=target, reason=exc.strerror
            ) from exc
    try:
        # Autocommit at the driver level: transactions are only the explicit ``db.atomic()``
        # blocks, so a stray write can never sit uncommitted and a read never pins a snapshot.
        conn = sqlite3.connect(
            path_str,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            isolation_level=None,
        )
    except sqlite3.Error as exc:
        raise UserError(
            "cannot open the archive {path}: {reason}", path=path_str, reason=exc
        ) from exc
    db = Database(conn)
    try:
        _apply_policy(db)
        refuse_newer_schema(applied_migrations(db), path_str)
        if migrate:
            _migrate(db, path_str)
            ensure_capture(db)  # team sync: the capture triggers follow the schema
            reindex_if_needed(db)  # the stored normalised text follows this normaliser
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _as_user_error(exc, path_str) from exc
    except BaseException:
        conn.close()
        raise
    return db


def open_archive_for_reading(path: str | Path) -> Database:
    """``open_archive`` for commands that only read; it also opens an archive in a read-only folder.

    SQLite reads a WAL archive through its ``-wal``/``-shm`` files. In a folder nobody can
    write to, with neither file there, no writer can exist either: the file is opened
    immutable. Such an archive cannot be migrated, so a pending migration is a UserError.
    """
    try:
        return open_archive(path)
    except UserError:
        target = Path(str(path))
        if not _in_frozen_folder(target):
            raise
    conn = sqlite3.connect(
        target.resolve().as_uri() + "?mode=ro&immutable=1",
        uri=True,
        check_same_thread=False,
        isolation_level=None,
    )
    db = Database(conn)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        refuse_newer_schema(applied_migrations(db), str(target))
        if MIGRATIONS.pending(db):
            raise UserError(
                "the archive {path} needs an upgrade but its folder is read-only; copy it to a "
                "folder you can write to",
                path=target,
            )
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _as_user_error(exc, str(target)) from exc
    except BaseException:
        conn.close()
        raise
    return db


def _in_frozen_folder(target: Path) -> bool:
    journal = [target.with_name(target.name + suffix) for suffix in ("-wal", "-shm")]
    return (
        target.is_file()
        and not any(p.exists() for p in journal)
        and not os.access(target.parent, os.W_OK)
    )


def _apply_policy(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # Touch the schema first: a non-database file fails here, before anything is written.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal" and db.conn.execute("PRAGMA database_list").fetchone()[2]:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def _migrate(db: Database, path: str) -> None:
    pending = MIGRATIONS.pending(db)
    if not pending:
        return
    if applied_migrations(db) and path != MEMORY:
        backup_before_migration(db, Path(path), pending[0].name)
    MIGRATIONS.apply(db)


def _as_user_error(exc: sqlite3.DatabaseError, path: str) -> UserError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return UserError("the archive {path} is busy in another program; try again", path=path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return UserError(
            "{path} is not a readable Crible archive ({reason}); it was left untouched",
            path=path,
            reason=text,
        )
    if "readonly" in text or "read-only" in text:
        return UserError("the archive {path} is read-only", path=path)
    return UserError("cannot open the archive {path}: {reason}", path=path, reason=text)
