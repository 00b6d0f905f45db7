"""Batches warm the matcher only when the archive is large and the batch long enough."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.matching import Matcher
from app.matching import matcher as matcher_module
from app.storage import open_archive
from app.storage.claims import add_claim


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    for i in range(12):
        add_claim(db, text=f"Le glyphosate est interdit en Europe depuis {2000 + i}.", lang="fr")
    db.close()
    return db_path


@pytest.fixture
def warmed(monkeypatch) -> list[int]:
    """One entry per warm() call; batches warm after 3 queries."""
    calls: list[int] = []
    warm = Matcher.warm

    def counted(self, *args, **kwargs):
        calls.append(1)
        return warm(self, *args, **kwargs)

    monkeypatch.setattr(Matcher, "warm", counted)
    monkeypatch.setattr(matcher_module, "BATCH_WARM_AFTER", 3)
    return calls


@pytest.mark.parametrize(("lines", "min_claims", "expected"), [(5, 10, 1), (3, 10, 0), (5, 13, 0)])
def test_a_batch_warms_once_when_long_enough_on_a_large_archive(
    archive, tmp_path, capsys, monkeypatch, warmed, lines, min_claims, expected
):
    monkeypatch.setattr(matcher_module, "BATCH_WARM_MIN_CLAIMS", min_claims)
    batch = tmp_path / "queries.txt"
    batch.write_text("glyphosate interdit en Europe\n" * lines, encoding="utf-8")
    assert main(["match", "--batch", str(batch), "--db", str(archive)]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(found) == lines and all(line["results"] for line in found)
    assert len(warmed) == expected


def test_a_known_total_warms_at_once_only_when_twice_the_threshold(archive, warmed, monkeypatch):
    monkeypatch.setattr(matcher_module, "BATCH_WARM_MIN_CLAIMS", 10)
    db = open_archive(archive)
    assert not Matcher(db).warm_for_batch(0, 5)
    assert Matcher(db).warm_for_batch(0, 6)
    matcher = Matcher(db)
    assert matcher.warm_for_batch(3) and not matcher.warm_for_batch(4)
    assert len(warmed) == 2
    db.close()
