"""Articles: the texts a checker opened, with their metadata."""

from __future__ import annotations

from sqlite_utils import Database

from app.domain import Article
from app.errors import UserError
from app.storage.rows import article_from_row, fetch_dicts


def add_article(
    db: Database,
    *,
    text: str,
    title: str = "",
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    origin: str = "paste",
) -> Article:
    with db.atomic():
        article_id = insert_article_row(
            db,
            text=text,
            title=title,
            url=url,
            outlet=outlet,
            author=author,
            published=published,
            lang=lang,
            origin=origin,
        )
    return get_article(db, article_id)


def insert_article_row(db: Database, **fields: object) -> int:
    """Insert without its own transaction: for callers composing a larger one."""
    if not str(fields.get("text") or "").strip():
        raise UserError("the article is empty")
    cursor = db.execute(
        "INSERT INTO articles(title, text, url, outlet, author, published, lang, origin)"
        " VALUES (:title, :text, :url, :outlet, :author, :published, :lang, :origin)",
        {
            "title": fields.get("title") or "",
            "text": fields["text"],
            "url": fields.get("url"),
            "outlet": fields.get("outlet"),
            "author": fields.get("author"),
            "published": fields.get("published"),
            "lang": fields.get("lang"),
            "origin": fields.get("origin") or "paste",
        },
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def get_article(db: Database, article_id: int) -> Article:
    rows = fetch_dicts(db.conn, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise UserError("no article {article} in this archive", article=article_id)
    return article_from_row(rows[0])


def list_articles(db: Database, limit: int = 200) -> list[Article]:
    """Newest first."""
    rows = fetch_dicts(
        db.conn, "SELECT * FROM articles ORDER BY added_at DESC, id DESC LIMIT ?", [limit]
    )
    return [article_from_row(row) for row in rows]


def count_articles(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def delete_article(db: Database, article_id: int) -> None:
    """Delete the article with its claims (cascade); archive claims are untouched."""
    with db.atomic():
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def find_article_by_text(db: Database, text: str) -> Article | None:
    """The earliest stored article with exactly this text: opening it again reuses the work."""
    rows = fetch_dicts(db.conn, "SELECT * FROM articles WHERE text = ? ORDER BY id LIMIT 1", [text])
    return article_from_row(rows[0]) if rows else None
