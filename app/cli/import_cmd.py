"""`crible import FILE…`: earlier fact-checks (ClaimReview JSON-LD, HTML, CSV, JSONL) → archive."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.cli.common import open_db, print_json
from app.interop.importer import ImportReport
from app.workflows.importing import import_files
from app.workflows.progress import NO_PROGRESS, reporting_to

# Below this many records an import is instant; a progress line would only flicker.
PROGRESS_FROM = 5000
PROGRESS_EVERY_S = 0.5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help="files to import")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"imported", "skipped", "duplicates", "errors", "warnings"} as JSON',
    )
    parser.add_argument(
        "--batch-size", type=int, default=1000, metavar="N", help="records per transaction"
    )


def run(args: argparse.Namespace) -> int:
    progress = _TerminalProgress() if sys.stderr.isatty() else None
    db = open_db(args)
    try:
        report = import_files(
            db,
            reporting_to(progress) if progress else NO_PROGRESS,
            list(args.files),
            batch_size=max(1, args.batch_size),
        )
    finally:
        db.close()
        if progress:
            progress.finish()
    _print(report, as_json=args.json)
    # Exit 2 only when nothing could be read at all; bad records in readable files are listed.
    return 0 if report.files_read else 2


def _print(report: ImportReport, *, as_json: bool) -> None:
    data = report.to_json()
    if as_json:
        print_json(data)
        return
    print(f"imported {report.imported}, skipped {report.skipped}, errors {len(data['errors'])}")
    for error in data["errors"]:
        sys.stderr.write(f"crible: {error}\n")
    for warning in data["warnings"]:
        sys.stderr.write(f"crible: warning: {warning}\n")


class _TerminalProgress:
    """A throttled "imported n/total" line on stderr, for large imports only."""

    def __init__(self) -> None:
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if max(done, total) < PROGRESS_FROM or now - self._last < PROGRESS_EVERY_S:
            return
        self._last = now
        self._shown = True
        of_total = f"/{total}" if total else ""
        sys.stderr.write(f"\rreading records: {done}{of_total}")
        sys.stderr.flush()

    def finish(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
