"""CheckThat! claim-retrieval data (2020 task 2, 2022 tasks 2A/2B) read for the benchmarks.

Only train/dev/dev-test files are read (never ``sealed/``). Nothing here is copied into the
repository: the data stays in ``../shared/benchmarks``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class VClaim:
    vclaim_id: str
    text: str
    title: str
    speaker: str | None = None


@dataclass(frozen=True)
class Task:
    """One evaluation: a collection of verified claims, queries and their relevant claims."""

    name: str
    vclaims: list[VClaim]
    queries: dict[str, str]
    qrels: dict[str, set[str]]
    speakers: dict[str, str] | None = None  # query id → who said it, when the task knows


def available() -> bool:
    return BENCHMARKS.is_dir()


def _tsv(path: Path, header: bool) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        if header:
            next(rows, None)
        yield from rows


def _qrels(path: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in _tsv(path, header=False):
        if len(row) >= 4 and row[3].strip() == "1":
            found.setdefault(row[0].strip(), set()).add(row[2].strip())
    return found


def _jsonl(paths: list[Path]) -> Iterator[dict]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def vclaims_2020() -> list[VClaim]:
    rows = _tsv(BENCHMARKS / "checkthat2020-task2-en" / "verified_claims.docs.tsv", header=True)
    return [VClaim(r[0], r[1], r[2]) for r in rows if len(r) >= 3]


def vclaims_2022a() -> list[VClaim]:
    folder = BENCHMARKS / "checkthat2022-task2a-en" / "vclaims"
    return [
        VClaim(d["vclaim_id"], d["vclaim"], f"{d.get('title', '')}. {d.get('subtitle', '')}")
        for d in _jsonl(sorted(folder.glob("*.jsonl")))
    ]


def vclaims_2022b() -> list[VClaim]:
    folder = BENCHMARKS / "checkthat2022-task2b-en" / "politifact-vclaims"
    return [
        VClaim(d["vclaim_id"], d["vclaim"], d.get("title", ""), d.get("speaker"))
        for d in _jsonl(sorted(folder.glob("*.jsonl")))
    ]


def task_2020(split: str) -> Task:
    folder = BENCHMARKS / "checkthat2020-task2-en" / split
    queries = {r[0]: r[1] for r in _tsv(folder / "tweets.queries.tsv", header=True) if len(r) > 1}
    qrels = _qrels(folder / "tweet-vclaim-pairs.qrels")
    return Task(f"2020-2 {split}", vclaims_2020(), queries, qrels)


def task_2022a(split: str) -> Task:
    folder = BENCHMARKS / "checkthat2022-task2a-en"
    if split == "dev-test":
        rows = _tsv(folder / "CT2022-Task2A-EN-Dev-Test_Queries.tsv", header=True)
        qrels = _qrels(folder / "CT2022-Task2A-EN-Dev-Test_QRELs.tsv")
    else:
        rows = _tsv(folder / "CT2022-Task2A-EN-Train-Dev_Queries.tsv", header=False)
        name = "Train" if split == "train" else "Dev"
        qrels = _qrels(folder / f"CT2022-Task2A-EN-{name}_QRELs.tsv")
    queries = {r[0]: r[1] for r in rows if len(r) > 1 and r[0] in qrels}
    return Task(f"2022-2A {split}", vclaims_2022a(), queries, qrels)


def task_2022b(split: str) -> Task:
    folder = BENCHMARKS / "checkthat2022-task2b-en"
    rows = _tsv(folder / "CT2022-Task2B-EN-Train-Dev_Queries.tsv", header=False)
    name = "Train" if split == "train" else "Dev"
    qrels = _qrels(folder / f"CT2022-Task2B-EN-{name}_QRELs.tsv")
    queries = {r[0]: r[1] for r in rows if len(r) > 1 and r[0] in qrels}
    return Task(f"2022-2B {split}", vclaims_2022b(), queries, qrels, _speakers_2b(queries))


def _speakers_2b(queries: dict[str, str]) -> dict[str, str]:
    """Who said each debate line, from the transcripts (date prefix + line number, per README)."""
    lines: dict[tuple[str, int], str] = {}
    for path in (BENCHMARKS / "checkthat2022-task2b-en" / "transcripts").glob("*/*.tsv"):
        date = path.stem.split("_")[0]
        for row in _tsv(path, header=False):
            if len(row) >= 3 and row[0].strip().isdigit():
                lines[(date, int(row[0]))] = row[1]
    found = {}
    for query_id in queries:
        date, number = query_id.split("_")[0], query_id.rsplit("_", 1)[1]
        if number.isdigit() and (date, int(number)) in lines:
            found[query_id] = lines[(date, int(number))]
    return found


def average_precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """CheckThat!'s AP@k: precision at each relevant hit in the top k, over all relevant."""
    hits = 0
    total = 0.0
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0
