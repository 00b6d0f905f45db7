"""The server side: numbered migrations, a newer schema refused, the checker's least privilege."""

from __future__ import annotations

import psycopg
import pytest

from app.errors import UserError
from app.storage.team_server import SCHEMA_VERSION, check_team_schema, create_team_schema
from tests.sync.pg_cluster import Cluster


def test_create_is_idempotent_and_a_newer_schema_is_refused(cluster: Cluster, team: str):
    with psycopg.connect(cluster.url(db=team)) as conn:
        assert create_team_schema(conn) == SCHEMA_VERSION
        conn.execute("INSERT INTO crible.migrations(version, name) VALUES (99, 'future')")
        conn.commit()
        with pytest.raises(UserError, match="newer than this Crible"):
            create_team_schema(conn)
        with pytest.raises(UserError, match="newer than this Crible"):
            check_team_schema(conn)


def test_a_checker_reads_and_appends_but_cannot_rewrite_or_alter(cluster: Cluster, team: str):
    cluster.add_checker(f"kim_{team}", "kim-pw")
    with psycopg.connect(cluster.url(f"kim_{team}", "kim-pw", team), autocommit=True) as conn:
        check_team_schema(conn)
        conn.execute(
            "INSERT INTO crible.changes(tbl, gid, op, fields, hlc, origin, author, base_seq)"
            " VALUES ('claims', 'g1', 'insert', '{\"text\": \"x\"}', 1, %s, 'kim', 0)",
            ["a" * 32],
        )
        # The trigger (running as the owner) kept the current state.
        assert conn.execute("SELECT text FROM crible.claims WHERE gid = 'g1'").fetchone() == ("x",)
        for statement in (
            "UPDATE crible.changes SET author = 'mallory'",
            "DELETE FROM crible.changes",
            "UPDATE crible.current_rows SET data = '{}'",
            "INSERT INTO crible.conflicts(detected_seq, tbl, gid, field, kept_author,"
            " other_author) VALUES (1, 'claims', 'g1', 'notes', 'a', 'b')",
            "ALTER TABLE crible.changes ADD COLUMN evil text",
            "DROP TABLE crible.changes",
            "CREATE TABLE crible.evil (x int)",
            "CREATE TABLE public.evil (x int)",
            "TRUNCATE crible.changes",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)  # type: ignore[arg-type]
        who = conn.execute("SELECT pushed_by FROM crible.changes WHERE gid = 'g1'").fetchone()
        assert who == (f"kim_{team}",)
