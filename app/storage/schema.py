"""Which schema an archive has: its applied migrations, and the refusal of a newer one."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from app.errors import NewerSchemaError
from app.storage.migrations import MIGRATIONS


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.applied(db)]


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def refuse_newer_schema(applied: Iterable[str], path: str) -> None:
    """Raise ``NewerSchemaError`` when ``applied`` names a migration this version lacks:
    opening (or restoring) such an archive could damage it."""
    unknown = set(applied) - set(known_migrations())
    if unknown:
        raise NewerSchemaError(
            "{path} was written by a newer Crible (schema {schema}); update Crible to open it",
            path=path,
            schema=max(unknown),
        )
