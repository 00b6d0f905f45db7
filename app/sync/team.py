"""Setting a team up: create the server's schema, join an archive to it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from app.errors import UserError
from app.secrets import TEAM_DATABASE_PASSWORD, set_secret
from app.storage.sync_capture import enable_capture
from app.storage.sync_local import sync_state
from app.storage.team_server import CHECKER_ROLE, check_team_schema, create_team_schema
from app.sync.connect import connect, describe, split_url, stored_password
from app.sync.validate import member_name


@dataclass(frozen=True, slots=True)
class Joined:
    server: str
    member: str
    queued: int


def create_team(url: str) -> tuple[str, int]:
    """Initialise (or upgrade) the team database at *url*; returns (server, schema version)."""
    conninfo, password = split_url(url)
    conn = connect(conninfo, password or stored_password())
    try:
        version = create_team_schema(conn)
    finally:
        conn.close()
    return describe(conninfo), version


def join_team(db: Database, url: str, member: str, password: str | None = None) -> Joined:
    """Connect this archive to the team at *url* as *member*.

    The password (in the URL, or given) goes to the OS keyring, the address without it to
    the archive. The server is reached first: a wrong address or login changes nothing.
    """
    name = member_name(member)
    conninfo, url_password = split_url(url)
    secret = url_password or password
    state = sync_state(db)
    if state.enabled and state.server and state.server != conninfo:
        raise UserError(
            "this archive already syncs with {server}; use another archive for another team",
            server=describe(state.server),
        )
    conn = connect(conninfo, secret or stored_password())
    try:
        check_team_schema(conn)
    finally:
        conn.close()
    if secret:
        set_secret(TEAM_DATABASE_PASSWORD, secret)
    queued = enable_capture(db, member=name, server=conninfo)
    return Joined(describe(conninfo), name, queued)


CHECKER_HINT = (
    "each checker logs in with a role of their own in "
    + CHECKER_ROLE
    + ", e.g. CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE "
    + CHECKER_ROLE
)
