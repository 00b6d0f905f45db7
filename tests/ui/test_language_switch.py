"""Choosing another UI language in Settings offers to restart Crible, asked in that language."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QProcess, QSettings

from ui.dialogs.restart import RestartBox
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import LANGUAGE_KEY, remove_translators
from ui.window.settings_flow import SettingsFlow


@pytest.fixture
def english_window(window, qapp):
    remove_translators(qapp)  # the window speaks English
    QSettings().setValue(LANGUAGE_KEY, "en")
    yield window
    QSettings().remove(LANGUAGE_KEY)


def _choose(monkeypatch, language: str) -> None:
    """Make the settings dialog pick ``language`` and be accepted, without showing it."""

    def exec_(dialog: SettingsDialog) -> int:
        combo = dialog.general.language
        combo.setCurrentIndex(combo.findData(language))
        dialog.accept()
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", exec_)


def test_choosing_french_offers_a_restart(english_window, monkeypatch):
    offered = []
    monkeypatch.setattr(SettingsFlow, "offer_restart", lambda _flow, lang: offered.append(lang))
    _choose(monkeypatch, "fr")
    english_window.show_settings()
    assert offered == ["fr"]
    assert QSettings().value(LANGUAGE_KEY) == "fr"


def test_keeping_the_language_offers_nothing(english_window, monkeypatch):
    offered = []
    monkeypatch.setattr(SettingsFlow, "offer_restart", lambda _flow, lang: offered.append(lang))
    _choose(monkeypatch, "en")
    english_window.show_settings()
    assert offered == []


def test_the_question_is_asked_in_the_new_language(english_window):
    box = RestartBox("fr", english_window)
    assert box.text().startswith("Redémarrer Crible maintenant")
    assert {b.text() for b in box.buttons()} == {"&Redémarrer maintenant", "P&lus tard"}
    english = RestartBox("en", english_window)
    assert english.text().startswith("Restart Crible now")


def test_restart_starts_crible_on_the_same_archive_and_closes(english_window, monkeypatch):
    started = []

    def start(program, arguments):
        started.append((program, list(arguments)))
        return True

    monkeypatch.setattr(QProcess, "startDetached", staticmethod(start))
    assert english_window.settings_flow.restart()
    path = str(english_window.session.path)
    assert started == [(sys.executable, ["-m", "app", "--db", path, "gui"])]
    assert not english_window.isVisible()


def test_a_failed_restart_says_so_and_keeps_the_window(english_window, monkeypatch):
    monkeypatch.setattr(QProcess, "startDetached", staticmethod(lambda *_a: False))
    assert not english_window.settings_flow.restart()
    assert english_window.isVisible()
    assert "could not restart" in english_window.statusBar().currentMessage()


def test_the_settings_page_says_when_the_language_applies(qtbot):
    from PySide6.QtWidgets import QLabel

    from ui.dialogs.settings_dialog import GeneralPage

    page = GeneralPage("system", "", "")
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any("applies when Crible restarts" in text for text in texts)
