"""Row → domain record conversion shared by the storage modules."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from app.domain import (
    Article,
    ArticleId,
    Claim,
    ClaimId,
    ClaimSource,
    ClaimSourceId,
    LevelId,
    Source,
    SourceId,
)

T = TypeVar("T")
# Ids per ``IN (…)`` statement: well under SQLite's parameter limit, small statements.
IN_CHUNK = 500


def in_chunks(values: Sequence[T]) -> Iterator[tuple[list[T], str]]:
    """*values* in chunks for an ``IN (…)`` clause, each with its ``?, ?, …`` marks."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        yield chunk, ", ".join("?" * len(chunk))


def fetch_dicts(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=ArticleId(row["id"]),
        title=row["title"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        lang=row["lang"],
        origin=row["origin"],
        added_at=row["added_at"],
        updated_at=row["updated_at"],
    )


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=ClaimId(row["id"]),
        text=row["text"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        position=row["position"],
        title=row["title"],
        lang=row["lang"],
        origin=row["origin"],
        status=row["status"],
        checkworthiness=row["checkworthiness"],
        reasons=tuple(json.loads(row["reasons"] or "[]")),
        speaker=row["speaker"],
        claimant=row["claimant"],
        claim_date=row["claim_date"],
        verdict_level_id=LevelId(row["verdict_level_id"]) if row["verdict_level_id"] else None,
        verdict_text=row["verdict_text"],
        notes=row["notes"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        # .get: rows read before migration 0006 (a backup being restored) lack these columns.
        claim_reviewed=row.get("claim_reviewed"),
        review_url=row.get("review_url"),
        review_headline=row.get("review_headline") or "",
        reviewer=row.get("reviewer") or "",
        review_date=row.get("review_date"),
        statement=row.get("statement") or "",
    )


def source_from_row(row: dict[str, Any], prefix: str = "") -> Source:
    return Source(
        id=SourceId(row[f"{prefix}id"]),
        url=row[f"{prefix}url"],
        title=row[f"{prefix}title"],
        publisher=row[f"{prefix}publisher"],
        published_date=row[f"{prefix}published_date"],
        domain=row[f"{prefix}domain"],
        archive_url=row[f"{prefix}archive_url"],
        snapshot_text=row[f"{prefix}snapshot_text"],
        snapshot_at=row[f"{prefix}snapshot_at"],
    )


def claim_source_from_row(row: dict[str, Any]) -> ClaimSource:
    return ClaimSource(
        id=ClaimSourceId(row["id"]),
        claim_id=ClaimId(row["claim_id"]),
        source=source_from_row(row, prefix="s_"),
        stance=row["stance"],
        excerpt=row["excerpt"],
        note=row["note"],
        accessed_date=row["accessed_date"],
        position=row["position"],
    )
