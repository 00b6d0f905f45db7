"""The window shell: three panes, menus, status bar, About box, and an article on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


def _open_first_article(window, qtbot):
    with qtbot.waitSignal(window.matches_ready, timeout=20000):
        window.open_article(1)


def test_window_has_panes_menus_and_status_bar(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Claim", "View", "Help"]
    assert window.panes.article_view.isVisible()
    assert window.panes.claims_pane.isVisible()
    assert window.panes.tabs.count() == 3
    assert str(window.session.path) in window.status.archive_label.text()


def test_opening_an_article_lists_its_claims_and_selects_one(window, qtbot):
    _open_first_article(window, qtbot)
    assert window.panes.claims_pane.model.rowCount() == 4
    assert window.panes.claims_pane.current_claim_id() is not None
    assert "Aide au Venezuela" in window.windowTitle()
    assert window.panes.article_view.toPlainText().startswith("Le gouvernement")


def test_about_box_names_the_archive(window, qtbot, monkeypatch):
    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.update(t=text))
    window.actions_.about.trigger()
    assert str(window.session.path) in shown["t"]


def test_a_missing_article_is_an_inline_error_not_a_crash(window, qtbot):
    with qtbot.waitSignal(window.matches_ready, timeout=10000):
        window.open_article(999)
    assert "999" in window.statusBar().currentMessage()


def test_help_lists_the_shortcuts(window, qtbot, monkeypatch):
    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    seen = {}
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: seen.update(rows=self.rows()) or 0)
    window.actions_.shortcuts.trigger()
    text = " ".join(" ".join(row) for row in seen["rows"])
    for needed in ("Next claim", "Previous claim", "Set verdict", "Add source", "J", "K"):
        assert needed in text


def test_archive_browser_opens_an_article_in_the_window(window, qtbot):
    window.actions_.archive_browser.trigger()
    from ui.dialogs.archive_browser import ArchiveBrowser

    [browser] = window.findChildren(ArchiveBrowser)
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        browser.article_open_requested.emit(1)
    assert window.article is not None and window.article.id == 1
    browser.close()


@pytest.fixture
def memory_keyring():
    import keyring

    from tests.fakes.keyring_backend import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def test_archiving_a_source_records_the_archive_url(window, qtbot, monkeypatch, memory_keyring):
    from app.interop import snapshot, wayback

    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(1)
    claim = window.claims[0]
    window.panes.claims_pane.select_claim(claim.id)
    window.edits.add_source(claim.id, {"url": "https://example.org/page"})
    [link] = window.session.sources_of(claim.id)
    archived = "https://web.archive.org/web/2019/https://example.org/page"
    monkeypatch.setattr(wayback, "archive_url", lambda url, **_: archived)
    monkeypatch.setattr(snapshot, "snapshot_source", lambda *_a, **_k: "page text")  # no network
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.edits.archive_source(link.id)
    assert window.session.sources_of(claim.id)[0].source.archive_url == archived


def test_archiving_without_keys_is_an_inline_error(window, qtbot, monkeypatch, memory_keyring):
    from app.errors import UserError
    from app.interop import snapshot, wayback

    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(1)
    claim = window.claims[0]
    window.edits.add_source(claim.id, {"url": "https://example.org/page"})
    [link] = window.session.sources_of(claim.id)

    def refuse(url, **_):
        raise UserError("no Wayback keys: add them in Settings")

    monkeypatch.setattr(wayback, "archive_url", refuse)
    monkeypatch.setattr(snapshot, "snapshot_source", lambda *_a, **_k: "page text")  # no network
    with qtbot.waitSignal(window.session.runner.ended, timeout=10000):
        window.edits.archive_source(link.id)
    assert "Wayback keys" in window.statusBar().currentMessage()


def test_application_setup_names_styles_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QSettings

    from ui.app import create_application
    from ui.i18n import LANGUAGE_KEY, remove_translators

    QCoreApplication.setOrganizationName("Crible")  # what create_application reads from
    QCoreApplication.setApplicationName("Crible")
    QSettings().setValue(LANGUAGE_KEY, "fr")  # in the test's own settings folder
    try:
        app = create_application()
        assert QCoreApplication.organizationName() == "Crible"
        assert "articleView" in app.styleSheet()
        assert QCoreApplication.translate("ClaimStatus", "To check") == "À vérifier"
    finally:
        remove_translators(qapp)  # other tests expect the untranslated source strings
        QSettings().remove(LANGUAGE_KEY)
    assert QCoreApplication.translate("ClaimStatus", "To check") == "To check"
