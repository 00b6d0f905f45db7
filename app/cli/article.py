"""`crible article edit|delete ID`: an article's metadata, or the article and its claims gone.

``delete`` takes a backup first (``crible restore`` brings the article back) and removes the
article's claims from matching and search with it.
"""

from __future__ import annotations

import argparse
import sys

from app import edits
from app.cli.common import open_db
from app.errors import UserError
from app.paths import resolve_db_path
from app.storage.articles import delete_article, get_article
from app.storage.backup import make_backup

_FIELDS = ("title", "outlet", "url", "published", "author")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("edit", "delete"))
    parser.add_argument("article_id", metavar="ID", type=int)
    parser.add_argument("--title", metavar="T")
    parser.add_argument("--outlet", metavar="O", help="the outlet that published it")
    parser.add_argument("--url", metavar="U", help="its http(s) address")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="its publication date")
    parser.add_argument("--author", metavar="A")


def run(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in _FIELDS if getattr(args, name) is not None}
    if args.action == "delete" and changes:
        raise UserError("crible article delete takes only the article's ID")
    if args.action == "edit" and not changes:
        raise UserError("nothing to change: give --title, --outlet, --url, --published or --author")
    db = open_db(args)
    try:
        if args.action == "edit":
            edits.apply(db, edits.EditArticle(args.article_id, changes))  # as the window does
            sys.stdout.write(f"saved article {args.article_id} ({', '.join(sorted(changes))})\n")
            return 0
        title = get_article(db, args.article_id).title  # unknown id: refused before a backup
        backup = make_backup(db, resolve_db_path(args.db), reason="before-delete")
        claims = delete_article(db, args.article_id)
    finally:
        db.close()
    sys.stdout.write(
        f"deleted article {args.article_id} ({title!r}, {claims} claims); backup: {backup}\n"
    )
    return 0
