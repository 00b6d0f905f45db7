"""Helpers shared by sub-commands: opening the archive, reading input, printing JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.paths import resolve_db_path
from app.storage import Archive, open_archive
from app.storage.db import open_archive_for_reading


def open_db(args: argparse.Namespace, *, reading: bool = False) -> Archive:
    """The archive named by --db, $CRIBLE_DB or the default location.

    ``reading``: the command only reads, so a read-only archive (even in a read-only folder)
    must open.
    """
    path = resolve_db_path(getattr(args, "db", None))
    return open_archive_for_reading(path) if reading else open_archive(path)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_json_line(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()
