"""Tune the lexical + semantic fusion (app/matching/fusion.py) on CheckThat! train or dev splits.

Run: .venv/bin/python bench/tune_fusion.py --workdir DIR [--split train|dev] [--task NAME]
Each query's lexical list and semantic neighbours are computed once; every setting of the
fusion's constants is then scored (MAP@5) on those lists, so a grid costs seconds. DIR keeps
the archives and their vectors between runs (bench_match_quality.py --workdir builds the same).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import checkthat
from bench_match_quality import TASKS, build_archive

from app.matching import Matcher, fusion
from app.matching.semantic import SemanticChannel, default_encoder
from app.storage import vectors


def lists(task: checkthat.Task, workdir: Path) -> list[tuple[set[str], list, list, dict, dict]]:
    encoder = default_encoder()
    assert encoder is not None, "the semantic model is not installed"
    # The collection is the same for every split: the dev run's archive (and vectors) serves.
    stem = task.name.split()[0] + "_dev"
    db, ids = build_archive(workdir / f"{stem}-semantic.db", task.vclaims, encoder)
    lexical = Matcher(db, semantic=False)
    channel = SemanticChannel(db, encoder)
    found = []
    for query_id, text in task.queries.items():
        info = lexical.query_info(text, "en", context=(task.contexts or {}).get(query_id))
        speaker = (task.speakers or {}).get(query_id)
        ranked = lexical.rank(info, speaker=speaker)
        near = channel.search(text, fusion.SEMANTIC_DEPTH)
        known = {i for _, i in ranked}
        extra = [n.claim_id for n in near if n.claim_id not in known]
        scored = {i: s for s, i in lexical._with_speaker(lexical._score(info, extra), speaker)}
        langs = vectors.claim_langs(db, list(known) + extra)
        found.append((task.qrels[query_id], ranked, near, scored, {"ids": ids, "langs": langs}))
    return found


def score(prepared: list[tuple[set[str], list, list, dict, dict]]) -> float:
    total = 0.0
    for relevant, ranked, near, scored, extra in prepared:
        fused = fusion.fuse(ranked, near, scored, extra["langs"], "en")
        docs = [extra["ids"][i] for _, i in fused]
        total += checkthat.average_precision_at(docs, relevant, 5)
    return total / max(len(prepared), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--split", default="train")
    parser.add_argument("--task", choices=sorted(TASKS), action="append")
    args = parser.parse_args()
    if not checkthat.available():
        print(f"skipped: {checkthat.BENCHMARKS} not found")
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    for name in args.task or sorted(TASKS):
        task = TASKS[name][0](args.split)
        cache = args.workdir / f"{name}-{args.split}-lists.pickle"
        if cache.exists():
            prepared = pickle.loads(cache.read_bytes())
        else:
            prepared = lists(task, args.workdir)
            cache.write_bytes(pickle.dumps(prepared))
        results = []
        grid = itertools.product(
            (5, 10, 20, 60), (0.0, 0.2, 0.3, 0.5), (10, 50), (0.0, 0.3, 0.5), (True, False)
        )
        for k, weight, depth, floor, tiers in grid:
            fusion.RRF_K, fusion.SEMANTIC_WEIGHT = k, weight
            fusion.COS_FLOOR, fusion.TIER_ORDER = floor, tiers
            cut = [(r, lex, near[:depth], s, e) for r, lex, near, s, e in prepared]
            results.append((score(cut), f"rrf k={k} w={weight} d={depth} f={floor} t={tiers}"))
        fusion.SEMANTIC_WEIGHT = 1.0
        for beta, floor, tiers in itertools.product(
            (0.1, 0.2, 0.3, 0.5, 0.8), (0.0, 0.3, 0.5), (True, False)
        ):
            fusion.LINEAR_BETA, fusion.COS_FLOOR, fusion.TIER_ORDER = beta, floor, tiers
            results.append((score(prepared), f"linear beta={beta} f={floor} t={tiers}"))
        fusion.LINEAR_BETA = 0.0
        results.sort(reverse=True)
        baseline = [r for r in results if " w=0.0 " in r[1]]
        print(f"{task.name:<20} lexical MAP@5 {max(baseline)[0]:.3f}", flush=True)
        for row in results[:12]:
            print(f"{task.name:<20} MAP@5 {row[0]:.3f}  {row[1]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
