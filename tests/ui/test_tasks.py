"""The background task runner: own connection per worker, results by signal, cancellation."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from app.errors import UserError
from app.storage.articles import count_articles
from ui.tasks import Cancelled, TaskRunner


@pytest.fixture
def runner(archive_path, qapp):
    runner = TaskRunner(archive_path)
    yield runner
    runner.shutdown()


def test_result_comes_back_on_the_gui_thread_from_a_worker_connection(runner, qtbot):
    seen = {}

    def work(db, progress):
        seen["worker_thread"] = threading.get_ident()
        progress.report(1, 2, "half")
        return count_articles(db)

    def on_result(value):
        seen["result"] = value
        seen["gui"] = QThread.currentThread() is qtbot_main_thread()

    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.start("count", work, on_result=on_result)
    assert seen["result"] == 1
    assert seen["gui"] is True
    assert seen["worker_thread"] != threading.get_ident()


def qtbot_main_thread():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance().thread()


def test_progress_is_reported(runner, qtbot):
    reports = []
    runner.progressed.connect(lambda key, done, total, msg: reports.append((key, done, total)))

    def work(_db, progress):
        for i in range(3):
            progress.report(i, 3, "")
        return None

    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.start("steps", work)
    assert reports == [("steps", 0, 3), ("steps", 1, 3), ("steps", 2, 3)]


def test_a_new_task_under_the_same_key_cancels_the_stale_one(runner, qtbot):
    release = threading.Event()
    results = []

    def slow(_db, progress):
        release.wait(5)
        progress.check()  # the stale task notices it was cancelled
        return "stale"

    def fast(_db, _progress):
        return "fresh"

    stale = runner.start("match", slow, on_result=results.append)
    with qtbot.waitSignal(runner.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
        runner.start("match", fast, on_result=results.append)
        release.set()
    assert stale.cancelled
    assert results == ["fresh"]


def test_cancel_drops_the_result(runner, qtbot):
    started = threading.Event()
    release = threading.Event()
    results = []

    def work(_db, progress):
        started.set()
        release.wait(5)
        progress.check()
        return "late"

    runner.start("job", work, on_result=results.append)
    assert started.wait(5)
    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.cancel("job")
        release.set()
    assert results == []
    assert not runner.busy


def test_cancel_interrupts_a_long_sql_statement(runner, qtbot):
    started = threading.Event()
    errors = []

    def endless(db, _progress):
        started.set()
        # A recursive query that would run for a very long time.
        return db.conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
        ).fetchone()

    runner.start("sql", endless, on_error=errors.append)
    assert started.wait(5)
    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.cancel("sql")
    assert errors == []  # cancelled work is not an error


def test_user_error_without_handler_is_reported_as_a_message(runner, qtbot):
    def fails(_db, _progress):
        raise UserError("no such file: x.txt")

    with qtbot.waitSignal(runner.error_raised, timeout=5000) as blocker:
        runner.start("bad", fails)
    assert blocker.args == ["no such file: x.txt"]


def test_a_bug_in_a_task_is_reported_as_a_bug(runner, qtbot):
    def broken(_db, _progress):
        raise ZeroDivisionError("oops")

    with qtbot.waitSignal(runner.bug_raised, timeout=5000) as blocker:
        runner.start("bug", broken)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_on_error_handler_receives_the_failure(runner, qtbot):
    errors = []

    def fails(_db, _progress):
        raise UserError("unreachable")

    with qtbot.waitSignal(runner.ended, timeout=5000):
        runner.start("bad", fails, on_error=errors.append)
    assert [str(e) for e in errors] == ["unreachable"]


def test_progress_check_raises_cancelled_after_cancel():
    from ui.tasks import Progress

    progress = Progress(lambda *_: None)
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.check()
