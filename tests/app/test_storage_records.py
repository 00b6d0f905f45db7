"""Articles, claims, sources, scales, links, domain ratings and settings in the archive."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.errors import UserError
from app.storage import articles, claims, domains, links, scales, settings, sources


def fts_ids(db, term):
    return [
        r[0] for r in db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [term])
    ]


def test_article_roundtrip_and_empty_refused(db):
    article = articles.add_article(db, text="Un texte.", title="T", lang="fr", origin="file")
    assert articles.get_article(db, article.id).text == "Un texte."
    assert articles.list_articles(db)[0].id == article.id
    with pytest.raises(UserError):
        articles.add_article(db, text="   ")
    with pytest.raises(UserError):
        articles.get_article(db, 999)


def test_claim_text_is_indexed_and_follows_edits(db):
    claim = claims.add_claim(db, text="La Russie a livré 300 tonnes d'aide", lang="fr")
    assert fts_ids(db, "russie") == [claim.id]
    claims.update_claim(db, claim.id, text="Le Brésil a livré de l'aide")
    assert fts_ids(db, "russie") == []
    assert fts_ids(db, "bresil") == [claim.id]


def test_update_rejects_unknown_status_and_field(db):
    claim = claims.add_claim(db, text="x")
    with pytest.raises(UserError):
        claims.update_claim(db, claim.id, status="done")
    with pytest.raises(ValueError):
        claims.update_claim(db, claim.id, article_id=3)
    assert claims.update_claim(db, claim.id, status="checked").status == "checked"


@dataclass
class Draft:
    text: str
    start: int
    end: int
    checkworthiness: float = 0.5
    reasons: tuple = ("number",)
    speaker: str | None = None


def test_save_article_with_claims_is_one_transaction(db):
    text = "Premier fait. Second fait."
    good = [Draft("Premier fait.", 0, 13), Draft("Second fait.", 14, 26, speaker="Ana")]
    _article, stored = claims.save_article_with_claims(db, text=text, claims=good, lang="fr")
    assert [c.text for c in stored] == ["Premier fait.", "Second fait."]
    assert stored[1].speaker == "Ana" and stored[0].reasons == ("number",)
    with pytest.raises(ValueError):
        claims.save_article_with_claims(db, text=text, claims=[Draft("faux", 0, 4)])
    assert len(articles.list_articles(db)) == 1


def test_delete_and_restore_claim_brings_back_sources_and_links(db):
    article = articles.add_article(db, text="abc")
    claim = claims.add_claim(db, text="abc", article_id=article.id, start=0, end=3)
    other = claims.add_claim(db, text="earlier abc")
    source = sources.add_source(db, claim.id, url="https://example.org/a", stance="refutes")
    links.set_claim_link(db, claim.id, other.id, "same", 91.0)
    snapshot = claims.delete_claim(db, claim.id)
    assert sources.sources_of_claim(db, claim.id) == []
    assert fts_ids(db, "abc") == [other.id] or fts_ids(db, "abc") == []
    restored = claims.restore_claim(db, snapshot)
    assert restored == claim
    assert sources.sources_of_claim(db, claim.id) == [source]
    assert links.links_of_claim(db, claim.id)[0].kind == "same"
    assert claim.id in fts_ids(db, "abc")


def test_sources_only_http_and_shared_by_url(db):
    first = claims.add_claim(db, text="one")
    second = claims.add_claim(db, text="two")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a", "not a url"):
        with pytest.raises(UserError):
            sources.add_source(db, first.id, url=bad)
    a = sources.add_source(db, first.id, url="https://www.Example.org/p", title="P")
    b = sources.add_source(db, second.id, url="https://www.Example.org/p", stance="supports")
    assert a.source.id == b.source.id and a.source.domain == "example.org"
    with pytest.raises(UserError):
        sources.add_source(db, first.id, url="https://www.Example.org/p")
    with pytest.raises(UserError):
        sources.add_source(db, first.id, url="https://ok.org", archive_url="javascript:x")


def test_source_edit_remove_restore(db):
    claim = claims.add_claim(db, text="one")
    link = sources.add_source(db, claim.id, url="https://a.org/1", excerpt="e")
    edited = sources.update_claim_source(
        db, link.id, stance="refutes", title="New", url="https://b.org/2"
    )
    assert (edited.stance, edited.source.title, edited.source.domain) == ("refutes", "New", "b.org")
    removed = sources.remove_claim_source(db, link.id)
    assert sources.sources_of_claim(db, claim.id) == []
    assert sources.restore_claim_source(db, removed) == edited
    with pytest.raises(UserError):
        sources.update_claim_source(db, link.id, stance="maybe")


def test_default_scale_and_replacing_levels_keeps_verdicts(db):
    scale = scales.default_scale(db)
    assert [lv.key for lv in scale.levels][:2] == ["true", "mostly_true"]
    false_level = next(lv for lv in scale.levels if lv.key == "false")
    claim = claims.add_claim(db, text="x")
    claims.update_claim(db, claim.id, verdict_level_id=false_level.id)
    new = [
        {"key": "false", "label_fr": "Faux", "label_en": "False", "value": 0.0},
        {"key": "true", "label_fr": "Vrai", "label_en": "True", "value": 1.0},
    ]
    updated = scales.replace_scale_levels(db, scale.id, new)
    assert [lv.key for lv in updated.levels] == ["false", "true"]
    assert claims.get_claim(db, claim.id).verdict_level_id == false_level.id
    with pytest.raises(UserError):
        scales.replace_scale_levels(
            db, scale.id, [{"key": "a", "label_fr": "A", "label_en": "A", "value": 2}]
        )


def test_links_and_domain_ratings(db):
    a = claims.add_claim(db, text="a")
    b = claims.add_claim(db, text="b")
    links.set_claim_link(db, a.id, b.id, "not_same")
    assert links.set_claim_link(db, a.id, b.id, "same").kind == "same"
    assert len(links.links_of_claim(db, a.id)) == 1
    with pytest.raises(UserError):
        links.set_claim_link(db, a.id, a.id, "same")
    domains.set_domain_rating(db, "www.Example.org", "reliable")
    assert domains.domain_rating_for_url(db, "https://news.example.org/x").rating == "reliable"
    assert domains.domain_rating_for_url(db, "javascript:alert(1)") is None


def test_settings_refuse_secret_looking_keys(db):
    settings.set_setting(db, "org_name", "Desk")
    assert settings.get_setting(db, "org_name") == "Desk"
    with pytest.raises(ValueError):
        settings.set_setting(db, "google_api_key", "abc")


def test_claim_date_edits_must_be_real_dates(db):
    claim = claims.add_claim(db, text="x")
    for good in ("2019", "2019-02", "2019-02-28"):
        assert claims.update_claim(db, claim.id, claim_date=good).claim_date == good
    for bad in ("31/02/2019", "2019-02-31", "hier", "2019-2-3"):
        with pytest.raises(UserError, match="not a date"):
            claims.update_claim(db, claim.id, claim_date=bad)
    assert claims.get_claim(db, claim.id).claim_date == "2019-02-28"
    assert claims.update_claim(db, claim.id, claim_date=None).claim_date is None
