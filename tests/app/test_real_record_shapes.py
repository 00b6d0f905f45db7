"""Every usable real record imports: publishers' quirks keep the record, with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.interop.claimreview import parse_jsonld
from app.interop.importer import import_paths
from app.interop.record_dates import iso_date
from app.interop.records import ReviewRecord

SHAPES = Path(__file__).parent / "data" / "real_shapes"


def _one(name: str) -> list[ReviewRecord]:
    records = list(parse_jsonld(json.loads((SHAPES / name).read_text("utf-8")), name))
    assert all(isinstance(r, ReviewRecord) for r in records), records
    return records  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("20minutes-fakeoff.json", "Faux"),
        ("politifact-sharethefacts.json", "Pants on Fire!"),
        ("tjekdet.json", "Falsk"),
    ],
)
def test_degenerate_scales_drop_the_number_and_keep_the_textual_rating(name, verdict) -> None:
    [record] = _one(name)

    assert record.textual_rating == verdict
    assert (record.rating_value, record.best_rating, record.worst_rating) == (None, None, None)
    assert record.rating_norm is None
    assert len(record.warnings) == 1
    assert record.warnings[0].startswith(f"{name}#0: numeric rating dropped: bestRating equals")


def test_a_word_as_rating_value_is_the_textual_rating_without_warning() -> None:
    faux, out_of_range = _one("textual-value.json")

    assert faux.textual_rating == "Faux" and faux.rating_value is None
    assert faux.warnings == ()
    assert out_of_range.textual_rating == "Mostly false" and out_of_range.rating_value is None
    assert out_of_range.warnings == (
        "textual-value.json#1: numeric rating dropped: ratingValue 0 is outside 1..5",
    )


def test_empty_claim_reviewed_falls_back_to_the_headline_and_a_bad_link_is_dropped() -> None:
    [afp] = _one("afp-empty-claim.json")

    assert afp.claim_text == "Non, Madagascar n'a pas quitté l'OMS"
    assert afp.appearances == ("https://www.facebook.example/posts/1",)
    assert afp.review_url == "https://factuel.afp.example/doc.afp.com.32XY7ZA"
    assert afp.rating_value == 1.0
    assert afp.warnings == (
        "afp-empty-claim.json#0: link dropped, not a web address: "
        "'whatsapp://send?text=Madagascar' (only http and https)",
    )
    assert (afp.date_published, afp.claim_date) == ("2022-01-28", "2022-01-01")
    assert afp.lang == "fr"


def test_blank_claim_reviewed_falls_back_to_the_name_with_six_good_appearances() -> None:
    [lemonde] = _one("lemonde-seven-appearances.json")

    assert lemonde.claim_text.startswith("Le pangolin vendu")
    assert len(lemonde.appearances) == 6
    assert all(a.startswith("https://") for a in lemonde.appearances)
    assert lemonde.date_published == "2020-04-21"
    assert "javascript:alert(1)" in lemonde.warnings[0]


def test_language_is_guessed_when_undeclared_and_kept_when_declared() -> None:
    [politifact] = _one("politifact-sharethefacts.json")
    [fakeoff] = _one("20minutes-fakeoff.json")
    declared = json.loads((SHAPES / "20minutes-fakeoff.json").read_text("utf-8"))
    declared["inLanguage"] = "en"

    assert politifact.lang == "en" and fakeoff.lang == "fr"
    assert next(iter(parse_jsonld(declared, "x"))).lang == "en"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("28 janvier 2022", "2022-01-28"),
        ("1er février 2019", "2019-02-01"),
        ("3 févr. 2020", "2020-02-03"),
        ("mardi 12 mars 2019", "2019-03-12"),
        ("12 sept. 2021", "2021-09-12"),
        ("28 janvier 2022 à 10h32", "2022-01-28"),
        ("March 4, 2021", "2021-03-04"),
        ("Feb. 3, 2020", "2020-02-03"),
        ("4th July 2019", "2019-07-04"),
        ("Mon, 11 Feb 2019 09:00:00 GMT", "2019-02-11"),
        ("28/01/2022", "2022-01-28"),
        ("2022-01-28", "2022-01-28"),
        ("2022-01-28T10:32:07+01:00", "2022-01-28T10:32:07+01:00"),
        ("2022-01-28T10:32:07.123+0100", "2022-01-28T10:32:07.123+0100"),
        ("Tuesday, March 12, 2019", "2019-03-12"),
    ],
)
def test_dates_as_publishers_write_them_become_iso_8601(raw, iso) -> None:
    assert iso_date(raw) == iso


@pytest.mark.parametrize("raw", ["hier", "31 février 2022", "2022-13-01", "13/13/2022", ""])
def test_unreadable_dates_are_none(raw) -> None:
    assert iso_date(raw) is None


def test_an_unreadable_date_is_dropped_with_a_warning_not_the_record() -> None:
    data = json.loads((SHAPES / "tjekdet.json").read_text("utf-8"))
    data[0]["datePublished"] = "la semaine dernière"
    [record] = list(parse_jsonld(data, "t.json"))

    assert isinstance(record, ReviewRecord) and record.date_published is None
    assert "t.json#0: unreadable date dropped: 'la semaine dernière'" in record.warnings


def test_every_real_shape_imports_and_json_tells_duplicates_apart(tmp_path, capsys) -> None:
    files = sorted(str(p) for p in SHAPES.glob("*.json"))
    db = str(tmp_path / "a.db")

    assert main(["import", *files, "--db", db, "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["import", *files, "--db", db, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)

    assert (first["imported"], first["skipped"], first["duplicates"]) == (7, 0, 0)
    assert first["errors"] == []
    assert len(first["warnings"]) == 6  # 3 degenerate scales, 1 out of range, 2 links
    assert (again["imported"], again["skipped"], again["duplicates"]) == (0, 7, 7)
    assert again["errors"] == []


def test_text_report_prints_warnings_on_stderr(tmp_path, capsys) -> None:
    path = str(SHAPES / "tjekdet.json")

    assert main(["import", path, "--db", str(tmp_path / "a.db")]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "imported 1, skipped 0, errors 0"
    assert "crible: warning: " in captured.err and "numeric rating dropped" in captured.err


def test_a_record_whose_own_address_is_not_a_web_link_is_kept_without_it(tmp_path) -> None:
    from app.storage import open_archive

    data = json.loads((SHAPES / "tjekdet.json").read_text("utf-8"))
    data[0]["url"] = "javascript:alert(document.cookie)"
    data[0]["author"]["url"] = "file:///etc/passwd"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data), "utf-8")
    db = open_archive(tmp_path / "a.db")
    report = import_paths(db, [path])
    stored = db.execute("SELECT url, publisher_site, textual_rating FROM reviews").fetchall()
    db.close()

    assert (report.imported, report.errors) == (1, [])
    assert stored == [(None, None, "Falsk")]
    assert sum("link dropped, not a web address" in w for w in report.warnings) == 2
