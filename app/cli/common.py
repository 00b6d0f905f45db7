"""Helpers shared by sub-commands: opening the archive, reading input, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.paths import resolve_db_path
from app.storage import Archive, open_archive


def open_db(args: argparse.Namespace) -> Archive:
    """The archive named by --db, $CRIBLE_DB or the default location."""
    return open_archive(resolve_db_path(getattr(args, "db", None)))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_json_line(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()
