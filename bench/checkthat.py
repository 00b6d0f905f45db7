"""CheckThat! claim-retrieval data (2020 task 2, 2022 tasks 2A/2B) read for the benchmarks.

Only train/dev/dev-test files are read (never ``sealed/``). Nothing here is copied into the
repository: the data stays in ``../shared/benchmarks``.
"""

from __future__ import annotations

import csv
import datetime
import json
import re
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
    date: datetime.date | None = None  # when the claim was made (2B: PolitiFact's "stated on")


@dataclass(frozen=True)
class Task:
    """One evaluation: a collection of verified claims, queries and their relevant claims."""

    name: str
    vclaims: list[VClaim]
    queries: dict[str, str]
    qrels: dict[str, set[str]]
    speakers: dict[str, str] | None = None  # query id → who said it, when the task knows
    contexts: dict[str, str] | None = None  # query id → the lines around it (2B transcripts)
    dates: dict[str, datetime.date] | None = None  # query id → the day it was said


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
        VClaim(d["vclaim_id"], d["vclaim"], d.get("title", ""), d.get("speaker"), _stated(d))
        for d in _jsonl(sorted(folder.glob("*.jsonl")))
    ]


def _stated(vclaim: dict) -> datetime.date | None:
    """PolitiFact's "stated on October 22, 2019 in a campaign mailer.:" as a date."""
    found = re.search(r"stated on (\w+ \d{1,2}, \d{4})", vclaim.get("date") or "")
    if not found:
        return None
    try:
        return datetime.datetime.strptime(found.group(1), "%B %d, %Y").date()
    except ValueError:
        return None


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
    lines = _transcript_lines()
    speakers, contexts, dates = {}, {}, {}
    for query_id in queries:
        day, number = query_id.split("_")[0], query_id.rsplit("_", 1)[1]
        dates[query_id] = datetime.datetime.strptime(day, "%Y%m%d").date()
        if not number.isdigit() or (day, int(number)) not in lines:
            continue
        transcript, index = lines[(day, int(number))]
        speakers[query_id] = transcript[index][1]
        around = transcript[max(0, index - CONTEXT_BEFORE) : index]
        around += transcript[index + 1 : index + 1 + CONTEXT_AFTER]
        contexts[query_id] = " ".join(row[2] for row in around)
    return Task(f"2022-2B {split}", vclaims_2022b(), queries, qrels, speakers, contexts, dates)


# The debate lines around a 2B query line given as its context (chosen on the train split:
# 2+2 lines 0.578, 3+3 0.568, 2 before only 0.572, 1+2 0.573, none 0.547).
CONTEXT_BEFORE = 2
CONTEXT_AFTER = 2


def _transcript_lines() -> dict[tuple[str, int], tuple[list[list[str]], int]]:
    """(date prefix, line number) → (its transcript's rows, the line's index), per README:
    query ids start with the transcript's date and end with the line number."""
    lines: dict[tuple[str, int], tuple[list[list[str]], int]] = {}
    for path in sorted((BENCHMARKS / "checkthat2022-task2b-en" / "transcripts").glob("*/*.tsv")):
        date = path.stem.split("_")[0]
        rows = [r for r in _tsv(path, header=False) if len(r) >= 3 and r[0].strip().isdigit()]
        for index, row in enumerate(rows):
            lines[(date, int(row[0]))] = (rows, index)
    return lines


def average_precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """CheckThat!'s AP@k: precision at each relevant hit in the top k, over all relevant."""
    hits = 0
    total = 0.0
    for rank, doc in enumerate(ranked[:k], start=1):
        if doc in relevant:
            hits += 1
            total += hits / rank
    return total / len(relevant) if relevant else 0.0
