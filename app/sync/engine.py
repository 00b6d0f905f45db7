"""One sync: push the outbox, then pull and apply what others pushed since the last pull.

Idempotent and resumable: a push is committed on the server before the outbox forgets it
(a repeat is ignored there), and each pulled batch is applied in one transaction with the
new pull position. A kill or a dropped connection at any point loses nothing; the next
sync finishes the job.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlite_utils import Database

from app.errors import UserError
from app.storage.sync_capture import ensure_capture
from app.storage.sync_local import drop_pushed, mark_synced, read_outbox, sync_state
from app.storage.team_server import check_team_schema, pull_changes, push_changes
from app.sync.connect import connect, describe, stored_password
from app.sync.records import PulledChange, PulledConflict
from app.sync.validate import InvalidChange, change_from_row, conflict_from_row

PUSH_BATCH = 5_000
PULL_BATCH = 5_000


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one sync did: the CLI's JSON (``pushed``, ``pulled``, ``conflicts``) and more."""

    pushed: int
    pulled: int
    conflicts: int
    rejected: int

    def as_json(self) -> dict[str, int]:
        return {"pushed": self.pushed, "pulled": self.pulled, "conflicts": self.conflicts}


Progress = Callable[[str, int], None]


def sync(db: Database, *, progress: Progress | None = None) -> SyncReport:
    """Sync this archive with its team; a UserError (one line) when the server fails."""
    state = sync_state(db)
    if not state.enabled:
        raise UserError("this archive is in no team: run `crible team join URL --as NAME`")
    ensure_capture(db)
    password = stored_password()
    conn = connect(state.server, password)
    try:
        check_team_schema(conn)
        pushed = push_outbox(db, conn, state.origin, progress)
        pulled, conflicts, rejected = pull_all(db, conn, state.origin, progress)
    except psycopg.Error as exc:
        raise UserError(
            "the team server {server} failed during the sync ({reason}); nothing was lost:"
            " run the sync again",
            server=describe(state.server),
            reason=type(exc).__name__,
        ) from None
    finally:
        conn.close()
    mark_synced(db)
    return SyncReport(pushed, pulled, conflicts, rejected)


def push_outbox(
    db: Database, conn: psycopg.Connection[Any], origin: str, progress: Progress | None = None
) -> int:
    pushed = 0
    while True:
        entries = read_outbox(db, PUSH_BATCH)
        if not entries:
            return pushed
        push_changes(conn, entries, origin)
        # Committed on the server: only now may the outbox forget them.
        drop_pushed(db, entries[-1].seq)
        pushed += len(entries)
        if progress is not None:
            progress("pushed", pushed)


def pull_all(
    db: Database, conn: psycopg.Connection[Any], origin: str, progress: Progress | None = None
) -> tuple[int, int, int]:
    """(others' changes pulled, conflicts learnt, records refused as invalid).

    Our own pushed changes come back too (they fix the per-field versions) but are not counted.
    The next batch is read from the server while this one is applied (a reader thread, the
    only user of *conn* meanwhile); the pull position moves only as batches are applied.
    """
    from app.storage.sync_apply import apply_pulled

    pulled = conflicts = rejected = 0
    for raw_changes, raw_conflicts, last in _prefetched(conn, sync_state(db).last_pulled):
        changes, bad = _valid(raw_changes, change_from_row)
        found, bad_conflicts = _valid(raw_conflicts, conflict_from_row)
        result = apply_pulled(db, changes, found, up_to_seq=last)
        pulled += sum(1 for change in changes if change.origin != origin)
        conflicts += len(found)
        rejected += bad + bad_conflicts + result.rejected
        if progress is not None:
            progress("pulled", pulled)
    return pulled, conflicts, rejected


_Fetched = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], int]


def _prefetched(conn: psycopg.Connection[Any], after: int) -> Iterator[_Fetched]:
    """Batches of the change log after *after*, read one ahead in a thread."""
    batches: queue.Queue[_Fetched | BaseException | None] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def read() -> None:
        position = after
        try:
            while not stop.is_set():
                raw_changes, raw_conflicts, last = pull_changes(conn, position, PULL_BATCH)
                if not raw_changes:
                    break
                batches.put((raw_changes, raw_conflicts, last))
                position = last
        except BaseException as exc:  # handed to the applying thread, which raises it
            batches.put(exc)
            return
        batches.put(None)

    reader = threading.Thread(target=read, name="crible-sync-pull", daemon=True)
    reader.start()
    try:
        while (item := batches.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while reader.is_alive():  # unblock a reader waiting to hand over a batch
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.1)
        reader.join()


def _valid(
    rows: list[tuple[Any, ...]],
    parse: Callable[[tuple[Any, ...]], PulledChange] | Callable[[tuple[Any, ...]], PulledConflict],
) -> tuple[list[Any], int]:
    good: list[Any] = []
    bad = 0
    for row in rows:
        try:
            good.append(parse(row))
        except InvalidChange:
            bad += 1
    return good, bad
