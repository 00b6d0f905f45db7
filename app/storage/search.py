"""Candidate retrieval for matching: FTS5 queries (user text escaped), term statistics, rows.

Everything here works on normalised terms (``app.text.normalize``); the FTS5 table
``claims_fts`` indexes ``claims.norm_text`` and ``claims.norm_title``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlite_utils import Database

from app.storage.rows import fetch_dicts, in_chunks

# bm25 column weights: the claim text, then the title/headline of its review.
TEXT_WEIGHT = 1.0
TITLE_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """What the re-ranker needs about one archive claim, with its best-known verdict."""

    claim_id: int
    text: str
    title: str
    norm_text: str
    norm_title: str
    lang: str | None
    article_id: int | None
    verdict: str
    url: str | None
    publisher: str
    date: str | None


def fts_term(term: str) -> str:
    """One term as an FTS5 string literal: quotes doubled, so no operator can leak through."""
    # A NUL ends the query string inside FTS5 ("unterminated string"): drop it.
    return '"' + term.replace("\x00", "").replace('"', '""') + '"'


def fts_or_query(terms: Iterable[str]) -> str:
    """``"a" OR "b" …`` from terms; empty when no term has a letter or digit."""
    unique = dict.fromkeys(t for t in terms if any(ch.isalnum() for ch in t))
    return " OR ".join(fts_term(t) for t in unique)


def ranked_ids(db: Database, terms: Sequence[str], limit: int) -> list[tuple[int, float]]:
    """Claim ids matching any of *terms*, best BM25 first, as (id, bm25) — bm25 is negative."""
    query = fts_or_query(terms)
    if not query or limit <= 0:
        return []
    rows = db.execute(
        "SELECT rowid, bm25(claims_fts, ?, ?) AS score FROM claims_fts"
        " WHERE claims_fts MATCH ? ORDER BY score, rowid LIMIT ?",
        [TEXT_WEIGHT, TITLE_WEIGHT, query, limit],
    ).fetchall()
    return [(int(row[0]), float(row[1])) for row in rows]


def term_occurrences(db: Database, term: str) -> np.ndarray:
    """The id of the claim of each occurrence of *term* (text or title), ascending, as
    int32: a claim holding it twice is there twice. Read through a temporary ``fts5vocab``
    'instance' table (created on first use, on this connection only): no ranking, and one
    ``group_concat`` string parsed by numpy instead of a Python row per claim (≈ 0.2 µs an
    occurrence)."""
    if not term or "\x00" in term:
        return np.empty(0, dtype=np.int32)
    try:
        _instance_table(db)
        row = db.execute(
            "SELECT group_concat(doc) FROM temp.claims_fts_instance WHERE term = ?", [term]
        ).fetchone()
    except sqlite3.OperationalError:
        # No temporary table on this connection (PRAGMA query_only): each claim once, from
        # an unranked FTS5 query (a term held twice then counts once).
        row = db.execute(
            "SELECT group_concat(rowid) FROM claims_fts WHERE claims_fts MATCH ?",
            [fts_term(term)],
        ).fetchone()
    if not row or not row[0]:
        return np.empty(0, dtype=np.int32)
    return np.fromstring(row[0], dtype=np.int32, sep=",")


def _instance_table(db: Database) -> None:
    """The temporary ``fts5vocab`` 'instance' table over ``claims_fts`` (this connection's)."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_fts_instance"
        " USING fts5vocab(main, claims_fts, 'instance')"
    )


def all_term_occurrences(db: Database) -> Generator[tuple[str, np.ndarray], None, None]:
    """Every term of the FTS index in term order, each with its occurrences' claim ids as
    ``term_occurrences`` gives them (one pass over the whole index: ≈ 1 s per 1M claims).
    sqlite3.OperationalError when this connection cannot create the temporary table."""
    _instance_table(db)
    rows = db.execute("SELECT term, group_concat(doc) FROM temp.claims_fts_instance GROUP BY term")
    for term, docs in rows:
        yield term, np.fromstring(docs or "", dtype=np.int32, sep=",")


@contextmanager
def read_snapshot(db: Database) -> Iterator[None]:
    """Several reads seeing one state of the archive (a read transaction: WAL lets writers
    go on meanwhile); inside a transaction already open, that one."""
    if db.conn.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


# The sentences of the checker's own opened articles that nobody has checked yet (origin
# "article", no verdict, no review, not marked checked): the desk, not the archive.
_DESK = (
    "c.origin = 'article' AND c.article_id IS NOT NULL"
    " AND c.verdict_level_id IS NULL AND c.verdict_text = ''"
    " AND c.status != 'checked'"
    " AND NOT EXISTS (SELECT 1 FROM reviews AS r WHERE r.claim_id = c.id)"
)
# Through the article index: without statistics SQLite would rather scan every claim.
_DESK_IDS_SQL = (
    "SELECT group_concat(c.id) FROM claims AS c INDEXED BY claims_article"
    " WHERE c.article_id IS NOT NULL AND " + _DESK
)
_LATEST_CHECKS_SQL = (
    "SELECT norm_text, norm_title FROM claims AS c WHERE NOT (" + _DESK + ")"
    " ORDER BY c.id DESC LIMIT ?"
)


def desk_claim_ids(db: Database) -> np.ndarray:
    """The ids of the unchecked sentences of opened articles, ascending (int32). Through the
    article index: without statistics SQLite would rather scan every claim (0.3 s at 1M)."""
    row = db.execute(_DESK_IDS_SQL).fetchone()
    if not row or not row[0]:
        return np.empty(0, dtype=np.int32)
    return np.sort(np.fromstring(row[0], dtype=np.int32, sep=","))


def reference_stats(db: Database, sample: int = 2000) -> tuple[int, float]:
    """(claims, mean normalised terms per claim over the latest *sample*) of the archive's
    earlier checks and checked claims: the desk's unchecked sentences left out, so that
    opening articles never moves an earlier check's score."""
    total = claim_count(db) - len(desk_claim_ids(db))
    rows = db.execute(_LATEST_CHECKS_SQL, [sample]).fetchall()
    if not rows:
        return total, 1.0
    average = sum(len(text.split()) + len(title.split()) for text, title in rows) / len(rows)
    return total, average


def vocabulary(db: Database) -> list[str]:
    """Every term of the FTS index (it reads the whole index: ≈ 0.1 s per 100k claims)."""
    return [row[0] for row in db.execute("SELECT term FROM claims_fts_vocab")]


def frequent_terms(db: Database, min_docs: int) -> list[str]:
    """Terms held by at least *min_docs* claims, commonest first (reads the whole index)."""
    rows = db.execute(
        "SELECT term FROM claims_fts_vocab WHERE doc >= ? ORDER BY doc DESC", [min_docs]
    )
    return [row[0] for row in rows]


def doc_lengths(db: Database) -> tuple[np.ndarray, np.ndarray]:
    """(claim ids, terms per claim in text + title) for every indexed claim, as FTS5 counted
    them (its ``docsize`` shadow table): ≈ 0.7 s of CPU per million claims."""
    # A blob of two bytes is two one-byte varints (both columns < 128 terms): read in bulk.
    ids, sizes = db.execute(
        "SELECT group_concat(id), group_concat(hex(sz), '') FROM claims_fts_docsize"
        " WHERE length(sz) = 2"
    ).fetchone()
    found_ids = np.fromstring(ids or "", dtype=np.int64, sep=",") if ids else np.empty(0)
    raw = np.frombuffer(bytes.fromhex(sizes or ""), dtype=np.uint8).reshape(-1, 2)
    lengths = raw.astype(np.int64).sum(axis=1)
    rest = db.execute("SELECT id, sz FROM claims_fts_docsize WHERE length(sz) != 2").fetchall()
    if rest:
        found_ids = np.concatenate([found_ids, [int(r[0]) for r in rest]])
        lengths = np.concatenate([lengths, [_varint_sum(r[1]) for r in rest]])
    return found_ids.astype(np.int64), lengths.astype(np.int64)


def _varint_sum(blob: bytes) -> int:
    """The sum of the SQLite varints in *blob* (one per FTS5 column)."""
    total = value = 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            total += value
            value = 0
    return total


def index_marker(db: Database) -> bytes:
    """Changes whenever the FTS index does (its structure record, FTS5 row id 10): claims
    added, deleted or re-normalised, but not a verdict or a note edited."""
    row = db.execute("SELECT block FROM claims_fts_data WHERE id = 10").fetchone()
    return bytes(row[0]) if row and row[0] is not None else b""


def index_fingerprint(db: Database) -> str:
    """What the FTS index holds, in brief: its averages record (rows and terms per column)
    and the last claim id. With ``index_marker`` it tells two archives apart that happen to
    share a structure record (one replaced by another made the same way)."""
    row = db.execute("SELECT block FROM claims_fts_data WHERE id = 1").fetchone()
    top = db.execute("SELECT max(id) FROM claims").fetchone()
    averages = bytes(row[0]).hex() if row and row[0] is not None else ""
    return f"{averages}:{top[0] if top else None}"


def data_version(db: Database) -> int:
    """Changes whenever another connection commits to the archive (SQLite's data_version)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def claim_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM claims").fetchone()[0])


def average_terms(db: Database, sample: int = 2000) -> float:
    """Mean number of normalised terms per claim (text + title), over the latest *sample*."""
    rows = db.execute(
        "SELECT norm_text, norm_title FROM claims ORDER BY id DESC LIMIT ?", [sample]
    ).fetchall()
    if not rows:
        return 1.0
    return sum(len(text.split()) + len(title.split()) for text, title in rows) / len(rows)


def candidate_rows(db: Database, claim_ids: Sequence[int]) -> dict[int, CandidateRow]:
    """Candidate rows by id, each with the verdict, URL, publisher and date to show."""
    found: dict[int, CandidateRow] = {}
    ids = list(dict.fromkeys(claim_ids))
    for chunk, marks in in_chunks(ids):
        for row in fetch_dicts(db.conn, _CANDIDATES_SQL.format(marks=marks), chunk):
            found[row["id"]] = _candidate(row)
    return found


# The re-ranker's cost grows with a candidate's length; a claim is a sentence or two, so only the
# start of a huge one (a whole article pasted as a claim, a hostile record) is scored, and
# matching stays within its time whatever the archive holds.
MAX_SCORED_CHARS = 5000


def norm_texts(db: Database, claim_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(norm_text, norm_title) by claim id, cut at ``MAX_SCORED_CHARS``: all the re-ranker
    reads for a first pass."""
    found: dict[int, tuple[str, str]] = {}
    ids = list(dict.fromkeys(claim_ids))
    for chunk, marks in in_chunks(ids):
        sql = (
            "SELECT id, substr(norm_text, 1, ?), substr(norm_title, 1, ?) FROM claims"
            f" WHERE id IN ({marks})"
        )
        params = [MAX_SCORED_CHARS, MAX_SCORED_CHARS, *chunk]
        for claim_id, norm_text, norm_title in db.execute(sql, params):
            found[claim_id] = (norm_text, norm_title)
    return found


def claimants(db: Database, claim_ids: Sequence[int]) -> dict[int, str]:
    """Who made each claim (claimant, else speaker), for claims where it is known."""
    found: dict[int, str] = {}
    ids = list(dict.fromkeys(claim_ids))
    for chunk, marks in in_chunks(ids):
        sql = (
            f"SELECT id, coalesce(nullif(claimant, ''), speaker) FROM claims WHERE id IN ({marks})"
        )
        for claim_id, who in db.execute(sql, chunk):
            if who:
                found[claim_id] = who
    return found


def claims_of_article_ids(db: Database, article_id: int) -> list[int]:
    rows = db.execute("SELECT id FROM claims WHERE article_id = ?", [article_id]).fetchall()
    return [int(row[0]) for row in rows]


def iter_claim_texts(
    db: Database, batch: int = 5_000
) -> Iterator[list[tuple[int, str, str, str | None]]]:
    """Batches of (id, text, title, lang), in id order: for rebuilding normalised text."""
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, text, title, lang FROM claims WHERE id > ? ORDER BY id LIMIT ?",
            [last, batch],
        ).fetchall()
        if not rows:
            return
        yield [(int(r[0]), r[1], r[2], r[3]) for r in rows]
        last = int(rows[-1][0])


def set_norm_texts(db: Database, rows: Iterable[tuple[int, str, str]]) -> None:
    """Store rebuilt (id, norm_text, norm_title); the FTS triggers follow. No own transaction."""
    db.conn.executemany(
        "UPDATE claims SET norm_text = ?, norm_title = ? WHERE id = ?"
        " AND (norm_text != ? OR norm_title != ?)",
        [(text, title, claim_id, text, title) for claim_id, text, title in rows],
    )


_CANDIDATES_SQL = """
SELECT c.id, c.text, c.title, c.norm_text, c.norm_title, c.lang, c.article_id, c.verdict_text,
       c.claim_date, lvl.label_fr, lvl.label_en,
       r.textual_rating, r.url, r.publisher, r.date_published
FROM claims AS c
LEFT JOIN rating_levels AS lvl ON lvl.id = c.verdict_level_id
LEFT JOIN reviews AS r ON r.id = (
    SELECT r2.id FROM reviews AS r2 WHERE r2.claim_id = c.id
    ORDER BY coalesce(r2.date_published, '') DESC, r2.id DESC LIMIT 1
)
WHERE c.id IN ({marks})
"""


def _candidate(row: dict[str, Any]) -> CandidateRow:
    lang = row["lang"] or ""
    own_label = row["label_fr"] if lang.startswith("fr") else row["label_en"]
    verdict = row["textual_rating"] or own_label or row["verdict_text"] or ""
    return CandidateRow(
        claim_id=int(row["id"]),
        text=row["text"],
        title=row["title"] or "",
        norm_text=row["norm_text"] or "",
        norm_title=row["norm_title"] or "",
        lang=row["lang"],
        article_id=row["article_id"],
        verdict=verdict,
        url=row["url"],
        publisher=row["publisher"] or "",
        date=row["date_published"] or row["claim_date"],
    )
