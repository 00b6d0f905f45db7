"""Screenshots of the publishing views: the publish checklist, the Articles view, Past work.

    .venv/bin/python docs/screenshots/make_publish_views.py [FOLDER]

Builds a fresh demo archive in a temporary folder, works two claims of the demo article in
the real window (verdicts, one review complete, one not), then grabs each view as the
checker sees it: ``publish-checklist.png``, ``articles.png`` and ``past-work.png``.
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
from app.storage.articles import add_article, update_article  # noqa: E402
from app.storage.settings import set_setting  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.database import ArchiveSession  # noqa: E402
from ui.dialogs.archive_browser import ArchiveBrowser  # noqa: E402
from ui.dialogs.articles_view import ArticlesView  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def wait_for(signal, timeout_ms: int = 120_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _prepare(path: Path) -> None:
    db = open_archive(path)
    load_demo(db)
    set_setting(db, "org_name", "Desk Vérif")
    set_setting(db, "org_url", "https://desk.example.org")
    update_article(db, 1, url="https://journal.example.fr/venezuela-frontiere",
                   outlet="Le Journal", published="2019-02-25")  # fmt: skip
    add_article(db, text="Le budget des écoles a baissé de 12 % depuis 2020, selon l'opposition.",
                title="Le budget des écoles", outlet="La Gazette", lang="fr",
                published="2024-09-02")  # fmt: skip
    db.close()


def main(folder: Path) -> int:
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "archive.db"
        _prepare(path)
        session = ArchiveSession(path)
        window = MainWindow(session, restore=False)
        window.resize(1400, 900)
        window.show()
        window.open_article(1)
        wait_for(window.matches_ready)
        levels = {level.key: level for level in session.scale.levels}
        first, second = window.claims[1], window.claims[11]
        window.edits.edit_claim(first.id, {
            "status": "checked", "verdict_level_id": levels["true"].id,
            "review_url": "https://desk.example.org/2019/02/camions-incendies",
            "review_headline": "Oui, des camions d'aide ont brûlé sur le pont Santander",
            "reviewer": "Ana Dupont", "review_date": "2019-02-26",
        })  # fmt: skip
        window.edits.edit_claim(second.id, {"status": "checked",
                                      "verdict_level_id": levels["mostly_false"].id})  # fmt: skip
        checklist = window.publish.show_checklist()
        checklist.resize(1100, 760)
        checklist.select_claim(int(second.id))
        settle()
        checklist.grab().save(str(folder / "publish-checklist.png"))
        checklist.close()

        articles = ArticlesView(path)
        articles.resize(1100, 360)
        articles.show()
        wait_for(articles.articles_loaded)
        articles.select_article(1)
        settle()
        articles.grab().save(str(folder / "articles.png"))
        articles.close()

        browser = ArchiveBrowser(path)
        browser.resize(1100, 560)
        browser.show()
        browser.tabs.setCurrentWidget(browser.past_work)
        browser.past_work.fields["verdict"].setText("faux")
        browser.past_work.search()
        wait_for(browser.past_work.search_finished)
        settle()
        browser.grab().save(str(folder / "past-work.png"))
        browser.close()
        window.close()
        session.close()
    app.processEvents()
    print("\n".join(str(folder / name) for name in
                    ("publish-checklist.png", "articles.png", "past-work.png")))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
    )
