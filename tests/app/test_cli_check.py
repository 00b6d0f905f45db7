"""`crible check`: the article is split, stored, and each claim matched against the archive."""

from __future__ import annotations

import io
import json

import pytest

from app.cli import main
from app.storage import open_archive
from app.storage.articles import list_articles
from app.storage.claims import add_claim, claims_of_article

ARTICLE = (
    "Aide humanitaire au Venezuela\n\n"
    "Nicolas Maduro a assuré mardi que la Russie a envoyé 300 tonnes d'aide humanitaire au "
    "Venezuela. Selon l'opposition, près de 600 tonnes d'aide attendent encore à Cúcuta. "
    "Le gouvernement a annoncé que 3,4 millions de Vénézuéliens ont quitté leur pays depuis 2015."
)


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    ids = {
        "russia": add_claim(
            db, text="La Russie a envoyé 300 tonnes d'aide humanitaire au Venezuela.", lang="fr"
        ).id,
        "exodus": add_claim(
            db, text="3,4 millions de Vénézuéliens ont quitté leur pays depuis 2015.", lang="fr"
        ).id,
    }
    db.close()
    return ids


def test_check_stores_the_article_and_matches_each_claim(archive, db_path, tmp_path, capsys):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", str(source), "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lang"] == "fr" and data["article_id"]
    assert set(data["thresholds"]) == {"match", "related"}
    db = open_archive(db_path)
    stored = claims_of_article(db, data["article_id"])
    assert [c.id for c in stored] == [c["claim_id"] for c in data["claims"]]
    assert [a.id for a in list_articles(db)] == [data["article_id"]]
    db.close()
    found = {m["claim_id"] for claim in data["claims"] for m in claim["matches"]}
    assert {archive["russia"], archive["exodus"]} <= found
    own = {claim["claim_id"] for claim in data["claims"]}
    assert not own & found  # an article's own claims are never its matches
    for claim in data["claims"]:
        assert data["text"][claim["start"] : claim["end"]] == claim["text"]
        assert all(0 <= m["score"] <= 100 and m["why"]["summary"] for m in claim["matches"])


def test_check_reads_stdin_and_prints_a_report(archive, db_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    assert main(["check", "-", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "stored" in out and "why:" in out and "Russie" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "/nonexistent/article.txt"],
        ["check", "ftp://example.org/a.txt"],
        ["check", "x.txt", "--limit", "0"],
        ["check", "x.txt", "--min-score", "-1"],
    ],
)
def test_bad_input_is_one_line_and_exit_2(argv, db_path, capsys):
    assert main([*argv, "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crible: ") and err.count("\n") == 1


def test_checking_the_same_article_twice_reuses_it(archive, db_path, tmp_path, capsys):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", str(source), "--json", "--db", str(db_path)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["reused"] is False
    assert main(["check", str(source), "--json", "--db", str(db_path)]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["reused"] is True and second["article_id"] == first["article_id"]
    assert [c["claim_id"] for c in second["claims"]] == [c["claim_id"] for c in first["claims"]]
    db = open_archive(db_path)
    assert [a.id for a in list_articles(db)] == [first["article_id"]]
    assert len(claims_of_article(db, first["article_id"])) == len(first["claims"])
    db.close()
    russia = next(c for c in second["claims"] if "Russie" in c["text"])
    assert russia["matches"][0]["claim_id"] == archive["russia"]
    assert main(["check", str(source), "--db", str(db_path)]) == 0
    assert "already stored" in capsys.readouterr().out


def test_unchecked_sentences_of_another_article_are_not_matches(archive, db_path, tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE + "\n\nUne phrase de plus.", encoding="utf-8")
    assert main(["check", str(other), "--json", "--db", str(db_path)]) == 0
    earlier = {c["claim_id"] for c in json.loads(capsys.readouterr().out)["claims"]}
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert main(["check", str(source), "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    found = {m["claim_id"] for claim in data["claims"] for m in claim["matches"]}
    assert not found & earlier
    assert archive["russia"] in found
