"""CSV and JSONL of plain claims: encodings, delimiters, column aliases, bad rows and lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import UserError
from app.interop.records import BadRecord, ReviewRecord
from app.interop.tabular import detect_encoding, iter_csv, iter_jsonl

HEADER = "text,title,verdict,url,date,language,publisher\n"
ROW = (
    "« La Russie a envoyé 300 tonnes d'aide »,Pas 300 tonnes,Faux,"
    "https://verif.example.fr/v/1,2019-02-26,fr,Vérif Éclair\n"
)


def _write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_csv_row_maps_every_column(tmp_path) -> None:
    [record] = list(iter_csv(_write(tmp_path, "a.csv", HEADER + ROW)))

    assert record == ReviewRecord(
        claim_text="« La Russie a envoyé 300 tonnes d'aide »",
        title="Pas 300 tonnes",
        review_url="https://verif.example.fr/v/1",
        publisher="Vérif Éclair",
        date_published="2019-02-26",
        textual_rating="Faux",
        lang="fr",
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings_are_detected(tmp_path, encoding) -> None:
    # A longer text gives the detector something to go on, as a real file would.
    rows = ROW * 40
    [first, *_] = list(iter_csv(_write(tmp_path, "a.csv", HEADER + rows, encoding)))

    assert first.publisher == "Vérif Éclair"
    assert first.claim_text.startswith("« La Russie a envoyé")


def test_semicolon_csv_with_aliased_headers_and_numeric_rating(tmp_path) -> None:
    content = (
        "Claim;Headline;Rating;Review_URL;Lang;Claimant;rating_value;best_rating;worst_rating\n"
        'Trump said "all options";Yes he did;True;https://x.example/1;en;D. Trump;5;5;1\n'
    )
    [record] = list(iter_csv(_write(tmp_path, "b.csv", content)))

    assert record.claim_text == 'Trump said "all options"'
    assert record.title == "Yes he did"
    assert record.claimant == "D. Trump"
    assert record.rating_norm == 1.0


def test_csv_bad_rows_are_reported_with_their_index(tmp_path) -> None:
    content = HEADER + ROW + ",empty text,Faux,,,,\n" + "ok claim,t,Vrai,,,,P\n"
    records = list(iter_csv(_write(tmp_path, "c.csv", content)))

    assert isinstance(records[0], ReviewRecord)
    assert records[1] == BadRecord(f"{tmp_path / 'c.csv'}#1", "no claim text")
    assert records[2].claim_text == "ok claim"


def test_csv_without_a_text_column_is_refused(tmp_path) -> None:
    with pytest.raises(UserError, match="no claim text column"):
        list(iter_csv(_write(tmp_path, "d.csv", "foo,bar\n1,2\n")))


def test_binary_file_is_not_text() -> None:
    with pytest.raises(UserError, match="not a text file"):
        detect_encoding(bytes(range(256)) * 4, "x.bin")


def test_jsonl_plain_ld_and_bad_lines(tmp_path) -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "Guaido s'est autoproclamé le 23 janvier",
        "url": "https://u.example/2",
        "reviewRating": {"alternateName": "Vrai"},
    }
    lines = [
        json.dumps({"text": "Plain claim", "verdict": "Faux", "Language": "FR-fr"}),
        "",
        json.dumps(review, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"@type": "Organization", "name": "x"}),
        json.dumps({"title": "no text"}),
    ]
    path = _write(tmp_path, "e.jsonl", "\n".join(lines) + "\n")
    records = list(iter_jsonl(path))

    assert records[0].claim_text == "Plain claim" and records[0].lang == "fr"
    assert records[1].textual_rating == "Vrai"
    assert [type(r).__name__ for r in records[2:]] == ["BadRecord"] * 4
    assert records[2].where == f"{path} line 4" and "invalid JSON" in records[2].reason
    assert records[3].reason == "not a JSON object"
    assert records[4].reason == "no ClaimReview in this object"
    assert records[5].reason == "no claim text"


def test_cyrillic_legacy_encoding_is_not_taken_for_western(tmp_path) -> None:
    content = "text,verdict\n" + "Привет мир, это проверка кодировки с русским текстом.,Ложь\n" * 20
    [first, *_] = list(iter_csv(_write(tmp_path, "r.csv", content, "cp1251")))

    assert first.claim_text.startswith("Привет мир")


def test_undecodable_jsonl_line_is_one_bad_record(tmp_path) -> None:
    path = tmp_path / "f.jsonl"
    good = json.dumps({"text": "x" * 100}).encode()
    path.write_bytes(b"\n".join([good] * 3000 + [b'{"text": "bad \xff"}', good]) + b"\n")
    records = list(iter_jsonl(path))

    assert len(records) == 3002
    assert records[3000] == BadRecord(f"{path} line 3001", "undecodable bytes (utf-8)")
    assert isinstance(records[-1], ReviewRecord)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_comes_from_the_header(tmp_path, delimiter) -> None:
    header = delimiter.join(["text", "verdict", "publisher"])
    row = delimiter.join(['"Il a dit : « 1, 2; 3 | 4 »"', "Faux", "P"])
    [record] = list(iter_csv(_write(tmp_path, "t.csv", f"{header}\n{row}\n")))

    assert record.claim_text == "Il a dit : « 1, 2; 3 | 4 »"
    assert (record.textual_rating, record.publisher) == ("Faux", "P")
