"""What is shared with the desk: the ONE declaration of replicated tables and columns.

To share a new column, add its name to its table's ``columns`` (a foreign key also to
``foreign_keys``). The capture triggers are rebuilt from this declaration when it changes
(``app.storage.sync_capture.ensure_capture``), the server keeps any column it is sent, and
pulled values are checked against it; nothing else needs to change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SharedTable:
    """One replicated table.

    ``foreign_keys``: column -> referenced shared table; sent as the referenced row's global id.
    ``natural_gid``: SQL (over ``new.``) giving a global id from a natural key, so two archives
    that hold "the same" row (the default scale, one review's dedup key, one claim-source link)
    name it alike; None gives a random id. ``derived``: local columns rebuilt on apply.
    """

    name: str
    columns: tuple[str, ...]
    foreign_keys: dict[str, str] = field(default_factory=dict)
    natural_gid: str | None = None

    @property
    def column_set(self) -> frozenset[str]:
        return _column_sets.setdefault(self.name, frozenset(self.columns))


_column_sets: dict[str, frozenset[str]] = {}


def _gid_of(table: str, column: str) -> str:
    return f"(SELECT gid FROM sync_rows WHERE tbl = '{table}' AND local_id = new.{column})"


# Parents before children: the order pulled rows are created in, and the join's first push.
SHARED_TABLES: tuple[SharedTable, ...] = (
    SharedTable("rating_scales", ("name", "is_default"), natural_gid="'scale:' || new.name"),
    SharedTable(
        "rating_levels",
        ("scale_id", "position", "key", "label_fr", "label_en", "value", "color"),
        {"scale_id": "rating_scales"},
        natural_gid="'level:' || (SELECT name FROM rating_scales WHERE id = new.scale_id)"
        " || ':' || new.key",
    ),
    SharedTable(
        "articles",
        ("title", "url", "outlet", "author", "published", "lang", "text", "origin", "added_at"),
    ),
    SharedTable(
        "claims",
        (
            "article_id",
            "start",
            "end",
            "position",
            "text",
            "title",
            "lang",
            "origin",
            "status",
            "checkworthiness",
            "reasons",
            "speaker",
            "claimant",
            "claim_date",
            "verdict_level_id",
            "verdict_text",
            "notes",
            "created_at",
            "assigned_to",
        ),
        {"article_id": "articles", "verdict_level_id": "rating_levels"},
    ),
    SharedTable(
        "reviews",
        (
            "claim_id",
            "dedup_key",
            "publisher",
            "publisher_site",
            "url",
            "date_published",
            "headline",
            "textual_rating",
            "rating_value",
            "best_rating",
            "worst_rating",
            "rating_norm",
            "lang",
            "origin",
            "jsonld",
            "imported_at",
        ),
        {"claim_id": "claims"},
        natural_gid="'review:' || new.dedup_key",
    ),
    SharedTable(
        "sources",
        (
            "url",
            "title",
            "publisher",
            "published_date",
            "domain",
            "archive_url",
            "snapshot_text",
            "snapshot_at",
            "created_at",
        ),
    ),
    SharedTable(
        "claim_sources",
        ("claim_id", "source_id", "stance", "excerpt", "note", "accessed_date", "position"),
        {"claim_id": "claims", "source_id": "sources"},
        natural_gid=f"'cs:' || {_gid_of('claims', 'claim_id')} || ':' || "
        f"{_gid_of('sources', 'source_id')}",
    ),
    SharedTable(
        "claim_links",
        ("claim_id", "other_claim_id", "kind", "score", "created_at"),
        {"claim_id": "claims", "other_claim_id": "claims"},
        natural_gid=f"'link:' || {_gid_of('claims', 'claim_id')} || ':' || "
        f"{_gid_of('claims', 'other_claim_id')}",
    ),
    SharedTable(
        "domain_ratings",
        ("domain", "rating", "note", "updated_at"),
        natural_gid="'domain:' || new.domain",
    ),
)

BY_NAME: dict[str, SharedTable] = {table.name: table for table in SHARED_TABLES}
# Claims' normalised text is rebuilt locally from the pulled text (never trusted from a server).
CLAIM_TEXT_COLUMNS = ("text", "title", "lang")


def declaration_hash() -> str:
    """Changes whenever the declaration does: the capture triggers are rebuilt then."""
    spec = [
        [t.name, t.columns, sorted(t.foreign_keys.items()), t.natural_gid] for t in SHARED_TABLES
    ]
    return hashlib.sha256(json.dumps(spec).encode()).hexdigest()[:16]
