"""Claim vectors of the semantic channel: int8 BLOBs, one per claim and model.

Which claims get one: those matching looks at — earlier fact-checks and checked claims, not
the unchecked sentences of opened articles (``search.unchecked_article_claims``'s rule).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from app.storage.rows import in_chunks

# The claims matching compares against (the complement of search.unchecked_article_claims).
_MATCHABLE = (
    "NOT (c.origin = 'article' AND c.article_id IS NOT NULL"
    " AND c.verdict_level_id IS NULL AND c.verdict_text = ''"
    " AND c.status != 'checked'"
    " AND NOT EXISTS (SELECT 1 FROM reviews AS r WHERE r.claim_id = c.id))"
)
_NO_VECTOR = (
    " AND NOT EXISTS (SELECT 1 FROM claim_vectors AS v WHERE v.claim_id = c.id AND v.model = ?)"
)
_WITHOUT_VECTORS_SQL = (
    "SELECT c.id, c.text, c.title FROM claims AS c WHERE c.id > ? AND "
    + _MATCHABLE
    + _NO_VECTOR
    + " ORDER BY c.id LIMIT ?"
)
_COUNT_WITHOUT_SQL = "SELECT count(*) FROM claims AS c WHERE " + _MATCHABLE + _NO_VECTOR


def claims_without_vectors(
    db: Database, model: str, limit: int, after: int = 0
) -> list[tuple[int, str, str]]:
    """(id, text, title) of up to *limit* matchable claims with id > *after* and no vector
    for *model*, oldest first."""
    rows = db.execute(_WITHOUT_VECTORS_SQL, [after, model, limit]).fetchall()
    return [(int(i), str(text), str(title)) for i, text, title in rows]


def count_without_vectors(db: Database, model: str) -> int:
    row = db.execute(_COUNT_WITHOUT_SQL, [model]).fetchone()
    return int(row[0])


def store_vectors(db: Database, model: str, vectors: Sequence[tuple[int, bytes]]) -> int:
    """Store (claim id, int8 bytes) pairs in one transaction; claims deleted meanwhile are
    skipped. Returns how many were stored."""
    stored = 0
    with db.atomic():
        for claim_id, blob in vectors:
            cursor = db.execute(
                "INSERT OR REPLACE INTO claim_vectors(claim_id, model, vector)"
                " SELECT id, ?, ? FROM claims WHERE id = ?",
                [model, blob, claim_id],
            )
            stored += cursor.rowcount
    return stored


def vectors_marker(db: Database, model: str) -> tuple[int, int]:
    """(count, highest row id) of *model*'s vectors: changes whenever one is added, replaced
    or deleted."""
    row = db.execute(
        "SELECT count(*), coalesce(max(id), 0) FROM claim_vectors WHERE model = ?", [model]
    ).fetchone()
    return int(row[0]), int(row[1])


def change_stamp(db: Database) -> tuple[int, int]:
    """Changes whenever anything in the archive may have: another connection committed
    (``PRAGMA data_version``) or this one wrote. Cheap, unlike ``vectors_marker``'s count."""
    version = int(db.execute("PRAGMA data_version").fetchone()[0])
    return version, int(db.conn.total_changes)


def all_vectors(db: Database, model: str) -> tuple[list[int], list[bytes]]:
    """Every vector of *model*: claim ids and their BLOBs, in claim id order."""
    ids: list[int] = []
    blobs: list[bytes] = []
    for claim_id, blob in db.execute(
        "SELECT claim_id, vector FROM claim_vectors WHERE model = ? ORDER BY claim_id", [model]
    ):
        ids.append(int(claim_id))
        blobs.append(bytes(blob))
    return ids, blobs


def claim_langs(db: Database, claim_ids: Sequence[int]) -> dict[int, str | None]:
    """The stored language of each claim (None when unknown)."""
    found: dict[int, str | None] = {}
    for chunk, marks in in_chunks(list(dict.fromkeys(claim_ids))):
        for claim_id, lang in db.execute(
            f"SELECT id, lang FROM claims WHERE id IN ({marks})", chunk
        ):
            found[int(claim_id)] = lang
    return found
