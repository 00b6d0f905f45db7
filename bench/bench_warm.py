"""The shared, warmed matcher cache: the window's articles and batches on a large archive.

Run: nice -n 5 .venv/bin/python bench/bench_warm.py --keep DIR [--sizes 100000 1000000]
Reuses (or builds, through bench_match_speed.build) DIR/speed-<size>.db. For each size, each
phase from a cold shared cache (``retrieval.forget_shared``; the OS page cache stays warm):

- window: the window's matching job (``ui.jobs.match_claims``, in a worker thread with its own
  connection, as ``TaskRunner`` runs it) on a first article of ARTICLE claims (cold), then on a
  second article (a) with nothing else running, (b) while the window's warm-up
  (``ui.jobs.warm_matcher``) runs in another thread, started just before, (c) once the warm-up
  is over; and the warm-up's own cost;
- batch: the CPU of N queries in one matcher loading postings on demand, against ``warm()``
  then the same N queries, and against warming after BATCH_WARM_AFTER queries (what
  ``crible match --batch`` does on a large archive): where warming starts to pay.

Wall time and CPU (the process's, both threads; the job thread's own in brackets), load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_match_speed
import synth_claims

from app.matching import Matcher, retrieval
from app.matching import matcher as matcher_module
from app.storage import open_archive
from app.workflows.matching import ClaimQuery
from ui import jobs

ARTICLE = 15


class _Progress:
    cancelled = False

    def report(self, done: int, total: int, message: str = "") -> None:
        pass


def _article(pool: list[str], seed: int) -> list[ClaimQuery]:
    """Claims not stored anywhere: matched as queries (``ClaimQuery`` without a claim id)."""
    drawn = synth_claims.claims(pool, ARTICLE, seed)
    return [ClaimQuery(None, text, None) for text, _ in drawn]


def _job(path: Path, claims: list[ClaimQuery]) -> tuple[float, float, float]:
    """(wall s, process CPU s, job thread CPU s) of the window's matching job in a thread."""
    out: list[float] = []

    def run() -> None:
        db = open_archive(path)
        began_thread = time.thread_time()
        jobs.match_claims(db, _Progress(), claims, None)
        out.append(time.thread_time() - began_thread)
        db.close()

    began, began_cpu = time.perf_counter(), time.process_time()
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return time.perf_counter() - began, time.process_time() - began_cpu, out[0]


def _show(label: str, figures: tuple[float, float, float]) -> None:
    wall, cpu, own = figures
    print(
        f"  {label}: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU ({own * 1000:.0f} ms in"
        f" the job's thread), load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def _warm_in_thread(path: Path) -> tuple[threading.Thread, list[float]]:
    spent: list[float] = []

    def run() -> None:
        db = open_archive(path)
        began, began_thread = time.perf_counter(), time.thread_time()
        jobs.warm_matcher(db, _Progress())
        spent.extend((time.perf_counter() - began, time.thread_time() - began_thread))
        db.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, spent


def window(pool: list[str], path: Path) -> None:
    first, second = _article(pool, 501), _article(pool, 502)
    retrieval.forget_shared()
    _show("first article, cold", _job(path, first))
    _show("second article, nothing else running", _job(path, second))
    retrieval.forget_shared()
    _job(path, first)
    warm, spent = _warm_in_thread(path)
    time.sleep(0.05)
    _show("second article, the warm-up running", _job(path, second))
    warm.join()
    print(f"  the warm-up: {spent[0]:.1f} s wall, {spent[1]:.1f} s CPU in its thread", flush=True)
    _show("second article, after the warm-up", _job(path, second))
    _show("third article, after the warm-up", _job(path, _article(pool, 503)))
    retrieval.forget_shared()
    warm, spent = _warm_in_thread(path)
    warm.join()
    print(f"  the warm-up alone, cold: {spent[0]:.1f} s wall, {spent[1]:.1f} s CPU", flush=True)
    _show("first article after a warm-up alone", _job(path, first))


def batch(pool: list[str], path: Path, size: int, count: int) -> None:
    texts = [t for t, _ in synth_claims.claims(pool, min(size, 20_000))]
    queries = bench_match_speed.queries(pool, texts, count)
    marks = [n for n in (1, 10, 25, 50, 100, 200, 400, 800) if n <= count]
    db = open_archive(path)
    modes = ("on demand", "warm() first", f"warm after {matcher_module.BATCH_WARM_AFTER}")
    for label in modes:
        retrieval.forget_shared()
        began, began_cpu = time.perf_counter(), time.process_time()
        matcher = Matcher(db)
        if label == modes[1]:
            matcher.warm()
        line = []
        for n, text in enumerate(queries, 1):
            if label == modes[2] and n - 1 == matcher_module.BATCH_WARM_AFTER:
                matcher.warm()  # as warm_for_batch does (whatever the archive's size)
            matcher.match(text, limit=10)
            if n in marks:
                wall, cpu = time.perf_counter() - began, time.process_time() - began_cpu
                line.append(f"{n}: {cpu:.1f}/{wall:.1f}")
        print(
            f"  batch {label}, cumulative s CPU/wall after N queries (matcher built included):"
            f" {', '.join(line)} (load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--keep", type=Path, metavar="DIR", required=True)
    parser.add_argument("--only", choices=["window", "batch"])
    args = parser.parse_args()
    pool, origin = synth_claims.sentence_pool()
    print(f"sentence pool: {len(pool):,} sentences ({origin})", flush=True)
    args.keep.mkdir(parents=True, exist_ok=True)
    # Language data loads once per process (~1.5 s): not what is measured.
    from app.text.normalize import terms

    terms("les états unis", "fr"), terms("the united states", "en")
    for size in args.sizes:
        path = args.keep / f"speed-{size}.db"
        if not path.exists():
            bench_match_speed.build(path, pool, size)[0].close()
        print(f"{size:,} claims ({path})", flush=True)
        if args.only in (None, "window"):
            window(pool, path)
        if args.only in (None, "batch"):
            batch(pool, path, size, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
