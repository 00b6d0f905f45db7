"""`crible export`: an article's check as ClaimReview, Markdown, HTML, CSV or JSON; or the archive.

``crible export ARTICLE_ID --format FORMAT [-o FILE]`` and
``crible export --archive --format claimreview -o FILE`` (every review, as a DataFeed).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from app.cli.common import open_db
from app.errors import UserError
from app.files import atomic_write
from app.interop import claimreview_export, reports
from app.net import is_web_url
from app.storage import Archive
from app.storage.settings import get_setting, set_setting
from app.workflows.exporting import render_article

FORMATS = reports.EXPORT_FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article_id", nargs="?", type=int, metavar="ARTICLE_ID")
    parser.add_argument(
        "--archive",
        action="store_true",
        help="every review in the archive as a ClaimReview DataFeed, to share",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: markdown for an article, claimreview for --archive)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout"
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="language of report headings (default: the article's)"
    )
    parser.add_argument(
        "--org-name", metavar="NAME", help="your organisation, the ClaimReview author (remembered)"
    )
    parser.add_argument(
        "--org-url", metavar="URL", help="your organisation's web address (remembered)"
    )


def run(args: argparse.Namespace) -> int:
    if args.archive == (args.article_id is not None):
        raise UserError("give either an ARTICLE_ID or --archive")
    fmt = args.format or ("claimreview" if args.archive else "markdown")
    if args.archive and fmt != "claimreview":
        raise UserError("--archive exports only --format claimreview")
    output = None if args.output is None or str(args.output) == "-" else args.output.expanduser()
    if output is not None and not output.parent.is_dir():
        raise UserError(f"no such folder: {output.parent}")
    if args.org_url and not is_web_url(args.org_url):
        raise UserError(f"--org-url must be an http(s) address, not {args.org_url!r}")
    db = open_db(args, reading=True)
    try:
        _remember_organisation(db, args.org_name, args.org_url)
        # The archive is streamed (it can hold 100k reviews); reports are small, built whole
        # before anything is written so an error never leaves a partial file.
        chunks = (
            _archive_feed(db)
            if args.archive
            else [render_article(db, args.article_id, fmt, args.lang)]
        )
        _write(chunks, output)
    finally:
        db.close()
    return 0


def _remember_organisation(db: Archive, name: str | None, url: str | None) -> None:
    if name is not None and name.strip():
        set_setting(db, "org_name", name.strip())
    if url:
        set_setting(db, "org_url", url.strip())


def _archive_feed(db: Archive) -> Iterator[str]:
    """The same DataFeed as ``claimreview_export.archive_datafeed``, one element per line."""
    org_name = get_setting(db, "org_name") or ""
    envelope = {
        "@context": claimreview_export.CONTEXT,
        "@type": "DataFeed",
        "name": f"Crible archive{f' — {org_name}' if org_name else ''}",
        "dateModified": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    head = json.dumps(envelope, ensure_ascii=False, indent=2)
    yield head[:-2] + ',\n  "dataFeedElement": ['
    separator = "\n"
    for item in claimreview_export.iter_archive_reviews(db):
        element = {"@type": "DataFeedItem", "dateCreated": item.get("datePublished")}
        element["item"] = [item]
        yield separator + "    " + json.dumps(element, ensure_ascii=False)
        separator = ",\n"
    yield "\n  ]\n}\n"


def _write(chunks: Iterable[str], output: Path | None) -> None:
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        return
    atomic_write(output, chunks)  # a failed export never leaves half a file
