"""Background work: tasks run in a thread pool, each on its own archive connection.

A task is a plain function ``fn(db, progress, *args) -> result`` (the workflows of
``app.workflows`` have that shape). It runs in a worker
thread of a ``QThreadPool`` with a connection it opens itself (``open_archive(path)``,
because a SQLite connection belongs to the thread that uses it), reports progress through
the small ``Progress`` object, checks ``progress.cancelled`` between steps, and returns
plain data. The runner hands the result back on the GUI thread by a queued signal.

Tasks carry a *key*: starting a task under a key that is still running cancels the stale
one, and a cancelled task's result is never delivered (a new search replaces the old).

``start_background`` runs housekeeping nobody waits for (warming the matcher's cache) in a
thread of its own, apart from the checker's tasks: it never makes the runner busy, shows
nothing, and is cancelled at shutdown.
"""

from __future__ import annotations

import errno
import itertools
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from app.errors import UserError
from app.storage import open_archive
from app.workflows.progress import Cancelled, TaskProgress
from ui.i18n import user_message

log = logging.getLogger(__name__)

TaskFn = Callable[..., Any]
SQLITE_CHECK_STEPS = 10_000


# The Qt-free progress/cancel object the workflows take (``app.workflows.progress``).
Progress = TaskProgress


class EnvironmentFailure(UserError):
    """A task stopped by the disk or another program, not by a bug: full or failing disk,
    read-only file or disk, archive locked. The transaction it was in was rolled back, so
    everything saved before is intact; the message (in the UI language) says what to do.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
_SQLITE_KINDS = (
    (("database or disk is full", "disk i/o error"), "full"),
    (("readonly", "read-only"), "read-only"),
    (("database is locked", "database is busy"), "busy"),
)


def environment_failure_of(exc: BaseException) -> EnvironmentFailure | None:
    """``exc`` (or what caused it) as a plain message when the disk or a lock is to blame."""
    seen: BaseException | None = exc
    for _ in range(6):  # the error itself and the few it was raised from
        if seen is None:
            return None
        kind = _environment_kind(seen)
        if kind is not None:
            return EnvironmentFailure(kind, _environment_message(kind))
        seen = seen.__cause__ or seen.__context__
    return None


def _environment_kind(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        for needles, kind in _SQLITE_KINDS:
            if any(needle in text for needle in needles):
                return kind
        return None
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return "full"
        if exc.errno == errno.EROFS:
            return "read-only"
    return None


def _environment_message(kind: str) -> str:
    # QCoreApplication.translate with its context spelled out: lupdate reads these literals.
    if kind == "full":
        return QCoreApplication.translate(
            "TaskRunner", "The disk is full: nothing was lost. Free some space and try again."
        )
    if kind == "read-only":
        return QCoreApplication.translate(
            "TaskRunner",
            "The archive cannot be written to (a read-only file or disk): nothing was lost. "
            "Make it writable and try again.",
        )
    return QCoreApplication.translate(
        "TaskRunner",
        "The archive is busy in another program (another Crible?): nothing was lost. "
        "Try again in a moment.",
    )


class _TaskSignals(QObject):
    """Carries a worker's outcome to the GUI thread (the object lives there)."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)


@dataclass
class TaskHandle:
    """A started task: its key, its progress token; ``cancel()`` from the GUI thread."""

    task_id: int
    key: str
    label: str
    progress: Progress
    on_result: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    signals: _TaskSignals | None = field(default=None, repr=False)

    def cancel(self) -> None:
        self.progress.cancel()

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled


class _Runnable(QRunnable):
    def __init__(
        self, db_path: Path, handle: TaskHandle, fn: TaskFn, args: tuple[Any, ...]
    ) -> None:
        super().__init__()
        self._db_path = db_path
        self._handle = handle
        self._fn = fn
        self._args = args

    def run(self) -> None:  # worker thread
        handle = self._handle
        signals = handle.signals
        assert signals is not None
        if handle.cancelled:
            signals.failed.emit(handle.task_id, Cancelled())
            return
        db = None
        try:
            db = open_archive(self._db_path)
            db.conn.set_progress_handler(handle.progress._sqlite_abort, SQLITE_CHECK_STEPS)
            result = self._fn(db, handle.progress, *self._args)
            handle.progress.check()
        except BaseException as exc:  # delivered to the GUI thread, which decides
            signals.failed.emit(handle.task_id, Cancelled() if handle.cancelled else exc)
        else:
            signals.finished.emit(handle.task_id, result)
        finally:
            if db is not None:
                db.close()


class TaskRunner(QObject):
    """Runs tasks in the background against the archive at ``db_path``.

    Signals:
        started(str key, str label): a task began (for the status bar).
        progressed(str key, int done, int total, str message): a task reported progress.
        ended(str key): a task finished, failed or was cancelled.
        busy_changed(bool): whether any task is running.
        error_raised(str message): a task failed with a ``UserError`` (a full disk, a
            read-only or locked archive included: ``EnvironmentFailure``) and had no handler.
        bug_raised(object exception): a task failed with an unexpected error.
        background_ended(str key): a background task finished, failed or was cancelled.
    """

    started = Signal(str, str)
    progressed = Signal(str, int, int, str)
    ended = Signal(str)
    busy_changed = Signal(bool)
    error_raised = Signal(str)
    bug_raised = Signal(object)
    background_ended = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._running: dict[int, TaskHandle] = {}
        self._by_key: dict[str, TaskHandle] = {}
        # One more thread for background work, so that it never holds up a checker's task.
        self._background_pool = QThreadPool(self)
        self._background_pool.setMaxThreadCount(1)
        self._background: dict[int, TaskHandle] = {}

    def start(
        self,
        key: str,
        fn: TaskFn,
        *args: Any,
        label: str = "",
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle:
        """Run ``fn(db, progress, *args)`` in a worker, cancelling the task under ``key``."""
        self.cancel(key)
        task_id = next(self._ids)
        signals = _TaskSignals(self)
        progress = Progress(
            lambda done, total, msg: signals.progressed.emit(task_id, done, total, msg)
        )
        handle = TaskHandle(task_id, key, label, progress, on_result, on_error, signals)
        signals.finished.connect(self._on_task_finished, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(self._on_task_failed, Qt.ConnectionType.QueuedConnection)
        signals.progressed.connect(self._on_task_progressed, Qt.ConnectionType.QueuedConnection)
        was_busy = bool(self._running)
        self._running[task_id] = handle
        self._by_key[key] = handle
        self._pool.start(_Runnable(self.db_path, handle, fn, args))
        self.started.emit(key, label)
        if not was_busy:
            self.busy_changed.emit(True)
        return handle

    def start_background(self, key: str, fn: TaskFn, *args: Any) -> TaskHandle:
        """Run ``fn(db, progress, *args)`` in the background thread, cancelling the background
        task under ``key``: no busy state, no signal but ``background_ended``, the result
        dropped (a failure is logged)."""
        self.cancel_background(key)
        task_id = next(self._ids)
        signals = _TaskSignals(self)
        handle = TaskHandle(task_id, key, "", Progress(lambda *_: None), signals=signals)
        signals.finished.connect(self._on_background_done, Qt.ConnectionType.QueuedConnection)
        signals.failed.connect(self._on_background_done, Qt.ConnectionType.QueuedConnection)
        self._background[task_id] = handle
        self._background_pool.start(_Runnable(self.db_path, handle, fn, args))
        return handle

    def background_running(self, key: str) -> bool:
        return any(h.key == key for h in self._background.values())

    def cancel_background(self, key: str | None = None) -> None:
        """Cancel the background task under *key* (every one when None)."""
        for handle in list(self._background.values()):
            if key is None or handle.key == key:
                handle.cancel()

    def cancel(self, key: str) -> None:
        handle = self._by_key.pop(key, None)
        if handle is not None:
            handle.cancel()

    def cancel_all(self) -> None:
        for key in list(self._by_key):
            self.cancel(key)
        self.cancel_background()

    def is_running(self, key: str) -> bool:
        return key in self._by_key

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker, background ones too, is done (shutdown and tests only)."""
        done = self._pool.waitForDone(msecs)
        return self._background_pool.waitForDone(msecs) and done

    def shutdown(self) -> None:
        self.cancel_all()
        self._pool.waitForDone()
        self._background_pool.waitForDone()

    def _finish(self, task_id: int) -> TaskHandle | None:
        handle = self._running.pop(task_id, None)
        if handle is None:
            return None
        if self._by_key.get(handle.key) is handle:
            del self._by_key[handle.key]
        if handle.signals is not None:
            handle.signals.deleteLater()
            handle.signals = None
        self.ended.emit(handle.key)
        if not self._running:
            self.busy_changed.emit(False)
        return handle

    @Slot(int, object)
    def _on_task_finished(self, task_id: int, result: object) -> None:
        handle = self._finish(task_id)
        if handle is None or handle.cancelled:
            return
        if handle.on_result is not None:
            handle.on_result(result)

    @Slot(int, object)
    def _on_task_failed(self, task_id: int, exc: object) -> None:
        handle = self._finish(task_id)
        if handle is None or handle.cancelled or isinstance(exc, Cancelled):
            return
        assert isinstance(exc, BaseException)
        if not isinstance(exc, EnvironmentFailure):
            # A full disk or a lock is the user's environment, not a bug: a message for every
            # caller, whether it handles errors itself or not.
            exc = environment_failure_of(exc) or exc
        if handle.on_error is not None:
            handle.on_error(exc)
        elif isinstance(exc, UserError):
            self.error_raised.emit(user_message(exc))
        else:
            log.error("task %s failed", handle.key, exc_info=exc)
            self.bug_raised.emit(exc)

    @Slot(int, object)
    def _on_background_done(self, task_id: int, outcome: object) -> None:
        handle = self._background.pop(task_id, None)
        if handle is None:
            return
        if handle.signals is not None:
            handle.signals.deleteLater()
            handle.signals = None
        if isinstance(outcome, BaseException) and not isinstance(outcome, Cancelled):
            log.warning("background task %s failed", handle.key, exc_info=outcome)
        self.background_ended.emit(handle.key)

    @Slot(int, int, int, str)
    def _on_task_progressed(self, task_id: int, done: int, total: int, message: str) -> None:
        handle = self._running.get(task_id)
        if handle is not None and not handle.cancelled:
            self.progressed.emit(handle.key, done, total, message)
