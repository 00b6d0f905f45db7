"""Fixtures for core tests: a keyring that is never the machine's own."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app import secrets
from tests.fakes.http_server import FakeServer
from tests.fakes.keyring_backend import MemoryKeyring


@contextmanager
def installed_keyring(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Install ``backend`` (and no session store) for the duration of the block."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    secrets.stop_session_store()
    try:
        yield backend
    finally:
        secrets.stop_session_store()
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An empty in-memory keyring installed as keyring's backend for one test."""
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def no_keyring() -> Iterator[fail.Keyring]:
    """keyring's fail backend, as on a headless Linux without a Secret Service."""
    with installed_keyring(fail.Keyring()) as backend:
        yield backend


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A scripted HTTP server on 127.0.0.1 (see tests/fakes/http_server.py)."""
    with FakeServer() as server:
        yield server
