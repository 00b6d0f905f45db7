"""Fixtures for the team-sync tests: a real PostgreSQL, and `crible` processes on archives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.pg_cluster import Cluster, find_bin, remove_cluster, start_cluster

REPO = Path(__file__).resolve().parents[2]
CRIBLE = [sys.executable, "-m", "app"]


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    if find_bin() is None:
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed (apt install postgresql)")
    started = start_cluster()
    try:
        yield started
    finally:
        remove_cluster(started)


_counter = iter(range(1, 1_000_000))


@pytest.fixture
def team(cluster: Cluster) -> Iterator[str]:
    """A fresh team database (created by `crible team create`); yields its name."""
    name = f"desk{next(_counter)}"
    cluster.admin_sql(f"CREATE DATABASE {name}", db="postgres")
    result = subprocess.run(
        [*CRIBLE, "team", "create", cluster.url(db=name)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    yield name


class Desk:
    """One checker's machine: an archive, a keyring file, and `crible` run on them."""

    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.archive = root / f"{name}.db"
        self.keyring = root / f"{name}-keyring.json"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            CRIBLE_DB=str(self.archive),
            PYTHON_KEYRING_BACKEND="tests.fakes.file_keyring.FileKeyring",
            CRIBLE_TEST_KEYRING_FILE=str(self.keyring),
            PYTHONPATH=str(REPO),
        )
        env.pop("PGPASSWORD", None)
        return env

    def popen(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*CRIBLE, *args],
            cwd=REPO,
            env=self.env(),
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def run(
        self, *args: str, input: str | None = None, ok: bool = True
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*CRIBLE, *args],
            cwd=REPO,
            env=self.env(),
            input=input,
            text=True,
            capture_output=True,
            timeout=300,
            check=False,
        )
        if ok:
            assert result.returncode == 0, result.stderr
        return result

    def json(self, *args: str) -> object:
        return json.loads(self.run(*args).stdout)


@pytest.fixture
def desks(tmp_path: Path):
    def make(name: str) -> Desk:
        return Desk(tmp_path, name)

    return make
