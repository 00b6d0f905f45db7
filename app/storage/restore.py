"""Restoring a backup into the archive: verified first, the current archive kept aside."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.errors import UserError
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
    kept = _keep_current(archive_path)
    try:
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(str(archive_path), timeout=5)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    except sqlite3.Error as exc:
        raise UserError(f"cannot restore into {archive_path}: {error_reason(exc)}") from exc
    return kept


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
