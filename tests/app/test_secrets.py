"""Secrets: keyring round trips, the no-keyring path, the session store, no leaks."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, null
from keyring.errors import KeyringLocked

from app import secrets
from app.errors import UserError
from tests.app.conftest import installed_keyring

KEY = secrets.GOOGLE_FACTCHECK_API_KEY
VALUE = "AIzaSy-not-a-real-key-1234567890"


def test_set_get_delete_round_trip(memory_keyring):
    assert secrets.get_secret(KEY) is None
    secrets.set_secret(KEY, f"  {VALUE}\n")
    assert memory_keyring.values == {(secrets.SERVICE, KEY): VALUE}
    assert secrets.get_secret(KEY) == VALUE
    assert secrets.has_secret(KEY)
    assert secrets.delete_secret(KEY) is True
    assert secrets.get_secret(KEY) is None
    assert secrets.delete_secret(KEY) is False


def test_replace_keeps_one_value(memory_keyring):
    secrets.set_secret(KEY, "first")
    secrets.set_secret(KEY, "second")
    assert secrets.get_secret(KEY) == "second"
    assert len(memory_keyring.values) == 1


def test_status_with_a_usable_keyring(memory_keyring):
    status = secrets.backend_status()
    assert status.usable and not status.session_only
    assert "system keyring" in status.message


def test_unknown_name_and_empty_value_are_refused(memory_keyring):
    with pytest.raises(UserError, match="Unknown secret name"):
        secrets.set_secret("aws_key", VALUE)
    with pytest.raises(UserError, match="empty"):
        secrets.set_secret(KEY, "   ")
    with pytest.raises(UserError, match="single line"):
        secrets.set_secret(KEY, "a\nb")
    assert memory_keyring.values == {}


def test_require_secret_says_how_to_store_it(memory_keyring):
    with pytest.raises(UserError, match="crible secrets set google_factcheck_api_key"):
        secrets.require_secret(KEY)
    secrets.set_secret(KEY, VALUE)
    assert secrets.require_secret(KEY) == VALUE


def test_no_keyring_is_said_plainly(no_keyring):
    status = secrets.backend_status()
    assert not status.usable
    assert "No usable system keyring" in status.message
    assert "session" in status.message
    for call in (
        lambda: secrets.get_secret(KEY),
        lambda: secrets.set_secret(KEY, VALUE),
        lambda: secrets.delete_secret(KEY),
    ):
        with pytest.raises(UserError, match="No usable system keyring") as info:
            call()
        # keyring's own message advises installing keyrings.alt: it must not reach the user.
        assert "keyrings.alt" not in str(info.value)


def test_session_store_without_keyring(no_keyring):
    secrets.use_session_store()
    status = secrets.backend_status()
    assert status.usable and status.session_only and status.backend == "session"
    secrets.set_secret(KEY, VALUE)
    assert secrets.get_secret(KEY) == VALUE
    assert VALUE not in repr(secrets._session)
    assert secrets.delete_secret(KEY) is True
    secrets.set_secret(KEY, VALUE)
    secrets.stop_session_store()
    with pytest.raises(UserError):
        secrets.get_secret(KEY)


def test_session_store_never_writes_to_the_keyring(memory_keyring):
    secrets.use_session_store()
    secrets.set_secret(KEY, VALUE)
    assert memory_keyring.values == {}
    secrets.stop_session_store()
    assert secrets.get_secret(KEY) is None


class PlaintextKeyring(KeyringBackend):
    """Looks like keyrings.alt's file backend (module name is what gives it away)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):
        self.values[(service, username)] = password

    def delete_password(self, service, username):
        self.values.pop((service, username))


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_plaintext_backend_is_refused():
    backend = PlaintextKeyring()
    with installed_keyring(backend):
        status = secrets.backend_status()
        assert not status.usable
        assert "plain file" in status.message
        with pytest.raises(UserError, match="plain file"):
            secrets.set_secret(KEY, VALUE)
    assert backend.values == {}


def test_null_backend_is_refused():
    with installed_keyring(null.Keyring()):
        assert not secrets.backend_status().usable
        with pytest.raises(UserError, match="disabled"):
            secrets.set_secret(KEY, VALUE)


def test_chainer_with_a_plaintext_member_is_refused(monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [PlaintextKeyring()])
    with installed_keyring(chainer.ChainerBackend()):
        assert not secrets.backend_status().usable


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise KeyringLocked(f"locked while reading {username}")

    def set_password(self, service, username, password):
        raise KeyringLocked(f"could not store {password}")

    def delete_password(self, service, username):
        raise KeyringLocked("locked")


def test_backend_errors_become_user_errors_without_the_value():
    with installed_keyring(LockedKeyring()):
        with pytest.raises(UserError, match="could not be read"):
            secrets.get_secret(KEY)
        with pytest.raises(UserError, match="refused to store") as info:
            secrets.set_secret(KEY, VALUE)
        assert VALUE not in str(info.value)
        assert info.value.__cause__ is None and info.value.__suppress_context__
        with pytest.raises(UserError, match="refused to remove"):
            secrets.delete_secret(KEY)


def test_status_repr_holds_no_secret(memory_keyring):
    secrets.set_secret(KEY, VALUE)
    assert VALUE not in repr(secrets.backend_status())
    assert keyring.get_keyring() is memory_keyring


def test_encrypted_file_backend_is_refused_too():
    # keyrings.alt's EncryptedKeyring asks its password on the terminal: unusable in a window.
    class EncryptedKeyring(PlaintextKeyring):
        pass

    EncryptedKeyring.__module__ = "keyrings.alt.file"
    with installed_keyring(EncryptedKeyring()):
        assert not secrets.backend_status().usable
