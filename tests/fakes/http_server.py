"""A scripted HTTP server on 127.0.0.1 standing in for a web service in tests.

    with FakeServer() as server:
        server.add("GET", "/v1alpha1/claims:search", Reply(json={"claims": []}))
        server.add("POST", "/save", Reply(json={"job_id": "j1"}), Reply(status=429))
        ...  # call code with base_url=server.url
        assert server.requests[0].query["query"] == ["..."]

Routes match on method and exact path (the query string is ignored). Several replies for
one route are served in order, the last one repeating. A reply may be a callable taking
the ``Recorded`` request and returning a ``Reply``. Unknown routes get a 404.
"""

from __future__ import annotations

import json as jsonlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it; header names are lower-case."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def form(self) -> dict[str, list[str]]:
        """The body parsed as application/x-www-form-urlencoded."""
        return parse_qs(self.body.decode("utf-8"), keep_blank_values=True)


@dataclass(frozen=True)
class Reply:
    """What the server sends back; ``json`` wins over ``body`` when given."""

    status: int = 200
    json: Any = None
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    delay: float = 0.0  # seconds before answering, to provoke client timeouts

    def payload(self) -> tuple[bytes, str]:
        if self.json is not None:
            return jsonlib.dumps(self.json).encode("utf-8"), "application/json"
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        return body, self.content_type or "text/plain; charset=utf-8"


Responder = Reply | Callable[[Recorded], Reply]


class FakeServer:
    """A threaded server on a free loopback port; use as a context manager."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._routes: dict[tuple[str, str], list[Responder]] = {}
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        # A short poll interval keeps shutdown (once per test) fast.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, method: str, path: str, *replies: Responder) -> None:
        """Script the replies for ``method path`` (replaces earlier ones)."""
        if not replies:
            raise ValueError("a route needs at least one reply")
        with self._lock:
            self._routes[(method.upper(), path)] = list(replies)

    def requests_to(self, path: str) -> list[Recorded]:
        return [request for request in self.requests if request.path == path]

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()  # wake delayed replies so shutdown is quick
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _next_reply(self, request: Recorded) -> Reply:
        with self._lock:
            self.requests.append(request)
            replies = self._routes.get((request.method, request.path))
            if not replies:
                return Reply(status=404, json={"error": "no route", "path": request.path})
            responder = replies.pop(0) if len(replies) > 1 else replies[0]
        return responder(request) if callable(responder) else responder


def _handler_for(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            request = Recorded(
                method=self.command,
                path=parts.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers={name.lower(): value for name, value in self.headers.items()},
                body=body,
            )
            reply = server._next_reply(request)
            if reply.delay and server._released.wait(reply.delay):
                return
            payload, content_type = reply.payload()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test); nothing left to answer

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


def unused_port_url() -> str:
    """A loopback URL on which nothing listens: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
