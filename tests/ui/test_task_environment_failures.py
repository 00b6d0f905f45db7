"""Background tasks on a full disk or a read-only/locked archive: a plain message, nothing lost.

A full disk is simulated as in docs/RELIABILITY.md: RLIMIT_FSIZE, here lowered in this process
only while the task runs (Python ignores SIGXFSZ, so a write past it fails with EFBIG).
"""

from __future__ import annotations

import errno
import resource
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.storage import open_archive
from app.storage.integrity import check_archive
from ui import app as ui_app
from ui.tasks import EnvironmentFailure, environment_failure_of

FULL = "The disk is full: nothing was lost. Free some space and try again."
# A pasted article long enough that storing it writes well past the limit below.
LONG_ARTICLE = " ".join(
    f"Le ministre numéro {i} a annoncé {i * 3} millions d'euros pour la région en 2019." * 3
    for i in range(400)
)


@contextmanager
def full_disk(limit: int) -> Iterator[None]:
    """No file of this process may grow past ``limit`` bytes while the block runs."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def _counts(path: Path) -> tuple[int, int]:
    db = open_archive(path)
    try:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return articles, claims
    finally:
        db.close()


def _room(path: Path, extra: int = 8192) -> int:
    """A limit just past the archive and its WAL as they are: the next big write fails."""
    files = [path, path.with_name(path.name + "-wal")]
    return max(p.stat().st_size for p in files if p.exists()) + extra


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.OperationalError("database or disk is full"), "full"),
        (sqlite3.OperationalError("disk I/O error"), "full"),
        (OSError(errno.ENOSPC, "No space left on device"), "full"),
        (OSError(errno.EFBIG, "File too large"), "full"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
        (OSError(errno.EROFS, "Read-only file system"), "read-only"),
        (sqlite3.OperationalError("database is locked"), "busy"),
    ],
)
def test_environment_errors_become_messages(error, kind, qapp) -> None:
    failure = environment_failure_of(error)
    assert isinstance(failure, UserError) and failure.kind == kind
    assert "nothing was lost" in str(failure)


def test_a_user_error_raised_from_a_full_disk_says_so(qapp) -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device")
        except OSError as exc:
            raise UserError("could not back up the archive") from exc
    except UserError as wrapped:
        failure = environment_failure_of(wrapped)
    assert failure is not None and str(failure) == FULL


@pytest.mark.parametrize(
    "error",
    [
        sqlite3.OperationalError("no such table: claims"),
        OSError(errno.EACCES, "Permission denied"),
        ValueError("a bug"),
    ],
)
def test_other_errors_stay_bugs(error, qapp) -> None:
    assert environment_failure_of(error) is None


def test_import_on_a_full_disk_is_a_message_and_loses_nothing(session, qtbot) -> None:
    from ui.jobs import import_text

    before = _counts(session.path)
    bugs: list[object] = []
    session.runner.bug_raised.connect(bugs.append)
    with (
        full_disk(_room(session.path)),
        qtbot.waitSignal(session.runner.error_raised, timeout=20_000) as blocker,
    ):
        session.runner.start("import", import_text, LONG_ARTICLE)
    session.runner.wait()
    assert blocker.args == [FULL]
    assert bugs == []
    assert _counts(session.path) == before
    db = open_archive(session.path)
    assert check_archive(db) == []
    db.close()
    # Space freed: the same import now works.
    with qtbot.waitSignal(session.runner.ended, timeout=20_000):
        session.runner.start("import", import_text, LONG_ARTICLE)
    assert _counts(session.path)[0] == before[0] + 1


def test_a_task_with_its_own_error_handler_gets_the_message(session, qtbot) -> None:
    from ui.jobs import import_text

    failures: list[BaseException] = []
    with full_disk(_room(session.path)), qtbot.waitSignal(session.runner.ended, timeout=20_000):
        session.runner.start("import", import_text, LONG_ARTICLE, on_error=failures.append)
    session.runner.wait()
    (failure,) = failures
    assert isinstance(failure, EnvironmentFailure) and str(failure) == FULL


def test_a_backup_on_a_full_disk_is_a_message(session, qtbot) -> None:
    from app.storage.backup import backup_dir, list_backups, make_backup

    def job(db, progress, path):
        return make_backup(db, path)

    bugs: list[object] = []
    session.runner.bug_raised.connect(bugs.append)
    with (
        full_disk(session.path.stat().st_size // 2),
        qtbot.waitSignal(session.runner.error_raised, timeout=20_000) as blocker,
    ):
        session.runner.start("backup", job, session.path)
    session.runner.wait()
    assert blocker.args == [FULL] and bugs == []
    assert list_backups(session.path) == []  # no half backup under a backup's name
    folder = backup_dir(session.path)
    assert not folder.exists() or not list(folder.glob("*.partial"))


def test_a_search_as_you_type_call_on_a_locked_archive_gets_the_message(qtbot) -> None:
    from ui.worker import LatestCall

    def locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    call = LatestCall()
    with qtbot.waitSignal(call.error_raised, timeout=10_000) as blocker:
        call.start(locked)
    call.wait()
    (failure,) = blocker.args
    assert isinstance(failure, EnvironmentFailure) and failure.kind == "busy"


def test_a_locked_archive_met_on_the_gui_thread_is_a_message(window, monkeypatch) -> None:
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: window))
    try:
        raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError:
        ui_app._excepthook(*sys.exc_info())
    assert "busy in another program" in window.statusBar().currentMessage()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert not any("OperationalError" in box.text() for box in boxes)
