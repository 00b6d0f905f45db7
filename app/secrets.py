"""API keys in the OS keyring (one service name), or in memory for this session only.

Secrets never reach SQLite, settings, logs, exception texts or ``repr()``: every function
here returns or raises without the value, and a backend that would keep them in a file
(any ``keyrings.alt`` backend) or drop them (keyring's ``null`` backend) counts as no keyring.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from app.errors import UserError, translatable

SERVICE = "crible"

GOOGLE_FACTCHECK_API_KEY = "google_factcheck_api_key"
WAYBACK_ACCESS_KEY = "wayback_access_key"
WAYBACK_SECRET_KEY = "wayback_secret_key"
TEAM_DATABASE_PASSWORD = "team_database_password"

# name -> what the user sees; only these names can be stored.
KNOWN_SECRETS: dict[str, str] = {
    GOOGLE_FACTCHECK_API_KEY: translatable("Google Fact Check Tools API key"),
    WAYBACK_ACCESS_KEY: translatable("Internet Archive S3 access key"),
    WAYBACK_SECRET_KEY: translatable("Internet Archive S3 secret key"),
    TEAM_DATABASE_PASSWORD: translatable("team database password"),
}

_NO_KEYRING = translatable(
    "No usable system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows "
    "Credential Manager) was found; keys can be kept for this session only, in memory."
)
_NULL_KEYRING = translatable(
    "The keyring is disabled (null backend). No usable system keyring (such as GNOME Keyring, "
    "KWallet, macOS Keychain or Windows Credential Manager) was found; keys can be kept for "
    "this session only, in memory."
)


@dataclass(frozen=True, slots=True)
class SecretsStatus:
    """Where secrets go now: ``usable`` is False when they can be neither stored nor read."""

    usable: bool
    backend: str
    message: str
    session_only: bool = False


class _SessionStore:
    """Keys kept in this process's memory only; forgotten when Crible quits."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        with self._lock:
            self._values[name] = value

    def delete(self, name: str) -> bool:
        with self._lock:
            return self._values.pop(name, None) is not None

    def __repr__(self) -> str:
        return f"<_SessionStore with {len(self._values)} key(s)>"


_session: _SessionStore | None = None


def use_session_store() -> None:
    """Keep keys in memory for this session from now on (the user's explicit choice)."""
    global _session
    if _session is None:
        _session = _SessionStore()


def stop_session_store() -> None:
    """Forget every session key and go back to the system keyring."""
    global _session
    _session = None


def session_store_active() -> bool:
    return _session is not None


def _backend_name(backend: KeyringBackend) -> str:
    name = getattr(backend, "name", "")
    return name or f"{type(backend).__module__}.{type(backend).__qualname__}"


def _is_file_backend(backend: KeyringBackend) -> bool:
    # keyrings.alt's backends keep keys in a file: in clear text, weakly encoded, or encrypted
    # with a password asked on the terminal (which would hang the window). None is a keyring.
    return type(backend).__module__.startswith("keyrings.alt")


def _refusal(backend: KeyringBackend) -> str | None:
    """Why this backend must not hold secrets, or None when it is fine."""
    if isinstance(backend, fail.Keyring):
        return _NO_KEYRING
    if isinstance(backend, null.Keyring):
        return _NULL_KEYRING
    if _is_file_backend(backend):
        return (
            f"The keyring backend {_backend_name(backend)} stores keys in a plain file, which "
            "Crible refuses; keys can be kept for this session only, in memory."
        )
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return _NO_KEYRING
        for member in members:
            reason = _refusal(member)
            if reason is not None:
                return reason
    return None


def backend_status() -> SecretsStatus:
    """Can keys be stored now, where, and a plain sentence saying so."""
    if _session is not None:
        return SecretsStatus(
            True,
            "session",
            translatable("Keys are kept in memory for this session only."),
            session_only=True,
        )
    backend = keyring.get_keyring()
    name = _backend_name(backend)
    reason = _refusal(backend)
    if reason is not None:
        return SecretsStatus(False, name, reason)
    return SecretsStatus(True, name, f"Keys are stored in the system keyring ({name}).")


def check_name(name: str) -> None:
    if name not in KNOWN_SECRETS:
        known = ", ".join(KNOWN_SECRETS)
        # The name is not echoed: a key typed where the name goes would end up on screen.
        raise UserError(
            "Unknown secret name ({length} characters, not shown); known names: {known}.",
            length=len(name),
            known=known,
        )


def _usable_keyring() -> KeyringBackend:
    backend = keyring.get_keyring()
    reason = _refusal(backend)
    if reason is not None:
        raise UserError(reason)
    return backend


def get_secret(name: str) -> str | None:
    """The stored value, or None when none is stored; UserError when no keyring is usable."""
    check_name(name)
    if _session is not None:
        return _session.get(name)
    backend = _usable_keyring()
    try:
        value = backend.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise UserError(
            "The system keyring could not be read ({error}); is it locked?",
            error=type(exc).__name__,
        ) from None
    return value or None


def set_secret(name: str, value: str) -> None:
    """Store (or replace) a key; surrounding blanks are dropped, an empty key is refused."""
    check_name(name)
    cleaned = value.strip()
    if not cleaned:
        raise UserError("The {key} is empty; nothing was stored.", key=KNOWN_SECRETS[name])
    if "\n" in cleaned or "\r" in cleaned:
        raise UserError(
            "The {key} must be a single line; nothing was stored.", key=KNOWN_SECRETS[name]
        )
    if _session is not None:
        _session.set(name, cleaned)
        return
    backend = _usable_keyring()
    try:
        backend.set_password(SERVICE, name, cleaned)
    except keyring.errors.KeyringError as exc:
        # from None: a backend's message must not travel with ours (and never holds the key).
        raise UserError(
            "The system keyring refused to store the key ({error}).", error=type(exc).__name__
        ) from None


def delete_secret(name: str) -> bool:
    """Remove a stored key; True when one was there."""
    check_name(name)
    if _session is not None:
        return _session.delete(name)
    backend = _usable_keyring()
    try:
        backend.delete_password(SERVICE, name)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise UserError(
            "The system keyring refused to remove the key ({error}).", error=type(exc).__name__
        ) from None
    return True


def has_secret(name: str) -> bool:
    """Whether a key is stored (never returns the key itself)."""
    return get_secret(name) is not None


def require_secret(name: str) -> str:
    """The stored key, or a UserError telling the user how to store it."""
    value = get_secret(name)
    if value is None:
        raise UserError(
            "No {key} is stored: add it in Settings or run `crible secrets set {name}`.",
            key=KNOWN_SECRETS[name],
            name=name,
        )
    return value
