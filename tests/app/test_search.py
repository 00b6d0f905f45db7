"""FTS5 candidate queries: escaping, ranking, term statistics, candidate rows."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from app.storage import search
from app.storage.claims import add_claim


def test_terms_are_quoted_so_operators_cannot_leak() -> None:
    assert search.fts_term('a"b') == '"a""b"'
    assert search.fts_or_query(["x", "OR", "x", "NEAR", "*", ""]) == '"x" OR "OR" OR "NEAR"'
    assert search.fts_or_query(["-", "(", "^"]) == ""


@pytest.mark.parametrize("term", ['"', "NEAR(a b)", "a*", "-a", "col:a", "(a", "'", "x\x00y"])
def test_fts_syntax_in_a_term_is_a_literal_that_matches_nothing(db: Database, term: str) -> None:
    # As FTS5 syntax, "a*" would match "and", "-a" every claim, "col:a" a column: as
    # literals they name no word of the claim.
    add_claim(db, text="AND NOT NEAR col a", lang="en")
    assert search.ranked_ids(db, [term], 10) == []
    assert list(search.term_occurrences(db, term)) == []


@pytest.mark.parametrize("term", ["AND", "NOT", "NEAR", "col"])
def test_fts_operators_in_a_term_are_searched_as_words(db: Database, term: str) -> None:
    claim = add_claim(db, text="AND NOT NEAR col a", lang="en")
    assert [claim_id for claim_id, _ in search.ranked_ids(db, [term], 10)] == [claim.id]
    assert list(search.term_occurrences(db, term.lower())) == [claim.id]


def test_ranked_ids_prefer_claims_with_more_and_rarer_terms(db: Database) -> None:
    one = add_claim(db, text="glyphosate interdit", lang="fr").id
    two = add_claim(db, text="glyphosate autorisé en Europe", lang="fr").id
    add_claim(db, text="Europe", lang="fr")
    ranked = search.ranked_ids(db, ["glyphosate", "interdire"], 10)
    assert [claim_id for claim_id, _ in ranked] == [one, two]
    assert search.ranked_ids(db, [], 10) == []


def test_candidate_rows_carry_the_latest_review(db: Database) -> None:
    claim = add_claim(db, text="glyphosate", lang="fr")
    for key, date, rating in [("a", "2020-01-01", "Faux"), ("b", "2021-05-01", "Trompeur")]:
        db.execute(
            "INSERT INTO reviews(claim_id, dedup_key, publisher, url, date_published,"
            " textual_rating) VALUES (?, ?, 'AFP', ?, ?, ?)",
            [claim.id, key, f"https://example.org/{key}", date, rating],
        )
    row = search.candidate_rows(db, [claim.id])[claim.id]
    assert (row.verdict, row.url, row.publisher, row.date) == (
        "Trompeur",
        "https://example.org/b",
        "AFP",
        "2021-05-01",
    )


def test_term_occurrences_repeat_a_claim_per_occurrence_even_read_only(db: Database) -> None:
    twice = add_claim(db, text="glyphosate", title="glyphosate interdit", lang="fr").id
    once = add_claim(db, text="glyphosate autorisé", lang="fr").id
    assert search.term_occurrences(db, "glyphosate").tolist() == [twice, twice, once]
    db.execute("DROP TABLE IF EXISTS temp.claims_fts_instance")
    db.execute("PRAGMA query_only = ON")
    assert search.term_occurrences(db, "glyphosate").tolist() == [twice, once]
    db.execute("PRAGMA query_only = OFF")
