"""Test-wide setup: Qt offscreen before any Qt import, the hypothesis profiles, and a fresh
archive per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CRIBLE_DB", None)

import pytest
from hypothesis import HealthCheck, settings
from sqlite_utils import Database

from app.storage import open_archive

# The hypothesis profiles, by name: "ci" is what CI runs (the default: the same inputs every
# run, so a failure reproduces), "dev" a quick pass, "long" the nightly fuzzing of
# bench/bench_fuzz.py. Pick one with --hypothesis-profile=NAME (or CRIBLE_FUZZ_PROFILE); the
# fuzz suite sizes its inputs by the same name (tests/fuzz/fuzz_support.py).
_COMMON = {
    "deadline": None,  # a shared 2-core box has pauses; the suite's wall time is the bound
    "database": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
settings.register_profile("ci", derandomize=True, **_COMMON)
settings.register_profile("dev", max_examples=10, **_COMMON)
settings.register_profile("long", **_COMMON)
settings.load_profile(os.environ.get("CRIBLE_FUZZ_PROFILE", "ci"))


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
