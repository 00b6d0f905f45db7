"""Cross-lingual matching: a French claim finds its English fact-check (and back), and shows it.

Run: .venv/bin/python bench/bench_cross_lingual.py [--workdir DIR] [--pud N]
Two evaluations, each by words only and hybrid (the semantic channel):
- CheckThat! 2020 task 2 dev, 40 queries rendered in French by us (bench/data/
  checkthat2020_dev_fr.tsv: our own restatements of each tweet's claim, not the tweets) against
  the 10,375 English Snopes claims: MAP@5, first, and "shown" (the right claim among what
  ``Matcher.match`` returns, in the match or related tier, top 10).
- UD French PUD: N parallel sentences (French and its English source): the French sentence
  against the N English ones, and the English against the French ones: first and shown.
Skips when ../shared/benchmarks is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import checkthat
from bench_match_quality import build_archive

from app.interop.importer import import_records
from app.interop.records import ReviewRecord
from app.matching import Matcher
from app.matching.semantic import Encoder, default_encoder
from app.matching.vector_build import build_vectors
from app.storage import open_archive
from app.storage.reviews import all_reviews

FRENCH_2020 = Path(__file__).resolve().parent / "data" / "checkthat2020_dev_fr.tsv"
PUD = checkthat.BENCHMARKS / "ud-french-pud" / "fr_pud-ud-test.conllu"


def pud_pairs(limit: int) -> list[tuple[str, str]]:
    """(French, English) sentence pairs of UD French PUD, in file order."""
    pairs, french = [], None
    for line in PUD.read_text("utf-8").splitlines():
        if line.startswith("# text = "):
            french = line.removeprefix("# text = ").strip()
        elif line.startswith("# text_en = ") and french:
            pairs.append((french, line.removeprefix("# text_en = ").strip()))
            french = None
    return pairs[:limit]


def judge(matcher: Matcher, queries: list[tuple[str, str, set[int]]]) -> dict[str, float]:
    """(text, lang, relevant claim ids) → MAP@5, first (top-1 right), shown, ms per query."""
    ap = first = shown = 0.0
    started = time.perf_counter()
    for text, lang, relevant in queries:
        ranked = [i for _, i in matcher.rank(matcher.query_info(text, lang))]
        ap += checkthat.average_precision_at(ranked, relevant, 5)
        first += bool(ranked) and ranked[0] in relevant
        shown += any(m.claim_id in relevant for m in matcher.match(text, lang=lang, limit=10))
    n = max(len(queries), 1)
    ms = 1000 * (time.perf_counter() - started) / n
    return {"map5": ap / n, "first": first / n, "shown": shown / n, "ms": ms, "n": n}


def line(label: str, r: dict[str, float]) -> str:
    return (
        f"{label:<44} MAP@5 {r['map5']:.3f}  first {r['first']:.3f}  shown {r['shown']:.3f}"
        f"  ({r['n']} queries, {r['ms']:.0f} ms/query incl. match())"
    )


def french_2020(workdir: Path, encoder: Encoder) -> None:
    task = checkthat.task_2020("dev")
    db, ids = build_archive(workdir / "2020-2_dev-semantic.db", task.vclaims, encoder)
    by_vclaim = {v: i for i, v in ids.items()}
    with FRENCH_2020.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    queries = [
        (row["text"], "fr", {by_vclaim[v] for v in task.qrels[row["query_id"]]}) for row in rows
    ]
    for label, semantic in (("words only", False), ("hybrid", encoder)):
        print(line(f"2020 dev FR→EN {label}", judge(Matcher(db, semantic=semantic), queries)))
    db.close()


def pud(workdir: Path, encoder: Encoder, limit: int) -> None:
    pairs = pud_pairs(limit)
    for side, other, lang, query_lang in ((1, 0, "en", "fr"), (0, 1, "fr", "en")):
        path = workdir / f"pud-{lang}-{limit}.db"
        db = open_archive(path)
        if not any(all_reviews(db)):
            url = "https://bench.invalid/pud/"
            records = [
                ReviewRecord(claim_text=p[side], review_url=f"{url}{k}", lang=lang)
                for k, p in enumerate(pairs)
            ]
            import_records(db, records)
        ids = {int(r.url.rsplit("/", 1)[1]): c.id for c, r in all_reviews(db)}
        build_vectors(db, encoder)
        queries = [(p[other], query_lang, {ids[k]}) for k, p in enumerate(pairs)]
        for label, semantic in (("words only", False), ("hybrid", encoder)):
            found = judge(Matcher(db, semantic=semantic), queries)
            print(line(f"PUD {query_lang.upper()}→{lang.upper()} {label}", found))
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--pud", type=int, default=300, metavar="N", help="PUD sentence pairs")
    args = parser.parse_args()
    if not checkthat.available():
        print(f"skipped: {checkthat.BENCHMARKS} not found")
        return 0
    encoder = default_encoder()
    if encoder is None:
        print("skipped: the semantic model is not installed (crible[semantic])")
        return 0
    with tempfile.TemporaryDirectory(prefix="crible-xling-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        french_2020(workdir, encoder)
        pud(workdir, encoder, args.pud)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
