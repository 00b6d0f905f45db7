"""`crible sync`: push this archive's changes to the team server, pull the others'."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import open_db, print_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='{"pushed", "pulled", "conflicts"}')


def run(args: argparse.Namespace) -> int:
    from app.sync.engine import sync

    db = open_db(args)
    try:
        report = sync(db)
    finally:
        db.close()
    if args.json:
        print_json(report.as_json())
    else:
        sys.stdout.write(
            f"pushed {report.pushed}, pulled {report.pulled}, conflicts {report.conflicts}\n"
        )
    return 0
