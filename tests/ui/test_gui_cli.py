"""`crible gui`: the screenshot mode, first start with the demo, and refusals (exit 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app.storage import open_archive
from app.storage.articles import list_articles
from app.storage.claims import claims_of_article

ROOT = Path(__file__).resolve().parents[2]


def crible(tmp_path: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.pop("CRIBLE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_screenshot_of_an_archive_article(tmp_path, archive_path):
    out = tmp_path / "shot.png"
    result = crible(tmp_path, "gui", "--db", str(archive_path), "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)


def test_first_start_creates_the_archive_with_the_demo(tmp_path):
    db_path = tmp_path / "new" / "archive.db"
    out = tmp_path / "demo.png"
    result = crible(tmp_path, "gui", "--db", str(db_path), "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    db = open_archive(db_path)
    [article] = list_articles(db)
    assert article.origin == "demo"
    assert len(claims_of_article(db, article.id)) >= 5  # analysed when first opened
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] >= 60
    db.close()


def test_opening_a_file_stores_and_splits_it(tmp_path, archive_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "Le ministre affirme que 45 % des jeunes sont au chômage en 2023.\n\n"
        "Selon l'Insee, le taux réel était de 17 % cette année-là.\n",
        encoding="utf-8",
    )
    out = tmp_path / "file.png"
    result = crible(
        tmp_path, "gui", str(article), "--db", str(archive_path), "--screenshot", str(out)
    )
    assert result.returncode == 0, result.stderr
    db = open_archive(archive_path)
    newest = list_articles(db, limit=1)[0]
    assert "45 %" in newest.text
    assert claims_of_article(db, newest.id)
    db.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gui", "/no/such/article.txt"], "no such file"),
        (["gui", "--size", "huge", "--screenshot", "x.png"], "--size"),
        (["gui", "--screenshot", "/no/such/folder/x.png"], "no folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    result = crible(tmp_path, *args, "--db", str(tmp_path / "a.db"), timeout=60)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    result = crible(tmp_path, "gui", "--db", str(bogus), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_without_a_display_the_window_is_refused_not_aborted(tmp_path):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CRIBLE_DB"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--db", str(tmp_path / "a.db")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "no display" in result.stderr


def test_without_a_display_a_screenshot_still_works(tmp_path, archive_path):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CRIBLE_DB"):
        env.pop(name, None)
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--db", str(archive_path), "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.is_file()
