"""Restoring a backup into the archive: verified first, the current archive kept aside."""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from pathlib import Path

from app.errors import UserError

try:  # POSIX only: elsewhere the incarnation check alone guards a restore under an open window
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
from app.storage.backup import (
    BEFORE_RESTORE,
    error_reason,
    make_backup,
    new_backup_path,
    prune_backups,
    verify_backup,
)
from app.storage.db import open_archive


def restore_backup(backup: Path, archive_path: Path) -> Path | None:
    """Replace the archive's content with *backup*, after checking the backup is sound.

    The current archive is first kept as a ``before-restore`` backup (or, when it cannot be
    read at all, moved aside as is). The copy goes through SQLite's backup API into the live
    file, so it is atomic and a crash leaves either the old or the restored archive. Returns
    the path where the previous archive was kept (None when there was none).
    """
    backup, archive_path = Path(backup), Path(archive_path)
    verify_backup(backup)
    if backup.resolve() == archive_path.resolve():
        raise UserError("the backup is the archive itself")
    refuse_if_open_elsewhere(archive_path)
    kept = _keep_current(archive_path)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(str(archive_path), timeout=5)
        try:
            source.backup(target)
            # A new incarnation: a program that opened the archive before (in the instant
            # after the check above) sees it on its next write and stops (db.ArchiveReplaced).
            incarnation = new_incarnation()
            target.execute(f"PRAGMA user_version = {incarnation}")
        finally:
            target.close()
            source.close()
    except sqlite3.Error as exc:
        raise UserError(f"cannot restore into {archive_path}: {error_reason(exc)}") from exc
    return kept


def new_incarnation() -> int:
    """A random positive 31-bit number (the header's user_version is a signed 32-bit int)."""
    return secrets.randbelow(2**31 - 1) + 1


def refuse_if_open_elsewhere(archive_path: Path) -> None:
    """UserError when another process has the archive open.

    Every SQLite connection to a WAL archive holds a shared lock on one byte of its ``-shm``
    file (the "DMS" byte, offset 128 in SQLite's unix VFS) for as long as it is open; trying
    an exclusive lock on that byte tells whether any other process holds one. Must run before
    this process opens the archive: closing our descriptor drops this process's locks on the
    file (POSIX semantics).
    """
    shm = archive_path.with_name(archive_path.name + "-shm")
    if fcntl is None or not shm.exists():
        return  # no -shm: nobody has the archive open in WAL mode
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE, os.SEEK_SET)
        except OSError:
            raise UserError(
                "the archive {path} is open in another program (the window, an import, a "
                "script); close it there, then restore: nothing was changed",
                path=archive_path,
            ) from None
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE, os.SEEK_SET)
    finally:
        os.close(fd)


# SQLite's unix VFS: UNIX_SHM_BASE = (22 + SQLITE_SHM_NLOCK) * 4 = 120, DMS = BASE + 8.
_SHM_DMS_BYTE = 128


def _keep_current(archive_path: Path) -> Path | None:
    if not archive_path.exists():
        return None
    try:
        current = open_archive(archive_path, migrate=False)
    except UserError:
        return _move_aside(archive_path)
    try:
        kept = make_backup(current, archive_path, BEFORE_RESTORE)
    finally:
        current.close()
    prune_backups(archive_path)
    return kept


def _move_aside(archive_path: Path) -> Path:
    """An unreadable archive is moved, never deleted: it may still hold someone's work."""
    target = new_backup_path(archive_path, "unreadable").with_suffix(".damaged")
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        part = archive_path.with_name(archive_path.name + suffix)
        if part.exists():
            shutil.move(str(part), str(target.with_name(target.name + suffix)))
    return target
