"""Reaching the team server: the address without its password, the password from the keyring.

The stored address never holds a password (it is moved to the OS keyring at join); libpq
verifies the server's certificate whenever the address asks for it (``sslmode=verify-full``).
Every failure becomes one line that names the server, never the password.
"""

from __future__ import annotations

import logging
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from app.errors import UserError
from app.secrets import TEAM_DATABASE_PASSWORD, get_secret

# psycopg logs its own warnings ("error ignored terminating <Copy>") when the server goes away
# mid-COPY; the sync already says so in its one line, so only its errors get through.
logging.getLogger("psycopg").setLevel(logging.ERROR)

CONNECT_TIMEOUT_S = 10
_SCHEMES = ("postgresql://", "postgres://")


def split_url(url: str) -> tuple[str, str | None]:
    """(connection string without the password, the password if the URL held one)."""
    text = url.strip()
    if not text.startswith(_SCHEMES):
        raise UserError("a team address starts with postgresql://, not {url}", url=repr(text[:40]))
    try:
        params = conninfo_to_dict(text)
    except psycopg.ProgrammingError:
        raise UserError("not a valid PostgreSQL address: {url}", url=describe_text(text)) from None
    password = params.pop("password", None)
    if not params.get("dbname"):
        raise UserError("the team address names no database (postgresql://host/DATABASE)")
    return make_conninfo("", **params), (str(password) if password else None)


def describe_text(url: str) -> str:
    """An address as shown to the user: what comes after ``@`` (no user, no password)."""
    return url.split("@")[-1][:120]


def describe(conninfo: str) -> str:
    params = conninfo_to_dict(conninfo)
    user = params.get("user", "")
    host = params.get("host", "localhost")
    port = params.get("port", "5432")
    return f"{user}@{host}:{port}/{params.get('dbname', '')}".lstrip("@")


def stored_password() -> str | None:
    """The team password from the keyring; None when none is stored or no keyring is usable
    (libpq may still find one in ~/.pgpass)."""
    try:
        return get_secret(TEAM_DATABASE_PASSWORD)
    except UserError:
        return None


def connect(conninfo: str, password: str | None) -> psycopg.Connection[Any]:
    """A connection to the team server, or a one-line UserError."""
    extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "crible"}
    if password:
        extra["password"] = password
    try:
        return psycopg.connect(conninfo, **extra)
    except psycopg.OperationalError as exc:
        raise connection_error(exc, conninfo, password) from None


def connection_error(exc: BaseException, conninfo: str, password: str | None) -> UserError:
    where = describe(conninfo)
    text = " ".join(str(exc).split())
    if password:
        text = text.replace(password, "***")
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return UserError(
            "the team server {server} refused the login; nothing was changed locally",
            server=where,
        )
    if "ssl" in lowered or "certificate" in lowered:
        return UserError(
            "the team server {server} cannot give the secure connection its address asks for"
            " ({reason}); nothing was changed locally",
            server=where,
            reason=_last_clause(text),
        )
    return UserError(
        "cannot reach the team server {server} ({reason}); your work is kept and will sync later",
        server=where,
        reason=_last_clause(text),
    )


def _last_clause(text: str) -> str:
    # libpq prefixes its reason with the address it tried: keep the reason, shortly.
    reason = text.split(": ", 1)[-1] if "failed: " in text else text
    return reason[:160]
