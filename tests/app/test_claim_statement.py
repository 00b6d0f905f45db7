"""The statement travels: stored with the claim, re-made on edits, in `crible split --json`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from app import edits
from app.cli import main
from app.storage import open_archive
from app.storage.claims import claims_of_article, get_claim, save_article_with_claims
from app.text.claims import analyse, claim_display_text

TEXT = (
    "Le Sénat a désigné le président du groupe centriste Marc Lenoir, qui s'est autoproclamé "
    "candidat en mars dernier, à la tête de la commission. "
    '"Nous fermerons 12 écoles en 2025", a tweeté le ministre Paul Arnaud.'
)


def test_the_statement_is_stored_and_loaded(db) -> None:
    analysis = analyse(TEXT, "fr")
    article, claims = save_article_with_claims(db, text=TEXT, claims=analysis.claims, lang="fr")
    by_text = {c.text: c for c in claims_of_article(db, int(article.id))}
    clause = by_text["qui s'est autoproclamé candidat en mars dernier"]
    assert clause.statement == "Marc Lenoir s'est autoproclamé candidat en mars dernier"
    assert clause.statement_or_text == clause.statement
    tweet = next(c for c in claims if "a tweeté" in c.text)
    assert tweet.statement == "Nous fermerons 12 écoles en 2025"
    assert tweet.claimant == "Paul Arnaud"
    assert claim_display_text(clause.text, clause.reasons, clause.statement) == clause.statement


def test_a_plain_span_without_statement_is_stored_with_none(db) -> None:
    class Span:
        text, start, end, checkworthiness, reasons, speaker = "Le Sénat", 0, 8, 0.5, (), None

    _, (claim,) = save_article_with_claims(db, text=TEXT, claims=[Span()], lang="fr")
    assert claim.statement == "" and claim.statement_or_text == "Le Sénat"


def test_the_migration_adds_the_column_to_an_older_archive(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_archive(path)
    db.close()
    with sqlite3.connect(path) as raw:  # an archive from before m0005: no statement column
        raw.execute("ALTER TABLE claims DROP COLUMN statement")
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_claim_statement'")
        raw.execute("INSERT INTO claims(text, norm_text, norm_title) VALUES ('Ancien', '', '')")
    db = open_archive(path)
    try:
        columns = {c.name for c in db["claims"].columns}
        assert "statement" in columns
        old = get_claim(db, 1)
        assert old.statement == "" and old.statement_or_text == "Ancien"
    finally:
        db.close()


def test_a_claim_added_by_hand_is_scored_and_a_reworded_one_rescored(db) -> None:
    plain = "Le maire est un homme de parole."
    _, created = edits.apply(db, edits.AddClaim({"text": plain, "lang": "fr"}))
    (claim_id,) = created.created_claims
    before = get_claim(db, claim_id)
    assert before.checkworthiness is not None and before.checkworthiness < 0.3
    inverse, _ = edits.apply(
        db, edits.reword_claim(claim_id, "Le chômage a baissé de 3 % en 2019, selon l'Insee.")
    )
    after = get_claim(db, claim_id)
    assert after.checkworthiness is not None and after.checkworthiness > 0.5
    assert after.statement == "Le chômage a baissé de 3 % en 2019"
    assert any(r.startswith("a figure") for r in after.reasons)
    edits.apply(db, inverse)  # undo puts the old wording and its old score back
    undone = get_claim(db, claim_id)
    assert (undone.text, undone.checkworthiness, undone.statement) == (
        plain,
        before.checkworthiness,
        before.statement,
    )


def test_split_json_has_statements_reason_spans_and_set_aside_sentences(
    tmp_path: Path, capsys
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT + " Est-ce une bonne idée ?", encoding="utf-8")
    assert main(["split", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    statements = [c["statement"] for c in data["claims"]]
    assert "Marc Lenoir s'est autoproclamé candidat en mars dernier" in statements
    for claim in data["claims"]:
        assert data["text"][claim["start"] : claim["end"]] == claim["text"]
        for reason in claim["reason_spans"]:
            assert reason["reason"] in claim["reasons"]
            for span in reason["spans"]:
                assert data["text"][span["start"] : span["end"]] == span["text"]
    (aside,) = data["not_checkworthy"]
    assert aside["text"] == "Est-ce une bonne idée ?"
    assert aside["reasons"][0] == "a question, not a claim"


def test_split_text_output_shows_the_statement(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["split", str(article)]) == 0
    out = capsys.readouterr().out
    assert "statement: Marc Lenoir s'est autoproclamé candidat en mars dernier" in out


def test_matching_queries_with_the_statement(db) -> None:
    from app.workflows.matching import query_for, query_for_candidate

    analysis = analyse(TEXT, "fr")
    clause = next(c for c in analysis.claims if c.text.startswith("qui s'est"))
    assert query_for_candidate(clause, "fr").text == clause.statement
    _, claims = save_article_with_claims(db, text=TEXT, claims=analysis.claims, lang="fr")
    stored = next(c for c in claims if c.text == clause.text)
    assert query_for(stored).text == "Marc Lenoir s'est autoproclamé candidat en mars dernier"
