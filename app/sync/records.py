"""The records that travel between an archive and the team server, once validated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PulledChange:
    """One entry of the server's change log: a row inserted, updated (some fields) or deleted."""

    seq: int
    tbl: str
    gid: str
    op: str
    fields: dict[str, Any]
    hlc: int
    origin: str
    author: str
    base_seq: int
    pushed_at: str


@dataclass(frozen=True, slots=True)
class PulledConflict:
    """The server saw two concurrent values of one field; ``kept`` is the current one."""

    detected_seq: int
    tbl: str
    gid: str
    field: str
    kept_value: Any
    kept_author: str
    other_value: Any
    other_author: str


@dataclass(frozen=True, slots=True)
class ApplyResult:
    applied: int
    rejected: int
