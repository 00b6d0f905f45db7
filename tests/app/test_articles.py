"""The desk's articles: metadata edits, the progress list, delete; migration 0006's columns."""

from __future__ import annotations

import sqlite3

import pytest

from app.errors import UserError
from app.storage import open_archive
from app.storage.articles import article_summaries, delete_article, get_article, update_article
from app.storage.claims import add_claim, get_claim, update_claim
from app.storage.db import applied_migrations
from app.storage.scales import default_scale

TEXT = "Le chômage a baissé de 2 % en 2025. Le pont est fermé depuis lundi."


def _article(db, **meta):
    from app.storage.articles import add_article

    article = add_article(db, text=TEXT, title="Chômage", lang="fr", **meta)
    first = add_claim(db, text=TEXT[:35], article_id=article.id, start=0, end=35)
    second = add_claim(db, text=TEXT[36:], article_id=article.id, start=36, end=len(TEXT))
    return article, first, second


def test_metadata_is_edited_checked_and_cleared(db) -> None:
    article, *_ = _article(db)
    edited = update_article(
        db, article.id, url=" https://journal.example.fr/a ", outlet="Le Journal",
        published="2019-02-25", author="Léa Martin", title="Le chômage",
    )  # fmt: skip
    assert (edited.url, edited.outlet, edited.published, edited.author, edited.title) == (
        "https://journal.example.fr/a", "Le Journal", "2019-02-25", "Léa Martin", "Le chômage",
    )  # fmt: skip
    assert update_article(db, article.id, outlet="", url=None).outlet is None
    assert get_article(db, article.id).url is None
    with pytest.raises(UserError, match="http"):
        update_article(db, article.id, url="file:///etc/passwd")
    with pytest.raises(UserError, match="not a date"):
        update_article(db, article.id, published="2019-02-30")
    with pytest.raises(UserError, match="no article 99"):
        update_article(db, 99, outlet="x")
    with pytest.raises(ValueError, match="text"):
        update_article(db, article.id, text="autre")  # the text is what offsets index: never


def test_summaries_count_claims_checked_worked_and_verdicts(db) -> None:
    article, first, second = _article(db, outlet="Le Journal", published="2019-02-25")
    other, *_ = _article(db)
    level = default_scale(db).levels[0]
    update_claim(db, first.id, status="checked", verdict_level_id=level.id)
    update_claim(db, second.id, status="in_progress")

    by_id = {summary.id: summary for summary in article_summaries(db)}
    assert set(by_id) == {article.id, other.id}
    mine = by_id[article.id]
    assert (mine.claims, mine.checked, mine.worked, mine.verdicts) == (2, 1, 2, 1)
    assert (mine.title, mine.outlet, mine.published) == ("Chômage", "Le Journal", "2019-02-25")
    assert mine.last_change >= mine.added_at
    assert (by_id[other.id].checked, by_id[other.id].worked) == (0, 0)


def test_delete_takes_the_claims_and_their_search_rows(db) -> None:
    article, first, _ = _article(db)
    archive_claim = add_claim(db, text="Le chômage a baissé de 2 %.")
    assert delete_article(db, article.id) == 2
    with pytest.raises(UserError):
        get_claim(db, first.id)
    rows = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'chomage'").fetchall()
    assert [row[0] for row in rows] == [archive_claim.id]
    with pytest.raises(UserError, match="no article"):
        delete_article(db, article.id)


def test_migration_0006_adds_the_review_fields_to_an_older_archive(tmp_path) -> None:
    path = tmp_path / "old.db"
    db = open_archive(path)
    db.close()
    conn = sqlite3.connect(path)
    # An archive as 0005 left it: no review columns, no record of 0006.
    for column in ("claim_reviewed", "review_url", "review_headline", "reviewer", "review_date"):
        conn.execute(f"ALTER TABLE claims DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_review_fields'")
    conn.commit()
    conn.close()

    db = open_archive(path)
    try:
        assert "0006_review_fields" in applied_migrations(db)
        claim = add_claim(db, text="Le pont est fermé.")
        updated = update_claim(db, claim.id, review_url="https://desk.example.org/a",
                               reviewer="Ana", review_date="2019-02-27")  # fmt: skip
        assert (updated.review_url, updated.reviewer, updated.review_headline) == (
            "https://desk.example.org/a", "Ana", "",
        )  # fmt: skip
    finally:
        db.close()


def test_deleting_an_article_is_undone_with_everything_that_hung_on_it(db) -> None:
    from app.edits import DeleteArticle, EditArticle, apply
    from app.storage.links import links_of_claim, set_claim_link
    from app.storage.sources import add_source, sources_of_claim

    article, first, second = _article(db, outlet="Le Journal")
    archive_claim = add_claim(db, text="Le chômage a baissé de 2 %.")
    add_source(db, first.id, url="https://insee.example.fr/t3", stance="refutes")
    set_claim_link(db, first.id, archive_claim.id, "same", score=90.0)
    set_claim_link(db, second.id, first.id, "not_same")
    update_claim(db, first.id, review_url="https://desk.example.org/a")

    undo, changes = apply(db, DeleteArticle(article.id))
    assert changes.articles == {article.id} and changes.claim_lists == {article.id}
    assert article_summaries(db) == []
    assert db.execute("SELECT count(*) FROM claim_links").fetchone()[0] == 0

    redo, _ = apply(db, undo)
    assert get_article(db, article.id).outlet == "Le Journal"
    assert get_claim(db, first.id).review_url == "https://desk.example.org/a"
    assert [s.source.url for s in sources_of_claim(db, first.id)] == ["https://insee.example.fr/t3"]
    assert [link.other_claim_id for link in links_of_claim(db, first.id)] == [archive_claim.id]
    assert [link.other_claim_id for link in links_of_claim(db, second.id)] == [first.id]
    rows = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'pont'").fetchall()
    assert [row[0] for row in rows] == [second.id]  # back in search too
    assert isinstance(redo, DeleteArticle)

    undo_edit, _ = apply(db, EditArticle(article.id, {"outlet": "Autre", "url": "https://a.fr/"}))
    assert get_article(db, article.id).outlet == "Autre"
    apply(db, undo_edit)
    assert (get_article(db, article.id).outlet, get_article(db, article.id).url) == (
        "Le Journal", None,
    )  # fmt: skip
