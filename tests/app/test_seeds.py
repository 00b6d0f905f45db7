"""The demo seeds: enough varied fact-checks, every shape loads, the article is stored once."""

from __future__ import annotations

import json
from importlib.resources import files

from app.seeds import REVIEW_FILES, demo_article, demo_article_path, load_demo
from app.storage.articles import list_articles
from app.storage.reviews import all_reviews


def test_load_demo_imports_every_seed_review_and_the_article(db) -> None:
    report = load_demo(db)

    assert report.errors == []
    assert report.files_read == len(REVIEW_FILES)
    assert report.imported >= 60
    pairs = list(all_reviews(db))
    assert len(pairs) == report.imported
    assert {review.lang for _, review in pairs} == {"fr", "en"}
    assert len({review.publisher for _, review in pairs}) >= 5
    assert sum(review.rating_norm is not None for _, review in pairs) >= 10
    assert all(claim.article_id is None and claim.origin == "import" for claim, _ in pairs)
    articles = list_articles(db)
    assert len(articles) == 1 and articles[0].lang == "fr" and articles[0].origin == "demo"


def test_load_demo_twice_adds_nothing(db) -> None:
    first = load_demo(db)
    second = load_demo(db)

    assert second.imported == 0
    assert second.skipped == first.imported
    assert len(list_articles(db)) == 1
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_seed_reviews_are_varied_and_dated_2018_to_2020() -> None:
    reviews = []
    for name in REVIEW_FILES:
        if name.endswith((".json", ".jsonld")):
            text = (files("seeds") / name).read_text(encoding="utf-8")
            reviews.extend(_claimreviews(json.loads(text)))
    assert len(reviews) >= 60
    ratings = {r["reviewRating"]["alternateName"] for r in reviews}
    assert {"Vrai", "Faux", "Trompeur", "Mostly false"} <= ratings
    assert all("2018" <= r["datePublished"][:4] <= "2020" for r in reviews)
    assert all(".example." in r["url"] for r in reviews)


def _claimreviews(data: object) -> list[dict]:
    if isinstance(data, list):
        return data
    if "@graph" in data:
        return data["@graph"]
    return [item for element in data["dataFeedElement"] for item in element["item"]]


def test_demo_article_is_a_french_news_text_of_reasonable_length() -> None:
    title, text = demo_article()

    assert demo_article_path().is_file()
    assert "Venezuela" in title
    assert 350 <= len(text.split()) <= 600
    assert "a déclaré" in text and "Selon" in text
