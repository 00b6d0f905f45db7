"""ClaimReview export of the team's checks and of the archive, and the import round trip."""

from __future__ import annotations

import json

import pytest

from app.errors import UserError
from app.interop.claimreview import parse_jsonld
from app.interop.claimreview_export import (
    archive_datafeed,
    article_claim_reviews,
    claim_review,
    rating_from_value,
)
from app.interop.importer import import_paths, import_records
from app.seeds import load_demo
from app.storage import open_archive
from app.storage.articles import add_article
from app.storage.claims import add_claim, update_claim
from app.storage.reviews import all_reviews
from app.storage.scales import default_scale
from app.storage.settings import set_setting

ORG = {"org_name": "Crible Desk", "org_url": "https://desk.example.org"}
TEXT = "Maduro a affirmé que 300 tonnes d'aide russe arriveraient. Le pont est fermé."


def _level(db, key: str):
    return next(level for level in default_scale(db).levels if level.key == key)


def _article_with_checks(db):
    article = add_article(
        db, text=TEXT, title="Aide russe", url="https://journal.example.fr/a", lang="fr",
        outlet="Le Journal", published="2019-02-25",
    )  # fmt: skip
    first = add_claim(
        db, text=TEXT[:58], article_id=article.id, start=0, end=58, lang="fr",
        speaker="Nicolas Maduro", title="300 tonnes d'aide russe ?",
    )  # fmt: skip
    second = add_claim(db, text=TEXT[59:], article_id=article.id, start=59, end=len(TEXT))
    third = add_claim(db, text="Pas encore vérifiée", article_id=article.id, start=0, end=5)
    update_claim(
        db, first.id, status="checked", verdict_level_id=_level(db, "false").id,
        verdict_text="Moscou n'a livré que 7,5 tonnes.", notes="note privée",
        claim_date="2019-02-21",
    )  # fmt: skip
    update_claim(db, second.id, status="checked", verdict_level_id=_level(db, "unverifiable").id)
    return article, first, second, third


def _fields(review) -> tuple:
    return (
        review.url, review.publisher, review.publisher_site, review.date_published,
        review.headline, review.textual_rating, review.rating_value, review.best_rating,
        review.worst_rating, review.rating_norm, review.lang,
    )  # fmt: skip


def _claim_fields(claim) -> tuple:
    return (claim.text, claim.title, claim.claimant, claim.claim_date)


def test_claim_review_of_a_checked_claim(db) -> None:
    _, first, *_ = _article_with_checks(db)
    review = claim_review(db, first.id, lang="fr", **ORG)

    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == first.text
    assert review["name"] == "300 tonnes d'aide russe ?"
    assert review["url"] == f"https://desk.example.org/#crible-claim-{first.id}"
    assert review["author"] == {"@type": "Organization", **{"name": "Crible Desk",
                                "url": "https://desk.example.org"}}  # fmt: skip
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Nicolas Maduro"},
        "datePublished": "2019-02-21",
        "appearance": [
            {"@type": "CreativeWork", "url": "https://journal.example.fr/a",
             "headline": "Aide russe", "datePublished": "2019-02-25",
             "publisher": {"@type": "Organization", "name": "Le Journal"}}
        ],
    }  # fmt: skip
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Faux", "ratingValue": 1, "bestRating": 5,
        "worstRating": 1, "ratingExplanation": "Moscou n'a livré que 7,5 tonnes.",
    }  # fmt: skip
    assert len(review["datePublished"]) == 10
    assert "note privée" not in json.dumps(review, ensure_ascii=False)


def test_english_label_and_level_without_value(db) -> None:
    _, first, second, _ = _article_with_checks(db)

    assert claim_review(db, first.id, lang="en", **ORG)["reviewRating"]["alternateName"] == "False"
    rating = claim_review(db, second.id, lang="fr", **ORG)["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Invérifiable"}


def test_claim_without_verdict_is_refused(db) -> None:
    *_, third = _article_with_checks(db)
    with pytest.raises(UserError, match="no verdict"):
        claim_review(db, third.id, lang="fr", **ORG)


@pytest.mark.parametrize(("value", "rating"), [(0.0, 1), (0.25, 2), (0.35, 2.4), (1.0, 5)])
def test_levels_map_to_a_1_to_5_scale(value, rating) -> None:
    assert rating_from_value(value) == rating


def test_article_reviews_only_checked_claims_in_order(db) -> None:
    article, first, second, _ = _article_with_checks(db)
    reviews = article_claim_reviews(db, article.id, **ORG)

    assert [r["claimReviewed"] for r in reviews] == [first.text, second.text]


def test_own_check_round_trip_gives_the_same_review(db, tmp_path) -> None:
    article, first, *_ = _article_with_checks(db)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(article_claim_reviews(db, article.id, **ORG)), "utf-8")
    other = open_archive(tmp_path / "other.db")
    try:
        assert import_paths(other, [path]).imported == 2
        claim, review = next(all_reviews(other))
    finally:
        other.close()

    assert _claim_fields(claim) == (first.text, first.title, "Nicolas Maduro", "2019-02-21")
    assert review.textual_rating == "Faux" and review.publisher == "Crible Desk"
    assert (review.rating_value, review.best_rating, review.worst_rating) == (1, 5, 1)
    assert review.rating_norm == 0.0
    assert review.url == f"https://desk.example.org/#crible-claim-{first.id}"


def test_numeric_level_round_trips_to_its_value(db) -> None:
    _, first, *_ = _article_with_checks(db)
    update_claim(db, first.id, verdict_level_id=_level(db, "misleading").id)
    [record] = list(parse_jsonld(claim_review(db, first.id, lang="fr", **ORG), "x"))

    assert record.rating_norm == pytest.approx(0.35)


def test_archive_datafeed_round_trip_of_imported_and_own_reviews(db, tmp_path) -> None:
    load_demo(db)
    import_records(db, list(parse_jsonld({"@type": "ClaimReview", "claimReviewed": "sans url"},
                                         "x")))  # fmt: skip
    _article_with_checks(db)
    set_setting(db, "org_name", "Crible Desk")
    set_setting(db, "org_url", "https://desk.example.org")
    feed = archive_datafeed(db)
    path = tmp_path / "archive.json"
    path.write_text(json.dumps(feed, ensure_ascii=False), "utf-8")

    other = open_archive(tmp_path / "other.db")
    try:
        report = import_paths(other, [path])
        imported = sorted((_claim_fields(c), _fields(r)) for c, r in all_reviews(other))
    finally:
        other.close()

    assert feed["@type"] == "DataFeed"
    original = sorted((_claim_fields(c), _fields(r)) for c, r in all_reviews(db))
    own = len(feed["dataFeedElement"]) - len(original)
    assert own == 2
    assert report.errors == [] and report.imported == len(original) + own
    assert [x for x in imported if x in original] == original
    own_reviews = [x for x in imported if x not in original]
    assert {r[1][1] for r in own_reviews} == {"Crible Desk"}
