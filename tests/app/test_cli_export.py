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


def test_markdown_is_the_default_format(db_path, built, capsys):
    assert _export(db_path, str(built.article_id)) == 0
    assert capsys.readouterr().out.startswith("# Rapport de vérification: ")


def test_every_report_format_to_stdout(db_path, built, capsys):
    article = str(built.article_id)
    assert _export(db_path, article, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [claim["id"] for claim in data["claims"]] == [built.first_id, built.second_id]
    assert _export(db_path, article, "--format", "csv") == 0
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
