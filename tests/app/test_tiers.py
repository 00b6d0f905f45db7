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
