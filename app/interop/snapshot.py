"""A local plain-text copy of a source page, so the evidence survives when the page changes.

The page is fetched once (``app.net.fetch``), its main text extracted with trafilatura
(nothing in it is executed), and stored on the source with the time it was taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from sqlite_utils import Database

from app import net
from app.errors import UserError, translatable
from app.intake import decode_text
from app.interop import wayback
from app.storage.sources import get_source, set_source_snapshot

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_BYTES = 10_000_000
MIN_TEXT = 20  # characters: less is an empty shell or a cookie wall, not evidence

Fetch = Callable[..., net.FetchResult]


def snapshot_source(
    db: Database, source_id: int, *, fetch: Fetch = net.fetch, timeout: float = 20.0
) -> str:
    """Fetch the source's page, store its text as the source's snapshot, and return it."""
    source = get_source(db, source_id)
    result = fetch(source.url, timeout=timeout, max_bytes=MAX_BYTES)
    text = page_text(result)
    set_source_snapshot(db, source_id, text)
    return text


@dataclass(frozen=True, slots=True)
class Preserved:
    """What ``preserve_source`` kept; each half can fail alone, with its one-line reason."""

    source_id: int
    archive_url: str | None = None
    archive_error: str | None = None
    snapshot_chars: int = 0
    snapshot_error: str | None = None
    # The errors themselves, for the window to show in its language (the texts above are
    # their English messages).
    archive_failure: UserError | None = field(default=None, repr=False, compare=False)
    snapshot_failure: UserError | None = field(default=None, repr=False, compare=False)


def preserve_source(
    db: Database,
    source_id: int,
    *,
    access_key: str | None,
    secret_key: str | None,
    fetch: Fetch = net.fetch,
    **archive_options: Any,
) -> Preserved:
    """Keep a local text snapshot, then ask the Wayback Machine for a capture.

    The snapshot comes first because it needs no account and survives an unreachable
    archive. A failure of either half is reported in the result, not raised, so the other
    half is kept; only a cancellation (``wayback.ArchiveCancelled``) propagates.
    ``archive_options`` go to ``wayback.archive_url`` (base_url, timeout, cancelled…).
    """
    snapshot_failure = None
    try:
        snapshot_chars = len(snapshot_source(db, source_id, fetch=fetch))
    except UserError as exc:
        snapshot_chars, snapshot_failure = 0, exc
    snapshot_error = str(snapshot_failure) if snapshot_failure else None
    try:
        archived = wayback.archive_source(
            db, source_id, access_key=access_key, secret_key=secret_key, **archive_options
        )
    except wayback.ArchiveCancelled:
        raise
    except UserError as exc:
        return Preserved(
            source_id, None, str(exc), snapshot_chars, snapshot_error, exc, snapshot_failure
        )
    return Preserved(
        source_id, archived, None, snapshot_chars, snapshot_error, None, snapshot_failure
    )


def page_text(result: net.FetchResult) -> str:
    """The readable text of a fetched page: title, blank line, body; UserError when none."""
    shown = net.safe_url(result.url)
    kind = result.content_type
    if kind in HTML_TYPES or (not kind and _looks_like_html(result.content)):
        text = _html_text(decode_text(result.content, shown, result.charset), result.url)
    elif kind.startswith("text/"):
        text = decode_text(result.content, shown, result.charset).replace("\r\n", "\n").strip()
    else:
        raise UserError(
            "{url} is not a web page ({kind}); no text was kept",
            url=shown,
            kind=kind or translatable("unknown type"),
        )
    if len(text) < MIN_TEXT:
        raise UserError("no readable text found on {url}", url=shown)
    return text


def _html_text(html: str, url: str) -> str:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,  # evidence: better a little boilerplate than a missing paragraph
    )
    body = (getattr(doc, "text", None) or "").strip()
    title = (getattr(doc, "title", None) or "").strip()
    if title and body and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head
