"""Several real `crible` processes writing one archive at once, and what must hold after.

Shared by ``tests/reliability/test_concurrent_writers.py`` and the long run in
``bench/bench_concurrency.py``: two imports and a batch edit start together on a copy of the
crash harness's template archive; all three must finish, with every record and every edit in.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability.crash_process import archive_problems, claim_ids, crible_command

EDIT_LINES = 100


@dataclass
class RaceResult:
    seconds: float
    exit_codes: list[int]
    reviews: int
    edits_found: int
    problems: list[str] = field(default_factory=list)


def import_source(folder: Path, tag: str, records: int) -> Path:
    """JSONL claims, each with its own review URL, distinct between *tag*s."""
    path = folder / f"claims-{tag}-{records}.jsonl"
    if not path.exists():
        rows = (
            {
                "text": f"Le ministre {tag} a annoncé {i} tonnes d'aide pour la région n°{i}",
                "title": f"Aide {tag} n°{i}",
                "verdict": "Faux" if i % 2 else "Vrai",
                "url": f"https://factcheck.example.org/{tag}/{i}",
                "date": "2019-02-23",
                "language": "fr",
                "publisher": "Exemple",
            }
            for i in range(records)
        )
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def edit_batch(folder: Path, ids: list[int], trial: int) -> tuple[Path, list[dict]]:
    ops = [
        {"claim": claim_id, "status": "checked", "verdict": "false", "note": f"race{trial}-{i}"}
        for i, claim_id in enumerate(ids[:EDIT_LINES])
    ]
    path = folder / f"edits-{trial}.jsonl"
    path.write_text("".join(json.dumps(op) + "\n" for op in ops), encoding="utf-8")
    return path, ops


def race(work: Path, template: Path, trial: int, *, records: int, batch_size: int) -> RaceResult:
    """Two imports and one batch edit at once on a fresh copy of *template*."""
    work.mkdir(parents=True, exist_ok=True)
    archive = work / f"race-{trial}.db"
    shutil.copy(template, archive)
    before = _count(archive, "reviews")
    sources = [import_source(template.parent, tag, records) for tag in ("a", "b")]
    edits, ops = edit_batch(work, claim_ids(archive), trial)
    commands = [
        crible_command(
            "import", str(s), "--json", "--batch-size", str(batch_size), "--db", str(archive)
        )
        for s in sources
    ]
    commands.append(crible_command("edit", "--batch", str(edits), "--json", "--db", str(archive)))
    started = time.monotonic()
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    seconds = time.monotonic() - started
    problems = []
    for command, proc, (_out, err) in zip(commands, procs, outputs, strict=True):
        if proc.returncode != 0:
            problems.append(f"{command[3]} exited {proc.returncode}: {err.strip()[-300:]}")
    for out, _err in outputs[:2]:
        if out.strip() and json.loads(out).get("imported") != records:
            problems.append(f"an import reported {out.strip()[:200]}")
    reviews = _count(archive, "reviews") - before
    if reviews != 2 * records:
        problems.append(f"{reviews} reviews imported, expected {2 * records}")
    found = _edits_found(archive, ops)
    if found != len(ops):
        problems.append(f"{len(ops) - found} of {len(ops)} edits missing")
    problems += archive_problems(archive)
    return RaceResult(seconds, [p.returncode for p in procs], reviews, found, problems)


def _count(archive: Path, table: str) -> int:
    conn = sqlite3.connect(str(archive))
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _edits_found(archive: Path, ops: list[dict]) -> int:
    conn = sqlite3.connect(str(archive))
    try:
        found = 0
        for op in ops:
            row = conn.execute(
                "SELECT c.status, c.notes, l.key FROM claims c"
                " LEFT JOIN rating_levels l ON l.id = c.verdict_level_id WHERE c.id = ?",
                [op["claim"]],
            ).fetchone()
            found += tuple(row) == (op["status"], op["note"], op["verdict"])
        return found
    finally:
        conn.close()
