"""Tune the lexical + semantic fusion (app/matching/fusion.py) on CheckThat! train or dev splits.

Run: .venv/bin/python bench/tune_fusion.py --workdir DIR [--split train|dev] [--task NAME]
Each query's lexical list and semantic neighbours are computed once; every setting of the
fusion's constants is then scored (MAP@5) on those lists, so a grid costs seconds. DIR keeps
the archives and their vectors between runs (bench_match_quality.py --workdir builds the same).
"""

from __future__ import annotations

import argparse
import itertools
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
        prepared = lists(task, args.workdir)
        results = []
        for k, weight, depth in itertools.product(
            (5, 10, 20, 40, 60), (0.5, 0.7, 1.0, 1.4), (10, 20, 50)
        ):
            fusion.RRF_K, fusion.SEMANTIC_WEIGHT = k, weight
            cut = [(r, lex, near[:depth], s, e) for r, lex, near, s, e in prepared]
            results.append((score(cut), k, weight, depth))
        results.sort(reverse=True)
        for row in results[:8]:
            print(
                f"{task.name:<20} MAP@5 {row[0]:.3f}  RRF_K {row[1]}"
                f"  weight {row[2]}  depth {row[3]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
