"""Long fuzz run: the CI fuzz suite (tests/fuzz) with a bigger hypothesis profile.

    .venv/bin/python bench/bench_fuzz.py [long|ci|dev]

"long" runs ten times the CI inputs (about 106,000) with fresh random seeds each time; "ci" is
exactly what CI runs. Prints the inputs per target and the wall time; exits 1 on any failure.
Needs no benchmark data, so it never skips.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    profile = sys.argv[1] if len(sys.argv) > 1 else "long"
    with tempfile.TemporaryDirectory(prefix="crible-fuzz-") as folder:
        counts_file = Path(folder) / "counts.json"
        env = {
            **os.environ,
            "CRIBLE_FUZZ_PROFILE": profile,
            "CRIBLE_FUZZ_COUNTS": str(counts_file),
            "QT_QPA_PLATFORM": "offscreen",
        }
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/fuzz", "-q", "-p", "no:cacheprovider"],
            cwd=str(ROOT),
            env=env,
        )
        elapsed = time.perf_counter() - started
        counts = json.loads(counts_file.read_text()) if counts_file.exists() else {}
    print(f"profile: {profile}; wall time {elapsed:.0f} s; pytest exit {done.returncode}")
    print(f"inputs: {sum(counts.values())} in total: {json.dumps(counts, sort_keys=True)}")
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
