"""app.net: fetching against a local test server only (timeouts, errors, redirects, size cap)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.errors import UserError
from app.net import fetch, is_web_url, safe_url

RELEASE = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", b"<p>Bonjour</p>")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/missing":
            self._send(404, "text/html", b"nope")
        elif self.path == "/slow":
            RELEASE.wait(5)
            self._send(200, "text/html", b"late")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the cap must hold while streaming
            try:
                for _ in range(40):
                    self.wfile.write(b"x" * 1000)
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up at its cap, as it should
        elif self.path == "/declared":
            self._send(200, "text/html", b"x" * 5000)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def test_is_web_url() -> None:
    assert is_web_url("https://example.org/a?b=1")
    assert is_web_url("http://127.0.0.1:8000/")
    assert not is_web_url("ftp://example.org/file")
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url("/home/user/article.txt")
    assert not is_web_url("https://")


def test_safe_url_drops_query_and_credentials() -> None:
    assert safe_url("https://user:pw@api.example.org/v1/claims?key=SECRET#x") == (
        "https://api.example.org/v1/claims"
    )


def test_fetch_follows_redirects(server: str) -> None:
    result = fetch(f"{server}/moved")
    assert result.status == 200
    assert result.url.endswith("/page")
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert result.content == b"<p>Bonjour</p>"


def test_http_error_is_a_user_error(server: str) -> None:
    with pytest.raises(UserError, match="HTTP 404"):
        fetch(f"{server}/missing")


def test_timeout_is_a_user_error(server: str) -> None:
    with pytest.raises(UserError, match="did not answer"):
        fetch(f"{server}/slow", timeout=0.3)


def test_size_cap_holds_without_content_length(server: str) -> None:
    with pytest.raises(UserError, match="larger than"):
        fetch(f"{server}/huge", max_bytes=10_000)


def test_declared_size_over_the_cap_is_refused(server: str) -> None:
    with pytest.raises(UserError, match="too large"):
        fetch(f"{server}/declared", max_bytes=1000)


def test_refused_connection_is_a_user_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(UserError, match="could not connect"):
        fetch(f"http://127.0.0.1:{port}/", timeout=2)


def test_non_http_scheme_is_refused_without_network() -> None:
    with pytest.raises(UserError, match="http or https only"):
        fetch("ftp://example.org/article")


def test_error_messages_never_show_the_query_string(server: str) -> None:
    with pytest.raises(UserError) as info:
        fetch(f"{server}/missing?key=TOPSECRET")
    assert "TOPSECRET" not in str(info.value)
