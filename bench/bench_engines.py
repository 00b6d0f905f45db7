"""Crible against tantivy, bm25s and SQLite FTS5 on the same archive and queries, in one process.

Run: .venv/bin/python bench/bench_engines.py [--archive FILE | --size N] [--queries 150]
     [--engines crible tantivy bm25s fts5] [--workdir DIR]
An existing archive (``--archive``, e.g. one kept by ``bench_match_speed.py --keep``) is used as
it is; else one of ``--size`` synthetic claims is built in the work directory (see
synth_claims.py; the shared sentences when ``../shared`` is there, a Zipf generator when not).
Every engine indexes the archive's normalised text and title (Crible's terms: tantivy with its
whitespace tokenizer and term frequencies, bm25s from the same token lists), and every query is
analysed once by Crible's normaliser, so all engines get the same terms. Queries: two thirds
restated archive claims (a dropped word, two swapped, a typo, case: ``synth_claims.perturb``),
one third new sentences.

Printed per engine: the index build (CPU, size), the first query of a fresh process (a child
process: the engine's open and first query, CPU and wall, and the child's whole CPU with its
imports), warm latency p50/p95 (CPU and wall, after 5 warm-up queries; Crible's is
``Matcher.match(limit=10)`` end to end, rows and explanations included, and its first stage
``Retriever.best`` apart), perturbed recall@10 (the restated claim among the first 10), and
ratios to tantivy. tantivy and bm25s are optional (``pip install tantivy bm25s``): an engine
whose package is missing is skipped with a line saying so. CPU time is the steadier figure on a
shared machine; the load average is printed with each line.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth_claims  # noqa: E402

from app.interop.importer import import_records  # noqa: E402
from app.interop.records import ReviewRecord  # noqa: E402
from app.matching import Matcher, retrieval  # noqa: E402
from app.matching.scoring import idf  # noqa: E402
from app.storage import open_archive, search  # noqa: E402
from app.text.normalize import pick_lang, terms  # noqa: E402

K = 10


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def build_archive(path: Path, size: int) -> None:
    pool, origin = synth_claims.sentence_pool()
    print(f"building {size:,} synthetic claims ({origin}) in {path}", flush=True)
    db = open_archive(path)
    records = (
        ReviewRecord(claim_text=text, lang=lang, textual_rating="Faux")
        for text, lang in synth_claims.claims(pool, size)
    )
    started = time.perf_counter()
    report = import_records(db, records, batch_size=10_000)
    print(f"  import: {report.imported:,} claims in {time.perf_counter() - started:.1f} s")
    db.close()


def archive_rows(db) -> tuple[list[int], list[str]]:
    """(claim ids, 'norm_text norm_title') of every claim, in id order."""
    ids: list[int] = []
    texts: list[str] = []
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, norm_text, norm_title FROM claims WHERE id > ? ORDER BY id LIMIT 50000",
            [last],
        ).fetchall()
        if not rows:
            return ids, texts
        for claim_id, text, title in rows:
            ids.append(claim_id)
            texts.append(f"{text} {title}".strip())
        last = rows[-1][0]


def make_queries(db, count: int) -> list[tuple[str, int | None]]:
    """(query text, the claim it restates or None) — restated claims first."""
    rng = random.Random(99)
    top = int(db.execute("SELECT max(id) FROM claims").fetchone()[0])
    restated: list[tuple[str, int | None]] = []
    while len(restated) < count * 2 // 3:
        claim_id = rng.randint(1, top)
        row = db.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row and len(row[0].split()) >= 6:
            restated.append((synth_claims.perturb(row[0], rng), claim_id))
    pool, _ = synth_claims.sentence_pool()
    fresh = [(t, None) for t, _ in synth_claims.claims(pool, count - len(restated), seed=12345)]
    return restated + fresh


def timed(run: Callable[[str, list[str]], list[int]], queries, analysed) -> dict[str, float]:
    for (text, _), found in list(zip(queries, analysed, strict=True))[:5]:
        run(text, found)
    wall: list[float] = []
    cpu: list[float] = []
    hits = wanted = 0
    for (text, source), query_terms in zip(queries, analysed, strict=True):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = run(text, query_terms)
        wall.append(1000 * (time.perf_counter() - started))
        cpu.append(1000 * (time.process_time() - started_cpu))
        if source is not None:
            wanted += 1
            hits += source in found[:K]
    wall.sort()
    cpu.sort()
    return {
        "p50": statistics.median(cpu),
        "p95": cpu[int(0.95 * (len(cpu) - 1))],
        "p50_wall": statistics.median(wall),
        "p95_wall": wall[int(0.95 * (len(wall) - 1))],
        "recall": hits / wanted if wanted else float("nan"),
    }


def report(name: str, result: dict[str, float], base: dict[str, float] | None) -> None:
    ratio = ""
    if base:
        ratio = f"  ({result['p50'] / base['p50']:.1f}× tantivy's p50 CPU)"
    print(
        f"  {name:<22} p50 {result['p50']:6.2f} ms CPU / {result['p50_wall']:6.2f} wall,"
        f" p95 {result['p95']:6.2f} / {result['p95_wall']:6.2f};"
        f" perturbed recall@10 {result['recall']:.3f}{ratio}  [{load()}]",
        flush=True,
    )


def cpu_of(run: Callable[[], object]) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.process_time()
    run()
    return time.process_time() - started_cpu, time.perf_counter() - started


def fresh_process(code: str, *args: str) -> str:
    """Run *code* in a child Python; its last line of output."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if out.returncode:
        return f"failed: {out.stderr.strip().splitlines()[-1] if out.stderr else out.returncode}"
    return out.stdout.strip().splitlines()[-1]


FRESH_CRIBLE = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.process_time()
from app.storage import open_archive
from app.matching import Matcher
from app.text.normalize import terms
from app.matching.places import gazetteer
t1 = time.process_time()
terms("Le président a dit", "fr"); terms("The president said", "en"); gazetteer()
t2, w2 = time.process_time(), time.perf_counter()
found = Matcher(open_archive(sys.argv[2])).match(sys.argv[3], limit=10)
t3, w3 = time.process_time(), time.perf_counter()
print(f"open + first query {1000 * (t3 - t2):.0f} ms CPU / {1000 * (w3 - w2):.0f} ms wall"
      f" (before it: imports {t1 - t0:.2f} s, normaliser start {t2 - t1:.2f} s CPU;"
      f" whole child {resource.getrusage(resource.RUSAGE_SELF).ru_utime:.2f} s user)")
"""

FRESH_TANTIVY = """
import resource, sys, time
t0 = time.process_time()
import tantivy
t1, w1 = time.process_time(), time.perf_counter()
index = tantivy.Index.open(sys.argv[1])
schema = index.schema
query = tantivy.Query.boolean_query([
    (tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", t)) for t in sys.argv[2:]])
searcher = index.searcher()
hits = searcher.search(query, 10).hits
ids = [searcher.doc(a)["id"][0] for _, a in hits]
t2, w2 = time.process_time(), time.perf_counter()
print(f"open + first query {1000 * (t2 - t1):.0f} ms CPU / {1000 * (w2 - w1):.0f} ms wall"
      f" (import {t1 - t0:.2f} s CPU;"
      f" whole child {resource.getrusage(resource.RUSAGE_SELF).ru_utime:.2f} s user)")
"""


def run_crible(db, path: Path, queries, analysed, results) -> None:
    retrieval.forget_shared()
    matcher = Matcher(db)
    file_cpu, file_wall = cpu_of(matcher.warm)
    index_path = Path(str(path) + ".crible-index")
    size = index_path.stat().st_size / 1e6 if index_path.exists() else 0.0
    print(
        f"  crible index file: {size:.0f} MB, ready in {file_cpu:.1f} s CPU / {file_wall:.1f} s"
        " wall (written now, or found fresh)",
        flush=True,
    )
    text = queries[-1][0]
    print("  crible fresh process: " + fresh_process(FRESH_CRIBLE, str(ROOT), str(path), text))

    def full(text: str, _terms: list[str]) -> list[int]:
        return [m.claim_id for m in matcher.match(text, limit=K)]

    retriever = matcher._retriever
    total = max(matcher.size, 1)

    def first_stage(_text: str, query_terms: list[str]) -> list[int]:
        weights = {t: idf(retriever.doc_freq(t), total) for t in dict.fromkeys(query_terms)}
        return retriever.best(weights, retriever.stats()[1], K)

    results["crible"] = timed(full, queries, analysed)
    results["crible first stage"] = timed(first_stage, queries, analysed)


def run_tantivy(ids, texts, workdir: Path, queries, analysed, results) -> None:
    try:
        import tantivy
    except ImportError:
        print("  tantivy: not installed (pip install tantivy), skipped")
        return
    where = workdir / "tantivy"
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True)
    builder.add_text_field("text", tokenizer_name="whitespace", index_option="freq")
    schema = builder.build()

    def build() -> None:
        index = tantivy.Index(schema, path=str(where))
        writer = index.writer(heap_size=200_000_000, num_threads=1)
        for claim_id, text in zip(ids, texts, strict=True):
            writer.add_document(tantivy.Document(id=claim_id, text=text))
        writer.commit()
        writer.wait_merging_threads()

    build_cpu, build_wall = cpu_of(build)
    size = sum(f.stat().st_size for f in where.iterdir()) / 1e6
    print(f"  tantivy build: {build_cpu:.1f} s CPU / {build_wall:.1f} s wall, {size:.0f} MB")
    print("  tantivy fresh process: " + fresh_process(FRESH_TANTIVY, str(where), *analysed[-1]))
    index = tantivy.Index.open(str(where))
    searcher = index.searcher()

    def run(_text: str, query_terms: list[str]) -> list[int]:
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", t))
                for t in dict.fromkeys(query_terms)
            ]
        )
        hits = searcher.search(query, K).hits
        return [searcher.doc(address)["id"][0] for _, address in hits]

    results["tantivy"] = timed(run, queries, analysed)


def run_bm25s(ids, texts, queries, analysed, results) -> None:
    try:
        import bm25s
    except ImportError:
        print("  bm25s: not installed (pip install bm25s), skipped")
        return
    engine = bm25s.BM25()
    build_cpu, build_wall = cpu_of(
        lambda: engine.index([t.split() for t in texts], show_progress=False)
    )
    print(f"  bm25s build: {build_cpu:.1f} s CPU / {build_wall:.1f} s wall (in memory)")

    def run(_text: str, query_terms: list[str]) -> list[int]:
        known = [t for t in dict.fromkeys(query_terms) if t in engine.vocab_dict]
        if not known:
            return []
        docs, _ = engine.retrieve([known], k=K, show_progress=False, n_threads=1)
        return [ids[int(d)] for d in docs[0]]

    results["bm25s"] = timed(run, queries, analysed)


def run_fts5(db, queries, analysed, results) -> None:
    def run(_text: str, query_terms: list[str]) -> list[int]:
        return [claim_id for claim_id, _ in search.ranked_ids(db, query_terms, K)]

    results["fts5 bm25()"] = timed(run, queries[:30], analysed[:30])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="an existing archive (used as it is)")
    parser.add_argument("--size", type=int, default=100_000, help="else build this many claims")
    parser.add_argument("--queries", type=int, default=150)
    parser.add_argument("--engines", nargs="+", default=["crible", "tantivy", "bm25s", "fts5"])
    parser.add_argument("--workdir", type=Path, help="where indexes go (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crible-engines-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        path = args.archive or workdir / f"engines-{args.size}.db"
        if not path.exists():
            if args.archive:
                print(f"{path}: no such archive")
                return 2
            build_archive(path, args.size)
        db = open_archive(path)
        claims = search.claim_count(db)
        print(f"{claims:,} claims in {path} [{load()}]", flush=True)
        queries = make_queries(db, args.queries)
        analysed = [terms(text, pick_lang(text, None)) for text, _ in queries]
        ids, texts = archive_rows(db) if {"tantivy", "bm25s"} & set(args.engines) else ([], [])
        results: dict[str, dict[str, float]] = {}
        if "crible" in args.engines:
            run_crible(db, path, queries, analysed, results)
        if "tantivy" in args.engines:
            run_tantivy(ids, texts, workdir, queries, analysed, results)
        if "bm25s" in args.engines:
            run_bm25s(ids, texts, queries, analysed, results)
        if "fts5" in args.engines:
            run_fts5(db, queries, analysed, results)
        base = results.get("tantivy")
        print(f"warm queries ({len(queries)}; FTS5 the first 30), CPU and wall:")
        for name, result in results.items():
            report(name, result, base if name != "tantivy" else None)
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
