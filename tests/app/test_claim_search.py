"""Searching past work across every claim: text, verdict, publisher, outlet, dates, status."""

from __future__ import annotations

from app.interop.records import ReviewRecord
from app.storage.articles import add_article
from app.storage.claim_search import ClaimQuery, search_claims
from app.storage.claims import add_claim, update_claim
from app.storage.reviews import add_archive_reviews
from app.storage.scales import default_scale


def _desk(db):
    article = add_article(db, text="Le chômage a baissé de 2 %. Le pont est fermé.", lang="fr",
                          title="Chômage", outlet="Le Journal", published="2019-02-25")  # fmt: skip
    first = add_claim(db, text="Le chômage a baissé de 2 %.", article_id=article.id, start=0,
                      end=27, lang="fr")  # fmt: skip
    second = add_claim(db, text="Le pont est fermé.", article_id=article.id, start=28, end=46,
                       lang="fr")  # fmt: skip
    false = next(level for level in default_scale(db).levels if level.key == "false")
    update_claim(db, first.id, status="checked", verdict_level_id=false.id,
                 review_date="2019-03-01")  # fmt: skip
    add_archive_reviews(db, [ReviewRecord(
        claim_text="Le chômage des jeunes a baissé de 10 %", review_url="https://afp.example/1",
        publisher="AFP Factuel", textual_rating="Trompeur", date_published="2018-06-01",
        lang="fr")])  # fmt: skip
    return article, first, second


def _ids(db, **criteria) -> list[int]:
    return [int(hit.claim_id) for hit in search_claims(db, ClaimQuery(**criteria))]


def test_every_criterion_narrows_the_search(db) -> None:
    article, first, second = _desk(db)
    archived = [hit for hit in search_claims(db, ClaimQuery(publisher="afp"))]
    assert len(archived) == 1 and archived[0].verdict == "Trompeur"
    archive_id = int(archived[0].claim_id)

    assert set(_ids(db, text="chômage baissé")) == {first.id, archive_id}
    assert _ids(db, text="chomage", verdict="faux") == [first.id]
    assert _ids(db, outlet="journal") == [first.id, second.id]
    assert _ids(db, date_from="2019-01-01") == [first.id, second.id]
    assert _ids(db, date_to="2018-12-31") == [archive_id]
    assert _ids(db, statuses=("checked",)) == [first.id, archive_id]  # imported: checked
    assert _ids(db, statuses=("to_check",), outlet="journal") == [second.id]
    hit = search_claims(db, ClaimQuery(text="pont"))[0]
    assert (hit.article_id, hit.article_title, hit.date) == (article.id, "Chômage", "2019-02-25")


def test_search_text_is_escaped_and_patterns_are_literal(db) -> None:
    _desk(db)
    assert _ids(db, text='pont" OR "chomage') == _ids(db, text="pont chomage")
    assert _ids(db, text="le la de") == []
    assert _ids(db, publisher="%") == []
    assert _ids(db, outlet="_") == []
    assert len(_ids(db)) == 3
