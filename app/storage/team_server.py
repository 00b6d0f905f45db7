"""The desk's PostgreSQL database: its numbered schema, and pushing and pulling changes.

Server schema ``crible``: ``changes`` (the append-only change log, one row per edit, a
server-side sequence to pull from), ``current_rows`` (every shared row's current values,
kept by a trigger with the same last-writer-wins rule as the archives), ``conflicts`` and
views for SQL clients. Checkers log in with a role in ``crible_checker``: they may read and
append changes, nothing else; the trigger that maintains the current state runs as the owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import sql

from app.errors import UserError
from app.storage.sync_local import OutboxEntry

CHECKER_ROLE = "crible_checker"
# Pushes take this lock so that sequence numbers become visible in order: a pull that read
# up to N can never miss a change numbered below N that commits later.
PUSH_LOCK = 1_414_011

_V1 = """
CREATE TABLE crible.changes (
    seq bigserial PRIMARY KEY,
    tbl text NOT NULL,
    gid text NOT NULL,
    op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields jsonb NOT NULL,
    hlc bigint NOT NULL,
    origin text COLLATE "C" NOT NULL,
    author text NOT NULL,
    base_seq bigint NOT NULL,
    pushed_by name NOT NULL DEFAULT current_user,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (origin, hlc)
);
CREATE INDEX changes_gid ON crible.changes(gid, seq);
CREATE TABLE crible.current_rows (
    gid text PRIMARY KEY,
    tbl text NOT NULL,
    data jsonb NOT NULL,
    versions jsonb NOT NULL,
    base jsonb NOT NULL,
    deleted jsonb,
    last_seq bigint NOT NULL,
    last_author text NOT NULL
);
CREATE INDEX current_rows_tbl ON crible.current_rows(tbl);
CREATE TABLE crible.conflicts (
    id bigserial PRIMARY KEY,
    detected_seq bigint NOT NULL,
    tbl text NOT NULL,
    gid text NOT NULL,
    field text NOT NULL,
    kept_value jsonb,
    kept_author text NOT NULL,
    other_value jsonb,
    other_author text NOT NULL
);
CREATE INDEX conflicts_seq ON crible.conflicts(detected_seq);

-- (hlc, origin) of version a is greater than b's: the one rule every replica applies.
CREATE FUNCTION crible.newer(a jsonb, b jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT ((a->>0)::bigint, (a->>1) COLLATE "C") > ((b->>0)::bigint, (b->>1) COLLATE "C")
$$;

CREATE FUNCTION crible.apply_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = crible, pg_temp AS $$
DECLARE
    cur crible.current_rows%ROWTYPE;
    k text;
    v jsonb;
    ver jsonb;
    incoming jsonb := jsonb_build_array(NEW.hlc, NEW.origin, NEW.seq, NEW.author);
BEGIN
    SELECT * INTO cur FROM crible.current_rows WHERE gid = NEW.gid FOR UPDATE;
    IF NOT FOUND THEN
        IF NEW.op <> 'update' THEN
            INSERT INTO crible.current_rows
            VALUES (NEW.gid, NEW.tbl, CASE WHEN NEW.op = 'insert' THEN NEW.fields ELSE '{}' END,
                    '{}', incoming, CASE WHEN NEW.op = 'delete' THEN incoming END,
                    NEW.seq, NEW.author);
        END IF;
        RETURN NULL;
    END IF;
    IF NEW.op = 'delete' THEN
        IF NOT crible.newer(cur.base, incoming)
           AND (cur.deleted IS NULL OR crible.newer(incoming, cur.deleted)) THEN
            UPDATE crible.current_rows SET deleted = incoming, last_seq = NEW.seq,
                   last_author = NEW.author WHERE gid = NEW.gid;
        END IF;
        RETURN NULL;
    END IF;
    IF cur.deleted IS NOT NULL THEN
        IF NEW.op = 'insert' AND crible.newer(incoming, cur.deleted) THEN
            UPDATE crible.current_rows SET data = NEW.fields, versions = '{}', base = incoming,
                   deleted = NULL, last_seq = NEW.seq, last_author = NEW.author
            WHERE gid = NEW.gid;
        END IF;
        RETURN NULL;
    END IF;
    FOR k, v IN SELECT key, value FROM jsonb_each(NEW.fields) LOOP
        ver := coalesce(cur.versions -> k, cur.base);
        IF (cur.data -> k) IS DISTINCT FROM v AND (ver->>2)::bigint > NEW.base_seq
           AND (ver->>1) <> NEW.origin THEN
            IF crible.newer(incoming, ver) THEN
                INSERT INTO crible.conflicts(detected_seq, tbl, gid, field, kept_value,
                    kept_author, other_value, other_author)
                VALUES (NEW.seq, NEW.tbl, NEW.gid, k, v, NEW.author, cur.data -> k, ver->>3);
            ELSE
                INSERT INTO crible.conflicts(detected_seq, tbl, gid, field, kept_value,
                    kept_author, other_value, other_author)
                VALUES (NEW.seq, NEW.tbl, NEW.gid, k, cur.data -> k, ver->>3, v, NEW.author);
            END IF;
        END IF;
        IF crible.newer(incoming, ver) THEN
            cur.data := jsonb_set(cur.data, ARRAY[k], v);
            cur.versions := jsonb_set(cur.versions, ARRAY[k], incoming);
        END IF;
    END LOOP;
    UPDATE crible.current_rows SET data = cur.data, versions = cur.versions,
           last_seq = NEW.seq, last_author = NEW.author WHERE gid = NEW.gid;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION crible.apply_change() FROM PUBLIC;
CREATE TRIGGER changes_apply AFTER INSERT ON crible.changes
    FOR EACH ROW EXECUTE FUNCTION crible.apply_change();

-- For Datasette or any SQL client: the desk's claims as they stand, with who touched them last.
CREATE VIEW crible.claims AS
    SELECT gid, data->>'text' AS text, data->>'status' AS status,
           data->>'verdict_text' AS verdict_text, data->>'notes' AS notes,
           data->>'claimant' AS claimant, data->>'assigned_to' AS assigned_to,
           data->>'verdict_level_id' AS verdict_level, last_author, last_seq
    FROM crible.current_rows WHERE tbl = 'claims' AND deleted IS NULL;
CREATE VIEW crible.fact_checks AS
    SELECT gid, data->>'publisher' AS publisher, data->>'url' AS url,
           data->>'headline' AS headline, data->>'textual_rating' AS textual_rating,
           data->>'date_published' AS date_published, data->>'claim_id' AS claim
    FROM crible.current_rows WHERE tbl = 'reviews' AND deleted IS NULL;
"""

# Numbered, append-only: (version, name, SQL). A database naming a higher one is refused.
SERVER_MIGRATIONS: tuple[tuple[int, str, str], ...] = ((1, "0001_change_log", _V1),)
SCHEMA_VERSION = SERVER_MIGRATIONS[-1][0]


def _applied_version(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT to_regclass('crible.migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM crible.migrations").fetchone()
    return int(found[0]) if found else 0


def create_team_schema(conn: psycopg.Connection[Any]) -> int:
    """Apply pending server migrations and (re)grant the checker role; returns the version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUSH_LOCK])
        current = _applied_version(conn)
        if current > SCHEMA_VERSION:
            raise UserError(
                "the team database has schema {found}, newer than this Crible's {known};"
                " update Crible",
                found=current,
                known=SCHEMA_VERSION,
            )
        conn.execute("CREATE SCHEMA IF NOT EXISTS crible")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS crible.migrations (version integer PRIMARY KEY,"
            " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        for version, name, script in SERVER_MIGRATIONS:
            if version > current:
                conn.execute(script)  # a constant of this module
                conn.execute(
                    "INSERT INTO crible.migrations(version, name) VALUES (%s, %s)", [version, name]
                )
        _grant_checker_role(conn)
    return SCHEMA_VERSION


def _grant_checker_role(conn: psycopg.Connection[Any]) -> None:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [CHECKER_ROLE]).fetchone()
    role = sql.Identifier(CHECKER_ROLE)
    if not exists:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(role))
    conn.execute("REVOKE ALL ON SCHEMA crible FROM PUBLIC")
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA crible TO {}").format(role))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA crible TO {}").format(role))
    conn.execute(sql.SQL("GRANT INSERT ON crible.changes TO {}").format(role))
    conn.execute(sql.SQL("GRANT USAGE ON SEQUENCE crible.changes_seq_seq TO {}").format(role))


def check_team_schema(conn: psycopg.Connection[Any]) -> None:
    """A checker's connection: the database must hold exactly the schema this Crible knows."""
    try:
        version = _applied_version(conn)
    except psycopg.errors.InsufficientPrivilege:
        conn.rollback()
        raise UserError(
            "this login may not read the team database; the desk's admin grants it with"
            " GRANT crible_checker TO your_login"
        ) from None
    conn.rollback()
    if version == 0:
        raise UserError("this database is not a Crible team yet: run `crible team create URL`")
    if version > SCHEMA_VERSION:
        raise UserError(
            "the team database has schema {found}, newer than this Crible's {known}; update Crible",
            found=version,
            known=SCHEMA_VERSION,
        )
    if version < SCHEMA_VERSION:
        raise UserError(
            "the team database has an older schema ({found}); the desk's admin runs"
            " `crible team create URL` to upgrade it",
            found=version,
        )


def push_changes(conn: psycopg.Connection[Any], entries: Sequence[OutboxEntry], origin: str) -> int:
    """Append *entries* to the change log in one transaction; a re-sent entry is ignored.

    Returns how many were new. COPY into a temporary table, then one INSERT … ON CONFLICT:
    the (origin, hlc) key makes a push that was cut after the commit harmless to repeat.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [PUSH_LOCK])
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS crible_push (tbl text, gid text, op text,"
            " fields jsonb, hlc bigint, origin text, author text, base_seq bigint)"
            " ON COMMIT DELETE ROWS"
        )
        with conn.cursor().copy(
            "COPY crible_push (tbl, gid, op, fields, hlc, origin, author, base_seq) FROM STDIN"
        ) as copy:
            for e in entries:
                copy.write_row((e.tbl, e.gid, e.op, e.fields, e.hlc, origin, e.author, e.base_seq))
        cursor = conn.execute(
            "INSERT INTO crible.changes (tbl, gid, op, fields, hlc, origin, author, base_seq)"
            " SELECT tbl, gid, op, fields, hlc, origin, author, base_seq FROM crible_push"
            " ORDER BY hlc ON CONFLICT (origin, hlc) DO NOTHING"
        )
        return max(cursor.rowcount, 0)


def pull_changes(
    conn: psycopg.Connection[Any], after: int, limit: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], int]:
    """Raw rows of the change log after *after* (at most *limit*) and their conflicts.

    Returns (changes, conflicts, last seq read). Values come as text: the caller validates.
    """
    with conn.transaction():
        changes = conn.execute(
            "SELECT seq, tbl, gid, op, fields::text, hlc, origin, author, base_seq,"
            " to_char(pushed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
            " FROM crible.changes WHERE seq > %s ORDER BY seq LIMIT %s",
            [after, limit],
        ).fetchall()
        if not changes:
            return [], [], after
        last = int(changes[-1][0])
        conflicts = conn.execute(
            "SELECT detected_seq, tbl, gid, field, kept_value::text, kept_author,"
            " other_value::text, other_author FROM crible.conflicts"
            " WHERE detected_seq > %s AND detected_seq <= %s ORDER BY id",
            [after, last],
        ).fetchall()
    return list(changes), list(conflicts), last


def server_head(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT coalesce(max(seq), 0) FROM crible.changes").fetchone()
    conn.rollback()
    return int(row[0]) if row else 0
