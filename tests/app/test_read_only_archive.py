"""Reading a read-only archive: `crible match` and `crible export` work and write nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import secrets
from app.cli import main
from app.errors import NewerSchemaError
from app.interop import factcheck_api
from app.storage import open_archive
from app.storage.articles import add_article
from app.storage.claims import add_claim
from app.storage.db import open_archive_for_reading
from app.storage.reindex import VERSION_KEY, norm_text_outdated, reindex_if_needed
from app.storage.settings import set_setting
from tests.fakes.http_server import Reply

CLAIM = "Les éoliennes tuent des millions d'oiseaux chaque année en France."
QUERY = "des millions d'oiseaux tués par les eoliennes"


def _archive(path: Path, *, outdated: bool) -> Path:
    db = open_archive(path)
    claim = add_claim(db, text=CLAIM, lang="fr")
    add_article(db, text=f"{CLAIM} Fin.", title="Éoliennes", lang="fr")
    db.execute(
        "INSERT INTO reviews(claim_id, dedup_key, publisher, url, date_published, textual_rating)"
        " VALUES (?, 'k', 'AFP Factuel', 'https://factuel.afp.com/x', '2021-03-02', 'Faux')",
        [claim.id],
    )
    reindex_if_needed(db)
    if outdated:  # as if written by a Crible with an older normaliser
        set_setting(db, VERSION_KEY, 1)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for extra in path.parent.iterdir():
        if extra != path:
            extra.unlink()
    return path


def _chattr(flag: str, *paths: Path) -> bool:
    """chattr +i: read-only even for root (our CI runs as root, so chmod would not do)."""
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True)
    return done.returncode == 0


@pytest.fixture(params=["file", "folder"])
def frozen(request, tmp_path) -> Iterator[Path]:
    """An outdated archive made immutable: the file alone, or its folder too."""
    folder = tmp_path / "ro"
    folder.mkdir()
    archive = _archive(folder / "a.db", outdated=True)
    targets = [archive] if request.param == "file" else [archive, folder]
    if not _chattr("+i", *targets):
        pytest.skip("chattr +i is not available here")
    try:
        yield archive
    finally:
        _chattr("-i", *targets)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_match_reads_a_read_only_archive_and_says_it_is_outdated(frozen, capsys) -> None:
    before = _digest(frozen)
    assert main(["match", QUERY, "--json", "--db", str(frozen)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["results"][0]["verdict"] == "Faux"
    assert err.count("\n") == 1 and err.startswith("crible: ") and "outdated" in err, err
    assert _digest(frozen) == before


def test_export_reads_a_read_only_archive(frozen, tmp_path, capsys) -> None:
    output = tmp_path / "feed.json"
    assert main(["export", "--archive", "-o", str(output), "--db", str(frozen)]) == 0
    feed = json.loads(output.read_text(encoding="utf-8"))
    assert len(feed["dataFeedElement"]) == 1
    report = tmp_path / "report.md"
    args = ["export", "1", "--format", "markdown", "-o", str(report), "--db", str(frozen)]
    assert main(args) == 0
    assert "Éoliennes" in report.read_text(encoding="utf-8")


def test_an_up_to_date_read_only_archive_says_nothing(tmp_path, capsys) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    archive = _archive(folder / "a.db", outdated=False)
    if not _chattr("+i", archive, folder):
        pytest.skip("chattr +i is not available here")
    try:
        assert main(["match", QUERY, "--db", str(archive)]) == 0
        out, err = capsys.readouterr()
        assert "AFP Factuel" in out and err == ""
    finally:
        _chattr("-i", archive, folder)


def test_a_writable_outdated_archive_is_rebuilt_once(tmp_path, capsys) -> None:
    archive = _archive(tmp_path / "a.db", outdated=True)
    assert main(["match", QUERY, "--db", str(archive)]) == 0
    assert capsys.readouterr().err == ""
    db = open_archive(archive)
    assert not norm_text_outdated(db)
    db.close()


def test_reading_a_read_only_folder_still_refuses_a_newer_schema(tmp_path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    archive = _archive(folder / "a.db", outdated=False)
    db = open_archive(archive)
    db.execute("INSERT INTO _sqlite_migrations(migration_set, name) VALUES ('crible', '9999_x')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for extra in folder.iterdir():
        if extra != archive:
            extra.unlink()
    if not _chattr("+i", archive, folder):
        pytest.skip("chattr +i is not available here")
    try:
        with pytest.raises(NewerSchemaError):
            open_archive_for_reading(archive)
    finally:
        _chattr("-i", archive, folder)


def test_search_needs_no_write_to_the_archive(
    frozen, memory_keyring, fake_server, monkeypatch, capsys
) -> None:
    """`crible search` opens the archive only for --import (a write); it lists from a frozen one."""
    monkeypatch.setattr(factcheck_api, "DEFAULT_BASE_URL", fake_server.url)
    secrets.set_secret(secrets.GOOGLE_FACTCHECK_API_KEY, "AIzaSy-read-only-key")
    fake_server.add("GET", factcheck_api.SEARCH_PATH, Reply(json={"claims": []}))
    before = _digest(frozen)
    assert main(["search", "éoliennes", "--json", "--db", str(frozen)]) == 0
    assert json.loads(capsys.readouterr().out)["results"] == []
    assert _digest(frozen) == before
