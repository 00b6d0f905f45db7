"""The bad-input catalogue (docs/RELIABILITY.md): each class of bad input, what the user sees.

Every case: one line on stderr, exit status 2, no traceback, and nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.storage import db as db_module
from app.storage import open_archive
from app.storage.claims import add_claim
from app.storage.integrity import check_archive
from tests.fakes.http_server import Reply

REPO = Path(__file__).resolve().parents[2]


def _one_line_error(capsys, *needles: str) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("crible: "), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err
    return err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _crible(*args: str, preexec=None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=str(REPO),
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=preexec,
        timeout=timeout,
    )


# --- files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("report.pdf", b"%PDF-1.7\n\x00\x01binary", "is a PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "an image"),
        ("noise.txt", bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_file(tmp_path, capsys, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["split", str(path), "--db", str(tmp_path / "a.db")]) == 2
    _one_line_error(capsys, needle)
    assert main(["import", str(path), "--db", str(tmp_path / "a.db")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_wrong_encoding_is_detected(tmp_path, capsys):
    text = "Le président a déclaré que 300 t d'aide sont arrivées à Caracas le 23 janvier."
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("cp1252"))
    assert main(["split", str(path), "--json", "--db", str(tmp_path / "a.db")]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == text
    csv_path = tmp_path / "claims.csv"
    csv_path.write_bytes(f"text,verdict\n{text},Faux\n".encode("latin-1"))
    assert main(["import", str(csv_path), "--json", "--db", str(tmp_path / "a.db")]) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 1
    db = open_archive(tmp_path / "a.db")
    assert db.execute("SELECT text FROM claims").fetchone()[0] == text
    db.close()


def test_fifty_megabyte_article(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    assert main(["split", str(path), "--db", str(tmp_path / "a.db")]) == 2
    _one_line_error(capsys, "too large")


def test_empty_files(tmp_path, capsys):
    for name in ("empty.txt", "blank.md"):
        (tmp_path / name).write_text("" if name == "empty.txt" else "  \n\t\n")
        assert main(["split", str(tmp_path / name), "--db", str(tmp_path / "a.db")]) == 2
        _one_line_error(capsys, "empty")
    (tmp_path / "empty.json").write_text("")
    assert main(["import", str(tmp_path / "empty.json"), "--db", str(tmp_path / "a.db")]) == 2


def test_broken_jsonld(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{"@type": "ClaimReview", "claimReviewed": "cut in the mid')
    assert main(["import", str(broken), "--json", "--db", str(tmp_path / "a.db")]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 0 and "invalid JSON" in report["errors"][0]
    # One bad record among good ones: the good ones are imported, the bad one listed.
    mixed = tmp_path / "mixed.json"
    good = {
        "@type": "ClaimReview",
        "claimReviewed": "Une affirmation correcte",
        "url": "https://a.fr/1",
    }
    mixed.write_text(json.dumps([good, {"@type": "ClaimReview", "reviewRating": 3}]))
    assert main(["import", str(mixed), "--json", "--db", str(tmp_path / "a.db")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 1 and len(report["errors"]) == 1


def test_html_with_scripts_and_handlers_gives_plain_text(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><script>alert('head')</script></head>"
        '<body onload="steal()"><article><h1>Titre</h1>'
        "<p>Le ministre a déclaré que 300 tonnes d'aide sont arrivées à Caracas mardi soir.</p>"
        '<img src=x onerror="alert(2)"><script>document.write("injected")</script>'
        '<p>Un autre paragraphe, assez long pour un article : <a href="javascript:alert(3)">'
        "lien</a> et 24 heures de délai.</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["split", str(page), "--json", "--db", str(tmp_path / "a.db")]) == 0
    text = json.loads(capsys.readouterr().out)["text"]
    assert "300 tonnes" in text
    for active in ("alert", "steal", "onerror", "onload", "injected", "<", "javascript"):
        assert active not in text


def test_javascript_and_file_links(tmp_path, capsys):
    archive = tmp_path / "a.db"
    db = open_archive(archive)
    add_claim(db, text="Une affirmation")
    db.close()
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"):
        assert main(["edit", "1", "--add-source", url, "--db", str(archive)]) == 2
        _one_line_error(capsys, "only http(s)")
        assert main(["split", url, "--db", str(archive)]) == 2
        assert "Traceback" not in capsys.readouterr().err


def test_javascript_links_in_imports_are_never_web_links(tmp_path, capsys):
    from app.net import is_web_url

    feed = tmp_path / "evil.json"
    feed.write_text(
        json.dumps(
            {
                "@type": "ClaimReview",
                "claimReviewed": "Le Venezuela a reçu 300 tonnes d'aide",
                "url": "javascript:alert(document.cookie)",
                "author": {"name": "X", "url": "file:///etc/passwd"},
                "reviewRating": {"alternateName": "Faux"},
            }
        )
    )
    assert main(["import", str(feed), "--db", str(tmp_path / "a.db")]) == 0
    assert "not a web address" in capsys.readouterr().err
    db = open_archive(tmp_path / "a.db")
    stored = db.execute("SELECT url, publisher_site, textual_rating FROM reviews").fetchall()
    db.close()
    # Dropped link by link with the reason: such a link is never stored, shown or exported;
    # the claim and its verdict are kept.
    assert stored == [(None, None, "Faux")]
    assert not is_web_url("javascript:alert(document.cookie)")


# --- archives -----------------------------------------------------------------------------


def test_archive_from_a_newer_crible(db_path, db, capsys):
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at)"
            " VALUES ('crible', '9999_from_the_future', '2030-01-01')"
        )
    db.close()
    before = _digest(db_path)
    assert main(["match", "aide", "--db", str(db_path)]) == 2
    _one_line_error(capsys, "newer Crible")
    assert main(["edit", "1", "--note", "x", "--db", str(db_path)]) == 2
    assert _digest(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"SQLite format 3\x00" + b"\xa5" * 8000, b"PK\x03\x04" + b"\x00" * 5000, b"hello"],
)
def test_corrupt_archive_is_left_untouched(tmp_path, capsys, content):
    path = tmp_path / "broken.db"
    path.write_bytes(content)
    for argv in (["match", "aide"], ["edit", "1", "--note", "x"], ["archive", "check"]):
        assert main([*argv, "--db", str(path)]) == 2
        _one_line_error(capsys, "not a readable Crible archive")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.db"]


def test_archive_damaged_inside_is_reported_by_check(db_path, db, capsys):
    for i in range(300):
        add_claim(db, text=f"Affirmation numéro {i} " + "x" * 300)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 8 : 4096 * 12] = b"\x00" * 4096 * 4
    db_path.write_bytes(bytes(data))
    code = main(["archive", "check", "--db", str(db_path)])
    out, err = capsys.readouterr()
    # Either the check lists the damage (exit 1), or opening already refuses it (exit 2).
    assert "Traceback" not in err
    assert (code == 1 and "integrity:" in out) or (code == 2 and err.count("\n") == 1)


def _immutable(*paths: Path) -> bool:
    """chattr +i: read-only even for root (our CI runs as root, so chmod would not do)."""
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
    return done.returncode == 0


def _mutable(*paths: Path) -> None:
    subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)


def test_read_only_archive(tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    archive = folder / "a.db"
    db = open_archive(archive)
    add_claim(db, text="Une affirmation")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    if not _immutable(archive):
        pytest.skip("chattr +i is not available here")
    try:
        assert main(["edit", "1", "--note", "x", "--db", str(archive)]) == 2
        _one_line_error(capsys, "read-only")
        assert main(["archive", "info", "--db", str(archive)]) == 0
        capsys.readouterr()
        # A read-only folder too: SQLite cannot even make its shared-memory file.
        for extra in folder.iterdir():
            if extra != archive:
                extra.unlink()
        assert _immutable(folder)
        assert main(["edit", "1", "--note", "x", "--db", str(archive)]) == 2
        _one_line_error(capsys, "cannot open the archive")
    finally:
        _mutable(folder, archive)
    assert open_archive(archive).execute("SELECT notes FROM claims").fetchone()[0] == ""


def _jsonl(path: Path, rows: int) -> Path:
    path.write_text(
        "".join(
            json.dumps({"text": f"Affirmation {i} " + "x" * 300, "url": f"https://e.fr/{i}"}) + "\n"
            for i in range(rows)
        )
    )
    return path


def test_full_disk(tmp_path):
    """Simulated with RLIMIT_FSIZE on the `crible` process: writes past it fail (EFBIG)."""
    archive = tmp_path / "a.db"
    open_archive(archive).close()
    source = _jsonl(tmp_path / "many.jsonl", 4000)

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (600_000, 600_000))

    done = _crible(
        "import", str(source), "--batch-size", "100", "--db", str(archive), preexec=limit_file_size
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "disk is full or failing" in done.stderr
    db = open_archive(archive)
    reviews = db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert check_archive(db) == [] and 0 < reviews < 4000 and reviews % 100 == 0
    db.close()


def test_second_crible_on_the_same_archive(tmp_path):
    """Two writers at once: the busy timeout serialises them; nothing is lost."""
    archive = tmp_path / "a.db"
    db = open_archive(archive)
    ids = [add_claim(db, text=f"Affirmation {i}").id for i in range(120)]
    db.close()
    batches = []
    for n, part in enumerate((ids[::2], ids[1::2])):
        path = tmp_path / f"edits{n}.jsonl"
        path.write_text("".join(json.dumps({"claim": i, "note": f"w{n}"}) + "\n" for i in part))
        batches.append(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "app", "edit", "--batch", str(b), "--db", str(archive)],
            cwd=str(REPO),
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for b in batches
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    db = open_archive(archive)
    notes = dict(db.execute("SELECT id, notes FROM claims").fetchall())
    db.close()
    assert all(notes[i] == ("w0" if k % 2 == 0 else "w1") for k, i in enumerate(ids))


def test_archive_locked_by_another_program(db_path, db, capsys, monkeypatch):
    add_claim(db, text="Une affirmation")
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(str(db_path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert main(["edit", "1", "--note", "x", "--db", str(db_path)]) == 2
        _one_line_error(capsys, "busy in another program")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.execute("SELECT notes FROM claims").fetchone()[0] == ""


# --- keyring and network ------------------------------------------------------------------


def test_no_keyring_backend(no_keyring, tmp_path, capsys, monkeypatch):
    assert main(["secrets", "status"]) == 0
    assert "No usable system keyring" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("k3y\n"))
    assert main(["secrets", "set", "google_factcheck_api_key"]) == 2
    _one_line_error(capsys, "not stored")
    assert main(["search", "aide", "--db", str(tmp_path / "a.db")]) == 2
    _one_line_error(capsys)
    # Everything that needs no key still works.
    archive = tmp_path / "a.db"
    open_archive(archive).close()
    assert main(["archive", "check", "--db", str(archive)]) == 0


def test_network_down(tmp_path, capsys):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["split", f"http://127.0.0.1:{port}/article", "--db", str(tmp_path / "a")]) == 2
    _one_line_error(capsys, "could not connect")


def test_network_slow(fake_server, monkeypatch, capsys, tmp_path):
    import app.intake as intake

    fake_server.add("GET", "/slow", Reply(body="<html>late</html>", delay=2.0))
    real = intake.from_url
    monkeypatch.setattr(intake, "from_url", lambda url: real(url, timeout=0.3))
    assert main(["split", f"{fake_server.url}/slow", "--db", str(tmp_path / "a")]) == 2
    _one_line_error(capsys, "did not answer within 0.3 s")


def test_network_error_pages(fake_server, capsys, tmp_path):
    fake_server.add("GET", "/gone", Reply(status=404))
    fake_server.add("GET", "/pdf", Reply(body=b"%PDF-1.4", content_type="application/pdf"))
    assert main(["split", f"{fake_server.url}/gone", "--db", str(tmp_path / "a")]) == 2
    _one_line_error(capsys, "404")
    assert main(["split", f"{fake_server.url}/pdf", "--db", str(tmp_path / "a")]) == 2
    _one_line_error(capsys)


def test_archive_path_is_a_folder_or_unreachable(tmp_path, capsys):
    assert main(["edit", "1", "--note", "x", "--db", str(tmp_path)]) == 2
    _one_line_error(capsys, "is a folder, not an archive file")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["match", "aide", "--db", str(blocker / "sub" / "a.db")]) == 2
    _one_line_error(capsys, "cannot create the folder")
