"""Calibrated tiers (#13): few shared words or a one-word query are not "the same claim"."""

from __future__ import annotations

from sqlite_utils import Database

from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Matcher
from app.matching.scoring import FEW_WORDS_CAP, ONE_WORD_CAP
from app.storage.claims import add_claim

FILLER = [f"The city council of town {n} voted its yearly budget." for n in range(30)]


def _archive(db: Database, texts: list[str]) -> list[int]:
    return [add_claim(db, text=t, lang="en").id for t in texts + FILLER]


def test_two_shared_words_with_a_longer_candidate_are_related_not_match(db) -> None:
    [shark, *_] = _archive(db, ["A video shows a shark attacking a surfer in Australia."])

    [best, *_] = Matcher(db).match("Shark Attack", lang="en")

    assert best.claim_id == shark
    assert best.tier == "related" and RELATED_THRESHOLD <= best.score <= FEW_WORDS_CAP


def test_few_words_that_cover_the_candidate_still_match(db) -> None:
    [shark, *_] = _archive(db, ["Shark attack in Sydney."])

    [best, *_] = Matcher(db).match("A shark attack in Sydney", lang="en")

    assert best.claim_id == shark and best.tier == "match" and best.score >= MATCH_THRESHOLD


def test_a_one_word_query_lists_its_subject_low_in_related(db) -> None:
    ids = _archive(
        db,
        [
            "Maduro said the aid convoy carried weapons.",
            "Maduro ordered the border with Colombia closed.",
            "Maduro's government printed money to pay the debt.",
        ],
    )

    found = Matcher(db).match("Maduro", lang="en")

    assert {m.claim_id for m in found} == set(ids[:3])
    assert all(m.tier == "related" and m.score <= ONE_WORD_CAP for m in found)


def test_a_day_is_not_compared_with_a_year_but_two_days_are(db) -> None:
    ids = [
        add_claim(db, text=t, lang="fr").id
        for t in [
            "Le 8 avril, Nicolas Maduro a fermé la frontière avec la Colombie.",
            "Le 9 avril, Nicolas Maduro a fermé la frontière avec la Colombie.",
        ]
    ]
    for n in range(30):
        add_claim(db, text=f"Le conseil municipal de la commune {n} a voté son budget.", lang="fr")
    matcher = Matcher(db)

    [best, *_] = matcher.match(
        "En 2019, Nicolas Maduro a fermé la frontière avec la Colombie", lang="fr"
    )
    assert best.why.numbers_differing == ()  # a year and a day: neither agree nor conflict

    by_id = {
        m.claim_id: m
        for m in matcher.match("Le 8 avril, Maduro a fermé la frontière avec la Colombie")
    }
    assert by_id[ids[0]].tier == "match"
    assert by_id[ids[1]].tier == "related" and by_id[ids[1]].why.numbers_differing == (
        ("8 avril", "9 avril"),
    )
