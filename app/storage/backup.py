"""Copies of the archive (SQLite online backup API), their rotation, and restoring one."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from app.errors import UserError
from app.storage.integrity import check_connection, quick_problems
from app.storage.schema import refuse_newer_schema

BACKUP_DIR = "backups"
AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_MIGRATION = "before-"  # followed by the first pending migration's name
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[A-Za-z0-9_.-]+)\.db$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file of an archive, as found in its ``backups/`` folder."""

    path: Path
    created: datetime
    reason: str
    size: int


def backup_dir(archive_path: Path) -> Path:
    """Backups live beside the archive, so moving the folder moves them too."""
    return Path(archive_path).parent / BACKUP_DIR


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of *db* to *target* (replaced if it exists).

    The copy is written under a temporary name, switched to a rollback journal so it is
    one self-contained file, then renamed: a crash never leaves a half backup under the
    final name.
    """
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(str(partial))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise UserError(
            "cannot write the backup {path}: {reason}", path=target, reason=error_reason(exc)
        ) from exc
    return target


def new_backup_path(archive_path: Path, reason: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    return backup_dir(archive_path) / f"{Path(archive_path).stem}-{stamp}-{reason}.db"


def list_backups(archive_path: Path) -> list[BackupInfo]:
    """The backups of *archive_path*, newest first (other files in the folder are ignored)."""
    folder = backup_dir(archive_path)
    stem = Path(archive_path).stem
    found = []
    for path in folder.glob(f"{stem}-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if not match or match["stem"] != stem:
            continue
        created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupInfo(path, created, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


def make_backup(db: Database, archive_path: Path, reason: str = MANUAL) -> Path:
    """A backup in the archive's ``backups/`` folder, named with its time and reason."""
    return backup_to(db, new_backup_path(archive_path, reason))


def refuse_damaged(db: Database, archive_path: Path) -> None:
    """UserError when the archive is damaged: a copy of damage is no backup, and in the
    rotation it would push the sound ones out."""
    problems = quick_problems(db.conn)
    if problems:
        raise UserError(
            "the archive {path} is damaged ({problem}); no backup was made and the earlier ones "
            "are kept: see `crible archive check`",
            path=archive_path,
            problem=problems[0],
        )


def auto_backup(
    db: Database,
    archive_path: Path,
    *,
    keep: int = 10,
    min_interval: timedelta = timedelta(hours=12),
    now: datetime | None = None,
) -> Path | None:
    """Back up *db* unless the newest automatic backup is younger than *min_interval*.

    Keeps the *keep* newest automatic backups and deletes older ones; manual and safety
    backups (before a migration or a restore) are rotated separately. Returns the new
    backup's path, or None when none was due.
    """
    now = now or datetime.now(UTC)
    autos = [b for b in list_backups(archive_path) if b.reason == AUTO]
    if autos and now - autos[0].created < min_interval:
        return None
    refuse_damaged(db, archive_path)
    path = backup_to(db, new_backup_path(archive_path, AUTO, now))
    prune_backups(archive_path, keep=keep)
    return path


def prune_backups(archive_path: Path, *, keep: int = 10) -> list[Path]:
    """Delete all but the *keep* newest backups of each automatic kind; manual ones stay."""
    by_kind: dict[str, list[BackupInfo]] = {}
    for info in list_backups(archive_path):
        if info.reason != MANUAL:
            kind = info.reason if info.reason in (AUTO, BEFORE_RESTORE) else BEFORE_MIGRATION
            by_kind.setdefault(kind, []).append(info)
    remove_stale_partials(archive_path)
    doomed = [info for infos in by_kind.values() for info in infos[max(keep, 1) :]]
    # Whatever the rotation says, the newest backup that is sound stays (the newer ones may
    # all be copies of a damaged archive, made before backups checked it first).
    protected = newest_sound_backup(archive_path) if doomed else None
    removed = []
    for info in doomed:
        if info.path != protected:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    return removed


# A backup still being written by another Crible is younger than this; older partial files
# were left by a killed one (a kill during a migration's backup left 36 MB behind).
STALE_PARTIAL = timedelta(hours=1)


def remove_stale_partials(archive_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete half-written backups (``*.partial`` and their ``-journal``) of killed runs."""
    folder = backup_dir(archive_path)
    if not folder.is_dir():
        return []
    limit = (now or datetime.now(UTC)).timestamp() - STALE_PARTIAL.total_seconds()
    removed = []
    for path in folder.glob(f"{Path(archive_path).stem}-*.db.partial*"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()
                removed.append(path)
    return removed


def newest_sound_backup(archive_path: Path) -> Path | None:
    """The newest backup that passes ``quick_check`` (usually the first one looked at)."""
    for info in list_backups(archive_path):
        try:
            conn = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if not quick_problems(conn):
                return info.path
        finally:
            conn.close()
    return None


def backup_before_migration(db: Database, path: Path, first_pending: str) -> Path:
    """Called by ``open_archive`` before it changes the schema of an existing archive."""
    path_out = make_backup(db, path, f"{BEFORE_MIGRATION}{first_pending}")
    prune_backups(path)
    return path_out


def verify_backup(backup: Path) -> None:
    """Raise UserError unless *backup* is a sound Crible archive this version can open."""
    backup = Path(backup)
    if not backup.is_file():
        raise UserError(f"no backup file {backup}")
    try:
        # Read-write so the FTS check can run; nothing is written (it falls back to
        # read-only by itself on a read-only file).
        conn = sqlite3.connect(str(backup))
    except sqlite3.Error as exc:
        raise UserError(f"cannot read the backup {backup}: {exc}") from exc
    try:
        problems = check_connection(conn)
        if problems:
            raise UserError(f"the backup {backup} is damaged: {problems[0]}")
        names = _applied_names(conn)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{backup} is not a readable Crible archive ({exc})") from exc
    finally:
        conn.close()
    if not names:
        raise UserError(f"{backup} is not a Crible archive")
    refuse_newer_schema(names, str(backup))


def _applied_names(conn: sqlite3.Connection) -> list[str]:
    has_table = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()[0]
    if not has_table:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", ["crible"]
    ).fetchall()
    return [row[0] for row in rows]


def error_reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
