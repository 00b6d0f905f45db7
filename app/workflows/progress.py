"""The progress/cancel object every workflow takes: report how far it got, stop when asked."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol


class Cancelled(Exception):
    """Raised inside a workflow (by ``Progress.check``) to stop early; never reported."""


class Progress(Protocol):
    """What a workflow sees of whoever runs it."""

    @property
    def cancelled(self) -> bool: ...

    def check(self) -> None:
        """Raise ``Cancelled`` if the run was cancelled."""

    def report(self, done: int, total: int, message: str = "") -> None:
        """``done`` steps of ``total`` (0: unknown); also a point where a cancel stops it."""


class TaskProgress:
    """A ``Progress`` that forwards reports to ``emit`` and can be cancelled from any thread."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self.check()
        self._emit(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    def _sqlite_abort(self) -> int:
        # SQLite calls this every few thousand steps of a statement: non-zero aborts it,
        # so a cancelled search stops even in the middle of one long query.
        return 1 if self._cancel.is_set() else 0


def _ignore(_done: int, _total: int, _message: str) -> None:
    return None


def reporting_to(callback: Callable[[int, int], None]) -> TaskProgress:
    """A ``Progress`` that hands ``(done, total)`` to ``callback`` (a terminal line, say)."""
    return TaskProgress(lambda done, total, _message: callback(done, total))


NO_PROGRESS = TaskProgress(_ignore)
"""For the command line: nobody watches, nobody cancels (Ctrl-C interrupts instead)."""
