"""Mirrored claims: the same words, the nationalities swapped (app.matching.roles)."""

from __future__ import annotations

import pytest

from app.matching import MATCH_THRESHOLD, Matcher
from app.matching.demonyms import english_demonyms, french_demonyms
from app.matching.roles import qualifiers, role_conflict
from app.storage.claims import add_claim
from app.text.normalize import terms


def conflict(query: str, candidate: str, lang: str = "fr") -> bool:
    return role_conflict(terms(query, lang), terms(candidate, lang))


def test_every_french_form_of_a_nationality_is_known():
    table = french_demonyms()
    for word in ("vénézuélien", "vénézuélienne", "vénézuéliens", "colombiennes", "russe"):
        assert table[tuple(terms(word, "fr"))] in {"VE", "CO", "RU"}, word
    assert table[tuple(terms("nord-coréens", "fr"))] == "KP"
    assert english_demonyms()[tuple(terms("North Korean", "en"))] == "KP"


def test_swapped_nationalities_on_a_shared_noun_conflict():
    assert conflict(
        "Bogota a fait de même en ordonnant aux diplomates vénézuéliens de quitter, sous "
        "24 heures, le territoire colombien.",
        "Les diplomates colombiens avaient 24 heures pour quitter le Venezuela.",
    )
    assert conflict("Le président vénézuélien a rompu", "Le président colombien a rompu")
    assert conflict("Venezuelan diplomats must leave", "Colombian diplomats must leave", "en")


@pytest.mark.parametrize(
    ("query", "candidate", "lang"),
    [
        # the same nationality, said as an adjective or a country name
        ("L'aide russe arrive au Venezuela", "La Russie envoie de l'aide au Venezuela", "fr"),
        ("L'aide américaine est bloquée", "L'aide des Etats-Unis est bloquée", "fr"),
        ("Colombian diplomats had 24 hours to leave", "Venezuela ordered Colombian diplomats "
         "to leave", "en"),
        # only one side says whose: not a conflict
        ("Les diplomates vénézuéliens sont partis", "Les diplomates sont partis", "fr"),
        # a country after a noun is behind a preposition: not a qualifier
        ("L'aide au Venezuela est bloquée", "L'aide russe est bloquée", "fr"),
    ],
)  # fmt: skip
def test_the_same_or_unsaid_nationality_does_not_conflict(query, candidate, lang):
    assert not conflict(query, candidate, lang)


def test_french_qualifies_the_word_before_english_the_word_after():
    assert qualifiers(terms("la frontière colombienne", "fr")) == {"frontiere": {"CO"}}
    assert qualifiers(terms("the Colombian border", "en")) == {"border": {"CO"}}
    assert qualifiers(terms("24 colombiens", "fr")) == {}


def test_a_mirrored_claim_is_at_most_related_and_says_why(db):
    """The seed article's trap: every word and both countries shared, the roles swapped."""
    earlier = add_claim(
        db, text="Les diplomates colombiens avaient 24 heures pour quitter le Venezuela.", lang="fr"
    )
    same = add_claim(
        db, text="Les diplomates vénézuéliens avaient 24 heures pour quitter la Colombie.",
        lang="fr",
    )  # fmt: skip
    found = Matcher(db).match(
        "Bogota a fait de même en ordonnant aux diplomates vénézuéliens de quitter, sous "
        "24 heures, le territoire colombien.",
        lang="fr",
        min_score=0,
    )
    by_id = {m.claim_id: m for m in found}
    assert by_id[same.id].tier == "match"
    assert by_id[earlier.id].tier != "match"
    assert by_id[earlier.id].score < MATCH_THRESHOLD
    assert by_id[earlier.id].why.roles_differing == (("diplomates", ("VE",), ("CO",)),)
