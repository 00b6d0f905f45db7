"""Import speed: N synthetic fact-checks (JSONL of plain claims) through ``import_paths``.

The records are generated (no shared data needed): French and English sentences drawn from a
Zipf-distributed vocabulary of real words from the seeds plus 40k invented ones, with numbers,
so the normaliser meets a realistic mix of known and unknown words. Generation is not timed.
Run: .venv/bin/python bench/bench_import.py [N ...] [--workers K]   (default: 10000 100000
1000000; workers: import_paths' own choice, 0 = all in one process). CPU time includes the
worker processes'.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.interop.importer import ImportReport, import_paths  # noqa: E402
from app.storage import open_archive  # noqa: E402

SYLLABLES = [
    "ca",
    "ra",
    "vo",
    "lu",
    "mi",
    "to",
    "pe",
    "sa",
    "de",
    "ne",
    "ri",
    "go",
    "ba",
    "li",
    "ta",
    "mo",
    "su",
    "ve",
    "ni",
    "co",
    "ar",
    "en",
    "ol",
    "is",
]


def vocabulary(rng: random.Random) -> list[str]:
    seed_text = " ".join(p.read_text("utf-8") for p in (ROOT / "seeds").glob("*.json*"))
    real = sorted(set(re.findall(r"[^\W\d_]{3,}", seed_text)))
    rng.shuffle(real)
    invented = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(40_000)
    }
    return real + sorted(invented)


def write_records(path: Path, count: int, rng: random.Random) -> None:
    words = vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            text = rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 24))
            text.insert(rng.randint(0, len(text)), str(rng.randint(1, 5000)))
            record = {
                "text": " ".join(text).capitalize() + ".",
                "title": " ".join(text[:7]),
                "verdict": rng.choice(("Faux", "Vrai", "Trompeur", "False", "Mostly false")),
                "url": f"https://bench.example.org/checks/{n}",
                "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "language": rng.choice(("fr", "en")),
                "publisher": f"Desk {n % 50}",
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def cpu_seconds() -> tuple[float, float]:
    """CPU of this process, and of its finished children (the import's worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


def timed(run: Callable[[], ImportReport]) -> tuple[ImportReport, str]:
    started, (main_cpu, workers_cpu) = time.perf_counter(), cpu_seconds()
    report = run()
    elapsed = time.perf_counter() - started
    main_after, workers_after = cpu_seconds()
    main_cpu, workers_cpu = main_after - main_cpu, workers_after - workers_cpu
    return report, (
        f"{elapsed:6.1f} s wall, {main_cpu + workers_cpu:6.1f} s CPU "
        f"({main_cpu:.1f} main + {workers_cpu:.1f} workers)"
    )


def bench(count: int, folder: Path, workers: int | None) -> None:
    source = folder / f"records-{count}.jsonl"
    write_records(source, count, random.Random(count))
    db = open_archive(folder / f"archive-{count}-{workers}.db")
    report, first = timed(lambda: import_paths(db, [source], batch_size=10_000, workers=workers))
    second, again = timed(lambda: import_paths(db, [source], batch_size=10_000, workers=workers))
    db.close()
    assert report.imported == count and second.skipped == count, (report, second)
    # Wall time depends on what else runs on the machine: CPU time and the load say how much.
    print(
        f"{count:>9} records, workers {'auto' if workers is None else workers}: import {first}; "
        f"re-import (all duplicates) {again}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: import_paths picks)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for count in args.counts:
            bench(count, Path(folder), args.workers)


if __name__ == "__main__":
    main()
