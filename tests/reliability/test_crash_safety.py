"""Crash safety: ≥ 200 real `crible` processes killed with SIGKILL, and nothing lost or torn.

``CRIBLE_CRASH_TRIALS`` and ``CRIBLE_CRASH_WORKERS`` size the run (``bench/bench_crash.py``
runs the same harness for longer).
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.reliability.crash_harness import check_sequence, run_trials

CI_TRIALS = int(os.environ.get("CRIBLE_CRASH_TRIALS", "200"))
WORKERS = int(os.environ.get("CRIBLE_CRASH_WORKERS", "3"))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_killed_processes_lose_nothing(tmp_path):
    summary = run_trials(tmp_path, CI_TRIALS, workers=WORKERS, seed=7)
    details = "\n".join(f"{f.kind} seed {f.seed}: {f.problems}" for f in summary.failures[:10])
    assert summary.failures == [], details
    assert summary.trials == CI_TRIALS
    # Most trials must really die mid-way, or the run proves little.
    assert summary.killed >= 0.5 * CI_TRIALS
    if CI_TRIALS >= 100:
        assert set(summary.by_kind) == {"edit", "import", "restore", "backup"}
    assert summary.reported_saved > 0 and summary.found_after_kill > 0
    print(
        f"\ncrash trials: {summary.trials}, killed {summary.killed}, kinds {summary.by_kind}, "
        f"saved lines {summary.reported_saved}, changes found {summary.found_after_kill}"
    )


# The checker itself: it must catch what it exists to catch.


def _reports(*pairs):
    return [{"line": line, "saved": what} for line, what in pairs]


def test_checker_accepts_one_unreported_commit():
    reports = _reports((1, "claim"), (1, "source"))
    assert check_sequence(reports, [0, 1]) == []
    assert check_sequence(reports, [0, 1, 2]) == []


def test_checker_catches_a_lost_saved_change():
    reports = _reports((1, "claim"), (1, "source"), (2, "claim"))
    assert "missing" in check_sequence(reports, [0, 1])[0]


def test_checker_catches_a_gap_and_extra_commits():
    assert "gap" in check_sequence([], [0, 2])[0]
    assert "more than one" in check_sequence(_reports((1, "claim")), [0, 1, 2])[0]
    assert "out of order" in check_sequence(_reports((1, "source")), [0, 1])[0]
