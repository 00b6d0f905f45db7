"""Matching speed on synthetic archives of 10k, 100k and 1M claims (see synth_claims.py).

Run: .venv/bin/python bench/bench_match_speed.py [--sizes 10000 100000 1000000] [--queries N]
For each size: import through the importer (timed end to end, normalisation included), then
the first query of a fresh matcher (cold), p50/p95 latency of ``Matcher.match(limit=10)``
(explanations included) over restated archive claims and fresh sentences after 5 warm-up
queries (postings load on demand), the same again after ``Matcher.warm()`` (the postings of
frequent terms loaded ahead), the first query of a fresh matcher (another connection) on the
cache the warm matcher left (shared by every Matcher of the archive file), and recall@10
against an exhaustive reference: the same scorer applied to EVERY claim sharing at least one
term with the query, keeping the top 10 at or above RELATED_THRESHOLD. A missed reference
result is counted as "outranked" when the matcher scored it but ranked it below 10 others (a
candidate lifted by containment, which the reference's ``score_candidate`` does not apply),
else as "not retrieved".
Temporary archives are deleted at the end (``--keep DIR`` keeps and reuses them).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_claims

from app.interop.importer import import_records
from app.interop.records import ReviewRecord
from app.matching import RELATED_THRESHOLD, Matcher, retrieval
from app.matching.scoring import score_candidate
from app.storage import open_archive, search


def build(path: Path, pool: list[str], size: int) -> tuple[object, float, list[str]]:
    if path.exists():  # --keep: reuse an archive built by an earlier run
        print(f"  reusing {path}", flush=True)
        return open_archive(path), 0.0, [t for t, _ in synth_claims.claims(pool, size)]
    db = open_archive(path)
    texts: list[str] = []

    def records():
        for text, lang in synth_claims.claims(pool, size):
            texts.append(text)
            yield ReviewRecord(claim_text=text, lang=lang, textual_rating="Faux")

    started = time.perf_counter()
    report = import_records(db, records(), batch_size=10_000)
    elapsed = time.perf_counter() - started
    print(f"  import: {report.imported} claims in {elapsed:.1f} s", flush=True)
    return db, elapsed, texts


def queries(pool: list[str], texts: list[str], count: int) -> list[str]:
    rng = random.Random(99)
    restated = [synth_claims.perturb(rng.choice(texts), rng) for _ in range(count * 2 // 3)]
    fresh = [text for text, _ in synth_claims.claims(pool, count - len(restated), seed=12345)]
    return restated + fresh


def reference(db, matcher: Matcher, text: str) -> list[int]:
    """Exhaustive: score every claim sharing a term with the query; top 10 shown results."""
    info = matcher.query_info(text)
    ids = [claim_id for claim_id, _ in search.ranked_ids(db, list(info.terms), 10_000_000)]
    scored = []
    for start in range(0, len(ids), 20_000):
        norms = search.norm_texts(db, ids[start : start + 20_000])
        for claim_id, (norm_text, norm_title) in norms.items():
            score = score_candidate(info, norm_text, norm_title).score
            if score >= RELATED_THRESHOLD:
                scored.append((-score, claim_id))
    return [claim_id for _, claim_id in sorted(scored)[:10]]


def timed(matcher: Matcher, batch: list[str], label: str) -> list[list[int]]:
    """Each query's result ids; prints p50/p95/max latency, wall and CPU."""
    latencies = []
    cpu = []
    results = []
    for text in batch:
        started, started_cpu = time.perf_counter(), time.process_time()
        found = matcher.match(text, limit=10)
        latencies.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - started_cpu))
        results.append([m.claim_id for m in found])
    for kind, values in (("wall", latencies), ("cpu", cpu)):
        values.sort()
        p50 = statistics.median(values)
        p95 = values[int(0.95 * (len(values) - 1))]
        print(
            f"  match {label} ({kind}): p50 {p50:.1f} ms, p95 {p95:.1f} ms,"
            f" max {values[-1]:.1f} ms ({len(batch)} queries,"
            f" load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    return results


def run_size(
    pool: list[str], size: int, count: int, ref_count: int, workdir: Path, keep: bool
) -> None:
    print(f"{size:,} claims", flush=True)
    path = workdir / f"speed-{size}.db"
    db, import_s, texts = build(path, pool, size)
    batch = queries(pool, texts, count)
    retrieval.forget_shared()  # cold: nothing loaded by an earlier size or run
    matcher = Matcher(db)
    started, started_cpu = time.perf_counter(), time.process_time()
    matcher.match(batch[0])
    print(
        f"  cold first query: {1000 * (time.perf_counter() - started):.0f} ms wall,"
        f" {1000 * (time.process_time() - started_cpu):.0f} ms CPU",
        flush=True,
    )
    for text in batch[:5]:
        matcher.match(text)
    results = timed(matcher, batch, "on demand")
    # A fresh matcher, so that the queries' own terms are not cached by the pass above.
    peak = matcher.peak_postings
    retrieval.forget_shared()  # the cache is shared by every Matcher of the file
    matcher = Matcher(db)
    started, started_cpu = time.perf_counter(), time.process_time()
    terms_loaded = matcher.warm()
    print(
        f"  warm(): {terms_loaded} terms in {time.perf_counter() - started:.1f} s wall,"
        f" {time.process_time() - started_cpu:.1f} s CPU",
        flush=True,
    )
    for text in batch[:5]:
        matcher.match(text)
    if timed(matcher, batch, "after warm()") != results:
        print("  !! results differ after warm()", flush=True)
    other_db = open_archive(path)  # as the window's next job: its own connection and Matcher
    started, started_cpu = time.perf_counter(), time.process_time()
    fresh = Matcher(other_db)
    fresh.match(batch[-1])
    print(
        f"  fresh matcher on the warm shared cache, first query:"
        f" {1000 * (time.perf_counter() - started):.0f} ms wall,"
        f" {1000 * (time.process_time() - started_cpu):.0f} ms CPU",
        flush=True,
    )
    other_db.close()
    step = max(1, len(batch) // ref_count) if ref_count > 0 else 1
    hits = wanted = outranked = 0
    for index in range(0, len(batch) if ref_count > 0 else 0, step):
        expected = reference(db, matcher, batch[index])
        wanted += len(expected)
        hits += len(set(expected) & set(results[index]))
        missed = set(expected) - set(results[index])
        if missed:
            scored = {i for _, i in matcher.rank(matcher.query_info(batch[index]))}
            outranked += len(missed & scored)
    recall = hits / wanted if wanted else 1.0
    if ref_count > 0:
        print(
            f"  recall@10 vs exhaustive: {recall:.3f} ({hits}/{wanted} results,"
            f" {len(range(0, len(batch), step))} queries; missed: {outranked} outranked,"
            f" {wanted - hits - outranked} not retrieved)",
            flush=True,
        )
    peak = max(peak, matcher.peak_postings)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  postings cache peak: {peak:,} ids ({peak * 4 / 1e6:.0f} MB); max RSS {rss:.0f} MB")
    if import_s:
        print(f"  import rate: {size / import_s:,.0f} claims/s ({import_s * 1e6 / size:.0f} s/1M)")
    db.close()
    if not keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument(
        "--reference-queries", type=int, default=50, help="0: latency only, no recall"
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep (and reuse) the archives in DIR"
    )
    args = parser.parse_args()
    pool, origin = synth_claims.sentence_pool()
    print(f"sentence pool: {len(pool):,} sentences ({origin})", flush=True)
    with tempfile.TemporaryDirectory(prefix="crible-speed-") as tmp:
        workdir = args.keep or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            run_size(pool, size, args.queries, args.reference_queries, workdir, bool(args.keep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
