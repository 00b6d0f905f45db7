"""The issue's "Done when": two archives, one PostgreSQL database, real `crible` processes."""

from __future__ import annotations

import json
import sqlite3

import psycopg

from tests.sync.pg_cluster import Cluster

SEEDS = "seeds/reviews-venezuela-fr.datafeed.json"


def _claim_id(desk, text_part: str) -> int:
    with sqlite3.connect(desk.archive) as conn:
        row = conn.execute(
            "SELECT id FROM claims WHERE text LIKE ? ORDER BY id", [f"%{text_part}%"]
        ).fetchone()
    assert row is not None
    return int(row[0])


def _claim(desk, claim_id: int) -> dict:
    with sqlite3.connect(desk.archive) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT c.notes, c.verdict_text, l.key AS verdict FROM claims c"
            " LEFT JOIN rating_levels l ON l.id = c.verdict_level_id WHERE c.id = ?",
            [claim_id],
        ).fetchone()
    return dict(row)


def test_a_verdict_travels_with_its_checker_and_a_concurrent_note_converges(
    cluster: Cluster, team: str, desks
):
    cluster.add_checker(f"alice_{team}", "alice-pw")
    cluster.add_checker(f"bob_{team}", "bob-pw")
    alice, bob = desks("alice"), desks("bob")
    alice.run("import", SEEDS)
    joined = alice.run(
        "team", "join", cluster.url(f"alice_{team}", "alice-pw", team), "--as", "Alice"
    )
    assert "as Alice" in joined.stdout
    # The password went to the keyring, not into the archive.
    assert "alice-pw" in alice.keyring.read_text()
    assert b"alice-pw" not in alice.archive.read_bytes()
    assert "alice-pw" not in json.dumps(alice.json("team", "status", "--json"))

    claim = _claim_id(alice, "forces de Maduro")
    alice.run(
        "edit",
        str(claim),
        "--verdict",
        "false",
        "--verdict-text",
        "Faux : ce sont des manifestants",
    )
    first = alice.json("sync", "--json")
    assert first["pushed"] > 26 and first["conflicts"] == 0

    bob.run("team", "join", cluster.url(f"bob_{team}", "bob-pw", team), "--as", "Bob")
    pulled = bob.json("sync", "--json")
    assert pulled["pulled"] >= first["pushed"] - 8  # bob's own default scale merged with Alice's
    bob_claim = _claim_id(bob, "forces de Maduro")
    assert _claim(bob, bob_claim)["verdict"] == "false"
    history = bob.json("team", "history", str(bob_claim), "--json")["history"]
    assert any(e["author"] == "Alice" and "verdict_level_id" in e["fields"] for e in history), (
        history
    )
    # The earlier check is found by matching in Bob's archive.
    found = bob.json("match", "les camions d'aide brûlés par les forces de Maduro", "--json")
    assert any(r["claim_id"] == bob_claim for r in found["results"])

    # Both edit the same note offline, then sync twice each.
    alice.run("edit", str(claim), "--note", "Alice: vidéo de l'AFP")
    bob.run("edit", str(bob_claim), "--note", "Bob: rapport du NYT")
    reports = [d.json("sync", "--json") for d in (alice, bob, alice, bob)]
    assert sum(r["conflicts"] for r in reports[:2]) >= 1
    notes = {_claim(alice, claim)["notes"], _claim(bob, bob_claim)["notes"]}
    assert len(notes) == 1, notes
    kept = notes.pop()
    other = ({"Alice: vidéo de l'AFP", "Bob: rapport du NYT"} - {kept}).pop()
    for desk, cid in ((alice, claim), (bob, bob_claim)):
        view = desk.json("team", "history", str(cid), "--json")
        assert any(e["fields"].get("notes") == other for e in view["history"])
        assert [(c["field"], c["kept"], c["other"]) for c in view["conflicts"]] == [
            ("notes", kept, other)
        ]
        assert desk.json("team", "status", "--json")["open_conflicts"] == 1

    # The server's current state agrees, for any SQL client.
    with psycopg.connect(cluster.url(db=team)) as conn:
        row = conn.execute("SELECT notes, last_author FROM crible.claims WHERE notes = %s", [kept])
        assert row.fetchone() is not None


def test_assignment_and_my_claims(cluster: Cluster, team: str, desks):
    cluster.add_checker(f"carol_{team}", "carol-pw")
    cluster.add_checker(f"dan_{team}", "dan-pw")
    carol, dan = desks("carol"), desks("dan")
    carol.run("import", SEEDS)
    carol.run("team", "join", cluster.url(f"carol_{team}", "carol-pw", team), "--as", "Carol")
    dan.run("team", "join", cluster.url(f"dan_{team}", "dan-pw", team), "--as", "Dan")
    claim = _claim_id(carol, "forces de Maduro")
    carol.run("team", "assign", str(claim), "--to", "Dan")
    carol.run("sync")
    dan.run("sync")
    mine = dan.json("team", "mine", "--json")
    assert mine["member"] == "Dan"
    assert [c["text"] for c in mine["claims"]] == [
        c["text"] for c in carol.json("team", "mine", "--as", "Dan", "--json")["claims"]
    ]
    assert len(mine["claims"]) == 1 and "Maduro" in mine["claims"][0]["text"]
