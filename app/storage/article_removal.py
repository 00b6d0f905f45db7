"""Deleting an article so that it can be put back: its row, its claims and what hangs on them.

The window's delete is undoable within the session; the snapshot holds every row the delete
(and its cascades) removed, and ``restore_article`` inserts them again under the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from app.domain import Article
from app.errors import UserError
from app.storage.articles import get_article
from app.storage.rows import fetch_dicts, in_chunks

# Rows that go with an article's claims, in the order they are put back (claims first).
_RELATED = {
    "reviews": "SELECT * FROM reviews WHERE claim_id IN ({marks})",
    "claim_sources": "SELECT * FROM claim_sources WHERE claim_id IN ({marks})",
    "claim_links": (
        "SELECT * FROM claim_links WHERE claim_id IN ({marks}) OR other_claim_id IN ({marks})"
    ),
}


@dataclass(frozen=True, slots=True)
class ArticleSnapshot:
    row: dict[str, Any]
    claims: tuple[dict[str, Any], ...] = ()
    related: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def remove_article(db: Database, article_id: int) -> ArticleSnapshot:
    """Delete an article with its claims (gone from matching and search); keep a snapshot."""
    article_row = fetch_dicts(db.conn, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not article_row:
        raise UserError("no article {article} in this archive", article=article_id)
    claims = fetch_dicts(
        db.conn, "SELECT * FROM claims WHERE article_id = ? ORDER BY id", [article_id]
    )
    claim_ids = [row["id"] for row in claims]
    related: dict[str, list[dict[str, Any]]] = {}
    for table, sql in _RELATED.items():
        seen: dict[int, dict[str, Any]] = {}
        for chunk, marks in in_chunks(claim_ids):
            query = sql.format(marks=marks)
            for row in fetch_dicts(db.conn, query, chunk * query.count("IN (")):
                seen[row["id"]] = row
        related[table] = list(seen.values())
    with db.atomic():
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])  # claims cascade
    return ArticleSnapshot(row=article_row[0], claims=tuple(claims), related=related)


def restore_article(db: Database, snapshot: ArticleSnapshot) -> Article:
    """Put a removed article back as it was, with the same ids everywhere."""
    with db.atomic():
        _insert(db, "articles", snapshot.row)
        for row in snapshot.claims:
            _insert(db, "claims", row)
        for table in _RELATED:
            for row in snapshot.related.get(table, []):
                _insert(db, table, row)
    return get_article(db, snapshot.row["id"])


def _insert(db: Database, table: str, row: dict[str, Any]) -> None:
    # Column names come from the archive's own rows, never from input.
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join(f":{name}" for name in row)
    db.execute(f"INSERT INTO {table}({columns}) VALUES ({marks})", row)
