"""`crible export`: reports to stdout or a file, usage errors in one line."""

from __future__ import annotations

import csv
import io
import json
import stat

import pytest

from app.cli import main
from app.storage import open_archive
from tests.app.report_builders import build_checked_article


@pytest.fixture
def built(db_path):
    db = open_archive(db_path)
    result = build_checked_article(db)
    db.close()
    return result


def _export(db_path, *args: str) -> int:
    return main(["export", *args, "--db", str(db_path)])


def test_markdown_is_the_default_format_in_the_systems_language(
    db_path, built, capsys, monkeypatch
):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert _export(db_path, str(built.article_id)) == 0
    assert capsys.readouterr().out.startswith("# Rapport de vérification\u00a0: ")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert _export(db_path, str(built.article_id)) == 0
    assert capsys.readouterr().out.startswith("# Fact-check report: ")
    assert _export(db_path, str(built.article_id), "--lang", "fr") == 0
    assert capsys.readouterr().out.startswith("# Rapport de vérification\u00a0: ")


def test_notes_and_unworked_claims_only_on_request(db_path, built, capsys):
    article = str(built.article_id)
    assert _export(db_path, article, "--format", "csv") == 0
    (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert row["notes"] == ""
    assert _export(db_path, article, "--format", "csv", "--all", "--include-notes") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2 and rows[0]["notes"].startswith("Appelé le service")


def test_every_report_format_to_stdout(db_path, built, capsys):
    article = str(built.article_id)
    assert _export(db_path, article, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [claim["id"] for claim in data["claims"]] == [built.first_id, built.second_id]
    assert _export(db_path, article, "--format", "csv", "--all") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 2
    assert _export(db_path, article, "--format", "html", "--lang", "en") == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and "Fact-check report" in page


def test_output_file_is_written_whole_and_readable(db_path, built, tmp_path, capsys):
    target = tmp_path / "report.html"
    assert _export(db_path, str(built.article_id), "--format", "html", "-o", str(target)) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").endswith("</html>\n")
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # not the temp file's 0600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "either an ARTICLE_ID or --archive"),
        (["1", "--archive"], "either an ARTICLE_ID or --archive"),
        (["--archive", "--format", "markdown"], "only --format claimreview"),
        (["999"], "999"),
    ],
)
def test_usage_errors_are_one_line(db_path, built, capsys, args, message):
    assert _export(db_path, *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_missing_folder_is_a_user_error(db_path, built, tmp_path, capsys):
    target = tmp_path / "nope" / "r.md"
    assert _export(db_path, str(built.article_id), "-o", str(target)) == 2
    assert "no such folder" in capsys.readouterr().err


def _review_tuples(db_path):
    db = open_archive(db_path)
    rows = db.execute(
        "SELECT c.text, r.publisher, r.url, r.textual_rating, r.rating_value, r.lang"
        " FROM reviews r JOIN claims c ON c.id = r.claim_id ORDER BY c.text"
    ).fetchall()
    db.close()
    return rows


def test_claimreview_of_an_article(db_path, built, capsys):
    assert _export(db_path, str(built.article_id), "--format", "claimreview") == 0
    reviews = json.loads(capsys.readouterr().out)
    (review,) = reviews  # only the checked claim has a verdict
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Selon le ministre")
    assert review["author"]["name"] == "Les Vérificateurs"
    assert review["reviewRating"]["alternateName"] == "Faux"


def test_archive_datafeed_round_trips_through_import(db_path, built, tmp_path, capsys):
    feed = tmp_path / "archive.json"
    assert _export(db_path, "--archive", "-o", str(feed)) == 0
    data = json.loads(feed.read_text(encoding="utf-8"))
    assert data["@type"] == "DataFeed" and len(data["dataFeedElement"]) == 2
    fresh = tmp_path / "fresh.db"
    assert main(["import", str(feed), "--json", "--db", str(fresh)]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 2
    exported_again = tmp_path / "again.json"
    assert main(["export", "--archive", "-o", str(exported_again), "--db", str(fresh)]) == 0
    again = json.loads(exported_again.read_text(encoding="utf-8"))
    assert _feed_reviews(again) == _feed_reviews(data)
    assert len(_review_tuples(fresh)) == 2


def _feed_reviews(feed) -> set[tuple]:
    return {
        (
            item["claimReviewed"],
            item["author"]["name"],
            item.get("url"),
            item["reviewRating"].get("alternateName"),
            item["reviewRating"].get("ratingValue"),
        )
        for element in feed["dataFeedElement"]
        for item in element["item"]
    }


def test_streamed_feed_equals_the_exporter_datafeed(db_path, built, capsys):
    from app.interop.claimreview_export import archive_datafeed

    assert _export(db_path, "--archive") == 0
    streamed = json.loads(capsys.readouterr().out)
    db = open_archive(db_path)
    expected = archive_datafeed(db)
    db.close()
    streamed.pop("dateModified")
    expected.pop("dateModified")
    assert streamed == expected


def test_empty_archive_gives_an_empty_feed(db_path, capsys):
    assert _export(db_path, "--archive") == 0
    assert json.loads(capsys.readouterr().out)["dataFeedElement"] == []


def test_a_failure_while_streaming_leaves_no_file(db_path, built, tmp_path, monkeypatch, capsys):
    from app.errors import UserError
    from app.interop import claimreview_export

    def broken(db):
        yield {"claimReviewed": "x"}
        raise UserError("disk said no")

    monkeypatch.setattr(claimreview_export, "iter_archive_reviews", broken)
    target = tmp_path / "feed.json"
    assert _export(db_path, "--archive", "-o", str(target)) == 2
    assert "disk said no" in capsys.readouterr().err
    assert list(tmp_path.glob("*feed.json*")) == []


def test_claimreview_without_an_organisation_is_refused_in_one_line(db_path, built, capsys):
    from app.storage.settings import set_setting

    db = open_archive(db_path)
    set_setting(db, "org_name", "")
    db.close()
    assert _export(db_path, str(built.article_id), "--format", "claimreview") == 2
    err = capsys.readouterr().err
    assert "organisation" in err and err.count("\n") == 1


def test_organisation_given_on_the_command_line_is_remembered(db_path, built, capsys):
    from app.storage.settings import get_setting, set_setting

    db = open_archive(db_path)
    set_setting(db, "org_name", "")
    db.close()
    args = ["--format", "claimreview", "--org-name", "Desk", "--org-url", "https://desk.example"]
    assert _export(db_path, str(built.article_id), *args) == 0
    author = json.loads(capsys.readouterr().out)[0]["author"]
    assert author == {"@type": "Organization", "name": "Desk", "url": "https://desk.example"}
    db = open_archive(db_path)
    assert get_setting(db, "org_name") == "Desk"
    db.close()
    assert _export(db_path, str(built.article_id), "--org-url", "javascript:x") == 2
