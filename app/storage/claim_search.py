"""Searching past work: every claim by text, verdict, publisher, outlet, date range and status.

The text goes through the same normaliser as the index and is matched as an AND of escaped
FTS5 terms (every word must be there), lemmatised as French, as English, and without a
language, since a short query does not say its language; the other criteria are parameterised
filters. A claim's
date is its review's publication date, else the claim's date, else its article's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.domain import ClaimId
from app.storage.rows import fetch_dicts
from app.storage.search import fts_term
from app.text.normalize import terms

MAX_RESULTS = 500


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    text: str = ""
    verdict: str = ""  # a level's key or label, or words of an imported rating ("faux")
    publisher: str = ""
    outlet: str = ""
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    statuses: tuple[str, ...] = ()
    limit: int = 200


@dataclass(frozen=True, slots=True)
class ClaimHit:
    claim_id: ClaimId
    text: str
    status: str
    verdict: str  # the team's level (French and English labels joined) or the imported rating
    publisher: str
    outlet: str
    article_id: int | None
    article_title: str
    date: str | None


def _like(value: str) -> str:
    """A LIKE pattern finding *value* anywhere, its own % and _ taken literally."""
    escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_SELECT = """
SELECT c.id AS claim_id, c.text, c.status, c.article_id,
       coalesce(l.label_fr || ' / ' || l.label_en, r.rating, c.verdict_text, '') AS verdict,
       coalesce(r.publishers, '') AS publisher, coalesce(a.outlet, '') AS outlet,
       coalesce(a.title, '') AS article_title,
       coalesce(c.review_date, r.published, c.claim_date, a.published) AS date
FROM claims AS c
LEFT JOIN articles AS a ON a.id = c.article_id
LEFT JOIN rating_levels AS l ON l.id = c.verdict_level_id
LEFT JOIN (
    SELECT claim_id, group_concat(DISTINCT publisher) AS publishers,
           max(date_published) AS published, max(textual_rating) AS rating
    FROM reviews GROUP BY claim_id
) AS r ON r.claim_id = c.id
"""


def search_claims(db: Database, query: ClaimQuery) -> list[ClaimHit]:
    """Claims meeting every criterion given, most recent first."""
    where, params = _conditions(query)
    sql = f"SELECT * FROM ({_SELECT}) AS hit"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date IS NULL, date DESC, claim_id DESC LIMIT ?"
    params.append(max(1, min(query.limit, MAX_RESULTS)))
    return [
        ClaimHit(**{**row, "claim_id": ClaimId(row["claim_id"])})
        for row in fetch_dicts(db.conn, sql, params)
    ]


def _conditions(query: ClaimQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    readings = []
    for lang in ("fr", "en", None):
        words = [term for term in terms(query.text, lang) if any(ch.isalnum() for ch in term)]
        if words:
            readings.append("(" + " AND ".join(fts_term(w) for w in dict.fromkeys(words)) + ")")
    if readings:
        where.append("claim_id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(" OR ".join(dict.fromkeys(readings)))
    elif query.text.strip():
        where.append("0")  # only stop words or punctuation: nothing can match them
    for column, value in (
        ("verdict", query.verdict),
        ("publisher", query.publisher),
        ("outlet", query.outlet),
    ):
        if value.strip():
            where.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(value))
    if query.date_from:
        where.append("date >= ?")
        params.append(query.date_from)
    if query.date_to:
        where.append("date <= ?")
        params.append(query.date_to + "\uffff")  # a full timestamp on that day is still in
    if query.statuses:
        where.append(f"status IN ({', '.join('?' * len(query.statuses))})")
        params.extend(query.statuses)
    return where, params
