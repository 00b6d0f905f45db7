"""ClaimReview export of the team's reviews and of the archive, the checklist, the round trip."""

from __future__ import annotations

import json

import pytest

from app.errors import UserError
from app.interop.claimreview import parse_jsonld
from app.interop.claimreview_export import (
    archive_datafeed,
    claim_review,
    claim_reviewed,
    scale_positions,
)
from app.interop.importer import import_paths, import_records
from app.interop.publish_checklist import (
    IncompleteReviews,
    article_checklist,
    complete_reviews,
    publishable_reviews,
)
from app.seeds import load_demo
from app.storage import open_archive
from app.storage.articles import add_article, update_article
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
        outlet="Le Journal", published="2019-02-25", author="Léa Martin",
    )  # fmt: skip
    first = add_claim(
        db, text=TEXT[:58], article_id=article.id, start=0, end=58, lang="fr",
        speaker="Nicolas Maduro", title="300 tonnes d'aide russe ?",
    )  # fmt: skip
    second = add_claim(db, text=TEXT[59:], article_id=article.id, start=59, end=len(TEXT))
    third = add_claim(db, text="Pas encore vérifiée", article_id=article.id, start=60, end=65)
    update_claim(
        db, first.id, status="checked", verdict_level_id=_level(db, "false").id,
        verdict_text="Moscou n'a livré que 7,5 tonnes.", notes="note privée",
        claim_date="2019-02-21", review_url="https://desk.example.org/checks/aide-russe",
        review_headline="Non, la Russie n'a pas envoyé 300 tonnes d'aide",
        reviewer="Ana Dupont", review_date="2019-02-27",
    )  # fmt: skip
    update_claim(
        db, second.id, status="checked", verdict_level_id=_level(db, "unverifiable").id,
        review_url="https://desk.example.org/checks/pont",
    )  # fmt: skip
    for key, value in ORG.items():
        set_setting(db, key, value)
    return article, first, second, third


def _fields(review) -> tuple:
    return (
        review.url, review.publisher, review.publisher_site, review.date_published,
        review.headline, review.textual_rating, review.rating_value, review.best_rating,
        review.worst_rating, review.rating_norm, review.lang,
    )  # fmt: skip


def _claim_fields(claim) -> tuple:
    return (claim.text, claim.title, claim.claimant, claim.claim_date)


def test_claim_review_of_a_reviewed_claim(db) -> None:
    _, first, *_ = _article_with_checks(db)
    review = claim_review(db, first.id, lang="fr", **ORG)

    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["url"] == "https://desk.example.org/checks/aide-russe"
    assert review["claimReviewed"] == first.text
    assert review["headline"] == "Non, la Russie n'a pas envoyé 300 tonnes d'aide"
    assert review["datePublished"] == "2019-02-27"
    organisation = {"@type": "Organization", "name": "Crible Desk",
                    "url": "https://desk.example.org"}  # fmt: skip
    assert review["author"] == organisation
    assert review["creator"] == {"@type": "Person", "name": "Ana Dupont",
                                 "affiliation": organisation}  # fmt: skip
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Nicolas Maduro"},
        "datePublished": "2019-02-21",
        "appearance": [
            {"@type": "CreativeWork", "url": "https://journal.example.fr/a",
             "headline": "Aide russe", "datePublished": "2019-02-25",
             "author": {"@type": "Person", "name": "Léa Martin"},
             "publisher": {"@type": "Organization", "name": "Le Journal"}}
        ],
    }  # fmt: skip
    # Six valued levels on the default scale: Faux is 1 of 1..6, an integer.
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Faux", "ratingValue": 1, "bestRating": 6,
        "worstRating": 1, "ratingExplanation": "Moscou n'a livré que 7,5 tonnes.",
    }  # fmt: skip
    assert "note privée" not in json.dumps(review, ensure_ascii=False)


def test_english_label_and_level_without_value(db) -> None:
    _, first, second, _ = _article_with_checks(db)

    assert claim_review(db, first.id, lang="en", **ORG)["reviewRating"]["alternateName"] == "False"
    rating = claim_review(db, second.id, lang="fr", **ORG)["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Invérifiable"}


def test_scale_positions_are_integers_ranked_by_value(db) -> None:
    scale = default_scale(db)
    positions = scale_positions(scale)
    by_key = {level.key: positions.get(level.id) for level in scale.levels}

    assert by_key == {"false": 1, "mostly_false": 2, "misleading": 3, "mixed": 4,
                      "mostly_true": 5, "true": 6, "unverifiable": None}  # fmt: skip


def test_claim_without_verdict_is_refused(db) -> None:
    *_, third = _article_with_checks(db)
    with pytest.raises(UserError, match="no verdict"):
        claim_review(db, third.id, lang="fr", **ORG)


def test_no_organisation_is_refused(db) -> None:
    _, first, *_ = _article_with_checks(db)
    with pytest.raises(UserError, match="organisation"):
        claim_review(db, first.id, lang="fr", org_name=" ", org_url="")


def test_claim_reviewed_is_the_checkers_wording_else_a_self_contained_clause(db) -> None:
    article = add_article(db, text="Juan Guaido, qui s'est autoproclamé président.", lang="fr")
    clause = add_claim(
        db, text="qui s'est autoproclamé président", article_id=article.id, start=13, end=45,
        reasons=["about Juan Guaido"],
    )  # fmt: skip
    assert claim_reviewed(clause) == "Juan Guaido s'est autoproclamé président"

    edited = update_claim(db, clause.id, claim_reviewed="  Guaido s'est proclamé président  ")
    assert claim_reviewed(edited) == "Guaido s'est proclamé président"


def test_publishable_reviews_are_those_with_a_verdict_in_order(db) -> None:
    article, _first, second, _ = _article_with_checks(db)
    reviews = publishable_reviews(db, article.id)

    assert [r["url"] for r in reviews] == [
        "https://desk.example.org/checks/aide-russe",
        "https://desk.example.org/checks/pont",
    ]
    # A verdict is what counts, not the status: an "in progress" claim with a verdict is out too.
    update_claim(db, second.id, status="in_progress")
    assert len(publishable_reviews(db, article.id)) == 2


def test_export_refuses_one_line_per_claim_naming_each_missing_field(db) -> None:
    article, first, second, _ = _article_with_checks(db)
    update_claim(db, second.id, review_url=None)
    update_article(db, article.id, url="")

    with pytest.raises(IncompleteReviews) as refused:
        publishable_reviews(db, article.id)

    assert refused.value.lines == [
        f"claim {first.id}: missing article URL (crible article edit {article.id} --url URL)",
        f"claim {second.id}: missing review URL (crible edit {second.id} --review-url URL),"
        f" article URL (crible article edit {article.id} --url URL)",
    ]
    # Without an organisation nothing can be signed: one line for the article.
    set_setting(db, "org_name", "")
    with pytest.raises(UserError, match="organisation") as refused:
        publishable_reviews(db, article.id)
    assert not isinstance(refused.value, IncompleteReviews)


def test_nothing_to_publish_without_a_verdict(db) -> None:
    article = add_article(db, text=TEXT, lang="fr")
    add_claim(db, text=TEXT[:58], article_id=article.id, start=0, end=58)
    set_setting(db, "org_name", "Crible Desk")
    with pytest.raises(UserError, match="has a verdict yet"):
        publishable_reviews(db, article.id)


def test_checklist_lists_recommended_items_apart(db) -> None:
    article, first, second, _third = _article_with_checks(db)
    checks = {check.claim_id: check for check in article_checklist(db, article.id)}

    assert set(checks) == {first.id, second.id}
    assert checks[first.id].publishable and checks[first.id].missing_recommended == ()
    assert checks[second.id].missing_recommended == ("headline", "reviewer", "claimant")
    everything = article_checklist(db, article.id, with_verdict_only=False)
    assert [c.number for c in everything] == [1, 2, 3]
    assert everything[2].missing_required == ("verdict", "review_url")


def test_complete_reviews_leave_out_the_incomplete_ones(db) -> None:
    article, _, second, _ = _article_with_checks(db)
    update_claim(db, second.id, review_url=None)

    urls = [review["url"] for review in complete_reviews(db, article.id)]
    assert urls == ["https://desk.example.org/checks/aide-russe"]
    set_setting(db, "org_name", "")
    assert complete_reviews(db, article.id) == []


def test_review_url_must_be_a_web_address(db) -> None:
    _, first, *_ = _article_with_checks(db)
    with pytest.raises(UserError, match="http"):
        update_claim(db, first.id, review_url="javascript:alert(1)")
    with pytest.raises(UserError, match="not a date"):
        update_claim(db, first.id, review_date="27/02/2019")


def test_published_reviews_round_trip_through_import(db, tmp_path) -> None:
    article, first, _second, _ = _article_with_checks(db)
    exported = publishable_reviews(db, article.id)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), "utf-8")
    other = open_archive(tmp_path / "other.db")
    try:
        report = import_paths(other, [path])
        imported = {review.url: (claim, review) for claim, review in all_reviews(other)}
    finally:
        other.close()

    assert report.imported == 2 and report.errors == []
    claim, review = imported["https://desk.example.org/checks/aide-russe"]
    assert _claim_fields(claim) == (first.text, "Non, la Russie n'a pas envoyé 300 tonnes d'aide",
                                    "Nicolas Maduro", "2019-02-21")  # fmt: skip
    assert (review.publisher, review.publisher_site) == ("Crible Desk", "https://desk.example.org")
    assert (review.date_published, review.textual_rating, review.lang) == ("2019-02-27", "Faux",
                                                                            "fr")  # fmt: skip
    assert (review.rating_value, review.best_rating, review.worst_rating) == (1, 6, 1)
    assert review.rating_norm == 0.0
    _, unrated = imported["https://desk.example.org/checks/pont"]
    assert (unrated.textual_rating, unrated.rating_value) == ("Invérifiable", None)
    # Exported again from the other archive (its original JSON-LD kept): the same review.
    assert json.loads(review.jsonld or "{}") == exported[0]


def test_numeric_level_round_trips_to_its_place_on_the_scale(db) -> None:
    _, first, *_ = _article_with_checks(db)
    update_claim(db, first.id, verdict_level_id=_level(db, "misleading").id)
    [record] = list(parse_jsonld(claim_review(db, first.id, lang="fr", **ORG), "x"))

    assert (record.rating_value, record.best_rating) == (3, 6)
    assert record.rating_norm == pytest.approx(0.4)


def test_archive_datafeed_round_trip_of_imported_and_own_reviews(db, tmp_path) -> None:
    load_demo(db)
    import_records(db, list(parse_jsonld({"@type": "ClaimReview", "claimReviewed": "sans url"},
                                         "x")))  # fmt: skip
    _, _, second, _ = _article_with_checks(db)
    update_claim(db, second.id, review_url=None)  # shared anyway, at an anchor of the org's site
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
    assert {r[1][0] for r in own_reviews} == {
        "https://desk.example.org/checks/aide-russe",
        f"https://desk.example.org/#crible-claim-{second.id}",
    }
