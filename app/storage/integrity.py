"""Health checks of an archive: SQLite's integrity and foreign-key checks, and the FTS index."""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from app.errors import UserError, translatable

FTS_TABLE = "claims_fts"
_MAX_PROBLEMS = 50


def check_archive(db: Database) -> list[str]:
    """Every problem found in *db*, one line each; an empty list means the archive is sound."""
    return check_connection(db.conn)


def check_connection(conn: sqlite3.Connection) -> list[str]:
    """The checks of :func:`check_archive` on a plain connection (also a read-only one)."""
    try:
        problems = _integrity(conn)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise  # not an archive at all, rather than a damaged one
        # Damage bad enough to stop the check itself: say so, then which tables still read.
        return [f"integrity: {short_reason(exc)}", *_unreadable_tables(conn)]
    if problems:
        # Foreign keys and FTS are meaningless on a damaged b-tree; report the damage alone.
        return problems + _unreadable_tables(conn)
    return _foreign_keys(conn) + _fts(conn)


def quick_problems(conn: sqlite3.Connection) -> list[str]:
    """SQLite's ``quick_check`` (the b-trees, without matching indexes to tables): what a
    backup runs before copying, so damage is never copied over sound backups."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return [short_reason(exc)]
    messages = [_one_line(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def _integrity(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(f"PRAGMA integrity_check({_MAX_PROBLEMS})").fetchall()
    messages = [_one_line(row[0]) for row in rows]
    if messages == ["ok"]:
        return []
    trees = _tree_names(conn)
    return [f"integrity: {m}{_in_table(m, trees)}" for m in messages]


def _tree_names(conn: sqlite3.Connection) -> dict[int, str]:
    try:
        rows = conn.execute("SELECT rootpage, type, name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {int(root): f"{kind} {name}" for root, kind, name in rows if root}


def _in_table(message: str, trees: dict[int, str]) -> str:
    """SQLite names a b-tree by its root page ("Tree 12 page 34 …"): name its table too."""
    found = _TREE.search(message)
    name = trees.get(int(found.group(1))) if found else None
    return f" (in {name})" if name else ""


def _unreadable_tables(conn: sqlite3.Connection) -> list[str]:
    """One line per table that cannot be read to its end."""
    try:
        names = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"integrity: the list of tables cannot be read ({short_reason(exc)})"]
    found = []
    for (name,) in names:
        try:
            # Names come from the archive's own schema, quoted: never user text.
            for _row in conn.execute(f"SELECT * FROM [{name}]"):
                pass
        except sqlite3.DatabaseError as exc:
            found.append(f"integrity: table {name} cannot be read to its end ({short_reason(exc)})")
    return found


def _one_line(message: object) -> str:
    """SQLite's check messages may span lines ("*** in database main ***" and the rest)."""
    return " ".join(str(message).replace("*** in database main ***", "").split())


def short_reason(exc: BaseException) -> str:
    """SQLite's message without the damaged bytes it sometimes quotes."""
    return str(exc).splitlines()[0].split(" with text ", 1)[0][:120]


_TREE = re.compile(r"Tree (\d+)")
DAMAGE_NEEDLES = (
    "malformed",
    "not a database",
    "corrupt",
    "could not decode to utf-8",
    "vtable constructor failed",  # the FTS index's own pages damaged
)


def damage_message(exc: sqlite3.Error, path: object) -> str | None:
    """One line for an error that comes from a damaged archive file, else None."""
    text = str(exc).lower()
    if not any(needle in text for needle in DAMAGE_NEEDLES):
        return None
    return str(
        UserError(
            "the archive {path} is damaged ({reason}); `crible archive check` lists what, "
            "`crible archive recover -o NEW.db` saves what can be read (docs/RELIABILITY.md)",
            path=path,
            reason=short_reason(exc),
        )
    )


def _foreign_keys(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(_MAX_PROBLEMS)
    return [
        f"foreign key: {table} row {rowid} points to a missing {parent} row"
        for table, rowid, parent, _fkid in rows
    ]


def _fts(conn: sqlite3.Connection) -> list[str]:
    """FTS5's own check that the index matches the claims table it is built from."""
    exists = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = ?", [FTS_TABLE]
    ).fetchone()[0]
    if not exists:
        return []
    try:
        # The 'integrity-check' command reads only, despite its INSERT form.
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            return []
        return [f"search index: {exc} (rebuild it with `crible archive check --repair`)"]
    return []


COUNTED_TABLES = ("articles", "claims", "reviews", "sources", "claim_sources", "claim_links")


def table_counts(db: Database) -> dict[str, int]:
    """Rows in each of Crible's main tables (the names are constants, never user text)."""
    present = set(db.table_names())
    return {
        name: int(db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0])
        for name in COUNTED_TABLES
        if name in present
    }


def rebuild_search_index(db: Database) -> None:
    """Rebuild the FTS index from the claims table (the repair for an index out of sync)."""
    with db.atomic():
        db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


_ENVIRONMENT_FAILURES = (
    (
        ("database or disk is full", "disk i/o error"),
        translatable(
            "could not write to the archive: the disk is full or failing ({error}); that change "
            "was not saved, the ones before it are safe"
        ),
    ),
    (
        ("readonly", "read-only"),
        translatable("the archive is read-only (its file or its disk); nothing was changed"),
    ),
    (
        ("database is locked", "database is busy"),
        translatable(
            "the archive is busy in another program (another Crible?); nothing was changed, "
            "try again"
        ),
    ),
)


_REASONS = (
    (("database or disk is full", "disk i/o error"), translatable("the disk is full or failing")),
    (("readonly", "read-only"), translatable("the archive is read-only")),
    (
        ("database is locked", "database is busy"),
        translatable("another program kept the archive locked longer than the wait"),
    ),
)


def environment_reason(exc: sqlite3.Error) -> str | None:
    """The cause alone (no "nothing was changed"), for a long job that saved some of its work."""
    text = str(exc).lower()
    for needles, reason in _REASONS:
        if any(needle in text for needle in needles):
            return reason
    return None


def environment_failure(exc: sqlite3.Error) -> str | None:
    """A one-line message when *exc* comes from the disk or another program, else None.

    Full or failing disks, read-only files and locks are the user's environment, not a bug:
    they get a message. Anything else (a bad statement, a missing table) stays a bug.
    """
    error = environment_error(exc)
    return str(error) if error is not None else None


def environment_error(exc: sqlite3.Error) -> UserError | None:
    """The same as `environment_failure`, as a ``UserError`` the window can translate."""
    text = str(exc).lower()
    for needles, template in _ENVIRONMENT_FAILURES:
        if any(needle in text for needle in needles):
            return UserError(template, error=exc) if "{error}" in template else UserError(template)
    return None
