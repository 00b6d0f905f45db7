"""Team-sync work for the window's workers: plain functions ``fn(db, progress, *args)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.storage.sync_local import (
    Conflict,
    HistoryEntry,
    SyncState,
    claim_history,
    open_conflicts,
    resolve_conflict,
    sync_state,
)


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """What the indicator shows after a sync: the report (None: state only) and the state."""

    state: SyncState
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class ClaimTeamView:
    claim_id: int
    history: list[HistoryEntry]
    conflicts: list[Conflict]


def read_state(db: Database, progress: Any) -> SyncOutcome:
    return SyncOutcome(sync_state(db))


def run_sync(db: Database, progress: Any) -> SyncOutcome:
    from app.sync.engine import sync

    report = sync(db)
    return SyncOutcome(sync_state(db), report.pushed, report.pulled, report.conflicts)


def load_claim_team_view(db: Database, progress: Any, claim_id: int) -> ClaimTeamView:
    return ClaimTeamView(claim_id, claim_history(db, claim_id), open_conflicts(db, claim_id))


def mark_resolved(db: Database, progress: Any, conflict_id: int, claim_id: int) -> ClaimTeamView:
    resolve_conflict(db, conflict_id)
    return load_claim_team_view(db, progress, claim_id)
