"""Fetching web pages for intake: httpx with a timeout, redirects and a size cap while streaming.

Every expected network failure becomes a one-line ``UserError``. Messages name the page by
scheme, host and path only: a query string may carry an API key.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from app import __version__
from app.errors import UserError

USER_AGENT = f"Crible/{__version__} (fact-checking workbench)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    content: bytes
    charset: str | None = None  # from the Content-Type header, when the server gave one


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def safe_url(url: str) -> str:
    """The URL without query, fragment or credentials, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(invalid URL)"
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


# However slowly a server sends (one byte a second keeps every read within its timeout), a fetch
# ends by then: the per-read timeout alone let a slow-loris server hang intake for ever.
DEADLINE_S = 25.0


def fetch(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 10_000_000,
    deadline: float = DEADLINE_S,
) -> FetchResult:
    """GET ``url`` following redirects; UserError on timeout, HTTP error, refusal or excess size.

    *timeout* bounds each connect and read; *deadline* the whole fetch. The request runs in a
    daemon thread so that a server that stalls while sending its headers is given up too
    (that thread ends with the connection; it never keeps the program from quitting).
    """
    if not is_web_url(url):
        raise UserError("not a web address (http or https only): {url}", url=safe_url(url))
    shown = safe_url(url)
    job = _Fetch(url, shown, timeout, max_bytes, time.monotonic() + deadline)
    worker = threading.Thread(target=job.run, name="crible-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        job.given_up = True
        raise _too_slow(shown, deadline)
    return job.outcome()


def _too_slow(shown: str, deadline: float) -> UserError:
    return UserError(
        "{url} sends too slowly: gave up after {seconds} s", url=shown, seconds=f"{deadline:g}"
    )


class _Fetch:
    """One GET in its own thread; the caller reads ``outcome()`` once it finished."""

    def __init__(
        self, url: str, shown: str, timeout: float, max_bytes: int, stop_at: float
    ) -> None:
        self.url, self.shown, self.timeout, self.max_bytes = url, shown, timeout, max_bytes
        self.stop_at = stop_at
        self.given_up = False
        self._result: FetchResult | None = None
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            self._result = self._get()
        except BaseException as exc:  # handed to the caller's thread by outcome()
            self._error = exc

    def outcome(self) -> FetchResult:
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def _get(self) -> FetchResult:
        url, shown, timeout = self.url, self.shown, self.timeout
        try:
            with (
                httpx.Client(
                    follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
                ) as client,
                client.stream("GET", url) as response,
            ):
                if response.status_code >= 400:
                    raise UserError(
                        "{url} answered HTTP {status}", url=shown, status=response.status_code
                    )
                content = _read_capped(response, self.max_bytes, shown, self._check_time)
                return FetchResult(
                    url=str(response.url),
                    status=response.status_code,
                    content_type=_media_type(response.headers.get("content-type", "")),
                    content=content,
                    charset=response.charset_encoding,
                )
        except httpx.TimeoutException as exc:
            raise UserError(
                "{url} did not answer within {timeout} s", url=shown, timeout=f"{timeout:g}"
            ) from exc
        except httpx.ConnectError as exc:
            raise UserError("could not connect to {url}", url=shown) from exc
        except httpx.TooManyRedirects as exc:
            raise UserError("{url} redirects too many times", url=shown) from exc
        except httpx.HTTPError as exc:
            raise UserError(
                "could not fetch {url}: {error}", url=shown, error=type(exc).__name__
            ) from exc

    def _check_time(self) -> None:
        if self.given_up or time.monotonic() > self.stop_at:
            raise UserError("{url} sends too slowly: gave up", url=self.shown)


def _read_capped(
    response: httpx.Response, max_bytes: int, shown: str, check_time: Callable[[], None]
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise UserError(
            "{url} is too large ({size} MB or more)", url=shown, size=int(declared) // 1_000_000
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        check_time()
        size += len(chunk)
        if size > max_bytes:
            # Servers may lie about or omit Content-Length: stop reading, never buffer it all.
            raise UserError(
                "{url} is larger than {limit} MB", url=shown, limit=max_bytes // 1_000_000
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def json_object(response: httpx.Response, service: str) -> dict[str, Any]:
    """The JSON object a web API answered, or a one-line UserError naming the service."""
    try:
        data = response.json()
    except ValueError:
        raise UserError("{service} sent an answer that is not JSON.", service=service) from None
    if not isinstance(data, dict):
        raise UserError("{service} sent an unexpected answer.", service=service)
    return data
