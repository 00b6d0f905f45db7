"""The only place with SQL. Functions named for intent, parameterised, returning domain records."""

from __future__ import annotations

from sqlite_utils import Database

from app.storage.db import open_archive

Archive = Database

__all__ = ["Archive", "open_archive"]
