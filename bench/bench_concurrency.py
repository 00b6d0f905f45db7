"""Long concurrency run: two `crible import`s and a `crible edit --batch` at once, many times.

    .venv/bin/python bench/bench_concurrency.py [TRIALS] [RECORDS] [BATCH_SIZE]

Each trial starts the three real processes together on a fresh copy of the crash harness's
template archive (tests/reliability/concurrency.py) and checks that all three finished, with
every record and every edit in and the archive sound. Prints the counts recorded in
docs/RELIABILITY.md; exits 1 if any trial lost anything. Needs no benchmark data.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.concurrency import EDIT_LINES, race  # noqa: E402
from tests.reliability.crash_process import make_templates  # noqa: E402


def main() -> int:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    records = int(sys.argv[2]) if len(sys.argv) > 2 else 30_000
    batch_size = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    failures, seconds = [], []
    with tempfile.TemporaryDirectory(prefix="crible-race-") as folder:
        template = make_templates(Path(folder) / "template")["template"]
        for trial in range(trials):
            result = race(
                Path(folder) / "work", template, trial, records=records, batch_size=batch_size
            )
            seconds.append(result.seconds)
            if result.problems:
                failures.append((trial, result.problems))
            print(
                f"trial {trial}: {result.seconds:.1f} s, {result.reviews} reviews, "
                f"{result.edits_found}/{EDIT_LINES} edits, problems {result.problems}"
            )
            (Path(folder) / "work" / f"race-{trial}.db").unlink()
    print(
        f"trials: {trials}, each 2 x {records} records (batches of {batch_size}) "
        f"+ {EDIT_LINES} edits; {time.strftime('%Y-%m-%d')}"
    )
    print(f"wall time per trial: min {min(seconds):.1f} s, max {max(seconds):.1f} s")
    print(f"trials with a problem: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
