"""What a server sends is untrusted: bad shapes are refused, bad rows skipped, SQL never built."""

from __future__ import annotations

import json

import pytest

from app.storage.claims import add_claim, get_claim
from app.storage.sync_apply import apply_pulled
from app.storage.sync_capture import NOW_HLC_SQL, enable_capture
from app.storage.sync_local import sync_state
from app.sync.validate import MAX_VALUE_CHARS, InvalidChange, change_from_row

ORIGIN = "b" * 32


def _row(seq=1, tbl="claims", gid="g1", op="insert", fields=None, hlc=1 << 50):
    fields = {"text": "Une affirmation.", "status": "to_check"} if fields is None else fields
    return (
        seq,
        tbl,
        gid,
        op,
        json.dumps(fields),
        hlc,
        ORIGIN,
        "Mallory",
        0,
        "2026-12-03T10:00:00Z",
    )


@pytest.mark.parametrize(
    "row",
    [
        _row(tbl="sqlite_master"),
        _row(tbl="claims; DROP TABLE claims"),
        _row(fields={'text" = 1; DROP TABLE claims; --': "x"}),
        _row(fields={"norm_text": "not shared"}),
        _row(fields={"text": ["a", "list"]}),
        _row(fields={"text": True}),
        _row(fields={"text": "x" * (MAX_VALUE_CHARS + 1)}),
        _row(fields={"text": "nul\x00byte"}),
        _row(fields={"reasons": "<script>alert(1)</script>"}),
        _row(fields={"article_id": 12}),
        _row(op="truncate"),
        _row(hlc=-1),
        _row(seq=0),
        (1, "claims", "g1", "insert", "[1, 2]", 1, ORIGIN, "m", 0, "t"),
        (1, "claims", "g1", "insert", "{bad json", 1, ORIGIN, "m", 0, "t"),
        (1, "claims", "g1", "insert", "{}", 1, "not-hex-origin", "m", 0, "t"),
        (1, "claims", "g1", "insert", "{}", 1, ORIGIN, "m", 0),
    ],
)
def test_malformed_changes_are_refused(row):
    with pytest.raises(InvalidChange):
        change_from_row(row)


def test_a_row_the_archive_refuses_is_skipped_and_the_rest_applied(db):
    enable_capture(db, member="Zoé", server="host=x dbname=y")
    good = change_from_row(_row(seq=1, gid="good"))
    bad = change_from_row(_row(seq=2, gid="bad", fields={"text": "x", "status": "hacked"}))
    result = apply_pulled(db, [bad, good], [], up_to_seq=2)
    assert (result.applied, result.rejected) == (1, 1)
    texts = [r[0] for r in db.execute("SELECT text FROM claims")]
    assert texts == ["Une affirmation."]
    assert sync_state(db).last_pulled == 2
    # The normalised text is rebuilt here, not taken from the server.
    assert db.execute("SELECT norm_text FROM claims").fetchone()[0]


def test_a_clock_from_the_far_future_does_not_drag_ours_along(db):
    claim = add_claim(db, text="Le chômage a baissé.")
    enable_capture(db, member="Zoé", server="host=x dbname=y")
    far = change_from_row(_row(gid="far", hlc=1 << 61))
    apply_pulled(db, [far], [], up_to_seq=1)
    now = db.execute(f"SELECT {NOW_HLC_SQL}").fetchone()[0]
    ours = db.execute("SELECT hlc FROM sync_state").fetchone()[0]
    assert ours < now + (2 * 24 * 3600 * 1000 << 16)
    assert get_claim(db, claim.id).text == "Le chômage a baissé."
