"""Long crash-safety run: the CI harness (tests/reliability/crash_harness.py) with more trials.

    .venv/bin/python bench/bench_crash.py [TRIALS] [WORKERS] [SEED]

Prints the counts recorded in docs/RELIABILITY.md; exits 1 if any trial lost or tore data.
Needs no benchmark data, so it never skips.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.crash_harness import LONG_MIX, run_trials  # noqa: E402


def main() -> int:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crible-crash-") as folder:
        summary = run_trials(Path(folder), trials, workers=workers, seed=seed, mix=LONG_MIX)
        elapsed = time.perf_counter() - started
        print(f"trials: {summary.trials} ({workers} at a time, seed {seed}) in {elapsed:.0f} s")
        print(f"killed mid-run: {summary.killed}")
        print(f"by kind: {summary.by_kind}")
        print(f"changes reported saved: {summary.reported_saved}")
        print(f"changes found after the kills: {summary.found_after_kill}")
        print(f"trials with a problem: {len(summary.failures)}")
        for failure in summary.failures[:20]:
            print(f"  {failure.kind} seed {failure.seed}: {failure.problems}")
    return 1 if summary.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
