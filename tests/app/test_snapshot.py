"""Source snapshots: a page served on loopback becomes plain text stored on the source."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.interop import snapshot
from app.net import FetchResult
from app.storage.claims import add_claim
from app.storage.sources import add_source, get_source
from tests.fakes.http_server import Reply, unused_port_url

PAGE = """<!doctype html><html><head><meta charset="windows-1252">
<title>Chômage : les chiffres de l'Insee</title></head><body>
<nav><a href="/">Accueil</a> <a href="/x">Menu</a></nav>
<article><h1>Chômage : les chiffres de l'Insee</h1>
<p>Le taux de chômage s'établit à 7,3 % de la population active au troisième trimestre 2025,
selon l'Insee. Il recule de 0,1 point sur un trimestre.</p>
<p>Sur un an, le taux est stable. Les jeunes restent les plus touchés, à 18,2 %.</p>
<script>alert("never run")</script>
</article><footer>Mentions légales</footer></body></html>"""


def _source(db, url: str) -> int:
    claim = add_claim(db, text="Le chômage est à 7,3 %.")
    return add_source(db, claim.id, url=url).source.id


def test_snapshot_of_an_html_page_in_windows_1252(db, fake_server):
    fake_server.add(
        "GET",
        "/stats",
        Reply(body=PAGE.encode("cp1252"), content_type="text/html; charset=windows-1252"),
    )
    source_id = _source(db, fake_server.url + "/stats")
    text = snapshot.snapshot_source(db, source_id)
    assert text.startswith("Chômage : les chiffres de l'Insee")
    assert "7,3 % de la population active" in text and "18,2 %" in text
    assert "alert" not in text and "<p>" not in text
    stored = get_source(db, source_id)
    assert stored.snapshot_text == text
    assert stored.snapshot_at


def test_plain_text_page(db, fake_server):
    body = "Communiqué\r\nLe taux de chômage est de 7,3 % selon l'Insee.\r\n"
    fake_server.add("GET", "/c.txt", Reply(body=body, content_type="text/plain; charset=utf-8"))
    source_id = _source(db, fake_server.url + "/c.txt")
    assert snapshot.snapshot_source(db, source_id) == body.replace("\r\n", "\n").strip()


def test_http_error_keeps_no_snapshot(db, fake_server):
    fake_server.add("GET", "/gone", Reply(status=404, body="gone"))
    source_id = _source(db, fake_server.url + "/gone")
    with pytest.raises(UserError, match="404"):
        snapshot.snapshot_source(db, source_id)
    assert get_source(db, source_id).snapshot_text is None


def test_offline_is_a_user_error(db):
    source_id = _source(db, unused_port_url() + "/page")
    with pytest.raises(UserError):
        snapshot.snapshot_source(db, source_id)
    assert get_source(db, source_id).snapshot_text is None


def test_empty_page_and_binary_content_are_refused(db, fake_server):
    fake_server.add(
        "GET",
        "/empty",
        Reply(body="<html><body><nav>x</nav></body></html>", content_type="text/html"),
    )
    with pytest.raises(UserError, match="no readable text"):
        snapshot.snapshot_source(db, _source(db, fake_server.url + "/empty"))

    def pdf_fetch(url: str, *, timeout: float, max_bytes: int) -> FetchResult:
        return FetchResult(url=url, status=200, content_type="application/pdf", content=b"%PDF-")

    source_id = _source(db, "https://example.org/rapport.pdf")
    with pytest.raises(UserError, match=r"not a web page \(application/pdf\)"):
        snapshot.snapshot_source(db, source_id, fetch=pdf_fetch)


def test_unknown_source_is_a_user_error(db):
    with pytest.raises(UserError, match="no source 42"):
        snapshot.snapshot_source(db, 42)


ACCESS, SECRET = "acc", "sec"


def _spn2(server, page_url: str) -> None:
    server.add("POST", "/save", Reply(json={"url": page_url, "job_id": "j1"}))
    server.add(
        "GET",
        "/save/status/j1",
        Reply(json={"status": "success", "original_url": page_url, "timestamp": "20260126000000"}),
    )


def test_preserve_keeps_snapshot_and_archive_url(db, fake_server):
    page_url = fake_server.url + "/stats"
    fake_server.add("GET", "/stats", Reply(body=PAGE, content_type="text/html; charset=utf-8"))
    _spn2(fake_server, page_url)
    source_id = _source(db, page_url)
    result = snapshot.preserve_source(
        db,
        source_id,
        access_key=ACCESS,
        secret_key=SECRET,
        base_url=fake_server.url,
        poll_interval=0.01,
    )
    assert result.archive_url == f"https://web.archive.org/web/20260126000000/{page_url}"
    assert result.snapshot_chars > 100 and result.snapshot_error is None
    stored = get_source(db, source_id)
    assert stored.archive_url == result.archive_url and stored.snapshot_text


def test_preserve_without_keys_still_keeps_the_snapshot(db, fake_server):
    fake_server.add("GET", "/stats", Reply(body=PAGE, content_type="text/html; charset=utf-8"))
    source_id = _source(db, fake_server.url + "/stats")
    result = snapshot.preserve_source(db, source_id, access_key=None, secret_key=None)
    assert result.archive_url is None and "No Internet Archive keys" in result.archive_error
    assert result.snapshot_chars > 0
    assert get_source(db, source_id).snapshot_text


def test_preserve_with_an_unreachable_page_still_archives(db, fake_server):
    page_url = fake_server.url + "/gone"
    fake_server.add("GET", "/gone", Reply(status=500, body="boom"))
    _spn2(fake_server, page_url)
    source_id = _source(db, page_url)
    result = snapshot.preserve_source(
        db,
        source_id,
        access_key=ACCESS,
        secret_key=SECRET,
        base_url=fake_server.url,
        poll_interval=0.01,
    )
    assert "500" in result.snapshot_error and result.archive_url


def test_preserve_lets_cancellation_through(db, fake_server):
    fake_server.add("GET", "/stats", Reply(body=PAGE, content_type="text/html"))
    fake_server.add("POST", "/save", Reply(json={"job_id": "j1"}))
    source_id = _source(db, fake_server.url + "/stats")
    with pytest.raises(snapshot.wayback.ArchiveCancelled):
        snapshot.preserve_source(
            db,
            source_id,
            access_key=ACCESS,
            secret_key=SECRET,
            base_url=fake_server.url,
            cancelled=lambda: True,
        )
