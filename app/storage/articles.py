"""Articles: the texts a checker opened, with their metadata."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from app.domain import Article, ArticleId, ArticleSummary
from app.errors import UserError
from app.net import is_web_url
from app.storage.rows import article_from_row, fetch_dicts

EDITABLE_ARTICLE_FIELDS = frozenset({"title", "outlet", "url", "published", "author"})
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


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


def update_article(db: Database, article_id: int, **changes: str | None) -> Article:
    """Change an article's metadata in one transaction; "" or None clears a field."""
    unknown = set(changes) - EDITABLE_ARTICLE_FIELDS
    if unknown:
        raise ValueError(f"not editable article fields: {sorted(unknown)}")
    values: dict[str, Any] = {
        name: checked_article_field(name, value) for name, value in changes.items()
    }
    if not values:
        return get_article(db, article_id)
    assignments = ", ".join(f'"{name}" = :{name}' for name in values)
    with db.atomic():
        cursor = db.execute(
            f"UPDATE articles SET {assignments}, updated_at = {_NOW} WHERE id = :article_id",
            {**values, "article_id": article_id},
        )
        if cursor.rowcount == 0:
            raise UserError("no article {article} in this archive", article=article_id)
    return get_article(db, article_id)


def checked_article_field(name: str, value: str | None) -> str | None:
    """A metadata value a checker typed, checked: http(s) URL, real YYYY-MM-DD date."""
    text = (value or "").strip()
    if name == "title":
        return text  # NOT NULL: an empty title falls back to the text's headline on display
    if not text:
        return None
    if name == "url" and not is_web_url(text):
        raise UserError("the article's URL must be an http(s) address, not {url}", url=repr(text))
    if name == "published":
        try:
            datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            raise UserError("not a date: {value} (expected YYYY-MM-DD)", value=repr(text)) from None
    return text


def article_summaries(db: Database) -> list[ArticleSummary]:
    """Every article of the desk with its progress, the most recently changed first."""
    rows = fetch_dicts(
        db.conn,
        """
        SELECT a.id, a.title, a.outlet, a.url, a.published, a.added_at,
               max(a.updated_at, coalesce(max(c.updated_at), '')) AS last_change,
               count(c.id) AS claims,
               coalesce(sum(c.status = 'checked'), 0) AS checked,
               coalesce(sum(c.status != 'to_check'), 0) AS worked,
               coalesce(sum(c.verdict_level_id IS NOT NULL OR c.verdict_text != ''), 0)
                   AS verdicts
        FROM articles AS a LEFT JOIN claims AS c ON c.article_id = a.id
        GROUP BY a.id
        ORDER BY last_change DESC, a.id DESC
        """,
    )
    return [
        ArticleSummary(**{**row, "id": ArticleId(row["id"]), "title": row["title"] or ""})
        for row in rows
    ]


def delete_article(db: Database, article_id: int) -> int:
    """Delete the article with its claims (cascade, FTS rows too); archive claims are untouched.

    Returns how many claims went with it; UserError for an unknown id.
    """
    get_article(db, article_id)
    with db.atomic():
        claims = int(
            db.execute("SELECT count(*) FROM claims WHERE article_id = ?", [article_id]).fetchone()[
                0
            ]
        )
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    return claims


def find_article_by_text(db: Database, text: str) -> Article | None:
    """The earliest stored article with exactly this text: opening it again reuses the work."""
    rows = fetch_dicts(db.conn, "SELECT * FROM articles WHERE text = ? ORDER BY id LIMIT 1", [text])
    return article_from_row(rows[0]) if rows else None
