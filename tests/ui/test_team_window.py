"""The window's team parts: the sync indicator and the claim's Team tab, against a real
PostgreSQL; the sync runs in a worker, so the GUI thread never waits on the network."""

from __future__ import annotations

import keyring
import pytest

from app.storage import open_archive
from app.storage.claims import add_claim, update_claim
from app.sync.engine import sync
from app.sync.team import join_team
from tests.fakes.keyring_backend import MemoryKeyring
from tests.sync.conftest import cluster, team  # noqa: F401  (fixtures)
from tests.sync.pg_cluster import Cluster
from ui.database import ArchiveSession
from ui.main_window import MainWindow


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def test_indicator_history_and_conflict_in_the_window(
    qtbot,
    tmp_path,
    cluster: Cluster,  # noqa: F811  (the fixture imported above)
    team: str,  # noqa: F811
    memory_keyring,
):
    cluster.add_checker(f"win_{team}", "win-pw")
    cluster.add_checker(f"other_{team}", "other-pw")
    mine_path, other_path = tmp_path / "mine.db", tmp_path / "other.db"
    mine = open_archive(mine_path)
    claim = add_claim(mine, text="Le chômage a baissé de 12 % en un an.")
    join_team(mine, cluster.url(f"win_{team}", "win-pw", team), "Wendy")
    sync(mine)
    wendys_keyring = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # Omar works on his own machine
    other = open_archive(other_path)
    join_team(other, cluster.url(f"other_{team}", "other-pw", team), "Omar")
    sync(other)
    other_claim = other.execute("SELECT id FROM claims").fetchone()[0]
    update_claim(mine, claim.id, notes="Wendy: INSEE")
    update_claim(other, other_claim, notes="Omar: Eurostat")
    mine.close()
    sync(other)
    other.close()
    keyring.set_keyring(wendys_keyring)

    session = ArchiveSession(mine_path)
    window = MainWindow(session, restore=False)
    qtbot.addWidget(window)
    indicator = window.team.indicator
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=10_000)
    assert "1 to send" in indicator.text()
    with qtbot.waitSignal(indicator.synced, timeout=60_000):
        indicator.click()
    assert "conflict" in indicator.text()
    window.panes.claims_pane.claim_selected.emit(claim.id)
    qtbot.waitUntil(lambda: window.team.history_pane.conflict_count == 1, timeout=10_000)
    text = window.team.history_pane.conflicts.item(0).text()
    assert "Wendy: INSEE" in text and "Omar: Eurostat" in text
    assert "Omar" in window.team.history_pane.history.toPlainText()
    window.close()
    session.close()


def test_offline_shows_in_the_indicator_and_keeps_the_window_usable(
    qtbot,
    tmp_path,
    cluster: Cluster,  # noqa: F811  (the fixture imported above)
    team: str,  # noqa: F811
    memory_keyring,
):
    cluster.add_checker(f"off_{team}", "off-pw")
    path = tmp_path / "off.db"
    db = open_archive(path)
    add_claim(db, text="Le chômage a baissé de 12 % en un an.")
    join_team(db, cluster.url(f"off_{team}", "off-pw", team), "Olga")
    server = db.execute("SELECT server FROM sync_state").fetchone()[0]
    with db.atomic():
        db.execute("UPDATE sync_state SET server = ?", [server.replace(str(cluster.port), "1")])
    db.close()
    session = ArchiveSession(path)
    window = MainWindow(session, restore=False)
    qtbot.addWidget(window)
    indicator = window.team.indicator
    qtbot.waitUntil(lambda: not indicator.isHidden(), timeout=10_000)
    indicator.click()
    qtbot.waitUntil(lambda: "offline" in indicator.text(), timeout=60_000)
    assert "to send" in indicator.text()
    assert "cannot reach the team server" in indicator.toolTip()
    window.close()
    session.close()
