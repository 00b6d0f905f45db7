"""Sources: evidence pages, and their links to claims with stance and excerpt."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from app.domain import STANCES, ClaimSource, Source
from app.errors import UserError
from app.storage.rows import claim_source_from_row, fetch_dicts, source_from_row

SOURCE_FIELDS = frozenset({"url", "title", "publisher", "published_date", "archive_url"})
LINK_FIELDS = frozenset({"stance", "excerpt", "note", "accessed_date", "position"})

_SELECT = """
    SELECT cs.*, s.id AS s_id, s.url AS s_url, s.title AS s_title, s.publisher AS s_publisher,
           s.published_date AS s_published_date, s.domain AS s_domain,
           s.archive_url AS s_archive_url, s.snapshot_text AS s_snapshot_text,
           s.snapshot_at AS s_snapshot_at
    FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
"""


def web_domain(url: str) -> str:
    """The host of an http(s) URL without ``www.``; raises UserError for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise UserError("not a valid web address: {url}", url=repr(url)) from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UserError("only http(s) addresses can be sources, not {url}", url=repr(url))
    host = parts.hostname.lower()
    return host[4:] if host.startswith("www.") else host


def _check_fields(changes: dict[str, Any]) -> None:
    unknown = set(changes) - SOURCE_FIELDS - LINK_FIELDS
    if unknown:
        raise ValueError(f"unknown source fields: {sorted(unknown)}")
    if "stance" in changes and changes["stance"] not in STANCES:
        raise UserError(f"unknown stance {changes['stance']!r}")
    if changes.get("archive_url"):
        web_domain(changes["archive_url"])


def add_source(db: Database, claim_id: int, *, url: str, **fields: Any) -> ClaimSource:
    """Attach a source to a claim; the same URL is one source shared by its claims."""
    domain = web_domain(url)
    url = url.strip()
    _check_fields(fields)
    source_values = {k: fields[k] for k in SOURCE_FIELDS - {"url"} if k in fields}
    link_values = {k: fields[k] for k in LINK_FIELDS if k in fields}
    with db.atomic():
        row = db.execute("SELECT id FROM sources WHERE url = ? LIMIT 1", [url]).fetchone()
        if row:
            source_id = int(row[0])
            if source_values:
                _update(db, "sources", source_id, source_values)
        else:
            source_id = _inserted(
                db.execute("INSERT INTO sources(url, domain) VALUES (?, ?)", [url, domain])
            )
            if source_values:
                _update(db, "sources", source_id, source_values)
        if db.execute(
            "SELECT 1 FROM claim_sources WHERE claim_id = ? AND source_id = ?",
            [claim_id, source_id],
        ).fetchone():
            raise UserError("this source is already linked to the claim")
        link_values.setdefault(
            "position",
            db.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM claim_sources WHERE claim_id = ?",
                [claim_id],
            ).fetchone()[0],
        )
        link_id = _inserted(
            db.execute(
                "INSERT INTO claim_sources(claim_id, source_id) VALUES (?, ?)",
                [claim_id, source_id],
            )
        )
        _update(db, "claim_sources", link_id, link_values)
    return get_claim_source(db, link_id)


def _inserted(cursor: Any) -> int:
    """The id of the row an INSERT just made (``lastrowid`` is typed optional)."""
    row_id = cursor.lastrowid
    assert row_id is not None
    return int(row_id)


def _update(db: Database, table: str, row_id: int, values: dict[str, Any]) -> None:
    if not values:
        return
    assignments = ", ".join(f'"{name}" = :{name}' for name in values)
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = :row_id", {**values, "row_id": row_id})


def get_claim_source(db: Database, link_id: int) -> ClaimSource:
    rows = fetch_dicts(db.conn, _SELECT + " WHERE cs.id = ?", [link_id])
    if not rows:
        raise UserError("no source link {link} in this archive", link=link_id)
    return claim_source_from_row(rows[0])


def sources_of_claim(db: Database, claim_id: int) -> list[ClaimSource]:
    rows = fetch_dicts(
        db.conn, _SELECT + " WHERE cs.claim_id = ? ORDER BY cs.position, cs.id", [claim_id]
    )
    return [claim_source_from_row(row) for row in rows]


def update_claim_source(db: Database, link_id: int, **changes: Any) -> ClaimSource:
    """Edit a source link; a changed URL moves the link to that URL's source."""
    _check_fields(changes)
    current = get_claim_source(db, link_id)
    with db.atomic():
        if "url" in changes and changes["url"].strip() != current.source.url:
            url = changes["url"].strip()
            domain = web_domain(url)
            row = db.execute("SELECT id FROM sources WHERE url = ? LIMIT 1", [url]).fetchone()
            source_id = (
                int(row[0])
                if row
                else _inserted(
                    db.execute("INSERT INTO sources(url, domain) VALUES (?, ?)", [url, domain])
                )
            )
            db.execute("UPDATE claim_sources SET source_id = ? WHERE id = ?", [source_id, link_id])
        else:
            source_id = int(current.source.id)
        _update(
            db,
            "sources",
            source_id,
            {k: v for k, v in changes.items() if k in SOURCE_FIELDS - {"url"}},
        )
        _update(
            db, "claim_sources", link_id, {k: v for k, v in changes.items() if k in LINK_FIELDS}
        )
    return get_claim_source(db, link_id)


def remove_claim_source(db: Database, link_id: int) -> ClaimSource:
    """Unlink a source from its claim; returns what was removed, for undo."""
    removed = get_claim_source(db, link_id)
    with db.atomic():
        db.execute("DELETE FROM claim_sources WHERE id = ?", [link_id])
    return removed


def restore_claim_source(db: Database, removed: ClaimSource) -> ClaimSource:
    """Undo ``remove_claim_source``: the same link id, source and fields."""
    source = removed.source
    with db.atomic():
        if not db.execute("SELECT 1 FROM sources WHERE id = ?", [source.id]).fetchone():
            db.execute(
                "INSERT INTO sources(id, url, title, publisher, published_date, domain,"
                " archive_url, snapshot_text, snapshot_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    source.id,
                    source.url,
                    source.title,
                    source.publisher,
                    source.published_date,
                    source.domain,
                    source.archive_url,
                    source.snapshot_text,
                    source.snapshot_at,
                ],
            )
        db.execute(
            "INSERT INTO claim_sources(id, claim_id, source_id, stance, excerpt, note,"
            " accessed_date, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                removed.id,
                removed.claim_id,
                source.id,
                removed.stance,
                removed.excerpt,
                removed.note,
                removed.accessed_date,
                removed.position,
            ],
        )
    return get_claim_source(db, removed.id)


def get_source(db: Database, source_id: int) -> Source:
    """One source page by id (archiving and snapshots work on the page, not the link)."""
    rows = fetch_dicts(db.conn, "SELECT * FROM sources WHERE id = ?", [source_id])
    if not rows:
        raise UserError("no source {source} in this archive", source=source_id)
    return source_from_row(rows[0])


def set_source_archive_url(db: Database, source_id: int, archive_url: str) -> None:
    web_domain(archive_url)
    with db.atomic():
        db.execute("UPDATE sources SET archive_url = ? WHERE id = ?", [archive_url, source_id])


def set_source_snapshot(db: Database, source_id: int, text: str) -> None:
    with db.atomic():
        db.execute(
            "UPDATE sources SET snapshot_text = ?,"
            " snapshot_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            [text, source_id],
        )
