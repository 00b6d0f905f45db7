"""Three archives, random edits and syncs in random order, kill -9 during syncs: all converge.

At the end every replica holds the same shared content (canonical hash) and every edit that
was saved is in some replica's history or is the current value.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import time

from app.storage import open_archive
from app.storage.sync_canonical import shared_content_hash
from tests.sync.pg_cluster import Cluster

SEEDS = "seeds/reviews-venezuela-fr.datafeed.json"
STATUSES = ["to_check", "in_progress", "checked"]
VERDICTS = ["true", "false", "mixed", "none"]


def _claim_ids(desk) -> list[int]:
    with sqlite3.connect(desk.archive) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM claims ORDER BY id")]


def _edit(desk, rng: random.Random, tag: str) -> list[str]:
    ids = _claim_ids(desk)
    lines, notes = [], []
    for i in range(rng.randint(1, 4)):
        note = f"{tag}-{i}"
        edit = {"claim": rng.choice(ids), "note": note, "status": rng.choice(STATUSES)}
        if rng.random() < 0.5:
            edit["verdict"] = rng.choice(VERDICTS)
        if rng.random() < 0.3:
            edit["add_source"] = {"url": f"https://example.org/{tag}/{i}", "stance": "refutes"}
        lines.append(json.dumps(edit))
        notes.append(note)
    result = desk.run("edit", "--batch", "-", input="\n".join(lines) + "\n")
    assert result.stdout.count("saved claim") == len(lines)
    return notes


def _killed_sync(desk, rng: random.Random, tag: str) -> list[str]:
    process = desk.popen("sync")
    time.sleep(rng.uniform(0.2, 2.0))
    notes = _edit(desk, rng, tag) if rng.random() < 0.5 else []  # an edit while it syncs
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    return notes


def _history_and_current_notes(desk) -> set[str]:
    with sqlite3.connect(desk.archive) as conn:
        found = {r[0] for r in conn.execute("SELECT notes FROM claims")}
        for (fields,) in conn.execute("SELECT fields FROM sync_history WHERE tbl = 'claims'"):
            note = json.loads(fields).get("notes")
            if note:
                found.add(note)
    return found


def test_three_replicas_converge_through_random_edits_syncs_and_kills(
    cluster: Cluster, team: str, desks
):
    rng = random.Random(20261203)
    names = ["ana", "ben", "cleo"]
    replicas = []
    for name in names:
        cluster.add_checker(f"{name}_{team}", f"{name}-pw")
        desk = desks(name)
        desk.run("team", "join", cluster.url(f"{name}_{team}", f"{name}-pw", team), "--as", name)
        replicas.append(desk)
    replicas[0].run("import", SEEDS)
    for desk in replicas:
        desk.run("sync")
    saved: list[str] = []
    kills = 0
    for step in range(28):
        desk = rng.choice(replicas)
        action = rng.random()
        tag = f"{desk.name}-s{step}"
        if action < 0.45:
            saved += _edit(desk, rng, tag)
        elif action < 0.75:
            desk.run("sync")
        else:
            saved += _killed_sync(desk, rng, tag)
            kills += 1
    assert kills >= 3
    for _round in range(2):
        for desk in replicas:
            desk.run("sync")
    hashes = set()
    for desk in replicas:
        db = open_archive(desk.archive)
        try:
            hashes.add(shared_content_hash(db))
            assert db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
        finally:
            db.close()
    assert len(hashes) == 1
    seen = set().union(*(_history_and_current_notes(d) for d in replicas))
    assert set(saved) <= seen, set(saved) - seen
