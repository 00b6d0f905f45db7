"""`crible backup`: a consistent copy of the archive, or the list of its backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_db, print_json
from app.errors import UserError
from app.paths import resolve_db_path
from app.storage.backup import (
    auto_backup,
    backup_dir,
    backup_to,
    list_backups,
    make_backup,
    refuse_damaged,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write the copy (default: backups/ folder)"
    )
    parser.add_argument("--list", action="store_true", help="list the archive's backups")
    parser.add_argument(
        "--auto",
        action="store_true",
        help="a rotating automatic backup, only if the last one is 12 h old (keeps 10)",
    )
    parser.add_argument("--json", action="store_true", help="with --list: JSON output")


def run(args: argparse.Namespace) -> int:
    archive_path = resolve_db_path(args.db)
    if args.list:
        return _list(archive_path, as_json=args.json)
    if not archive_path.exists():
        raise UserError(f"no archive at {archive_path}")
    db = open_db(args)
    try:
        if args.auto:
            target = auto_backup(db, archive_path)
            if target is None:
                print("no backup needed: the last automatic one is recent")
                return 0
        elif args.output:
            refuse_damaged(db, archive_path)
            target = backup_to(db, Path(args.output).expanduser())
        else:
            refuse_damaged(db, archive_path)
            target = make_backup(db, archive_path)
    finally:
        db.close()
    print(f"backup written: {target}")
    return 0


def _list(archive_path: Path, *, as_json: bool) -> int:
    backups = list_backups(archive_path)
    if as_json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "created": b.created.isoformat(),
                    "reason": b.reason,
                    "size": b.size,
                }
                for b in backups
            ]
        )
        return 0
    if not backups:
        print(f"no backups in {backup_dir(archive_path)}")
        return 0
    for b in backups:
        stamp = b.created.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(f"{stamp}  {b.reason:<28} {b.size / 1e6:8.1f} MB  {b.path}")
    return 0
