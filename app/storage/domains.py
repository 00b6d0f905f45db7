"""The team's reliability list of web domains."""

from __future__ import annotations

from sqlite_utils import Database

from app.domain import DomainRating
from app.errors import UserError
from app.storage.sources import web_domain


def clean_domain(domain: str) -> str:
    """A domain as the list keeps it: lower case, no ``www.``, no final dot."""
    domain = domain.strip().lower().rstrip(".")
    if domain.startswith("www."):
        domain = domain[4:]
    if not domain or " " in domain or "/" in domain:
        raise UserError("not a domain name: {domain}", domain=repr(domain))
    return domain


def set_domain_rating(db: Database, domain: str, rating: str, note: str = "") -> DomainRating:
    domain = clean_domain(domain)
    if not rating.strip():
        raise UserError("a domain rating cannot be empty")
    with db.atomic():
        db.execute(
            "INSERT INTO domain_ratings(domain, rating, note) VALUES (?, ?, ?)"
            " ON CONFLICT(domain) DO UPDATE SET rating = excluded.rating, note = excluded.note,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
            [domain, rating.strip(), note],
        )
    return DomainRating(domain=domain, rating=rating.strip(), note=note)


def remove_domain_rating(db: Database, domain: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM domain_ratings WHERE domain = ?", [clean_domain(domain)])


def list_domain_ratings(db: Database) -> list[DomainRating]:
    rows = db.execute("SELECT domain, rating, note FROM domain_ratings ORDER BY domain")
    return [DomainRating(domain=d, rating=r, note=n) for d, r, n in rows.fetchall()]


def domain_rating_for_url(db: Database, url: str) -> DomainRating | None:
    """The rating of the URL's host, or of its closest rated parent domain."""
    try:
        host = web_domain(url)
    except UserError:
        return None
    labels = host.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    if not candidates:
        return None
    marks = ", ".join("?" * len(candidates))
    rows = db.execute(
        f"SELECT domain, rating, note FROM domain_ratings WHERE domain IN ({marks})", candidates
    ).fetchall()
    by_domain = {d: DomainRating(domain=d, rating=r, note=n) for d, r, n in rows}
    for candidate in candidates:
        if candidate in by_domain:
            return by_domain[candidate]
    return None
