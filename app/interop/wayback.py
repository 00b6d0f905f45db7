"""Wayback Machine Save Page Now 2 (SPN2): archive a source page and return its archive URL.

Shapes from the SPN2 public API documentation (Internet Archive, "Save Page Now 2 Public API
Docs Draft"): ``POST {base}/save`` with form ``url=…``, headers ``Accept: application/json`` and
``Authorization: LOW <access key>:<secret key>`` → ``{"url", "job_id"}`` (optionally a
``message``), or ``{"status": "error", "status_ext": "error:…", "message"}``. Then
``GET {base}/save/status/{job_id}`` → ``{"status": "pending", "job_id", "resources"}``,
``{"status": "success", "job_id", "original_url", "timestamp": "YYYYMMDDhhmmss",
"duration_sec", …}`` or ``{"status": "error", "status_ext", "exception", "message"}``.
The capture lives at ``https://web.archive.org/web/<timestamp>/<original_url>``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlite_utils import Database

from app.errors import UserError, translatable
from app.net import is_web_url, json_object, safe_url
from app.storage.sources import get_source, set_source_archive_url

DEFAULT_BASE_URL = "https://web.archive.org"
ARCHIVE_PREFIX = "https://web.archive.org/web/"
SERVICE = translatable("The Wayback Machine")

# The status_ext codes a checker can act on, in plain words; others show the server's message.
_STATUS_EXT: dict[str, str] = {
    "error:not-found": translatable("the page was not found (HTTP 404)"),
    "error:no-access": translatable("the site refused access (HTTP 403)"),
    "error:blocked": translatable("the site blocks the Internet Archive"),
    "error:blocked-url": translatable("the address is on the Internet Archive's block list"),
    "error:invalid-host-resolution": translatable("the site's host name does not resolve"),
    "error:invalid-url-syntax": translatable("the address is not valid"),
    "error:too-many-daily-captures": translatable(
        "this page was already captured too many times today"
    ),
    "error:user-session-limit": translatable(
        "too many captures are running for this account; wait a minute"
    ),
    "error:too-many-requests": translatable(
        "the site is rate-limiting the Internet Archive; try again soon"
    ),
    "error:unauthorized": translatable("the page requires a login"),
    "error:gateway-timeout": translatable("the site did not answer in time"),
    "error:read-timeout": translatable("the site did not answer in time"),
    "error:service-unavailable": translatable("the site is unavailable (HTTP 503)"),
    "error:soft-time-limit-exceeded": translatable("the capture took too long and was stopped"),
}


class ArchiveCancelled(UserError):
    """The user cancelled while the capture was running (it may still finish remotely)."""


@dataclass(frozen=True, slots=True)
class WaybackAccount:
    """What ``GET /save/status/user`` says about the account behind the keys."""

    available: int  # capture sessions that can start now
    processing: int  # captures running now
    daily_captures: int | None = None
    daily_captures_limit: int | None = None


def check_keys(
    *,
    access_key: str | None,
    secret_key: str | None,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 15.0,
) -> WaybackAccount:
    """Test the keys (Settings' "Test" button): the account's capture budget, or a UserError."""
    headers = _headers(access_key, secret_key)
    with httpx.Client(base_url=base_url.rstrip("/"), headers=headers, timeout=timeout) as client:
        # _t defeats a cached answer, as the SPN2 documentation advises.
        response = _request(client, "GET", "/save/status/user", params={"_t": time.time_ns()})
    _check_http(response, submitting=False)
    data = json_object(response, SERVICE)
    try:
        return WaybackAccount(
            available=int(data["available"]),
            processing=int(data.get("processing") or 0),
            daily_captures=_int_or_none(data.get("daily_captures")),
            daily_captures_limit=_int_or_none(data.get("daily_captures_limit")),
        )
    except (KeyError, TypeError, ValueError):
        raise UserError("{service} sent an unexpected account status.", service=SERVICE) from None


def _int_or_none(value: object) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _headers(access_key: str | None, secret_key: str | None) -> dict[str, str]:
    if not access_key or not secret_key:
        raise UserError(
            "No Internet Archive keys are stored: add the access key and secret key in "
            "Settings (from archive.org/account/s3.php)."
        )
    return {"Accept": "application/json", "Authorization": f"LOW {access_key}:{secret_key}"}


def archive_url(
    url: str,
    *,
    access_key: str | None,
    secret_key: str | None,
    base_url: str = DEFAULT_BASE_URL,
    poll_interval: float = 5.0,
    timeout: float = 180.0,
    cancelled: Callable[[], bool] | None = None,
    request_timeout: float = 30.0,
) -> str:
    """Capture ``url`` with SPN2 and return ``https://web.archive.org/web/<timestamp>/<url>``.

    Blocks while following the job (run it in a worker); ``cancelled`` is polled between
    requests. Every failure is a one-line UserError that never contains the keys.
    """
    if not is_web_url(url):
        raise UserError(
            "Only web pages (http or https) can be archived, not {url}.", url=safe_url(url)
        )
    headers = _headers(access_key, secret_key)
    deadline = time.monotonic() + timeout
    with httpx.Client(
        base_url=base_url.rstrip("/"), headers=headers, timeout=request_timeout
    ) as client:
        keys = (str(access_key), str(secret_key))
        job_id = _submit(client, url.strip(), keys)
        return _follow(client, job_id, keys, deadline, poll_interval, cancelled, timeout)


def archive_source(db: Database, source_id: int, **options: Any) -> str:
    """Archive a stored source's page and record the archive URL on it (``options`` as above)."""
    source = get_source(db, source_id)
    archived = archive_url(source.url, **options)
    set_source_archive_url(db, source_id, archived)
    return archived


def _request(client: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
    try:
        return client.request(method, path, **kwargs)
    except httpx.TimeoutException:
        raise UserError(
            "{service} did not answer in time; try again later.", service=SERVICE
        ) from None
    except httpx.ConnectError:
        raise UserError("{service} is unreachable: are you offline?", service=SERVICE) from None
    except httpx.TransportError as exc:
        raise UserError(
            "{service} could not be reached ({error}).", service=SERVICE, error=type(exc).__name__
        ) from None


def _submit(client: httpx.Client, url: str, keys: tuple[str, str]) -> str:
    response = _request(client, "POST", "/save", data={"url": url, "skip_first_archive": "1"})
    _check_http(response, submitting=True)
    data = json_object(response, SERVICE)
    if data.get("job_id"):
        return str(data["job_id"])
    raise _failure(data, keys)


def _follow(
    client: httpx.Client,
    job_id: str,
    keys: tuple[str, str],
    deadline: float,
    poll_interval: float,
    cancelled: Callable[[], bool] | None,
    timeout: float,
) -> str:
    while True:
        _wait(poll_interval, deadline, cancelled)
        if time.monotonic() >= deadline:
            raise UserError(
                "{service} had not finished the capture after {timeout} s; try again later.",
                service=SERVICE,
                timeout=f"{timeout:g}",
            )
        response = _request(client, "GET", f"/save/status/{job_id}")
        if response.status_code == 429:
            poll_interval = min(poll_interval * 2, 30.0)  # back off, keep following the job
            continue
        _check_http(response, submitting=False)
        data = json_object(response, SERVICE)
        status = data.get("status")
        if status == "success":
            return _capture_url(data)
        if status != "pending":
            raise _failure(data, keys)


def _wait(seconds: float, deadline: float, cancelled: Callable[[], bool] | None) -> None:
    """Sleep up to ``seconds`` (never past the deadline), checking ``cancelled`` often."""
    end = min(time.monotonic() + seconds, deadline)
    while True:
        if cancelled is not None and cancelled():
            raise ArchiveCancelled("Archiving was cancelled.")
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.1))


def _check_http(response: httpx.Response, *, submitting: bool) -> None:
    status = response.status_code
    if status in (401, 403):
        raise UserError(
            "{service} refused the Internet Archive keys (HTTP {status}): check them in Settings.",
            service=SERVICE,
            status=status,
        )
    if status == 429:
        raise UserError(
            "{service} is limiting captures for now; try again in a few minutes.", service=SERVICE
        )
    if status >= 500:
        raise UserError(
            "{service} is not available (HTTP {status}); try again later.",
            service=SERVICE,
            status=status,
        )
    if status >= 400 and not (submitting and _is_json(response)):
        raise UserError(
            "{service} rejected the request (HTTP {status}).", service=SERVICE, status=status
        )


def _is_json(response: httpx.Response) -> bool:
    return bool(response.headers.get("content-type", "").startswith("application/json"))


def _failure(data: dict[str, Any], keys: tuple[str, str]) -> UserError:
    code = str(data.get("status_ext") or "")
    reason = _STATUS_EXT.get(code)
    if reason is None:
        message = " ".join(str(data.get("message") or "").split())
        for key in keys:
            if key:
                message = message.replace(key, "***")
        reason = message[:200] or translatable("the capture failed")
        if code:
            reason = f"{reason} ({code})"
    return UserError(
        "{service} could not archive the page: {reason}.", service=SERVICE, reason=reason
    )


def _capture_url(data: dict[str, Any]) -> str:
    timestamp = str(data.get("timestamp") or "")
    original = str(data.get("original_url") or "")
    if not (timestamp.isdigit() and is_web_url(original)):
        raise UserError("{service} reported success without a capture address.", service=SERVICE)
    return f"{ARCHIVE_PREFIX}{timestamp}/{original}"
