"""`crible articles`: the desk's articles with their progress, most recently changed first."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import open_db, print_json
from app.storage.articles import article_summaries

JSON_FIELDS = ("id", "title", "outlet", "url", "published", "claims", "checked")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json", action="store_true", help=f"a JSON list of {{{', '.join(JSON_FIELDS)}}}"
    )


def run(args: argparse.Namespace) -> int:
    db = open_db(args, reading=True)
    try:
        summaries = article_summaries(db)
    finally:
        db.close()
    if args.json:
        print_json([{name: getattr(s, name) for name in JSON_FIELDS} for s in summaries])
        return 0
    if not summaries:
        sys.stdout.write("no articles yet (crible check FILE, or open one in the window)\n")
        return 0
    for summary in summaries:
        where = " · ".join(part for part in (summary.outlet, summary.published) if part)
        sys.stdout.write(
            f"{summary.id:>5}  {summary.checked}/{summary.claims} checked  {summary.title}"
            + (f"  ({where})" if where else "")
            + "\n"
        )
    return 0
