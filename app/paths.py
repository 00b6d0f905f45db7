"""Where Crible keeps its files: the archive, backups, snapshots."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "crible"
DB_ENV = "CRIBLE_DB"
DEFAULT_DB_NAME = "archive.db"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db beats $CRIBLE_DB, which beats the platform's user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / DEFAULT_DB_NAME
