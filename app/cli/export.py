"""`crible export`: an article's check as ClaimReview, Markdown, HTML, CSV or JSON; or the archive.

``crible export ARTICLE_ID --format FORMAT [-o FILE]`` and
``crible export --archive --format claimreview -o FILE`` (every review, as a DataFeed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from app.cli.common import open_db
from app.errors import UserError
from app.interop import reports
from app.storage import Archive
from app.storage.settings import get_setting

HELP = "export an article's check (claimreview, markdown, html, csv, json) or the whole archive"

FORMATS = ("claimreview", "markdown", "html", "csv", "json")


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


def run(args: argparse.Namespace) -> int:
    if args.archive == (args.article_id is not None):
        raise UserError("give either an ARTICLE_ID or --archive")
    fmt = args.format or ("claimreview" if args.archive else "markdown")
    if args.archive and fmt != "claimreview":
        raise UserError("--archive exports only --format claimreview")
    if args.output is not None and str(args.output) != "-":
        folder = args.output.expanduser().parent
        if not folder.is_dir():
            raise UserError(f"no such folder: {folder}")
    db = open_db(args)
    try:
        text = _render(db, args, fmt)
    finally:
        db.close()
    _write(text, args.output)
    return 0


def _render(db: Archive, args: argparse.Namespace, fmt: str) -> str:
    if fmt == "claimreview":
        return _json_text(_claimreview(db, args))
    if fmt == "markdown":
        return reports.render_markdown(db, args.article_id, lang=args.lang)
    if fmt == "html":
        return reports.render_html(db, args.article_id, lang=args.lang)
    if fmt == "csv":
        return reports.render_csv(db, args.article_id, lang=args.lang)
    return _json_text(reports.render_json(db, args.article_id, lang=args.lang))


def _claimreview(db: Archive, args: argparse.Namespace) -> Any:
    # Imported here: only this format needs the exporter, and `crible --help` stays light.
    from app.interop import claimreview_export

    if args.archive:
        return claimreview_export.archive_datafeed(db)
    return claimreview_export.article_claim_reviews(
        db,
        args.article_id,
        org_name=get_setting(db, "org_name") or "",
        org_url=get_setting(db, "org_url") or "",
    )


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(text: str, output: Path | None) -> None:
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    target = output.expanduser()
    # Write beside the target then rename: a failed export never leaves half a file.
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as exc:
        raise UserError(f"cannot write in {target.parent}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is meant to be shared
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise UserError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
