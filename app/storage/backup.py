"""Copies of the archive made with SQLite's online backup API (safe while in use)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of *db* to *target* (replaced if it exists)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot write the backup {target}: {exc}") from exc
    return target


def backup_before_migration(db: Database, path: Path, first_pending: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return backup_to(db, path.with_name(f"{path.name}.before-{first_pending}-{stamp}.bak"))
