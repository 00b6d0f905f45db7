"""Reviews: published verdicts on archive claims (imported or exported by us), bulk-inserted.

An imported review is stored as an archive claim (``article_id`` NULL, ``origin`` "import",
``title`` = the review's headline, so both are searchable) plus one ``reviews`` row. The
``dedup_key`` makes re-importing the same review a no-op.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from app.domain import Claim, ClaimId, Review, ReviewId
from app.storage.rows import claim_from_row, fetch_dicts, in_chunks
from app.text.normalize import index_text

# SQLite's default limit on host parameters is 32766 in 3.32+; stay far below it.
_WORD = re.compile(r"\w+")
# The Unicode blocks of combining marks (accents) that NFKD splits off letters.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

_REVIEW_COLUMNS = (
    "claim_id, dedup_key, publisher, publisher_site, url, date_published, headline,"
    " textual_rating, rating_value, best_rating, worst_rating, rating_norm, lang, origin, jsonld"
)


class ReviewInput(Protocol):
    """What a review to store offers (``app.interop.records.ReviewRecord`` fits; read-only
    members, so a frozen record does)."""

    @property
    def claim_text(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def claimant(self) -> str | None: ...
    @property
    def claim_date(self) -> str | None: ...
    @property
    def review_url(self) -> str | None: ...
    @property
    def publisher(self) -> str: ...
    @property
    def publisher_site(self) -> str | None: ...
    @property
    def date_published(self) -> str | None: ...
    @property
    def textual_rating(self) -> str: ...
    @property
    def rating_value(self) -> float | None: ...
    @property
    def best_rating(self) -> float | None: ...
    @property
    def worst_rating(self) -> float | None: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def jsonld(self) -> str | None: ...
    @property
    def origin(self) -> str: ...
    @property
    def rating_norm(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class AddedReviews:
    """What one bulk insert did: how many were new, how many were already in the archive."""

    added: int
    duplicates: int


def dedup_key(claim_text: str, review_url: str | None, publisher: str = "") -> str:
    """A stable hash of the review URL (or, without one, the publisher) and the claim's words.

    The claim side is folded words rather than ``index_text``: that one changes with each
    normaliser version (lemmas, stop words), and a dedup key must not, or an upgrade would
    re-import every review as new.
    """
    words = " ".join(_WORD.findall(_fold_fast(claim_text)))
    where = (review_url or "").strip() or f"publisher:{_fold_fast(publisher).strip()}"
    return hashlib.sha1(f"{where}\n{words}".encode()).hexdigest()


def _fold_fast(text: str) -> str:
    """Case-folded, accents removed: a regex over combining marks, ~5x faster than per char.
    ASCII text is only lower-cased (the same result: ~0.2 µs instead of ~4)."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def existing_dedup_keys(db: Database, keys: Sequence[str]) -> set[str]:
    return _known_keys(db.conn, keys)


def _known_keys(conn: sqlite3.Connection, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk, marks in in_chunks(keys):
        rows = conn.execute(f"SELECT dedup_key FROM reviews WHERE dedup_key IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found


@dataclass(frozen=True, slots=True)
class PreparedReviews:
    """Rows ready to insert (no SQL run yet): computed apart so it can overlap the writes.

    A claim row whose dedup key was already known when it was prepared carries None for its
    normalised text and title (normalising a duplicate is wasted work on re-import); should
    it be new after all (deleted meanwhile), ``store_archive_reviews`` normalises it then.
    """

    keys: list[str]
    claims: list[tuple[Any, ...]]
    reviews: list[tuple[Any, ...]]
    received: int


KnownKeys = Callable[[Sequence[str]], set[str]]


def prepare_archive_reviews(
    records: Sequence[ReviewInput], known: KnownKeys | None = None
) -> PreparedReviews:
    """Dedup keys and normalised texts of *records* (pure Python, no database).

    *known(keys)* (optional) names the keys already in the archive: those are not normalised.
    """
    keyed: dict[str, ReviewInput] = {}
    for record in records:
        keyed.setdefault(dedup_key(record.claim_text, record.review_url, record.publisher), record)
    skip = known(list(keyed)) if known is not None and keyed else set()
    claims: list[tuple[Any, ...]] = []
    reviews: list[tuple[Any, ...]] = []
    for key, r in keyed.items():
        if key in skip:
            norm_text = norm_title = None
        else:
            norm_text = index_text(r.claim_text, r.lang)
            norm_title = index_text(r.title, r.lang) if r.title else ""
        claims.append(
            (r.claim_text, r.title, norm_text, norm_title, r.lang, r.origin, r.claimant,
             r.claim_date)
        )  # fmt: skip
        reviews.append(
            (key, r.publisher, r.publisher_site, r.review_url, r.date_published,
             r.title, r.textual_rating, r.rating_value, r.best_rating, r.worst_rating,
             r.rating_norm, r.lang, r.origin, r.jsonld)
        )  # fmt: skip
    return PreparedReviews(list(keyed), claims, reviews, len(records))


def store_archive_reviews(db: Database, prepared: PreparedReviews) -> AddedReviews:
    """Insert the prepared reviews not yet in the archive, in one transaction."""
    with db.atomic():
        known = existing_dedup_keys(db, prepared.keys)
        fresh = [i for i, key in enumerate(prepared.keys) if key not in known]
        if fresh:
            _insert_rows(db, prepared, fresh)
    return AddedReviews(added=len(fresh), duplicates=prepared.received - len(fresh))


def add_archive_reviews(db: Database, records: Sequence[ReviewInput]) -> AddedReviews:
    """Store new reviews as archive claims + reviews, in one transaction; skip known ones."""
    return store_archive_reviews(db, prepare_archive_reviews(records))


# From this many new claims in one batch, the FTS index is filled set-based (see below).
BULK_FTS_MIN = 200


def _insert_rows(db: Database, prepared: PreparedReviews, fresh: list[int]) -> None:
    # Explicit ids (we hold the write transaction) spare a round trip per row for lastrowid.
    first_id = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0])
    claims = [_normalised(prepared.claims[i]) for i in fresh]
    insert_claims = (
        "INSERT INTO claims(id, text, title, norm_text, norm_title, lang, origin, status,"
        " claimant, claim_date) VALUES (?, ?, ?, ?, ?, ?, ?, 'checked', ?, ?)"
    )
    rows = ((first_id + n, *claim) for n, claim in enumerate(claims))
    trigger = _fts_insert_trigger(db) if len(fresh) >= BULK_FTS_MIN else None
    if trigger is None:
        db.conn.executemany(insert_claims, rows)
    else:
        # The per-row FTS5 trigger costs ~60 µs a claim; one INSERT … SELECT over the batch
        # costs less than half. The trigger is dropped and re-created from its own stored SQL
        # (the schema stays the one source of truth) inside this transaction: DDL is
        # transactional, so a crash or an error mid-batch rolls back to the trigger in place,
        # and other connections never see the archive without it (we hold the write lock).
        db.execute("DROP TRIGGER claims_fts_insert")
        db.conn.executemany(insert_claims, rows)
        db.execute(
            "INSERT INTO claims_fts(rowid, norm_text, norm_title)"
            " SELECT id, norm_text, norm_title FROM claims WHERE id >= ?",
            [first_id],
        )
        db.execute(trigger)
    db.conn.executemany(
        f"INSERT INTO reviews({_REVIEW_COLUMNS}) VALUES ({', '.join('?' * 15)})",
        ((first_id + n, *prepared.reviews[i]) for n, i in enumerate(fresh)),
    )


def _normalised(claim: tuple[Any, ...]) -> tuple[Any, ...]:
    """The claim row with its normalised text, computed now if it was skipped as known."""
    if claim[2] is not None:
        return claim
    text, title, _, _, lang = claim[:5]
    return (text, title, index_text(text, lang), index_text(title, lang) if title else "",
            *claim[4:])  # fmt: skip


def _fts_insert_trigger(db: Database) -> str | None:
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        ["claims_fts_insert"],
    ).fetchone()
    return row[0] if row else None


# Page cache for a large import's connection, in KiB (SQLite's default is 2 MB): the dedup-key
# and FTS indexes of a million-claim archive outgrow the default and every insert then goes to
# the OS for its pages. Memory is only taken as pages are used, and given back after.
_BULK_CACHE = "PRAGMA cache_size = -262144"  # 256 MiB


@contextmanager
def bulk_writes(db: Database) -> Iterator[None]:
    """A large cache on *db* for the duration of an import (journal and sync unchanged)."""
    before = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(_BULK_CACHE)
    try:
        yield
    finally:
        db.execute("PRAGMA cache_size = " + str(before))  # an int read back: no injection


def known_keys_reader(db: Database) -> KeysReader | None:
    """A function telling which dedup keys the archive holds, over its own read-only
    connection (so another thread or process may call it while *db* writes); None for an
    in-memory archive. Only a hint for skipping work: the write transaction decides."""
    path = archive_file(db)
    return None if path is None else KeysReader(path)


def archive_file(db: Database) -> str | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or None


class KeysReader:
    """Callable ``keys -> set of those in the archive``; picklable (it opens lazily)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "_conn": None}

    def __call__(self, keys: Sequence[str]) -> set[str]:
        try:
            if self._conn is None:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
                # The key index of a million reviews is ~60 MB: keep it cached between calls.
                self._conn.execute("PRAGMA cache_size = -65536")
            return _known_keys(self._conn, keys)
        except sqlite3.Error:
            return set()  # only a hint: without it every record is normalised, nothing else

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def review_from_row(row: dict[str, Any]) -> Review:
    return Review(
        id=ReviewId(row["id"]),
        claim_id=ClaimId(row["claim_id"]),
        publisher=row["publisher"],
        publisher_site=row["publisher_site"],
        url=row["url"],
        date_published=row["date_published"],
        headline=row["headline"],
        textual_rating=row["textual_rating"],
        rating_value=row["rating_value"],
        best_rating=row["best_rating"],
        worst_rating=row["worst_rating"],
        rating_norm=row["rating_norm"],
        lang=row["lang"],
        origin=row["origin"],
        jsonld=row["jsonld"],
    )


def reviews_of_claim(db: Database, claim_id: int) -> list[Review]:
    """Newest review first."""
    rows = fetch_dicts(
        db.conn,
        "SELECT * FROM reviews WHERE claim_id = ? ORDER BY date_published DESC, id DESC",
        [claim_id],
    )
    return [review_from_row(row) for row in rows]


def reviews_of_claims(db: Database, claim_ids: Sequence[int]) -> dict[int, list[Review]]:
    """Reviews of many claims at once (for match results): claim id → newest first."""
    found: dict[int, list[Review]] = {}
    ids = list(claim_ids)
    for chunk, marks in in_chunks(ids):
        rows = fetch_dicts(
            db.conn,
            f"SELECT * FROM reviews WHERE claim_id IN ({marks})"
            " ORDER BY date_published DESC, id DESC",
            chunk,
        )
        for row in rows:
            found.setdefault(row["claim_id"], []).append(review_from_row(row))
    return found


def all_reviews(db: Database, *, batch: int = 1000) -> Iterator[tuple[Claim, Review]]:
    """Every review with its claim, in insertion order, fetched in pages (archives are large)."""
    last_id = 0
    while True:
        rows = fetch_dicts(
            db.conn,
            "SELECT r.*, c.id AS c_id, c.text AS c_text, c.article_id AS c_article_id,"
            ' c.start AS c_start, c."end" AS c_end, c.position AS c_position,'
            " c.title AS c_title, c.lang AS c_lang, c.origin AS c_origin, c.status AS c_status,"
            " c.checkworthiness AS c_checkworthiness, c.reasons AS c_reasons,"
            " c.speaker AS c_speaker, c.claimant AS c_claimant, c.claim_date AS c_claim_date,"
            " c.verdict_level_id AS c_verdict_level_id, c.verdict_text AS c_verdict_text,"
            " c.notes AS c_notes, c.created_at AS c_created_at, c.updated_at AS c_updated_at"
            " FROM reviews r JOIN claims c ON c.id = r.claim_id"
            " WHERE r.id > ? ORDER BY r.id LIMIT ?",
            [last_id, batch],
        )
        for row in rows:
            claim_row = {k[2:]: v for k, v in row.items() if k.startswith("c_")}
            yield claim_from_row(claim_row), review_from_row(row)
        if len(rows) < batch:
            return
        last_id = rows[-1]["id"]


def count_reviews(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def own_checked_claims(db: Database) -> list[Claim]:
    """The team's own checks: claims of articles marked checked, with a verdict, oldest first."""
    rows = fetch_dicts(
        db.conn,
        "SELECT * FROM claims WHERE article_id IS NOT NULL AND status = 'checked'"
        " AND (verdict_level_id IS NOT NULL OR trim(verdict_text) != '')"
        " ORDER BY article_id, position, id",
    )
    return [claim_from_row(row) for row in rows]
