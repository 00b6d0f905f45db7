"""Security in the window: rich-text views escape archive data; keys never reach QSettings."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings

from app import secrets
from app.matching import Matcher
from app.storage import open_archive
from app.storage.articles import add_article
from app.storage.claims import add_claim
from app.storage.scales import default_scale
from app.storage.sources import add_source
from tests.app.test_security import EVIL, _Active
from tests.fakes.keyring_backend import MemoryKeyring

SECRET = "AIzaSy-UI-SECRET-never-on-disk-77"


def _active(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


@pytest.fixture
def evil_archive(tmp_path):
    db = open_archive(tmp_path / "evil.db")
    article = add_article(
        db, text=f"Texte {EVIL}", title=f"Titre {EVIL}", outlet=EVIL, author=EVIL, lang="fr"
    )
    claim = add_claim(
        db, text=f"Le Venezuela a reçu 300 tonnes d'aide {EVIL}", lang="fr", origin="archive"
    )
    link = add_source(
        db,
        claim.id,
        url='https://e.org/"><script>alert(9)</script>',
        title=EVIL,
        publisher=EVIL,
        excerpt=EVIL,
        note=EVIL,
    )
    with db.atomic():
        db.execute(
            "INSERT INTO reviews(claim_id, dedup_key, publisher, url, textual_rating, headline)"
            " VALUES (?, 'k', ?, 'javascript:alert(4)', ?, ?)",
            [claim.id, EVIL, EVIL, EVIL],
        )
    yield db, article, link
    db.close()


def test_rich_text_views_escape_archive_data(qapp, evil_archive):
    from ui.models.archive_models import ArchiveHit, hit_details_html
    from ui.models.explain import explanation_html
    from ui.models.sources_model import source_details_html
    from ui.window.layout import header_html

    db, article, link = evil_archive
    query = f"Venezuela 300 tonnes d'aide {EVIL}"
    [match] = Matcher(db).match(query, min_score=0, limit=1)
    views = {
        "header": header_html(article, 3),
        "source": source_details_html(link, None),
        "explanation": explanation_html(query, match),
        "archive hit": hit_details_html(ArchiveHit(match, article.id, EVIL)),
    }
    assert {name: _active(html) for name, html in views.items()} == {name: [] for name in views}


def test_article_view_shows_markup_as_text(qtbot):
    from ui.panes.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.set_article(f"Avant {EVIL} après", [])
    assert view.toPlainText() == f"Avant {EVIL} après"


def test_api_key_from_settings_dialog_never_reaches_qsettings(qtbot, tmp_path):
    from ui.dialogs.settings_dialog import SettingsDialog

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.stop_session_store()
    try:
        db = open_archive(tmp_path / "a.db")
        scale = default_scale(db)
        db.close()
        ini = tmp_path / "settings" / "crible.ini"
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        dialog = SettingsDialog(scale=scale, domain_ratings=[], settings=settings)
        qtbot.addWidget(dialog)
        row = dialog.keys_page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
        row.field.setText(SECRET)
        with qtbot.waitSignal(dialog.secrets_changed):
            row.save.click()
        dialog.accept()
        settings.sync()
        QSettings().sync()
    finally:
        secrets.stop_session_store()
        keyring.set_keyring(previous)
    assert backend.values[("crible", secrets.GOOGLE_FACTCHECK_API_KEY)] == SECRET
    assert ini.exists()
    default_folder = Path(QSettings().fileName()).parent
    for folder in (tmp_path, default_folder):
        for path in folder.rglob("*"):
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path
