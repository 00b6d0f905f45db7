"""Edits of the desk's articles: their metadata, and deleting one (undoable, same ids back)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.changes import Changes, ids
from app.edits.base import Edit, frozen_mapping
from app.storage import article_removal
from app.storage import articles as articles_store


@dataclass(frozen=True, slots=True)
class EditArticle(Edit):
    """Set an article's metadata (title, outlet, URL, publication date, author)."""

    article_id: int
    changes: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", frozen_mapping(self.changes))

    def run(self, db: Database) -> tuple[Edit, Changes]:
        current = articles_store.get_article(db, self.article_id)
        before = {name: getattr(current, name) for name in self.changes}
        articles_store.update_article(db, self.article_id, **self.changes)
        return EditArticle(self.article_id, before), Changes(articles=ids(self.article_id))


@dataclass(frozen=True, slots=True)
class DeleteArticle(Edit):
    """Delete an article with its claims (the inverse puts all of it back, same ids)."""

    article_id: int

    def run(self, db: Database) -> tuple[Edit, Changes]:
        snapshot = article_removal.remove_article(db, self.article_id)
        gone = ids(self.article_id)
        return RestoreArticle(snapshot), Changes(articles=gone, claim_lists=gone)


@dataclass(frozen=True, slots=True)
class RestoreArticle(Edit):
    snapshot: article_removal.ArticleSnapshot

    def run(self, db: Database) -> tuple[Edit, Changes]:
        article = article_removal.restore_article(db, self.snapshot)
        back = ids(article.id)
        return DeleteArticle(int(article.id)), Changes(articles=back, claim_lists=back)
