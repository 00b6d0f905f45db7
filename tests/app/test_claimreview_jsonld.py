"""The published ClaimReview, read as JSON-LD (pyld expansion) and checked against the rules.

Expansion resolves every term to its schema.org IRI through the context shipped in
``tests/app/data`` (served by a local document loader: nothing is ever fetched), so a misspelt
property, a wrong type or a string where an IRI belongs shows up here, which key look-ups on
the JSON would not see. The rules are schema.org's types and Google's ClaimReview
requirements (required: url, claimReviewed, reviewRating with alternateName; recommended:
author, datePublished, itemReviewed Claim with author, datePublished and appearance).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from app.interop.claimreview_export import iter_archive_reviews
from app.interop.publish_checklist import publishable_reviews
from app.seeds import load_demo
from app.storage.claims import update_claim
from tests.app.test_export_claimreview import _article_with_checks

S = "https://schema.org/"
CONTEXT_FILE = Path(__file__).parent / "data" / "schemaorg-context.jsonld"
SCHEMA_CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org",
                   "http://schema.org/"}  # fmt: skip
# The properties each type may carry here, from schema.org's definitions of those types.
ALLOWED = {
    "ClaimReview": {"url", "claimReviewed", "reviewRating", "author", "creator", "datePublished",
                    "itemReviewed", "headline", "inLanguage", "name"},
    "Claim": {"author", "datePublished", "appearance", "firstAppearance"},
    "CreativeWork": {"url", "headline", "datePublished", "author", "publisher"},
    "Rating": {"ratingValue", "bestRating", "worstRating", "alternateName", "ratingExplanation"},
    "Organization": {"name", "url"},
    "Person": {"name", "affiliation"},
}  # fmt: skip
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


REFUSED: list[str] = []


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """Serve schema.org's context from the shipped file; refuse anything else (no network)."""
    if url not in SCHEMA_CONTEXTS:
        REFUSED.append(url)
        raise ValueError(f"the JSON-LD processor tried to load {url}")
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads(CONTEXT_FILE.read_text(encoding="utf-8")),
    }


def expand(review: dict[str, Any]) -> dict[str, Any]:
    # base None: a relative "url" stays relative (pyld's default base would make it absolute).
    [node] = jsonld.expand(review, {"documentLoader": local_loader, "base": None})
    return node


def _one(node: dict[str, Any], prop: str) -> Any:
    values = node.get(S + prop)
    assert values and len(values) == 1, f"{prop}: expected one value, got {values!r}"
    return values[0]


def _text(node: dict[str, Any], prop: str) -> str:
    value = _one(node, prop)
    assert isinstance(value.get("@value"), str) and value["@value"].strip(), prop
    return str(value["@value"])


def _web_iri(node: dict[str, Any], prop: str) -> str:
    iri = _one(node, prop).get("@id", "")
    assert iri.startswith(("https://", "http://")), f"{prop} is no web address: {iri!r}"
    return str(iri)


def _date(node: dict[str, Any], prop: str) -> str:
    value = _one(node, prop)
    assert value.get("@type") == S + "Date" and ISO_DATE.match(value["@value"]), value
    return str(value["@value"])


def _integer(node: dict[str, Any], prop: str) -> int:
    value = _one(node, prop)["@value"]
    assert isinstance(value, int) and not isinstance(value, bool), f"{prop} = {value!r}"
    return value


def _typed(node: dict[str, Any], kind: str) -> dict[str, Any]:
    assert node.get("@type") == [S + kind], f"expected a {kind}, got {node.get('@type')}"
    used = {key[len(S) :] for key in node if key.startswith(S)}
    assert used <= ALLOWED[kind], f"{kind} with unknown properties {used - ALLOWED[kind]}"
    assert all(key.startswith((S, "@")) for key in node), f"a term outside schema.org: {node}"
    return node


def check_claimreview(review: dict[str, Any]) -> None:
    """Fails (AssertionError) where the review breaks schema.org or Google's ClaimReview rules."""
    node = _typed(expand(review), "ClaimReview")
    _web_iri(node, "url")
    _text(node, "claimReviewed")
    _text(node, "headline")
    _date(node, "datePublished")
    rating = _typed(_one(node, "reviewRating"), "Rating")
    _text(rating, "alternateName")
    if S + "ratingValue" in rating:
        worst, best = _integer(rating, "worstRating"), _integer(rating, "bestRating")
        assert worst <= _integer(rating, "ratingValue") <= best and worst < best
    author = _typed(_one(node, "author"), "Organization")
    _text(author, "name")
    _web_iri(author, "url")
    claim = _typed(_one(node, "itemReviewed"), "Claim")
    _text(_typed(_one(claim, "author"), "Person"), "name")
    _date(claim, "datePublished")
    appearance = _typed(_one(claim, "appearance"), "CreativeWork")
    _web_iri(appearance, "url")
    _text(appearance, "headline")
    _date(appearance, "datePublished")
    if S + "creator" in node:
        reviewer = _typed(_one(node, "creator"), "Person")
        _text(reviewer, "name")
        _typed(_one(reviewer, "affiliation"), "Organization")


def test_published_reviews_are_valid_claimreview_json_ld(db) -> None:
    article, _, second, _ = _article_with_checks(db)

    update_claim(db, second.id, review_headline="Le pont", claimant="Le maire")
    reviews = publishable_reviews(db, article.id)

    assert len(reviews) == 2
    for review in reviews:
        check_claimreview(review)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda r: r.update(url="desk.example.org/sans-schema"), "no web address"),
        (lambda r: r["reviewRating"].update(ratingValue=2.4), "ratingValue = 2.4"),
        (lambda r: r.update(claimReviewd=r.pop("claimReviewed")), "unknown properties"),
        (lambda r: r["author"].update({"@type": "Person"}), "expected a Organization"),
        (lambda r: r.update(datePublished="27/02/2019"), "Date"),
        (lambda r: r["itemReviewed"].pop("appearance"), "appearance"),
    ],
)
def test_the_check_catches_what_breaks_the_rules(db, change, complaint) -> None:
    article, *_ = _article_with_checks(db)
    review = publishable_reviews(db, article.id)[0]
    change(review)
    with pytest.raises(AssertionError, match=complaint):
        check_claimreview(review)


def test_expansion_never_loads_a_context_from_the_network(db) -> None:
    review = {"@context": "https://example.org/ctx", "@type": "ClaimReview"}
    REFUSED.clear()
    with pytest.raises(jsonld.JsonLdError):
        expand(review)
    assert REFUSED == ["https://example.org/ctx"]


def test_seed_reviews_from_other_fact_checkers_expand_too(db) -> None:
    # The same processor reads the demo's imported ClaimReviews: the context is not tailored.
    load_demo(db)

    for review in list(iter_archive_reviews(db))[:5]:
        node = expand({"@context": "https://schema.org", **review})
        assert node["@type"] == [S + "ClaimReview"]
