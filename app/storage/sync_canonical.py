"""A canonical hash of an archive's shared content: equal on every replica that converged."""

from __future__ import annotations

import hashlib
import json

from sqlite_utils import Database

from app.storage.sync_capture import fields_json_sql
from app.sync.tables import SHARED_TABLES


def shared_content_hash(db: Database) -> str:
    """sha256 over every shared row by global id, foreign keys as global ids, local ids left out.

    Rows without a global id (never captured) count too, so a replica cannot hide them.
    """
    digest = hashlib.sha256()
    for table in SHARED_TABLES:
        t = table.name
        rows = db.execute(
            f"SELECT coalesce(r.gid, '?'), {fields_json_sql(table, t)} FROM {t}"
            f" LEFT JOIN sync_rows r ON r.tbl = '{t}' AND r.local_id = {t}.rowid"
            " ORDER BY 1, 2"
        ).fetchall()
        digest.update(t.encode())
        for gid, fields in rows:
            canonical = json.dumps(json.loads(fields), sort_keys=True, ensure_ascii=False)
            digest.update(f"{gid}\t{canonical}\n".encode())
    return digest.hexdigest()
