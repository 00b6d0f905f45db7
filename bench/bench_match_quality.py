"""Matching quality on CheckThat! claim retrieval (MAP@5, official definition), dev splits.

Run: .venv/bin/python bench/bench_match_quality.py [--split dev|train] [--task NAME]
Builds a temporary archive per collection through the importer (title + subtitle as the
review's title), ranks every query with the product's ``Matcher`` and scores the top 5.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import checkthat

from app.interop.importer import import_records
from app.interop.records import ReviewRecord
from app.matching import Matcher
from app.storage import open_archive
from app.storage.reviews import all_reviews

URL_PREFIX = "https://bench.invalid/"
TASKS = {
    "2020-2": (checkthat.task_2020, ("dev",)),
    "2022-2A": (checkthat.task_2022a, ("dev", "dev-test")),
    "2022-2B": (checkthat.task_2022b, ("dev",)),
}


def build_archive(path: Path, vclaims: list[checkthat.VClaim]) -> tuple[object, dict[int, str]]:
    db = open_archive(path)
    records = [
        ReviewRecord(
            claim_text=v.text,
            title=v.title,
            review_url=URL_PREFIX + v.vclaim_id,
            lang="en",
            claimant=v.speaker,
        )
        for v in vclaims
    ]
    import_records(db, records, batch_size=5000)
    ids = {claim.id: review.url.removeprefix(URL_PREFIX) for claim, review in all_reviews(db)}
    return db, ids


def evaluate(task: checkthat.Task, workdir: Path, k: int = 5) -> dict[str, float]:
    db, ids = build_archive(workdir / f"{task.name.replace(' ', '_')}.db", task.vclaims)
    matcher = Matcher(db)
    total_ap = 0.0
    reciprocal = 0.0
    started = time.perf_counter()
    for query_id, text in task.queries.items():
        speaker = (task.speakers or {}).get(query_id)
        info = matcher.query_info(text, "en")
        ranked = [ids[claim_id] for _, claim_id in matcher.rank(info, speaker=speaker)]
        relevant = task.qrels[query_id]
        total_ap += checkthat.average_precision_at(ranked, relevant, k)
        first = next((i for i, doc in enumerate(ranked, 1) if doc in relevant), None)
        reciprocal += 1.0 / first if first else 0.0
    elapsed = time.perf_counter() - started
    db.close()
    n = max(len(task.queries), 1)
    return {"map5": total_ap / n, "mrr": reciprocal / n, "queries": n, "ms": 1000 * elapsed / n}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--task", choices=sorted(TASKS), action="append")
    args = parser.parse_args()
    if not checkthat.available():
        print(f"skipped: {checkthat.BENCHMARKS} not found")
        return 0
    with tempfile.TemporaryDirectory(prefix="crible-bench-") as tmp:
        for name in args.task or sorted(TASKS):
            loader, splits = TASKS[name]
            for split in splits if args.split == "dev" else ("train",):
                task = loader(split)
                r = evaluate(task, Path(tmp))
                print(
                    f"{task.name:<18} MAP@5 {r['map5']:.3f}  MRR {r['mrr']:.3f}"
                    f"  ({r['queries']} queries, {r['ms']:.1f} ms/query)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
