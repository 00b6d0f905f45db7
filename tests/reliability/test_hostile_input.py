"""Finding 8 and 9 of issue 12: hostile records cost one line naming them, never the file;
matching stays fast beside a huge record."""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from pathlib import Path

import pytest

from app.cli import main
from app.interop.importer import import_paths
from app.interop.limits import MAX_FIELD_CHARS, MAX_JSON_DEPTH, InputLimitError, loads_record
from app.matching import Matcher
from app.storage import open_archive
from app.storage.claims import add_claim, get_claim

DEEP = "[" * 100_000 + "]" * 100_000


def _rows(count: int, tag: str) -> list[dict]:
    return [
        {
            "text": f"Le ministre a annoncé {i} tonnes d'aide {tag} n°{i}",
            "url": f"https://factcheck.example.org/{tag}/{i}",
            "verdict": "Faux",
        }
        for i in range(count)
    ]


def _import(tmp_path: Path, source: Path, **kwargs) -> tuple[int, list[str], int]:
    db = open_archive(tmp_path / "archive.db")
    try:
        report = import_paths(db, [source], **kwargs)
        stored = db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        db.close()
    return report.imported, report.errors, stored


@pytest.mark.parametrize("workers", [0, 2])
def test_a_lone_surrogate_costs_one_record_of_a_jsonl_file(tmp_path: Path, workers: int) -> None:
    lines = [json.dumps(row) for row in _rows(5000, "s")]
    lines[2999] = '{"text": "bad \\ud800 here", "url": "https://factcheck.example.org/x"}'
    source = tmp_path / "surrogate.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported, errors, stored = _import(tmp_path, source, workers=workers)
    assert (imported, stored) == (4999, 4999)
    reason = "text with a lone surrogate (U+D800, a broken \\u escape) cannot be stored"
    assert errors == [f"{source} line 3000: {reason}"]


def test_a_lone_surrogate_in_a_json_ld_document_costs_one_record(tmp_path: Path) -> None:
    reviews = [
        {"@type": "ClaimReview", "claimReviewed": f"Affirmation {i}", "url": f"https://e.org/{i}"}
        for i in range(3)
    ]
    text = json.dumps(reviews).replace("Affirmation 1", "Affirmation \\udfff")
    source = tmp_path / "reviews.json"
    source.write_text(text, encoding="utf-8")
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 2
    assert len(errors) == 1 and errors[0].startswith(f"{source}#1: text with a lone surrogate")


def test_json_nested_100000_deep_costs_one_line_of_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps(row) for row in _rows(100, "d")]
    lines[50] = DEEP
    source = tmp_path / "deep.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 99
    assert errors == [f"{source} line 51: JSON nested more than {MAX_JSON_DEPTH} levels deep"]


def test_json_nested_100000_deep_inside_a_document_leaves_the_other_records(
    tmp_path: Path,
) -> None:
    reviews = [
        {"@type": "ClaimReview", "claimReviewed": f"Affirmation {i}", "url": f"https://e.org/{i}"}
        for i in range(10)
    ]
    source = tmp_path / "deep.json"
    source.write_text(json.dumps(reviews)[:-1] + ", " + DEEP + "]", encoding="utf-8")
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 10
    assert len(errors) == 1 and "nested more than 64 levels deep were left out" in errors[0]
    assert errors[0].startswith(str(source))


def test_a_csv_field_over_the_csv_limit_costs_one_row(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "url", "verdict"])
        for i in range(100):
            text = "x" * 200_000 if i == 40 else f"Affirmation csv {i}"
            writer.writerow([text, f"https://c.example.org/{i}", "Faux"])
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 99
    assert len(errors) == 1 and errors[0].startswith(f"{source}#40: unreadable CSV")


def test_a_six_megabyte_claim_is_refused_at_import(tmp_path: Path) -> None:
    rows = _rows(3, "big")
    rows[1]["text"] = "Le Venezuela a reçu de l'aide. " * 200_000
    source = tmp_path / "big.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 2
    assert len(errors) == 1
    assert errors[0].startswith(f"{source} line 2: the record is too long (")
    assert errors[0].endswith(" characters; limit 1,000,000)")


def test_a_long_field_is_refused_with_its_name(tmp_path: Path) -> None:
    rows = _rows(2, "long")
    rows[0]["text"] = "mot " * MAX_FIELD_CHARS
    source = tmp_path / "long.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    imported, errors, _ = _import(tmp_path, source)
    assert imported == 1
    assert errors == [
        f"{source} line 1: the claim text is too long (79,999 characters; limit 20,000)"
    ]


def test_loads_record_refuses_each_limit() -> None:
    assert loads_record('{"a": [1, "\\ud83d\\ude00"]}') == {"a": [1, "😀"]}  # a pair is fine
    for raw in (DEEP, '{"\\ud800": 1}', '["x", ["\\udc00"]]', "[" + "1," * 600_000 + "1]"):
        with pytest.raises(InputLimitError):
            loads_record(raw)


def test_edit_and_match_batches_skip_hostile_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "archive.db"
    db = open_archive(path)
    add_claim(db, text="Le Venezuela a reçu 300 tonnes d'aide russe", lang="fr")
    db.close()
    batch = tmp_path / "edits.jsonl"
    batch.write_text(
        DEEP + "\n" + '{"claim": 1, "note": "a \\ud800 b"}\n' + '{"claim": 1, "note": "bon"}\n'
    )
    assert main(["edit", "--batch", str(batch), "--db", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "saved claim 1 (note)\n"
    assert err.splitlines() == [
        f"crible: line 1: JSON nested more than {MAX_JSON_DEPTH} levels deep",
        "crible: line 2: text with a lone surrogate (U+D800, a broken \\u escape) cannot be stored",
    ]
    db = open_archive(path)
    assert get_claim(db, 1).notes == "bon"
    db.close()
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        '{"text": '
        + DEEP
        + "}\n"
        + '{"text": "x \\ud800"}\n'
        + '{"text": "Venezuela aide russe"}\n'
    )
    assert main(["match", "--batch", str(queries), "--db", str(path)]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line.get("error", "")[:7] for line in lines] == ["line 1:", "line 2:", ""]
    assert lines[2]["results"][0]["claim_id"] == 1


def test_matching_returns_within_a_second_beside_a_six_megabyte_record(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    source = tmp_path / "claims.jsonl"
    rows = [
        {**row, "text": f"Le Venezuela a reçu {i} tonnes d'aide russe à Caracas"}
        for i, row in enumerate(_rows(50, "m"))
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _import(tmp_path, source)
    # Stored as an older Crible or a pasted article could have: bypassing the import limits.
    words = " ".join(f"venezuela aide russe tonne caracas mot{i}" for i in range(150_000))
    conn = sqlite3.connect(str(path))
    conn.execute(
        "INSERT INTO claims(text, norm_text, lang, origin) VALUES (?, ?, 'fr', 'import')",
        [words, words],
    )
    conn.commit()
    conn.close()
    assert len(words) > 6_000_000
    db = open_archive(path)
    matcher = Matcher(db)
    started = time.monotonic()
    results = matcher.match("Le Venezuela a reçu 7 tonnes d'aide russe à Caracas")
    elapsed = time.monotonic() - started
    db.close()
    assert results and elapsed < 1.0
