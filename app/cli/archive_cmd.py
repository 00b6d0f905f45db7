"""`crible archive info|check`: what an archive holds, and whether it is sound."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import Any

from app.cli.common import print_json
from app.errors import UserError
from app.paths import resolve_db_path
from app.storage import Archive, open_archive
from app.storage.backup import list_backups
from app.storage.db import applied_migrations, known_migrations
from app.storage.integrity import (
    check_archive,
    check_connection,
    rebuild_search_index,
    table_counts,
)
from app.storage.recover import recover_archive

EXIT_DAMAGED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("info", "check", "recover"))
    parser.add_argument("--repair", action="store_true", help="check: rebuild the search index")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="recover: the new archive to write what can be read"
    )
    parser.add_argument("--json", action="store_true", help="JSON output")


def run(args: argparse.Namespace) -> int:
    path = resolve_db_path(args.db)
    if not path.is_file():
        raise UserError(f"no archive at {path}")
    if args.action == "recover":
        return _recover(path, args.output, as_json=args.json)
    # Read without migrating: looking must never change the file.
    try:
        db = open_archive(path, migrate=False)
    except UserError as exc:
        if args.action != "check" or "not a database" in str(exc):
            raise
        return _check_unopenable(path, as_json=args.json)
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
    return _print_check(path, problems, repaired, as_json=as_json)


def _check_unopenable(path: Path, *, as_json: bool) -> int:
    """An archive too damaged to open still gets its list of problems (read-only)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        problems = check_connection(conn) or ["the archive cannot be opened"]
    finally:
        conn.close()
    return _print_check(path, problems, False, as_json=as_json)


def _print_check(path: Path, problems: list[str], repaired: bool, *, as_json: bool) -> int:
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
        if any(not p.startswith("search index") for p in problems):
            print(f"to save what can be read: crible archive recover -o NEW.db --db {path}")
    return 0 if not problems else EXIT_DAMAGED


def _recover(path: Path, output: str | None, *, as_json: bool) -> int:
    if not output:
        raise UserError("archive recover needs -o NEW.db: the file to write what can be read")
    target = Path(output).expanduser()
    report = recover_archive(path, target)
    if as_json:
        print_json(
            {
                "path": str(target),
                "method": report.method,
                "saved": report.saved,
                "unreadable": report.unreadable,
                "dropped": report.dropped,
            }
        )
        return 0
    saved = ", ".join(f"{n} {name}" for name, n in report.saved.items())
    print(
        f"recovered into {target} ({'a full copy' if report.method == 'vacuum' else 'row by row'})"
    )
    print(f"saved: {saved}")
    if report.unreadable:
        lost = ", ".join(f"{name} ({n} read errors)" for name, n in report.unreadable.items())
        print(f"unreadable parts skipped in: {lost}")
    if report.dropped:
        print(f"{report.dropped} row(s) dropped: they pointed to rows that could not be read")
    print(f"check it, then put it in place with: crible restore {target} --db {path}")
    return 0
