"""The window shell: three panes, menus, status bar, About box, and an article on screen."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def _open_first_article(window, qtbot):
    with qtbot.waitSignal(window.matches_ready, timeout=20000):
        window.open_article(1)


def test_window_has_panes_menus_and_status_bar(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Claim", "View", "Help"]
    assert window.article_view.isVisible()
    assert window.claims_pane.isVisible()
    assert window.tabs.count() == 2
    assert str(window.session.path) in window.archive_label.text()


def test_opening_an_article_lists_its_claims_and_selects_one(window, qtbot):
    _open_first_article(window, qtbot)
    assert window.claims_pane.model.rowCount() == 4
    assert window.claims_pane.current_claim_id() is not None
    assert "Aide au Venezuela" in window.windowTitle()
    assert window.article_view.toPlainText().startswith("Le gouvernement")


def test_about_box_names_the_archive(window, qtbot, monkeypatch):
    shown = {}
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.update(t=text))
    window.actions_.about.trigger()
    assert str(window.session.path) in shown["t"]


def test_a_missing_article_is_an_inline_error_not_a_crash(window, qtbot):
    with qtbot.waitSignal(window.matches_ready, timeout=10000):
        window.open_article(999)
    assert "999" in window.statusBar().currentMessage()
