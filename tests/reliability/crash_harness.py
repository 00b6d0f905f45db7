"""Crash harness: real `crible` processes killed with SIGKILL at random moments, then checked.

Shared by ``tests/reliability/test_crash_safety.py`` (the CI run) and ``bench/bench_crash.py``
(the long run). Each trial copies a small template archive, starts one `crible` command on it,
kills the process at a random moment, and checks that the archive opens, passes
``integrity_check``, ``foreign_key_check`` and the FTS check, and holds every change the
process reported as saved, with no change torn in half.

SIGKILL stops the process, not the machine: what the kernel already accepted survives, so
this proves transaction atomicity and recovery from a dead writer, not power-loss durability.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.reliability.crash_process import (
    REPO,
    RESTORED_NOTE,
    STANCES,
    STATUSES,
    TEMPLATE_CLAIMS,
    VERDICTS,
    Summary,
    TrialResult,
    archive_problems,
    claim_ids,
    crible_command,
    make_templates,
    run_and_kill,
    saved_lines,
)


def edit_ops(seed: int, ids: list[int], rng: random.Random) -> list[dict]:
    chosen = rng.sample(ids, k=min(len(ids), 300))
    return [
        {
            "claim": claim_id,
            "status": rng.choice(STATUSES),
            "verdict": rng.choice(VERDICTS),
            "note": f"t{seed}-op{i}",
            "add_source": {
                "url": f"https://example.org/t{seed}/op{i}",
                "stance": rng.choice(STANCES),
            },
        }
        for i, claim_id in enumerate(chosen)
    ]


def trial_edit(work: Path, templates: dict[str, Path], seed: int) -> TrialResult:
    """`crible edit --batch`: two transactions per line (claim fields, then a source)."""
    rng = random.Random(seed)
    archive = work / "archive.db"
    shutil.copy(templates["template"], archive)
    ops = edit_ops(seed, claim_ids(archive), rng)
    batch = work / "edits.jsonl"
    batch.write_text("".join(json.dumps(op) + "\n" for op in ops), encoding="utf-8")
    out = work / "out.jsonl"
    argv = crible_command("edit", "--batch", str(batch), "--json", "--db", str(archive))
    killed = run_and_kill(argv, out, rng, max_delay=0.6, wait_first=rng.random() < 0.85)
    reports = saved_lines(out)
    problems = archive_problems(archive)
    found = 0
    if not problems:
        problems, found = _check_edits(archive, ops, reports)
    return TrialResult("edit", seed, killed, len(reports), found, problems)


def _check_edits(archive: Path, ops: list[dict], reports: list[dict]) -> tuple[list[str], int]:
    applied, problems = _applied_edits(archive, ops)
    return problems or check_sequence(reports, applied), len(applied)


def check_sequence(reports: list[dict], applied: list[int]) -> list[str]:
    """Reported and applied changes must both be prefixes, the applied one at most one longer.

    Transaction 2i is line i+1's claim update and 2i+1 its source; they run strictly in order,
    so a change can only be applied-but-unreported when the kill fell between its commit and
    its output line.
    """
    reported = [2 * (r["line"] - 1) + (r["saved"] == "source") for r in reports]
    if reported != list(range(len(reported))):
        return [f"reports out of order: {reported[:10]}"]
    prefix = list(range(len(applied)))
    if applied != prefix:
        return [f"changes applied out of order (a gap): {applied[:12]}"]
    if len(applied) < len(reported):
        return [f"{len(reported) - len(applied)} change(s) reported as saved are missing"]
    if len(applied) > len(reported) + 1:
        return [f"{len(applied) - len(reported)} unreported changes: more than one in flight"]
    return []


def _applied_edits(archive: Path, ops: list[dict]) -> tuple[list[int], list[str]]:
    conn = sqlite3.connect(str(archive))
    try:
        levels = dict(conn.execute("SELECT id, key FROM rating_levels"))
        applied, problems = [], []
        for i, op in enumerate(ops):
            status, verdict, notes = conn.execute(
                "SELECT status, verdict_level_id, notes FROM claims WHERE id = ?", [op["claim"]]
            ).fetchone()
            new = (op["status"], op["verdict"], op["note"])
            if (status, levels.get(verdict), notes) == new:
                applied.append(2 * i)
            elif (status, verdict, notes) != ("to_check", None, ""):
                problems.append(f"claim {op['claim']} torn: {(status, verdict, notes)} vs {new}")
            linked = conn.execute(
                "SELECT count(*) FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
                " WHERE cs.claim_id = ? AND s.url = ?",
                [op["claim"], op["add_source"]["url"]],
            ).fetchone()[0]
            if linked:
                applied.append(2 * i + 1)
        return sorted(applied), problems
    finally:
        conn.close()


def trial_restore(work: Path, templates: dict[str, Path], seed: int) -> TrialResult:
    """`crible restore`: the archive is wholly the old one or wholly the backup."""
    rng = random.Random(seed)
    archive = work / "archive.db"
    shutil.copy(templates["template"], archive)
    backup = work / "backup.db"
    shutil.copy(templates["restored"], backup)
    out = work / "out.txt"
    argv = crible_command("restore", str(backup), "--yes", "--db", str(archive))
    killed = run_and_kill(argv, out, rng, max_delay=0.9, wait_first=False)
    said_restored = b"restored " in out.read_bytes()
    problems = archive_problems(archive)
    notes: set[str] = set()
    if not problems:
        with sqlite3.connect(str(archive)) as conn:
            notes = {row[0] for row in conn.execute("SELECT DISTINCT notes FROM claims")}
        conn.close()
        if notes not in ({""}, {RESTORED_NOTE}):
            problems.append(f"half-restored archive: notes {sorted(notes)[:3]}")
        elif said_restored and notes != {RESTORED_NOTE}:
            problems.append("reported restored, but the old content is there")
    found = int(notes == {RESTORED_NOTE})
    return TrialResult("restore", seed, killed, int(said_restored), found, problems)


def trial_backup(work: Path, templates: dict[str, Path], seed: int) -> TrialResult:
    """`crible backup -o`: the target is absent or a complete, sound copy."""
    rng = random.Random(seed)
    archive = work / "archive.db"
    shutil.copy(templates["template"], archive)
    target = work / "copy.db"
    out = work / "out.txt"
    argv = crible_command("backup", "-o", str(target), "--db", str(archive))
    killed = run_and_kill(argv, out, rng, max_delay=0.9, wait_first=False)
    said_written = b"backup written" in out.read_bytes()
    problems = archive_problems(archive)
    if target.exists():
        problems += [f"backup: {p}" for p in archive_problems(target)]
        if not problems and len(claim_ids(target)) != len(claim_ids(archive)):
            problems.append("backup is incomplete")
    elif said_written:
        problems.append("reported a backup that is not there")
    found = int(target.exists())
    return TrialResult("backup", seed, killed, int(said_written), found, problems)


IMPORT_RECORDS = 600
IMPORT_BATCH = 25


def import_file(folder: Path) -> Path:
    """Plain claims as JSONL, each with its own review URL (so each is one new review)."""
    path = folder / "claims.jsonl"
    if not path.exists():
        rows = [
            {
                "text": f"Le Venezuela a reçu {i} tonnes d'aide selon le ministre n°{i}",
                "title": f"Aide n°{i}",
                "verdict": "Faux" if i % 2 else "Vrai",
                "url": f"https://factcheck.example.org/{i}",
                "date": "2019-02-23",
                "language": "fr",
                "publisher": "Exemple",
            }
            for i in range(IMPORT_RECORDS)
        ]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return path


def trial_import(work: Path, templates: dict[str, Path], seed: int) -> TrialResult:
    """`crible import`: whole batches or nothing, and importing again completes without dupes."""
    rng = random.Random(seed)
    archive = work / "archive.db"
    shutil.copy(templates["template"], archive)
    source = import_file(templates["template"].parent)
    out = work / "out.json"
    argv = crible_command(
        "import", str(source), "--json", "--batch-size", str(IMPORT_BATCH), "--db", str(archive)
    )
    killed = run_and_kill(argv, out, rng, max_delay=1.2, wait_first=False)
    problems = archive_problems(archive)
    if problems:
        return TrialResult("import", seed, killed, 0, 0, problems)
    before = _review_count(archive)
    if before % IMPORT_BATCH and before != IMPORT_RECORDS:
        problems.append(f"{before} reviews: a batch of {IMPORT_BATCH} was torn")
    if not killed and before != IMPORT_RECORDS:
        problems.append(f"import ended but only {before} reviews are there")
    # Finishing the import runs in this process (same code as `crible import`): cheaper.
    report = _import_in_process(archive, source)
    after = _review_count(archive)
    if after != IMPORT_RECORDS or report.imported != IMPORT_RECORDS - before:
        problems.append(f"re-import: {after} reviews, {report.to_json()} after {before}")
    problems += archive_problems(archive)
    finished = int(bool(out.read_bytes().strip()))
    return TrialResult("import", seed, killed, finished * IMPORT_RECORDS, before, problems)


def _import_in_process(archive: Path, source: Path):
    from app.interop.importer import import_paths
    from app.storage import open_archive

    db = open_archive(archive)
    try:
        return import_paths(db, [source])
    finally:
        db.close()


def _review_count(archive: Path) -> int:
    with sqlite3.connect(str(archive)) as conn:
        reviews, claims = conn.execute(
            "SELECT (SELECT count(*) FROM reviews), (SELECT count(*) FROM claims)"
        ).fetchone()
    conn.close()
    if claims != TEMPLATE_CLAIMS + reviews:
        return -1  # a claim without its review (or the reverse): reported as torn
    return reviews


CHECK_ARTICLE = REPO / "seeds" / "article-demo-fr.txt"


def _article_claims(archive: Path) -> list[tuple[int, int]]:
    """Claims of the archive's articles whose text slices to them: (article, claims) pairs."""
    with sqlite3.connect(str(archive)) as conn:
        rows = conn.execute(
            'SELECT a.id, count(c.id), sum(c.text = substr(a.text, c.start + 1, c."end" - c.start))'
            " FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id ORDER BY a.id"
        ).fetchall()
    conn.close()
    return [(claims, int(sliced or 0)) for _, claims, sliced in rows]


def check_reference(templates: dict[str, Path]) -> int:
    """Claims a complete `crible check` stores for the demo article (computed once)."""
    reference = templates["template"].parent / "check-reference.db"
    if not reference.exists():
        shutil.copy(templates["template"], reference)
        done = subprocess.run(
            crible_command("check", str(CHECK_ARTICLE), "--db", str(reference)),
            capture_output=True,
            cwd=str(REPO),
            env={**os.environ, "PYTHONPATH": str(REPO)},
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    return _article_claims(reference)[-1][0]


def trial_check(work: Path, templates: dict[str, Path], seed: int) -> TrialResult:
    """`crible check`: the article is stored with all its claims, or not at all."""
    rng = random.Random(seed)
    expected = check_reference(templates)
    archive = work / "archive.db"
    shutil.copy(templates["template"], archive)
    out = work / "out.json"
    argv = crible_command("check", str(CHECK_ARTICLE), "--json", "--db", str(archive))
    wal = archive.with_name(archive.name + "-wal")
    killed = run_and_kill(argv, out, rng, max_delay=0.4, wait_for=wal)
    problems = archive_problems(archive)
    articles = _article_claims(archive)
    stored = articles[1:]  # the template's own article comes first
    if len(stored) > 1:
        problems.append(f"{len(stored)} articles stored by one check")
    elif stored and stored[0] != (expected, expected):
        problems.append(f"article stored with {stored[0]} claims/slicing, expected {expected}")
    reported = int(bool(out.read_bytes().strip()))
    if reported and not stored:
        problems.append("check printed its result but the article is not there")
    return TrialResult("check", seed, killed, reported, len(stored), problems)


TRIALS: dict[str, Callable[[Path, dict[str, Path], int], TrialResult]] = {
    "edit": trial_edit,
    "restore": trial_restore,
    "backup": trial_backup,
    "import": trial_import,
    "check": trial_check,
}
DEFAULT_MIX = {"edit": 0.55, "import": 0.25, "restore": 0.1, "backup": 0.1}
# `crible check` loads the whole text pipeline (seconds per trial): long runs only.
LONG_MIX = {"edit": 0.5, "import": 0.2, "check": 0.1, "restore": 0.1, "backup": 0.1}


def run_trials(
    root: Path, trials: int, *, workers: int = 4, seed: int = 0, mix: dict[str, float] | None = None
) -> Summary:
    """Run *trials* trials, *workers* at a time; every trial gets its own folder."""
    templates = make_templates(root / "templates")
    mix = mix or DEFAULT_MIX
    if "check" in mix:
        check_reference(templates)  # before the workers start, so they never race to build it
    rng = random.Random(seed)
    kinds = rng.choices(list(mix), weights=list(mix.values()), k=trials)

    def one(index: int) -> TrialResult:
        work = root / f"trial-{index:05d}"
        work.mkdir(parents=True)
        result = TRIALS[kinds[index]](work, templates, seed * 100_000 + index)
        if not result.problems:
            shutil.rmtree(work, ignore_errors=True)
        return result

    summary = Summary()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(one, range(trials)):
            summary.add(result)
    return summary
