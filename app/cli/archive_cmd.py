"""`crible archive info|check`: what an archive holds, and whether it is sound."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import print_json
from app.errors import UserError
from app.paths import resolve_db_path
from app.storage import Archive, open_archive
from app.storage.backup import list_backups
from app.storage.db import applied_migrations, known_migrations
from app.storage.integrity import check_archive, rebuild_search_index, table_counts

EXIT_DAMAGED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("info", "check"))
    parser.add_argument("--repair", action="store_true", help="check: rebuild the search index")
    parser.add_argument("--json", action="store_true", help="JSON output")


def run(args: argparse.Namespace) -> int:
    path = resolve_db_path(args.db)
    if not path.is_file():
        raise UserError(f"no archive at {path}")
    # Read without migrating: looking must never change the file.
    db = open_archive(path, migrate=False)
    try:
        if args.action == "info":
            return _info(db, path, as_json=args.json)
        return _check(db, path, repair=args.repair, as_json=args.json)
    finally:
        db.close()


def _info(db: Archive, path: Path, *, as_json: bool) -> int:
    applied = applied_migrations(db)
    backups = list_backups(path)
    info: dict[str, Any] = {
        "path": str(path),
        "size": path.stat().st_size,
        "schema": applied[-1] if applied else None,
        "pending_migrations": [m for m in known_migrations() if m not in applied],
        "counts": table_counts(db),
        "backups": len(backups),
        "last_backup": backups[0].created.isoformat() if backups else None,
    }
    if as_json:
        print_json(info)
        return 0
    for key, value in info.items():
        if key == "counts":
            value = ", ".join(f"{n} {name}" for name, n in value.items())
        elif key == "pending_migrations":
            value = ", ".join(value) or "none"
        print(f"{key.replace('_', ' ')}: {value}")
    return 0


def _check(db: Archive, path: Path, *, repair: bool, as_json: bool) -> int:
    problems = check_archive(db)
    repaired = False
    if repair and problems and all(p.startswith("search index") for p in problems):
        rebuild_search_index(db)
        problems, repaired = check_archive(db), True
    if as_json:
        print_json(
            {"path": str(path), "ok": not problems, "problems": problems, "repaired": repaired}
        )
    else:
        for problem in problems:
            print(problem)
        if repaired:
            print("search index rebuilt")
        print(f"{path}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
    return 0 if not problems else EXIT_DAMAGED
