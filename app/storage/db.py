"""Opening an archive: the one place that sets the connection policy and runs migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
# How often a writer waiting for the lock tries again. SQLite's own busy handler backs off to
# 100 ms between tries and so almost never sees the few milliseconds a long job leaves free.
_LOCK_POLL_S = 0.001
# A transaction that held the write lock this long sleeps a moment after its commit, so that a
# writer waiting its turn (a checker's edit beside an import) gets in before its next batch.
_LONG_TRANSACTION_S = 0.02
_YIELD_S = 0.005


class ArchiveReplacedError(UserError):
    """The archive file was replaced (a restore, another file moved in) since it was opened."""


class CribleDatabase(Database):
    """sqlite-utils' Database with Crible's write policy.

    Every outermost ``atomic()`` takes the write lock up front (``BEGIN IMMEDIATE``), waiting
    for it up to the busy timeout: a deferred ``BEGIN`` that reads before it writes cannot be
    upgraded while another program writes, and fails at once whatever the timeout. Before the
    first statement it checks that the file is still the archive this connection opened.
    """

    lock_wait_s: float = BUSY_TIMEOUT_MS / 1000
    identity: tuple[int, int, int] | None = None  # (device, inode, incarnation) when opened
    path: str = MEMORY

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self._begin_immediate()
        started = time.monotonic()
        try:
            self._check_identity()
            yield self
        except BaseException:
            self.conn.rollback()  # a no-op when an error already ended the transaction
            raise
        self.conn.commit()
        if time.monotonic() - started >= _LONG_TRANSACTION_S:
            time.sleep(_YIELD_S)

    def _begin_immediate(self) -> None:
        deadline = time.monotonic() + self.lock_wait_s
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if not _is_busy(exc) or time.monotonic() >= deadline:
                        raise
                time.sleep(_LOCK_POLL_S)
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _check_identity(self) -> None:
        if self.identity is None:
            return
        if archive_identity(self, self.path) != self.identity:
            raise ArchiveReplacedError(
                "the archive {path} was replaced (restored from a backup, or another file moved "
                "in its place) since it was opened; nothing was written: open it again",
                path=self.path,
            )


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


def archive_identity(db: Database, path: str) -> tuple[int, int, int] | None:
    """Which file *path* is now (device, inode) and which copy of the archive it holds
    (the incarnation a restore renews, kept in the header's ``user_version``)."""
    try:
        stat = os.stat(path)
    except OSError:
        return (-1, -1, -1)
    incarnation = int(db.execute("PRAGMA user_version").fetchone()[0])
    return (stat.st_dev, stat.st_ino, incarnation)


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
    db = CribleDatabase(conn)
    db.path = path_str
    try:
        _apply_policy(db)
        # Before the journal switch: a newer Crible's archive must be left byte for byte.
        refuse_newer_schema(applied_migrations(db), path_str)
        _use_wal(db)
        if migrate:
            _migrate(db, path_str)
            ensure_capture(db)  # team sync: the capture triggers follow the schema
            reindex_if_needed(db)  # the stored normalised text follows this normaliser
        if path_str != MEMORY:
            db.identity = archive_identity(db, path_str)
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


def _use_wal(db: Database) -> None:
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
    # Under the write lock, asking again: two programs opening a new archive at once must not
    # both apply the same migration.
    with db.atomic():
        if MIGRATIONS.pending(db):
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
