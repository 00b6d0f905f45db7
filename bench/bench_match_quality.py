"""Matching quality on CheckThat! claim retrieval (MAP@5, official definition), dev splits.

Run: .venv/bin/python bench/bench_match_quality.py [--split dev|train] [--task NAME]
     [--no-context] [--semantic on|off|both]
Builds a temporary archive per collection through the importer (title + subtitle as the
review's title), ranks every query with the product's ``Matcher`` and scores the top 5.
Also: how often the "match" and "related" tiers (top 10) are right, a "match" on a twin of
the relevant claim (the same text, see ``_same_text``) counted right. 2B lines are matched
with their speaker and the debate lines around them as context (``--no-context``: without),
against the whole collection and, a second figure, against the archive as it stood
on the debate's day (claims stated later left out).
``--semantic on`` builds the archive's claim vectors (USE multilingual v3, the product's
``build_vectors``) and ranks with the hybrid matcher; ``off`` by words only; ``both`` (the
default when the model is installed) prints the two.
"""

from __future__ import annotations

import argparse
import datetime
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
from app.matching.scoring import tier_of
from app.matching.semantic import Encoder, default_encoder
from app.matching.vector_build import build_vectors
from app.storage import open_archive
from app.storage.reviews import all_reviews
from app.text.normalize import terms

URL_PREFIX = "https://bench.invalid/"
TASKS = {
    "2020-2": (checkthat.task_2020, ("dev",)),
    "2022-2A": (checkthat.task_2022a, ("dev", "dev-test")),
    "2022-2B": (checkthat.task_2022b, ("dev",)),
}
# "As of the debate": claims stated up to a day after it (PolitiFact dates a claim by the day
# it was said; a late-evening debate's claims can carry the next day's date).
AS_OF_GRACE = datetime.timedelta(days=1)


def build_archive(
    path: Path, vclaims: list[checkthat.VClaim], encoder: Encoder | None = None
) -> tuple[object, dict[int, str]]:
    built_before = path.exists()  # --workdir: imported by an earlier run
    db = open_archive(path)
    records = [
        ReviewRecord(
            claim_text=v.text,
            title=v.title,
            review_url=URL_PREFIX + v.vclaim_id,
            lang="en",
            claimant=v.speaker,
            claim_date=v.date.isoformat() if v.date else None,
        )
        for v in vclaims
    ]
    if not built_before:
        import_records(db, records, batch_size=5000)
    if encoder is not None:  # only the missing ones, when built before
        started = time.perf_counter()
        built = build_vectors(db, encoder, batch=256)
        seconds = time.perf_counter() - started
        print(f"  vectors: {built} in {seconds:.1f} s", file=sys.stderr, flush=True)
    ids = {claim.id: review.url.removeprefix(URL_PREFIX) for claim, review in all_reviews(db)}
    return db, ids


def evaluate(
    task: checkthat.Task,
    workdir: Path,
    k: int = 5,
    *,
    context: bool = True,
    as_of: bool = False,
    encoder: Encoder | None = None,
) -> dict[str, float]:
    """MAP@k and MRR; *as_of*: each query against the claims stated by its day (one archive
    per day), for tasks that date their queries."""
    days: dict[datetime.date | None, list[str]] = {}
    for query_id in task.queries:
        day = (task.dates or {}).get(query_id) if as_of else None
        days.setdefault(day, []).append(query_id)
    total_ap = 0.0
    reciprocal = 0.0
    texts = {v.vclaim_id: v.text for v in task.vclaims}
    shown = {"match": 0, "related": 0}
    right = {"match": 0, "related": 0}
    elapsed = 0.0
    for day, query_ids in days.items():
        vclaims = task.vclaims
        if day is not None:
            vclaims = [v for v in vclaims if v.date is None or v.date <= day + AS_OF_GRACE]
        stem = task.name.replace(" ", "_") + (f"-{day}" if day else "")
        suffix = "-semantic" if encoder else ""
        db, ids = build_archive(workdir / f"{stem}{suffix}.db", vclaims, encoder)
        matcher = Matcher(db, semantic=encoder if encoder is not None else False)
        started = time.perf_counter()
        for query_id in query_ids:
            speaker = (task.speakers or {}).get(query_id)
            around = (task.contexts or {}).get(query_id) if context else None
            info = matcher.query_info(task.queries[query_id], "en", context=around)
            scored = matcher.rank(info, speaker=speaker)
            ranked = [ids[claim_id] for _, claim_id in scored]
            relevant = task.qrels[query_id]
            for s, claim_id in scored[:10]:
                tier = tier_of(s.score, s.conflict)
                if tier != "none":
                    shown[tier] += 1
                    right[tier] += ids[claim_id] in relevant or _same_text(
                        texts[ids[claim_id]], [texts[r] for r in relevant if r in texts]
                    )
            total_ap += checkthat.average_precision_at(ranked, relevant, k)
            first = next((i for i, doc in enumerate(ranked, 1) if doc in relevant), None)
            reciprocal += 1.0 / first if first else 0.0
        elapsed += time.perf_counter() - started
        db.close()
    n = max(len(task.queries), 1)
    return {
        "map5": total_ap / n,
        "mrr": reciprocal / n,
        "queries": n,
        "ms": 1000 * elapsed / n,
        "match_shown": shown["match"],
        "match_precision": right["match"] / max(shown["match"], 1),
        "related_shown": shown["related"],
        "related_precision": right["related"] / max(shown["related"], 1),
    }


def _same_text(candidate: str, relevant: list[str]) -> bool:
    """The collections hold the same claim twice (a quote with ' or ", a title restated):
    a "match" on the twin of the relevant claim is right. Twins: 90 % of terms in common."""
    mine = set(terms(candidate, "en"))
    for text in relevant:
        theirs = set(terms(text, "en"))
        if mine and theirs and len(mine & theirs) >= 0.9 * max(len(mine), len(theirs)):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--task", choices=sorted(TASKS), action="append")
    parser.add_argument("--no-context", action="store_true", help="2B lines without context")
    parser.add_argument("--semantic", choices=("on", "off", "both"), default="both")
    parser.add_argument(
        "--workdir", type=Path, help="keep the archives (and vectors) here for the next run"
    )
    args = parser.parse_args()
    if not checkthat.available():
        print(f"skipped: {checkthat.BENCHMARKS} not found")
        return 0
    encoder = default_encoder() if args.semantic != "off" else None
    if args.semantic != "off" and encoder is None:
        print("semantic channel unavailable: lexical only", file=sys.stderr)
    encoders: list[Encoder | None] = []
    if args.semantic in ("off", "both"):
        encoders.append(None)
    if encoder is not None:
        encoders.append(encoder)
    with tempfile.TemporaryDirectory(prefix="crible-bench-") as tmp_dir:
        tmp = args.workdir or tmp_dir
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for name in args.task or sorted(TASKS):
            loader, splits = TASKS[name]
            for split in splits if args.split == "dev" else ("train",):
                task = loader(split)
                for as_of in (False, True) if task.dates else (False,):
                    for encoder in encoders:
                        if as_of and encoder is not None:
                            continue  # one archive per debate day: vectors for each, too slow
                        r = evaluate(
                            task,
                            Path(tmp),
                            context=not args.no_context,
                            as_of=as_of,
                            encoder=encoder,
                        )
                        label = task.name + (" as of the debate" if as_of else "")
                        label += " hybrid" if encoder else " lexical"
                        print(
                            f"{label:<42} MAP@5 {r['map5']:.3f}  MRR {r['mrr']:.3f}"
                            f"  ({r['queries']} queries, {r['ms']:.1f} ms/query)"
                            f"  match {r['match_precision']:.3f} of {r['match_shown']}"
                            f"  related {r['related_precision']:.3f} of {r['related_shown']}",
                            flush=True,
                        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
