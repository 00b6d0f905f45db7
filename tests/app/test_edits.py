"""Edits as data: apply, undo (apply the inverse), redo (apply the inverse's inverse), no Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import edits
from app.changes import Changes
from app.errors import UserError
from app.storage.claims import claims_of_article, get_claim, save_article_with_claims
from app.storage.links import links_of_claim
from app.storage.scales import default_scale
from app.storage.sources import sources_of_claim

TEXT = "Le chômage a baissé de 3 % en 2023. Le ministre a parlé de 40 000 emplois créés."


class _Draft:
    def __init__(self, text: str, start: int) -> None:
        self.text, self.start, self.end = text, start, start + len(text)
        self.checkworthiness, self.reasons, self.speaker = 0.8, ("number",), None


@pytest.fixture
def article(db):
    first = "Le chômage a baissé de 3 % en 2023."
    second = "Le ministre a parlé de 40 000 emplois créés."
    drafts = [_Draft(first, 0), _Draft(second, TEXT.index(second))]
    article, claims = save_article_with_claims(db, text=TEXT, claims=drafts, lang="fr")
    return article, claims


@pytest.fixture
def earlier(db):
    """An archive entry (a claim of no article) that article claims can be linked to."""
    return edits.apply(db, edits.AddClaim({"text": "Le chômage a baissé.", "origin": "import"}))


def _state(db, article_id):
    """Everything an edit may touch, as plain comparable data."""
    claims = claims_of_article(db, article_id)
    return [
        # updated_at is wall-clock time: an undo a second later is still the same state
        (replace(c, updated_at=""),
         [(s.id, s.source.url, s.stance) for s in sources_of_claim(db, c.id)],
         links_of_claim(db, c.id))
        for c in claims
    ]  # fmt: skip


def _round_trip(db, article_id, edit):
    """Apply, undo, redo, undo: the archive goes after, before, after, before."""
    before = _state(db, article_id)
    inverse, changes = edits.apply(db, edit)
    after = _state(db, article_id)
    assert after != before
    redo, undo_changes = edits.apply(db, inverse)
    assert _state(db, article_id) == before
    undo_again, _ = edits.apply(db, redo)
    assert _state(db, article_id) == after
    edits.apply(db, undo_again)
    assert _state(db, article_id) == before
    return changes, undo_changes


def test_setting_fields_says_which_claim_changed_and_undoes(db, article):
    a, claims = article
    claim = claims[0]
    level = default_scale(db).levels[0]
    edit = edits.Compound(
        (
            edits.set_status(claim.id, "checked"),
            edits.set_verdict(claim.id, level.id, "Faux : 5 %"),
            edits.set_note(claim.id, "appeler l'Insee"),
        )
    )
    changes, undo_changes = _round_trip(db, a.id, edit)
    assert changes == Changes(claims=frozenset({claim.id}))
    assert undo_changes == changes
    inverse, _ = edits.apply(db, edit)
    stored = get_claim(db, claim.id)
    assert (stored.status, stored.verdict_level_id, stored.notes) == (
        "checked",
        level.id,
        "appeler l'Insee",
    )
    edits.apply(db, inverse)
    assert get_claim(db, claim.id).notes == ""
    assert get_claim(db, claim.id).verdict_level_id is None


def test_rewording_keeps_the_span_and_moving_a_span_rebuilds_the_list(db, article):
    a, claims = article
    changes, _ = _round_trip(db, a.id, edits.reword_claim(claims[0].id, "Le chômage a baissé"))
    assert changes.claim_lists == frozenset()
    changes, _ = _round_trip(db, a.id, edits.EditClaim(claims[0].id, {"end": 20}))
    assert changes.claim_lists == {a.id}


def test_a_refused_edit_changes_nothing(db, article):
    a, claims = article
    before = _state(db, a.id)
    bad = edits.Compound(
        (edits.set_note(claims[0].id, "gardé ?"), edits.reword_claim(claims[1].id, "  "))
    )
    with pytest.raises(UserError, match="empty"):
        edits.apply(db, bad)
    assert _state(db, a.id) == before  # the first half was rolled back with the second
    with pytest.raises(UserError, match="no claim"):
        edits.apply(db, edits.set_status(999, "checked"))
    with pytest.raises(UserError, match="no claim"):
        edits.apply(db, edits.AddSource(999, {"url": "https://insee.fr"}))
    with pytest.raises(ValueError, match="not editable"):
        edits.apply(db, edits.EditClaim(claims[0].id, {"id": 5}))


def test_add_and_delete_claim_keep_ids_through_undo_and_redo(db, article):
    a, _ = article
    inverse, changes = edits.apply(
        db, edits.AddClaim({"text": "3 %", "article_id": a.id, "start": 23, "end": 26})
    )
    [created] = changes.created_claims
    assert changes.claim_lists == {a.id} and inverse == edits.DeleteClaim(created)
    _round_trip(db, a.id, edits.DeleteClaim(created))
    assert get_claim(db, created).text == "3 %"


def test_deleting_a_claim_takes_its_sources_and_links_and_undo_puts_them_back(db, article, earlier):
    a, claims = article
    _, added = earlier
    [other] = added.created_claims
    edits.apply(db, edits.AddSource(claims[0].id, {"url": "https://insee.fr", "stance": "refutes"}))
    edits.apply(db, edits.SetLink(claims[0].id, other, "same", 92.0))
    changes, undo_changes = _round_trip(db, a.id, edits.DeleteClaim(claims[0].id))
    assert changes.claim_lists == {a.id} and other in changes.links
    assert undo_changes.sources == {claims[0].id}
    assert [link.other_claim_id for link in links_of_claim(db, claims[0].id)] == [other]


def test_split_and_merge_round_trip_with_sources(db, article):
    a, claims = article
    edits.apply(db, edits.AddSource(claims[1].id, {"url": "https://dares.fr"}))
    changes, _ = _round_trip(db, a.id, edits.SplitClaim(claims[0].id, 20))
    assert changes.claim_lists == {a.id} and len(changes.created_claims) == 1
    changes, _ = _round_trip(db, a.id, edits.MergeClaims(claims[0].id, claims[1].id))
    assert changes.sources == {claims[0].id}
    with pytest.raises(UserError, match="inside its text"):
        edits.apply(db, edits.SplitClaim(claims[0].id, 0))


def test_sources_add_edit_remove_round_trip(db, article):
    a, claims = article
    claim_id = claims[0].id
    inverse, changes = edits.apply(
        db, edits.AddSource(claim_id, {"url": "https://insee.fr/a", "title": "Insee"})
    )
    assert changes == Changes(sources=frozenset({claim_id}))
    [link] = sources_of_claim(db, claim_id)
    assert inverse == edits.RemoveSource(link.id)
    _round_trip(db, a.id, edits.EditSource(link.id, {"stance": "supports", "title": "Nouveau"}))
    _round_trip(db, a.id, edits.EditSource(link.id, {"url": "https://insee.fr/b"}))
    _round_trip(db, a.id, edits.RemoveSource(link.id))
    with pytest.raises(UserError, match="http"):
        edits.apply(db, edits.AddSource(claim_id, {"url": "ftp://insee.fr"}))


def test_links_set_change_and_remove_round_trip(db, article, earlier):
    a, claims = article
    _, added = earlier
    [other] = added.created_claims
    changes, _ = _round_trip(db, a.id, edits.SetLink(claims[0].id, other, "same", 90.0))
    assert changes == Changes(links=frozenset({claims[0].id}))
    edits.apply(db, edits.SetLink(claims[0].id, other, "same", 90.0))
    _round_trip(db, a.id, edits.SetLink(claims[0].id, other, "not_same"))
    _round_trip(db, a.id, edits.RemoveLink(claims[0].id, other))


def test_changes_combine_and_are_empty_by_default():
    first = Changes(claims=frozenset({1}), settings=False)
    second = Changes(sources=frozenset({2}), settings=True)
    assert not Changes()
    assert first | second == Changes(claims=frozenset({1}), sources=frozenset({2}), settings=True)
    assert Changes.union([first, second, Changes()]) == first | second


def test_edits_are_frozen_data(article):
    _, claims = article
    edit = edits.set_status(claims[0].id, "checked")
    assert edit == edits.EditClaim(claims[0].id, {"status": "checked"})
    with pytest.raises(AttributeError):
        edit.claim_id = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        edit.changes["status"] = "to_check"  # type: ignore[index]


def _settings_state(db):
    from app.storage.domains import list_domain_ratings
    from app.storage.settings import get_setting

    scale = default_scale(db)
    verdicts = db.execute(
        "SELECT c.id, l.key FROM claims c LEFT JOIN rating_levels l ON l.id = c.verdict_level_id"
        " ORDER BY c.id"
    ).fetchall()
    return (
        get_setting(db, "org_name") or "",  # never set and set empty read alike
        get_setting(db, "org_url") or "",
        [(lv.key, lv.label_fr, lv.label_en, lv.value, lv.color) for lv in scale.levels],
        list_domain_ratings(db),
        verdicts,
    )


def test_the_settings_dialog_s_ok_is_one_edit_and_its_inverse_restores_verdicts(db, article):
    from app.domain import DomainRating
    from app.storage.domains import set_domain_rating

    _, claims = article
    scale = default_scale(db)
    dropped, *kept = scale.levels
    edits.apply(db, edits.set_verdict(claims[0].id, dropped.id))
    edits.apply(db, edits.set_verdict(claims[1].id, kept[0].id))
    set_domain_rating(db, "example.org", "fiable")
    before = _settings_state(db)
    edit = edits.SaveSettings(
        organisation=("Les Vérificateurs", "https://verif.example"),
        scale_id=scale.id,
        levels=tuple(
            {
                "key": lv.key,
                "label_fr": lv.label_fr.upper(),
                "label_en": lv.label_en,
                "value": lv.value,
                "color": lv.color,
            }
            for lv in kept
        ),
        domain_ratings=(DomainRating("www.Rumeurs.example", "peu fiable"),),
        removed_domains=("example.org",),
    )
    inverse, changes = edits.apply(db, edit)
    after = _settings_state(db)
    assert changes.settings and changes.claims == {claims[0].id}
    assert after[0:2] == ("Les Vérificateurs", "https://verif.example")
    assert [d.domain for d in after[3]] == ["rumeurs.example"]
    assert dict(after[4])[claims[0].id] is None  # its level is gone
    redo, _ = edits.apply(db, inverse)
    assert _settings_state(db) == before  # the dropped level, and its verdict, are back
    edits.apply(db, redo)
    assert _settings_state(db) == after


def test_a_refused_setting_changes_nothing(db):
    before = _settings_state(db)
    bad = edits.SaveSettings(
        organisation=("Nouvelle", "https://nouvelle.example"),
        scale_id=default_scale(db).id,
        levels=({"key": "", "label_fr": "x", "label_en": "x"},),
    )
    with pytest.raises(UserError, match="key"):
        edits.apply(db, bad)
    assert _settings_state(db) == before
