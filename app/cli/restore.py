"""`crible restore`: put a backup back in place of the archive, keeping the current one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.errors import UserError
from app.paths import resolve_db_path
from app.storage.backup import verify_backup
from app.storage.restore import restore_backup


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", metavar="BACKUP", help="backup file (see `crible backup --list`)")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def run(args: argparse.Namespace) -> int:
    archive_path = resolve_db_path(args.db)
    backup = Path(args.backup).expanduser()
    verify_backup(backup)
    if not args.yes and not _confirm(backup, archive_path):
        raise UserError("restore cancelled; nothing was changed")
    kept = restore_backup(backup, archive_path)
    print(f"restored {backup} into {archive_path}")
    if kept is not None:
        print(f"the previous archive was kept as {kept}")
    return 0


def _confirm(backup: Path, archive_path: Path) -> bool:
    if not sys.stdin.isatty():
        raise UserError("restore replaces the archive: add --yes to confirm")
    answer = input(f"Replace {archive_path} with {backup}? [y/N] ")
    return answer.strip().lower() in ("y", "yes", "o", "oui")
