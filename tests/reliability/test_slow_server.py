"""Finding 10 of issue 12: a slow-loris server (one byte at a time, each read in time) is given
up by an overall deadline, whether it dawdles over its headers or its body."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from app.errors import UserError
from app.intake import from_url
from app.net import DEADLINE_S, fetch

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"


def _serve(listener: socket.socket, stop: threading.Event, pause: float, slow_head: bool) -> None:
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=_drip, args=(conn, stop, pause, slow_head), daemon=True).start()


def _drip(conn: socket.socket, stop: threading.Event, pause: float, slow_head: bool) -> None:
    """One byte every *pause* seconds: of the headers too when *slow_head*."""
    try:
        conn.recv(65536)
        if not slow_head:
            conn.sendall(HEAD)
        payload = (HEAD if slow_head else b"") + b"<p>" + b"x" * 99_990
        for byte in payload:
            if stop.is_set():
                break
            conn.sendall(bytes([byte]))
            time.sleep(pause)
    except OSError:
        pass
    finally:
        conn.close()


@pytest.fixture
def slow_loris(request: pytest.FixtureRequest) -> Iterator[str]:
    pause, slow_head = request.param
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(listener, stop, pause, slow_head), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/article"
    stop.set()
    listener.close()


@pytest.mark.parametrize("slow_loris", [(0.05, False), (0.05, True)], indirect=True)
def test_a_slow_loris_server_is_given_up_at_the_deadline(slow_loris: str) -> None:
    started = time.monotonic()
    with pytest.raises(UserError, match="sends too slowly: gave up"):
        fetch(slow_loris, timeout=1.0, deadline=1.5)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("slow_loris", [(1.0, False)], indirect=True)
def test_a_one_byte_a_second_article_url_is_given_up_within_30_seconds(slow_loris: str) -> None:
    started = time.monotonic()
    with pytest.raises(UserError, match="sends too slowly") as caught:
        from_url(slow_loris)
    elapsed = time.monotonic() - started
    assert DEADLINE_S - 1 < elapsed < 30
    assert "\n" not in str(caught.value)
