"""Claims: spans of articles the checker works on, and standalone archive entries."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database

from app.domain import CLAIM_STATUSES, Article, Claim
from app.errors import UserError
from app.net import is_web_url
from app.storage.articles import get_article, insert_article_row
from app.storage.rows import claim_from_row, fetch_dicts
from app.text.normalize import index_text

EDITABLE_FIELDS = frozenset(
    {
        "text",
        "start",
        "end",
        "status",
        "verdict_level_id",
        "verdict_text",
        "notes",
        "claimant",
        "claim_date",
        "speaker",
        "checkworthiness",
        "reasons",
        "title",
        "lang",
        "position",
        "claim_reviewed",
        "review_url",
        "review_headline",
        "reviewer",
        "review_date",
        "statement",
    }
)
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"


class ClaimDraft(Protocol):
    """What an analysed claim offers for storage (``app.text.claims.ClaimCandidate`` fits).

    Read-only members, so a candidate's ``list`` of reasons fits ``Sequence[str]``."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def checkworthiness(self) -> float: ...
    @property
    def reasons(self) -> Sequence[str]: ...
    @property
    def speaker(self) -> str | None: ...

    # and optionally ``statement: str`` (a plain span without one is stored with "")


@dataclass(frozen=True, slots=True)
class ClaimSnapshot:
    """Everything a deleted claim took with it, so undo can put it back as it was."""

    row: dict[str, Any]
    related: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _validate(changes: dict[str, Any]) -> None:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable claim fields: {sorted(unknown)}")
    if "status" in changes and changes["status"] not in CLAIM_STATUSES:
        raise UserError(f"unknown claim status {changes['status']!r}")
    if "text" in changes and not str(changes["text"]).strip():
        raise UserError("a claim cannot be empty")
    if changes.get("review_url") and not is_web_url(str(changes["review_url"]).strip()):
        raise UserError(
            "the review URL must be an http(s) address, not {url}", url=repr(changes["review_url"])
        )


def _row_values(changes: dict[str, Any]) -> dict[str, Any]:
    values = dict(changes)
    if "reasons" in values:
        values["reasons"] = json.dumps(list(values["reasons"]), ensure_ascii=False)
    if "text" in values or "title" in values or "lang" in values:
        lang = values.get("lang")
        if "text" in values:
            values["norm_text"] = index_text(values["text"], lang)
        if "title" in values:
            values["norm_title"] = index_text(values["title"] or "", lang)
    return values


def checked_claim_date(value: str) -> str:
    """A date a checker typed: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real one."""
    value = str(value).strip()
    formats = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}
    try:
        datetime.strptime(value, formats[len(value)])
    except (KeyError, ValueError):
        raise UserError("not a date: {value} (expected YYYY-MM-DD)", value=repr(value)) from None
    return value


def insert_claim_row(db: Database, **fields: Any) -> int:
    """Insert without its own transaction: for callers composing a larger one."""
    _validate({k: v for k, v in fields.items() if k in EDITABLE_FIELDS})
    fields.setdefault("title", "")
    values = _row_values(fields)
    values.setdefault("norm_title", "")
    if values.get("position") is None:
        values["position"] = values.get("start") or 0
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join(f":{name}" for name in values)
    cursor = db.execute(f"INSERT INTO claims({columns}) VALUES ({marks})", values)
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


def add_claim(db: Database, *, text: str, **fields: Any) -> Claim:
    """Add a claim (of an article when ``article_id`` is given) in its own transaction."""
    allowed = EDITABLE_FIELDS | {"article_id", "origin"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown claim fields: {sorted(unknown)}")
    fields = {k: v for k, v in fields.items() if v is not None}
    with db.atomic():
        claim_id = insert_claim_row(db, text=text, **fields)
    return get_claim(db, claim_id)


def get_claim(db: Database, claim_id: int) -> Claim:
    rows = fetch_dicts(db.conn, "SELECT * FROM claims WHERE id = ?", [claim_id])
    if not rows:
        raise UserError("no claim {claim} in this archive", claim=claim_id)
    return claim_from_row(rows[0])


def get_claims(db: Database, claim_ids: Iterable[int]) -> dict[int, Claim]:
    ids = list(claim_ids)
    found: dict[int, Claim] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in fetch_dicts(db.conn, f"SELECT * FROM claims WHERE id IN ({marks})", chunk):
            found[row["id"]] = claim_from_row(row)
    return found


def claims_of_article(db: Database, article_id: int) -> list[Claim]:
    rows = fetch_dicts(
        db.conn,
        'SELECT * FROM claims WHERE article_id = ? ORDER BY start, "end", id',
        [article_id],
    )
    return [claim_from_row(row) for row in rows]


class EditConflict(UserError):
    """The claim is no longer what an undo or redo expects: someone else changed it since."""


def update_claim(
    db: Database, claim_id: int, *, expected: Mapping[str, Any] | None = None, **changes: Any
) -> Claim:
    """Apply *changes* in one transaction; the normalised text follows the text.

    *expected*: field values the claim must still hold (what an undo's edit left there);
    ``EditConflict`` when another program or window changed one of them since, and then
    nothing is written: an undo never wipes someone else's later change.
    """
    _validate(changes)
    for date_field in ("claim_date", "review_date"):
        if changes.get(date_field):
            changes[date_field] = checked_claim_date(changes[date_field])
    if not changes:
        return get_claim(db, claim_id)
    values = _row_values(changes)
    if "text" in changes and "lang" not in changes:
        values["norm_text"] = index_text(changes["text"], get_claim(db, claim_id).lang)
    assignments = ", ".join(f'"{name}" = :{name}' for name in values)
    with db.atomic():
        if expected:
            # Read under the write lock taken by atomic(): compare and set, no one in between.
            _check_expected(get_claim(db, claim_id), expected)
        cursor = db.execute(
            f"UPDATE claims SET {assignments}, updated_at = {_NOW} WHERE id = :claim_id",
            {**values, "claim_id": claim_id},
        )
        if cursor.rowcount == 0:
            raise UserError("no claim {claim} in this archive", claim=claim_id)
    return get_claim(db, claim_id)


def _check_expected(claim: Claim, expected: Mapping[str, Any]) -> None:
    changed = sorted(name for name, value in expected.items() if getattr(claim, name) != value)
    if changed:
        raise EditConflict(
            "claim {claim} was changed elsewhere since ({fields}); the undo (or redo) was refused "
            "so that change is kept",
            claim=claim.id,
            fields=", ".join(_FIELD_WORDS.get(name, name) for name in changed),
        )


_FIELD_WORDS = {"verdict_level_id": "verdict", "notes": "note", "verdict_text": "verdict text"}


_RELATED_TABLES = {
    "claim_sources": "SELECT * FROM claim_sources WHERE claim_id = ?",
    "claim_links": "SELECT * FROM claim_links WHERE claim_id = ? OR other_claim_id = ?",
    "reviews": "SELECT * FROM reviews WHERE claim_id = ?",
}


def delete_claim(db: Database, claim_id: int) -> ClaimSnapshot:
    """Delete a claim and what hangs on it; the snapshot lets ``restore_claim`` undo it."""
    rows = fetch_dicts(db.conn, "SELECT * FROM claims WHERE id = ?", [claim_id])
    if not rows:
        raise UserError("no claim {claim} in this archive", claim=claim_id)
    related = {}
    for table, sql in _RELATED_TABLES.items():
        params = [claim_id] * sql.count("?")
        related[table] = fetch_dicts(db.conn, sql, params)
    with db.atomic():
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
    return ClaimSnapshot(row=rows[0], related=related)


def restore_claim(db: Database, snapshot: ClaimSnapshot) -> Claim:
    """Put a deleted claim back with the same id, its sources, links and reviews."""
    with db.atomic():
        _insert_raw(db, "claims", snapshot.row)
        for table in ("reviews", "claim_sources", "claim_links"):
            for row in snapshot.related.get(table, []):
                _insert_raw(db, table, row)
    return get_claim(db, snapshot.row["id"])


def _insert_raw(db: Database, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {table}({columns}) VALUES ({marks})", list(row.values()))


def save_article_with_claims(
    db: Database,
    *,
    text: str,
    claims: Iterable[ClaimDraft],
    title: str = "",
    url: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    origin: str = "paste",
) -> tuple[Article, list[Claim]]:
    """Store an analysed article and its claims in one transaction."""
    drafts = list(claims)
    for draft in drafts:
        if not (0 <= draft.start <= draft.end <= len(text)) or text[draft.start : draft.end] != (
            draft.text
        ):
            raise ValueError(f"claim span {draft.start}:{draft.end} does not match its text")
    with db.atomic():
        article_id = insert_article_row(
            db,
            text=text,
            title=title,
            url=url,
            outlet=outlet,
            author=author,
            published=published,
            lang=lang,
            origin=origin,
        )
        for draft in drafts:
            insert_claim_row(
                db,
                text=draft.text,
                article_id=article_id,
                start=draft.start,
                end=draft.end,
                lang=lang,
                checkworthiness=draft.checkworthiness,
                reasons=list(draft.reasons),
                speaker=draft.speaker,
                claimant=draft.speaker,
                statement=getattr(draft, "statement", ""),
            )
    return get_article(db, article_id), claims_of_article(db, article_id)


def add_article_claims(db: Database, article_id: int, drafts: Iterable[ClaimDraft]) -> list[Claim]:
    """Store analysed claims for an article stored without them (e.g. the demo), at once."""
    article = get_article(db, article_id)
    with db.atomic():
        for draft in drafts:
            if article.text[draft.start : draft.end] != draft.text:
                raise ValueError(f"claim span {draft.start}:{draft.end} does not match its text")
            insert_claim_row(
                db,
                text=draft.text,
                article_id=article_id,
                start=draft.start,
                end=draft.end,
                lang=article.lang,
                checkworthiness=draft.checkworthiness,
                reasons=list(draft.reasons),
                speaker=draft.speaker,
                claimant=draft.speaker,
                statement=getattr(draft, "statement", ""),
            )
    return claims_of_article(db, article_id)
