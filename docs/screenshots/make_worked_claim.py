"""Screenshot of a claim worked through in the window: status, verdict, notes, a source.

    .venv/bin/python docs/screenshots/make_worked_claim.py [OUT.png]

Builds a fresh demo archive in a temporary folder, drives the real window through the
same operations a checker's clicks run (so each one is an undoable, saved edit), and saves
``docs/screenshots/worked-claim.png`` (1400×900).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.seeds import load_demo  # noqa: E402
from app.storage import open_archive  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.database import ArchiveSession  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def wait_for(signal, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(out: Path) -> int:
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.db"
        db = open_archive(path)
        load_demo(db)
        db.close()
        session = ArchiveSession(path)
        window = MainWindow(session, restore=False)
        window.resize(1400, 900)
        window.show()
        window.open_article(1)
        wait_for(window.matches_ready)
        claim = _claim_with_matches(window)
        window.panes.claims_pane.select_claim(claim.id)
        scale = session.scale
        true_level = next(level for level in scale.levels if level.key == "true")
        window.edits.edit_claim(
            claim.id,
            {
                "status": "checked",
                "verdict_level_id": true_level.id,
                "verdict_text": "La fermeture a bien été annoncée le vendredi 22 février.",
                "notes": "Annonce confirmée par le communiqué colombien du 22 février.",
            },
        )
        window.edits.add_source(
            claim.id,
            {
                "url": "https://www.migracioncolombia.gov.co/noticias/cierre-frontera-2019",
                "title": "Cierre temporal de pasos fronterizos",
                "publisher": "Migración Colombia",
                "published_date": "2019-02-22",
                "stance": "supports",
                "excerpt": "Les trois ponts sont fermés depuis le vendredi 22 février.",
            },
        )
        match = window.panes.matches_pane.current_match()
        if match is not None:
            window.edits.set_link(int(match.claim_id), "same", float(match.score))
        window.panes.tabs.setCurrentWidget(window.panes.sources_pane)
        window.panes.sources_pane.select_link(int(session.sources_of(claim.id)[0].id))
        app.processEvents()
        window.grab().save(str(out), "PNG")
        window.close()
        session.close()
    return 0


def _claim_with_matches(window: MainWindow):
    for claim in window.claims:
        if "trois ponts" in claim.text:
            return claim
    for claim in window.claims:
        if window.results.matches.get(int(claim.id)):
            return claim
    return window.claims[0]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots/worked-claim.png"
    raise SystemExit(main(target))
