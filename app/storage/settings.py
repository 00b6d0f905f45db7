"""Archive-wide settings shared by the CLI and the window (never secrets)."""

from __future__ import annotations

from sqlite_utils import Database

SECRET_LOOKING = ("key", "secret", "token", "password")
ALLOWED_SECRETISH = frozenset({"normalizer_version"})


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    # A guard against a future slip: credentials belong in the keyring, not in the archive.
    lowered = key.lower()
    if key not in ALLOWED_SECRETISH and any(word in lowered for word in SECRET_LOOKING):
        raise ValueError(f"refusing to store {key!r} in the archive: secrets go to the keyring")
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
