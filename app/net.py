"""Fetching web pages for intake: httpx with a timeout, redirects and a size cap while streaming.

Every expected network failure becomes a one-line ``UserError``. Messages name the page by
scheme, host and path only: a query string may carry an API key.
"""

from __future__ import annotations

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


def fetch(url: str, *, timeout: float = 15.0, max_bytes: int = 10_000_000) -> FetchResult:
    """GET ``url`` following redirects; UserError on timeout, HTTP error, refusal or excess size."""
    if not is_web_url(url):
        raise UserError("not a web address (http or https only): {url}", url=safe_url(url))
    shown = safe_url(url)
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
            content = _read_capped(response, max_bytes, shown)
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


def _read_capped(response: httpx.Response, max_bytes: int, shown: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise UserError(
            "{url} is too large ({size} MB or more)", url=shown, size=int(declared) // 1_000_000
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
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
