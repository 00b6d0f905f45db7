"""`crible match`: the JSON contract, batch mode in order, errors in one line."""

from __future__ import annotations

import io
import json

import pytest

from app.cli import main
from app.storage import open_archive
from app.storage.claims import add_claim

CLAIMS = [
    "La France a envoyé 300 tonnes d'aide humanitaire au Liban en 2020.",
    "Les éoliennes tuent des millions d'oiseaux chaque année en France.",
    "Emmanuel Macron a augmenté le salaire des ministres de 30 %.",
]


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    ids = [add_claim(db, text=text, lang="fr").id for text in CLAIMS]
    db.execute(
        "INSERT INTO reviews(claim_id, dedup_key, publisher, url, date_published, textual_rating)"
        " VALUES (?, 'k', 'AFP Factuel', 'https://factuel.afp.com/x', '2021-03-02', 'Faux')",
        [ids[1]],
    )
    db.close()
    return ids


def test_match_json_contract(archive, db_path, capsys) -> None:
    code = main(
        ["match", "des millions d'oiseaux tués par les eoliennes", "--json", "--db", str(db_path)]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "des millions d'oiseaux tués par les eoliennes"
    assert set(data["thresholds"]) == {"match", "related"}
    best = data["results"][0]
    assert best["claim_id"] == archive[1]
    assert (best["verdict"], best["url"], best["publisher"], best["date"]) == (
        "Faux",
        "https://factuel.afp.com/x",
        "AFP Factuel",
        "2021-03-02",
    )
    assert best["tier"] == "match" and 0 <= best["score"] <= 100
    assert best["why"]["summary"]


def test_default_lists_only_tiers_and_min_score_zero_lists_everything(
    archive, db_path, capsys
) -> None:
    main(["match", "oiseaux France", "--json", "--db", str(db_path)])
    default = json.loads(capsys.readouterr().out)["results"]
    main(["match", "oiseaux France", "--json", "--min-score", "0", "--db", str(db_path)])
    everything = json.loads(capsys.readouterr().out)["results"]
    assert all(r["tier"] != "none" for r in default)
    assert len(everything) > len(default)


def test_human_output(archive, db_path, capsys) -> None:
    assert main(["match", "salaire des ministres augmenté de 30%", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "match" in out and "why:" in out and "Macron" in out


def test_batch_keeps_order_and_ids(archive, db_path, tmp_path, capsys) -> None:
    batch = tmp_path / "queries.jsonl"
    batch.write_text(
        '{"id": "q1", "text": "salaire des ministres"}\n'
        "\n"
        "oiseaux tués par les éoliennes\n"
        '{"id": 7, "text": "rien à voir avec quoi que ce soit"}\n',
        encoding="utf-8",
    )
    assert main(["match", "--batch", str(batch), "--db", str(db_path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("id") for line in lines] == ["q1", None, 7]
    assert lines[0]["results"][0]["claim_id"] == archive[2]
    assert lines[1]["results"][0]["claim_id"] == archive[1]
    assert lines[2]["results"] == []


def test_batch_from_stdin_reports_bad_lines_and_goes_on(
    archive, db_path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": 1\n{"id": 2}\nsalaire des ministres\n'))
    assert main(["match", "--batch", "-", "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert "error" in lines[0] and "error" in lines[1]
    assert lines[2]["results"][0]["claim_id"] == archive[2]
    assert captured.err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["match"],
        ["match", "x", "--batch", "-"],
        ["match", "x", "--limit", "0"],
        ["match", "x", "--min-score", "101"],
        ["match", "   "],
        ["match", "--batch", "/nonexistent/queries.txt"],
    ],
)
def test_bad_usage_is_one_line_and_exit_2(argv, db_path, capsys) -> None:
    assert main([*argv, "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crible: ") and err.count("\n") == 1


def test_batch_lines_carry_their_speaker_and_context(archive, db_path, tmp_path, capsys) -> None:
    db = open_archive(db_path)
    metro = add_claim(db, text="Le nouveau métro a coûté 20 milliards.", lang="fr").id
    wall = add_claim(db, text="Le mur à la frontière a coûté 20 milliards.", lang="fr").id
    db.close()
    batch = tmp_path / "debate.jsonl"
    # Read as French (its function words say so); "au total" keeps it below the cap that
    # a line holding nothing but the two claims' shared words would reach for both.
    line = "Et ça a coûté 20 milliards au total"
    batch.write_text(
        json.dumps({"id": "a", "text": line})
        + "\n"
        + json.dumps({"id": "b", "text": line, "context": "Le mur à la frontière sud."})
        + "\n"
        + json.dumps({"id": "c", "text": line, "speaker": 3})
        + "\n",
        encoding="utf-8",
    )
    assert main(["match", "--batch", str(batch), "--db", str(db_path), "--min-score", "0"]) == 2
    lines = [json.loads(out) for out in capsys.readouterr().out.splitlines()]
    assert lines[0]["results"][0]["claim_id"] == metro  # a tie, broken by id
    assert lines[1]["results"][0]["claim_id"] == wall
    before = {r["claim_id"]: r["score"] for r in lines[0]["results"]}
    assert lines[1]["results"][0]["score"] > before[wall]
    assert "speaker must be a string" in lines[2]["error"]
