"""Local change capture: the outbox is written in the edit's own transaction, by triggers."""

from __future__ import annotations

import json

import pytest

from app.storage import open_archive
from app.storage.claims import add_claim, delete_claim, update_claim
from app.storage.sources import add_source
from app.storage.sync_capture import enable_capture
from app.storage.sync_local import read_outbox, sync_state


def _joined(db):
    return enable_capture(db, member="Zoé", server="host=x dbname=y")


def test_an_archive_that_never_joined_records_nothing(db):
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    update_claim(db, claim.id, notes="vu")
    assert read_outbox(db, 100) == []
    assert (
        db.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sync_%_insert'").fetchone()[
            0
        ]
        == 0
    )


def test_join_queues_every_shared_row_once_with_global_ids(db):
    add_claim(db, text="Le chômage a baissé de 3 %.")
    queued = _joined(db)
    assert queued == 1 + 1 + 7  # the claim, the default scale and its seven levels
    entries = read_outbox(db, 100)
    assert [e.op for e in entries] == ["insert"] * queued
    assert [e.hlc for e in entries] == sorted({e.hlc for e in entries})
    level_gids = {e.gid for e in entries if e.tbl == "rating_levels"}
    assert "level:Crible:false" in level_gids
    assert _joined(db) == 0  # a re-join queues nothing again


def test_an_edit_records_only_the_changed_fields_with_the_checker_and_clock(db):
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    _joined(db)
    before = read_outbox(db, 100)
    update_claim(db, claim.id, notes="source INSEE", status="checked")
    update_claim(db, claim.id, notes="source INSEE")  # no change: nothing recorded
    new = read_outbox(db, 100)[len(before) :]
    assert len(new) == 1
    assert new[0].op == "update" and new[0].author == "Zoé"
    assert json.loads(new[0].fields) == {"notes": "source INSEE", "status": "checked"}
    assert new[0].hlc > before[-1].hlc


def test_a_rolled_back_edit_leaves_no_outbox_entry(db):
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    _joined(db)
    count = len(read_outbox(db, 100))
    with pytest.raises(RuntimeError), db.atomic():
        update_claim(db, claim.id, notes="jamais")
        raise RuntimeError("the action failed")
    assert len(read_outbox(db, 100)) == count


def test_a_source_link_gets_the_gid_of_its_claim_and_source(db):
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    _joined(db)
    add_source(db, claim.id, url="https://insee.fr/chomage", stance="refutes")
    link = next(e for e in read_outbox(db, 100) if e.tbl == "claim_sources")
    fields = json.loads(link.fields)
    assert link.gid == f"cs:{fields['claim_id']}:{fields['source_id']}"


def test_a_delete_is_recorded_with_a_tombstone_and_cascades(db):
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    _joined(db)
    add_source(db, claim.id, url="https://insee.fr/chomage")
    delete_claim(db, claim.id)
    deletes = {e.tbl for e in read_outbox(db, 100) if e.op == "delete"}
    assert deletes == {"claims", "claim_sources"}
    assert db.execute("SELECT count(*) FROM sync_tombstones").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM sync_rows WHERE tbl = 'claims'").fetchone()[0] == 0


def test_missing_triggers_are_rebuilt_when_the_archive_opens(tmp_path):
    path = tmp_path / "a.db"
    db = open_archive(path)
    claim = add_claim(db, text="Le chômage a baissé de 3 %.")
    _joined(db)
    # A migration that rebuilds a shared table drops its triggers; a new shared column
    # changes the declaration's hash. Either way the next open rebuilds them.
    db.execute("DROP TRIGGER sync_claims_update")
    db.execute("UPDATE sync_state SET capture_hash = 'old'")
    db.close()
    db = open_archive(path)
    count = sync_state(db).pending
    update_claim(db, claim.id, notes="après")
    assert sync_state(db).pending == count + 1
    db.close()
