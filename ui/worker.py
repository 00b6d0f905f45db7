"""A background call whose latest outcome comes back on the GUI thread (stale ones are dropped).

For the dialogs and panels that search as the user types: each new call supersedes the
one before, whose result is never delivered. The called function does its own I/O (it
opens its own archive connection, since a SQLite connection belongs to its thread).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from ui.tasks import EnvironmentFailure, environment_failure_of


class _Carrier(QObject):
    """Lives on the GUI thread; the worker emits through it (queued)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Call(QRunnable):
    def __init__(
        self, carrier: _Carrier, call_id: int, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        self._carrier = carrier
        self._call_id = call_id
        self._fn = fn
        self._args = args

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # handed to the GUI thread, which decides what it is
            self._carrier.failed.emit(self._call_id, exc)
        else:
            self._carrier.finished.emit(self._call_id, result)


class LatestCall(QObject):
    """Runs `fn(*args)` in a worker thread; delivers only the most recent call's outcome.

    Signals:
        result_ready(object): the latest call returned this.
        error_raised(object): the latest call raised this exception (a full disk or a
            locked archive arrives as ``ui.tasks.EnvironmentFailure``, a ``UserError``).

    No bool-carrying signal on purpose: PySide6 6.12 over-releases Python's True/False
    when a Python-side signal emits a bool (a fatal "bool_dealloc" error at exit).
    Read `busy` instead.
    """

    result_ready = Signal(object)
    error_raised = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Created first, so destroyed first among the children: waits for running calls
        # before the carrier they emit through goes away.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._carrier = _Carrier(self)
        self._carrier.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._carrier.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._latest = 0
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, fn: Callable[..., Any], *args: Any) -> int:
        self._latest = next(self._ids)
        # A queued call not yet started is dropped rather than run for nothing.
        self._pool.clear()
        self._pool.start(_Call(self._carrier, self._latest, fn, args))
        self._busy = True
        return self._latest

    def cancel(self) -> None:
        """Forget the pending call: its outcome will not be delivered."""
        self._latest = next(self._ids)
        self._pool.clear()
        self._busy = False

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_finished(self, call_id: int, result: object) -> None:
        if call_id == self._latest:
            self._busy = False
            self.result_ready.emit(result)

    @Slot(int, object)
    def _on_failed(self, call_id: int, exc: object) -> None:
        if call_id == self._latest:
            self._busy = False
            if isinstance(exc, BaseException) and not isinstance(exc, EnvironmentFailure):
                exc = environment_failure_of(exc) or exc  # a full disk or a lock: a message
            self.error_raised.emit(exc)
