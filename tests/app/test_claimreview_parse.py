"""Parsing ClaimReview JSON-LD in every shape, and its ratings, into ReviewRecords."""

from __future__ import annotations

import json

import pytest

from app.interop.claimreview import parse_html, parse_jsonld
from app.interop.records import BadRecord, ReviewRecord


def _review(claim: str = "La Russie a envoyé 300 tonnes d'aide.", **extra: object) -> dict:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://verif.example.fr/v/1",
        "datePublished": "2019-02-26",
        "name": "Non, pas 300 tonnes",
        "inLanguage": "fr-FR",
        "claimReviewed": claim,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Nicolas Maduro"},
            "datePublished": "2019-02-21",
            "appearance": [{"@type": "CreativeWork", "url": "https://tv.example.net/a"}],
        },
        "author": {"@type": "Organization", "name": "Vérif", "url": "https://verif.example.fr"},
        "reviewRating": {"@type": "Rating", "alternateName": "Faux", "ratingValue": 1,
                         "bestRating": 5, "worstRating": 1},
    }  # fmt: skip
    review.update(extra)
    return review


def _records(data: object) -> list[ReviewRecord | BadRecord]:
    return list(parse_jsonld(data, "f.json"))


def test_one_object_gives_every_field() -> None:
    [record] = _records(_review())

    assert record == ReviewRecord(
        claim_text="La Russie a envoyé 300 tonnes d'aide.",
        title="Non, pas 300 tonnes",
        claimant="Nicolas Maduro",
        claim_date="2019-02-21",
        appearances=("https://tv.example.net/a",),
        review_url="https://verif.example.fr/v/1",
        publisher="Vérif",
        publisher_site="https://verif.example.fr",
        date_published="2019-02-26",
        textual_rating="Faux",
        rating_value=1.0,
        best_rating=5.0,
        worst_rating=1.0,
        lang="fr",
        jsonld=record.jsonld,
    )
    assert json.loads(record.jsonld)["claimReviewed"] == record.claim_text
    assert record.rating_norm == 0.0


@pytest.mark.parametrize(
    "shape",
    [
        lambda a, b: [a, b],
        lambda a, b: {"@context": "https://schema.org", "@graph": [a, b]},
        lambda a, b: {
            "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "item": [a]},
                {"@type": "DataFeedItem", "item": b},
            ],
        },
        lambda a, b: {"@type": "WebPage", "mainEntity": a, "review": [b]},
        lambda a, b: {"@type": "ItemList", "itemListElement": [{"item": a}, {"item": b}]},
    ],
    ids=["list", "graph", "datafeed", "nested", "itemlist"],
)
def test_every_container_shape_yields_both_reviews_in_order(shape) -> None:
    records = _records(shape(_review("claim one"), _review("claim two")))

    assert [r.claim_text for r in records] == ["claim one", "claim two"]


@pytest.mark.parametrize(
    "type_", ["ClaimReview", "schema:ClaimReview", "https://schema.org/ClaimReview",
              ["Review", "ClaimReview"]],
)  # fmt: skip
def test_type_spellings_are_recognised(type_) -> None:
    assert len(_records(_review(**{"@type": type_}))) == 1


def test_other_types_are_ignored() -> None:
    assert _records({"@type": "NewsArticle", "headline": "x"}) == []


def test_missing_claim_text_is_a_bad_record_with_its_index() -> None:
    bad = _review()
    del bad["claimReviewed"], bad["name"]
    records = _records([_review("ok"), bad])

    assert isinstance(records[0], ReviewRecord)
    assert records[1] == BadRecord(
        "f.json#1", "no claim text (claimReviewed, headline and name are empty)"
    )


def test_claim_text_falls_back_to_item_reviewed_name() -> None:
    review = _review()
    del review["claimReviewed"]
    review["itemReviewed"]["name"] = "  Texte   de la  claim "

    assert _records(review)[0].claim_text == "Texte de la claim"


@pytest.mark.parametrize(
    ("rating", "value", "norm"),
    [
        ({"ratingValue": "3", "bestRating": "5", "worstRating": "1"}, 3.0, 0.5),
        ({"ratingValue": 4}, 4.0, 0.75),  # schema.org defaults: best 5, worst 1
        ({"ratingValue": "0,5", "bestRating": 1, "worstRating": 0}, 0.5, 0.5),
        ({"ratingValue": 2, "bestRating": 1, "worstRating": 5}, 2.0, 0.75),  # inverted scale
        ({"alternateName": "Trompeur"}, None, None),
        ({"ratingValue": "Faux"}, None, None),  # a word: the textual rating (see below)
    ],
)
def test_numeric_ratings_are_normalised(rating, value, norm) -> None:
    [record] = _records(_review(reviewRating={"@type": "Rating", **rating}))

    assert record.rating_value == value
    assert record.rating_norm == (pytest.approx(norm) if norm is not None else None)


@pytest.mark.parametrize(
    ("rating", "reason"),
    [
        ({"ratingValue": 3, "bestRating": 3, "worstRating": 3}, "bestRating equals worstRating"),
        ({"ratingValue": 7, "bestRating": 5, "worstRating": 1}, "outside"),
        ({"ratingValue": -1}, "outside"),
        ({"ratingValue": True}, "not a number"),
    ],
)
def test_bad_ratings_drop_the_number_with_a_warning_and_keep_the_record(rating, reason) -> None:
    [record] = _records(_review(reviewRating={**rating, "alternateName": "Faux"}))

    assert isinstance(record, ReviewRecord)
    assert (record.rating_value, record.rating_norm, record.textual_rating) == (None, None, "Faux")
    [warning] = record.warnings
    assert warning.startswith("f.json#0: numeric rating dropped: ")
    assert reason in warning


def test_loose_values_author_as_string_language_object_list_rating() -> None:
    review = _review(
        author="Desk",
        inLanguage={"@type": "Language", "name": "English", "alternateName": "en"},
        reviewRating=[{"@type": "Rating", "name": "False"}],
    )
    review["itemReviewed"] = {
        "@type": "Claim",
        "author": "Someone",
        "appearance": "https://x.example/y",
    }
    [record] = _records(review)

    assert record.publisher == "Desk"
    assert record.publisher_site is None
    assert record.lang == "en"
    assert record.textual_rating == "False"
    assert record.claimant == "Someone"
    assert record.appearances == ("https://x.example/y",)


def test_html_page_blocks_are_read_and_scripts_never_run() -> None:
    page = f"""<!doctype html><html><head>
    <meta charset="utf-8"><title>Vérification</title>
    <script>document.write("never run"); throw new Error()</script>
    <script type="application/ld+json">{json.dumps(_review("première"))}</script>
    <script type="application/ld+json">{{ not json</script>
    </head><body><p>texte</p>
    <script type="Application/LD+JSON; charset=utf-8">
    {json.dumps({"@graph": [_review("deuxième"), {"@type": "Organization"}]})}
    </script></body></html>"""
    records = list(parse_html(page, "page.html"))

    assert [getattr(r, "claim_text", None) for r in records] == ["première", None, "deuxième"]
    assert isinstance(records[1], BadRecord) and "invalid JSON-LD" in records[1].reason
    assert records[2].lang == "fr"


def test_html_with_xml_declaration_is_read() -> None:
    page = (
        '<?xml version="1.0" encoding="utf-8"?><html><head><script type="application/ld+json">'
        + json.dumps(_review("x"))
        + "</script></head></html>"
    )
    assert [r.claim_text for r in parse_html(page, "p.xhtml")] == ["x"]


def test_html_without_json_ld_gives_nothing() -> None:
    assert list(parse_html("<html><body><p>rien</p></body></html>", "p.html")) == []


def test_review_url_falls_back_to_a_web_id_only() -> None:
    web = _review(**{"@id": "https://verif.example.fr/v/9"})
    del web["url"]
    blank = _review(**{"@id": "_:b0"})
    del blank["url"]

    assert _records(web)[0].review_url == "https://verif.example.fr/v/9"
    assert _records(blank)[0].review_url is None
