"""Getting an article into the window: paste, drop, file, local web page; errors stay inline."""

from __future__ import annotations

import http.server
import sys
import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.storage.articles import list_articles

PASTED = (
    "Le ministre affirme que 45 % des jeunes sont au chômage en 2023. "
    "Selon l'Insee, le taux réel était de 17 % cette année-là."
)
PAGE = f"""<!doctype html><html lang="fr"><head><title>Chômage des jeunes</title></head>
<body><article><h1>Chômage des jeunes</h1><p>{PASTED}</p>
<p>Le gouvernement promet 300 000 emplois d'ici 2027, selon un communiqué publié lundi.</p>
</article></body></html>"""


def _shown(window, qtbot, action):
    with qtbot.waitSignal(window.article_shown, timeout=30000):
        action()


def test_pasted_text_is_split_stored_and_shown(window, qtbot):
    _shown(window, qtbot, lambda: window.open_text(PASTED))
    assert window.article.origin == "paste"
    assert window.claims and "45 %" in window.claims[0].text
    assert window.panes.claims_pane.model.rowCount() == len(window.claims)


def test_opening_the_same_text_twice_reopens_the_work(window, qtbot):
    _shown(window, qtbot, lambda: window.open_text(PASTED))
    first = window.article.id
    _shown(window, qtbot, lambda: window.open_text(PASTED))
    assert window.article.id == first


def test_dropping_text_opens_it(window, qtbot):
    mime = QMimeData()
    mime.setText(PASTED)
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    _shown(window, qtbot, lambda: window.dropEvent(event))
    assert "45 %" in window.article.text


def test_dropping_a_file_opens_it(window, qtbot, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(PASTED, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    _shown(window, qtbot, lambda: window.dropEvent(event))
    assert window.article.origin == "file"


@pytest.fixture
def local_site():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/article":
                self.send_error(404)
                return
            body = PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_web_page_is_fetched_in_the_background(window, qtbot, local_site):
    _shown(window, qtbot, lambda: window.open_source(f"{local_site}/article"))
    assert window.article.url == f"{local_site}/article"
    assert "300 000 emplois" in window.article.text


def test_an_unreachable_page_is_an_inline_error(window, qtbot, local_site):
    with qtbot.waitSignal(window.session.runner.ended, timeout=30000):
        window.open_source(f"{local_site}/missing")
    assert window.statusBar().currentMessage().startswith("⚠")
    assert window.article is None


def test_progress_can_be_cancelled_from_the_status_bar(window, qtbot):
    release = threading.Event()

    def slow(_db, progress):
        release.wait(10)
        progress.check()
        return None

    window.session.runner.start("slow", slow, label="Slow work")
    assert window.status.task_status.isVisibleTo(window)
    with qtbot.waitSignal(window.session.runner.ended, timeout=10000):
        window.status.task_status.cancel_button.click()
        release.set()
    assert not window.status.task_status.isVisibleTo(window)


def test_excepthook_shows_a_dialog_for_bugs_and_the_status_bar_for_user_errors(window, monkeypatch):
    from ui import app as ui_app

    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: window))
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        ui_app._excepthook(*sys.exc_info())
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("ZeroDivisionError" in b.text() for b in boxes)
    for box in boxes:
        box.close()
    try:
        raise UserError("the file is empty")
    except UserError:
        ui_app._excepthook(*sys.exc_info())
    assert "the file is empty" in window.statusBar().currentMessage()


def test_articles_opened_are_listed_for_reopening(window, qtbot):
    _shown(window, qtbot, lambda: window.open_text(PASTED))
    titles = [a.text[:10] for a in list_articles(window.session.db)]
    assert "Le ministr" in titles
