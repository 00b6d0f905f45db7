"""Test-wide setup: Qt offscreen before any Qt import, and a fresh archive per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CRIBLE_DB", None)

import pytest
from sqlite_utils import Database

from app.storage import open_archive


@pytest.fixture
def db(tmp_path) -> Database:
    """An empty, migrated archive on disk (WAL needs a real file)."""
    archive = open_archive(tmp_path / "archive.db")
    yield archive
    archive.close()


@pytest.fixture
def db_path(tmp_path):
    """A path for an archive that a test (or a subprocess) creates itself."""
    return tmp_path / "archive.db"
