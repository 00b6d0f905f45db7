"""Crash harness plumbing: templates, one `crible` process killed at random, archive checks.

Used by the trial kinds in ``crash_harness.py``.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STATUSES = ("in_progress", "checked", "not_checkworthy")
VERDICTS = ("true", "mostly_true", "mixed", "misleading", "mostly_false", "false")
STANCES = ("supports", "refutes", "context")
TEMPLATE_CLAIMS = 300
RESTORED_NOTE = "restored from backup"


@dataclass
class TrialResult:
    kind: str
    seed: int
    killed: bool
    reported: int  # changes the process reported as saved (lines read from its output)
    found: int = 0  # changes found in the archive after the kill
    problems: list[str] = field(default_factory=list)


@dataclass
class Summary:
    trials: int = 0
    killed: int = 0
    reported_saved: int = 0
    found_after_kill: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    failures: list[TrialResult] = field(default_factory=list)

    def add(self, result: TrialResult) -> None:
        self.trials += 1
        self.killed += result.killed
        self.reported_saved += result.reported
        self.found_after_kill += result.found
        self.by_kind[result.kind] = self.by_kind.get(result.kind, 0) + 1
        if result.problems:
            self.failures.append(result)


def crible_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def make_templates(folder: Path, claims: int = TEMPLATE_CLAIMS) -> dict[str, Path]:
    """A small archive of article claims, and a backup of it whose notes all differ."""
    sys.path.insert(0, str(REPO))
    from app.storage import open_archive
    from app.storage.articles import add_article
    from app.storage.backup import backup_to
    from app.storage.claims import add_claim

    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "template.db"
    db = open_archive(template)
    article = add_article(db, text="Un article de démonstration. " * 20, title="Démo", lang="fr")
    rng = random.Random(1)
    words = "aide russe tonnes Venezuela frontière Colombie Caracas manifestants 300 24 heures"
    vocab = words.split()
    for i in range(claims):
        text = " ".join(rng.choice(vocab) for _ in range(8)) + f" n°{i}"
        add_claim(db, text=text, lang="fr", article_id=article.id if i % 2 else None)
    restored = folder / "restored-source.db"
    backup_to(db, restored)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with sqlite3.connect(str(restored)) as conn:
        conn.execute("UPDATE claims SET notes = ?", [RESTORED_NOTE])
    conn.close()
    return {"template": template, "restored": restored}


def claim_ids(archive: Path) -> list[int]:
    with sqlite3.connect(str(archive)) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM claims ORDER BY id")]
    conn.close()
    return ids


# --- running one process and killing it ---------------------------------------------------


def run_and_kill(
    argv: list[str],
    out: Path,
    rng: random.Random,
    *,
    max_delay: float,
    wait_first: bool = False,
    wait_for: Path | None = None,
) -> bool:
    """Start *argv*, kill it after a random delay; True if it was killed before it ended.

    The delay starts when the process reports its first saved change (*wait_first*) or when
    the file *wait_for* (the archive's WAL) is first written, so kills land among the writes
    rather than during interpreter start-up.
    """
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            argv,
            stdout=sink,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            cwd=str(REPO),
            env=env,
        )
    watched = out if wait_first else wait_for
    deadline = time.monotonic() + 60
    while watched is not None and proc.poll() is None and time.monotonic() < deadline:
        if watched.exists() and watched.stat().st_size > 0:
            break
        time.sleep(0.002)
    delay = rng.uniform(0, max_delay)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return True


def saved_lines(out: Path) -> list[dict]:
    """The complete JSON lines the process wrote (a line cut by the kill is not a report)."""
    lines = out.read_bytes().split(b"\n")
    return [json.loads(line) for line in lines[:-1] if line.strip()]


def archive_problems(archive: Path) -> list[str]:
    """Open the archive as Crible does, and run the checks of `crible archive check`."""
    from app.errors import UserError
    from app.storage import open_archive
    from app.storage.integrity import check_archive

    try:
        db = open_archive(archive)
    except UserError as exc:
        return [f"cannot open: {exc}"]
    try:
        return check_archive(db)
    finally:
        db.close()


# --- trial kinds -------------------------------------------------------------------------
