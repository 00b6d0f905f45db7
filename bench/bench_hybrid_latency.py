"""Latency of the hybrid matcher (words + semantic channel) on a synthetic archive of N claims.

Run: .venv/bin/python bench/bench_hybrid_latency.py [--size 100000] [--queries 40] [--keep DIR]
The archive is bench_match_speed's (synth_claims.py, through the importer). Encoding 100k
claims with the real model takes longer than this benchmark should (see BENCHMARKS for the
build rate measured on CheckThat!), so every claim gets a vector drawn at random around the
real model's encoding of one of 2,000 pool sentences: the search cost (sign bits, rescoring)
is that of real int8 vectors, and the query is encoded by the real model. Prints p50/p95 of
``Matcher.match(limit=10)`` warm, words only and hybrid, and the archive's size with and
without the vectors.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth_claims
from bench_match_speed import build, queries

from app.matching import Matcher
from app.matching.semantic import default_encoder, to_int8
from app.storage import vectors


def fill_vectors(db, encoder, size: int, pool: list[str]) -> float:
    rng = np.random.default_rng(5)
    seeds = encoder.encode(pool[:2000])
    started = time.perf_counter()
    ids = [row[0] for row in vectors.claims_without_vectors(db, encoder.name, size + 1)]
    for start in range(0, len(ids), 20_000):
        chunk = ids[start : start + 20_000]
        rows = seeds[rng.integers(0, len(seeds), len(chunk))]
        rows = rows + 0.02 * rng.standard_normal(rows.shape).astype(np.float32)
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        vectors.store_vectors(db, encoder.name, list(zip(chunk, to_int8(rows), strict=True)))
    return time.perf_counter() - started


def timed(matcher: Matcher, batch: list[str]) -> tuple[float, float]:
    for text in batch[:5]:
        matcher.match(text, limit=10)
    times = []
    for text in batch:
        started = time.perf_counter()
        matcher.match(text, limit=10)
        times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    encoder = default_encoder()
    if encoder is None:
        print("skipped: the semantic model is not installed (crible[semantic])")
        return 0
    pool, origin = synth_claims.sentence_pool()
    print(f"pool: {len(pool)} sentences ({origin})")
    with tempfile.TemporaryDirectory(prefix="crible-hybrid-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"hybrid-{args.size}.db"
        db, _, texts = build(path, pool, args.size)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = os.path.getsize(path)
        seconds = fill_vectors(db, encoder, args.size, pool)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        after = os.path.getsize(path)
        held = vectors.vectors_marker(db, encoder.name)[0]
        print(f"  vectors stored: {held} in {seconds:.1f} s (random, see the docstring)")
        print(f"  archive: {before / 1e6:.1f} MB words only, {after / 1e6:.1f} MB with vectors")
        batch = queries(pool, texts, args.queries)
        for label, semantic in (("words only", False), ("hybrid", encoder)):
            p50, p95 = timed(Matcher(db, semantic=semantic), batch)
            print(f"  {label:<10} p50 {p50:.1f} ms  p95 {p95:.1f} ms  ({len(batch)} queries)")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
