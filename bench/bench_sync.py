"""Team sync at scale, against a throwaway PostgreSQL cluster (tests/sync/pg_cluster.py).

For each N: N synthetic fact-checks (bench_import's generator) are imported into Alice's
archive (not timed); Alice joins and pushes them (the desk's first upload); Bob, a new desk
member with an empty archive, joins and runs his first sync (target: <= 120 s at 1M); then
Alice edits 100 claims and both sync (target: <= 1 s each on loopback). ``--checkers K``:
K checkers on a small shared archive, each editing and syncing every few seconds for a while
(the issue's "ten concurrent checkers syncing every minute", compressed in time).
Run: .venv/bin/python bench/bench_sync.py [N ...] [--checkers 10] [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import keyring  # noqa: E402
from bench_import import write_records  # noqa: E402

from app.interop.importer import import_paths  # noqa: E402
from app.storage import open_archive  # noqa: E402
from app.storage.claims import update_claim  # noqa: E402
from app.storage.sync_canonical import shared_content_hash  # noqa: E402
from app.sync.engine import sync  # noqa: E402
from app.sync.team import join_team  # noqa: E402
from tests.fakes.keyring_backend import MemoryKeyring  # noqa: E402
from tests.sync.pg_cluster import Cluster, find_bin, remove_cluster, start_cluster  # noqa: E402

T = TypeVar("T")


def timed(label: str, run: Callable[[], T]) -> T:
    started, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"  {label}: {wall:7.2f} s wall, {cpu:7.2f} s CPU (this process) -> {result}", flush=True)
    return result


def new_team(cluster: Cluster, name: str, checkers: list[str]) -> None:
    cluster.admin_sql(f"CREATE DATABASE {name}", db="postgres")
    from app.sync.team import create_team

    create_team(cluster.url(db=name))
    for checker in checkers:
        cluster.add_checker(f"{checker}_{name}", "pw")


def bench_scale(cluster: Cluster, count: int, folder: Path) -> None:
    team = f"scale{count}"
    new_team(cluster, team, ["alice", "bob"])
    source = folder / f"records-{count}.jsonl"
    write_records(source, count, random.Random(count))
    alice = open_archive(folder / f"alice-{count}.db")
    import_paths(alice, [source], batch_size=10_000)
    print(f"{count} fact-checks; load average {os.getloadavg()[0]:.1f}", flush=True)
    timed(
        "Alice joins (queues every row)",
        lambda: join_team(alice, cluster.url(f"alice_{team}", "pw", team), "Alice").queued,
    )
    timed("Alice's first push", lambda: sync(alice).as_json())
    bob = open_archive(folder / f"bob-{count}.db")
    join_team(bob, cluster.url(f"bob_{team}", "pw", team), "Bob")
    timed("Bob's first sync (new desk member)", lambda: sync(bob).as_json())
    ids = [r[0] for r in alice.execute("SELECT id FROM claims ORDER BY random() LIMIT 100")]
    for n, claim_id in enumerate(ids):
        update_claim(alice, claim_id, notes=f"bench note {n}", status="checked")
    timed("Alice's incremental sync (100 changes)", lambda: sync(alice).as_json())
    timed("Bob's incremental sync (100 changes)", lambda: sync(bob).as_json())
    same = shared_content_hash(alice) == shared_content_hash(bob)
    print(f"  same shared content on both: {same}", flush=True)
    alice.close()
    bob.close()


def bench_checkers(cluster: Cluster, checkers: int, seconds: float, folder: Path) -> None:
    names = [f"c{i}" for i in range(checkers)]
    team = f"desk{checkers}"
    new_team(cluster, team, names)
    source = folder / "small.jsonl"
    write_records(source, 2_000, random.Random(1))
    first = open_archive(folder / "c0.db")
    import_paths(first, [source], batch_size=10_000)
    first.close()
    durations: list[float] = []
    lock = threading.Lock()

    def checker(index: int) -> None:
        rng = random.Random(index)
        db = open_archive(folder / f"c{index}.db")
        join_team(db, cluster.url(f"c{index}_{team}", "pw", team), f"checker {index}")
        sync(db)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ids = [r[0] for r in db.execute("SELECT id FROM claims ORDER BY random() LIMIT 5")]
            for claim_id in ids:
                update_claim(db, claim_id, notes=f"c{index} {rng.random():.6f}")
            started = time.perf_counter()
            sync(db)
            with lock:
                durations.append(time.perf_counter() - started)
            time.sleep(rng.uniform(1.0, 3.0))
        db.close()

    threads = [threading.Thread(target=checker, args=(i,)) for i in range(checkers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    hashes = set()
    for index in range(checkers):
        db = open_archive(folder / f"c{index}.db")
        sync(db)
        hashes.add(shared_content_hash(db))
        db.close()
    for index in range(checkers):  # a second round: everyone has everyone's last pushes
        db = open_archive(folder / f"c{index}.db")
        sync(db)
        hashes = hashes if index else set()
        hashes.add(shared_content_hash(db))
        db.close()
    durations.sort()
    p95 = durations[int(len(durations) * 0.95) - 1]
    print(
        f"{checkers} checkers for {seconds:.0f} s: {len(durations)} syncs, median"
        f" {statistics.median(durations):.2f} s, p95 {p95:.2f} s, max {durations[-1]:.2f} s;"
        f" all converged: {len(hashes) == 1}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--checkers", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    if find_bin() is None:
        print("skipped: PostgreSQL's initdb/pg_ctl are not installed (apt install postgresql)")
        return
    keyring.set_keyring(MemoryKeyring())
    cluster = start_cluster()
    try:
        with tempfile.TemporaryDirectory() as folder:
            for count in args.counts:
                bench_scale(cluster, count, Path(folder))
            if args.checkers:
                bench_checkers(cluster, args.checkers, args.seconds, Path(folder))
    finally:
        remove_cluster(cluster)


if __name__ == "__main__":
    main()
