"""The UI exists in French and English: catalogues complete, installed on demand, plurals right."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

import ui.i18n as i18n
from app.domain import ClaimSource, Source
from ui.i18n import install_translator, remove_translators, stored_language
from ui.models.labels import status_label
from ui.panes.sources_pane import SourcesPane
from ui.panes.verdict_editor import VerdictEditor

_PLACEHOLDER = re.compile(r"%n|%\d|\{\w+\}")


@pytest.fixture
def app(qapp):
    yield qapp
    remove_translators(qapp)


def messages(name: str):
    root = ET.parse(i18n.translations_dir() / name).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    forms = [form.text or "" for form in translation.findall("numerusform")]
    return forms or [translation.text or ""]


def test_french_catalogue_is_complete_and_compiled():
    assert (i18n.translations_dir() / "crible_fr.qm").stat().st_size > 1000
    unfinished = [
        f"{context}: {message.findtext('source')}"
        for context, message in messages("crible_fr.ts")
        if message.find("translation").get("type") == "unfinished"
        or not all(translations_of(message))
    ]
    assert unfinished == []
    assert all(context for context, _ in messages("crible_fr.ts"))  # runtime needs one


@pytest.mark.parametrize("name", ["crible_fr.ts", "crible_en.ts"])
def test_translations_keep_placeholders_and_mnemonics(name):
    for context, message in messages(name):
        source = message.findtext("source") or ""
        for translated in translations_of(message):
            where = f"{context}: {source!r} -> {translated!r}"
            wanted = set(_PLACEHOLDER.findall(source))
            assert set(_PLACEHOLDER.findall(translated)) == wanted, where
            has_mnemonic = "&" in source.replace("&&", "")
            assert ("&" in translated.replace("&&", "")) == has_mnemonic, where


def test_french_is_installed_for_widgets(app, qtbot):
    assert install_translator(app, "fr") == "fr"
    assert status_label("to_check") == "À vérifier"
    editor = VerdictEditor()
    qtbot.addWidget(editor)
    labels = {label.text() for label in editor.findChildren(QLabel)}
    assert "&Cotation\u00a0:" in labels
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)  # Qt's own strings
    qtbot.addWidget(buttons)
    assert [button.text() for button in buttons.buttons()] == ["Annuler"]


def test_plural_forms_in_both_languages(app, qtbot):
    pane = SourcesPane()
    qtbot.addWidget(pane)
    one = [ClaimSource(1, 7, Source(1, "https://insee.fr/a"))]
    three = [ClaimSource(i, 7, Source(i, f"https://insee.fr/{i}")) for i in range(3)]
    install_translator(app, "fr")
    pane.set_sources(7, one, {})
    assert pane._title.text() == "1 source"
    pane.set_sources(7, three, {})
    assert pane._title.text() == "3 sources"
    assert install_translator(app, "en") == "en"
    pane.set_sources(7, one, {})
    assert pane._title.text() == "1 source"
    pane.set_sources(7, three, {})
    assert pane._title.text() == "3 sources"


def test_reinstalling_replaces_the_previous_language(app):
    install_translator(app, "fr")
    install_translator(app, "en")
    assert status_label("to_check") == "To check"
    remove_translators(app)
    assert status_label("to_check") == "To check"


def test_none_follows_the_system(app, monkeypatch):
    monkeypatch.setattr(i18n, "system_language", lambda: "fr")
    assert install_translator(app, None) == "fr"
    assert status_label("checked") == "Vérifiée"
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    assert install_translator(app, None) == "en"


def test_missing_catalogue_falls_back_to_english(app, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert install_translator(app, "fr") == "en"
    assert status_label("checked") == "Checked"
    assert "no fr translation" in caplog.text


def test_system_language_reads_the_locale(monkeypatch):
    class FakeLocale:
        def __init__(self, languages):
            self._languages = languages

        def uiLanguages(self):
            return self._languages

    for languages, expected in (
        (["fr-CA", "en-US"], "fr"),
        (["de-DE", "en-GB"], "en"),
        (["de-DE"], "en"),
    ):
        monkeypatch.setattr(i18n.QLocale, "system", lambda langs=languages: FakeLocale(langs))
        assert i18n.system_language() == expected


def test_stored_language(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert stored_language(settings) is None
    settings.setValue(i18n.LANGUAGE_KEY, "fr")
    assert stored_language(settings) == "fr"
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert stored_language(settings) is None


def test_app_is_a_qapplication(app):
    assert isinstance(app, QApplication)


def test_failure_text_says_the_checkers_mistake_and_logs_a_bug(app, caplog):
    from app.errors import UserError

    assert install_translator(app, "fr") == "fr"
    mistake = UserError("no such file: {path}", path="a.txt")
    assert i18n.failure_text(mistake, "search") == i18n.user_message(mistake)
    assert not caplog.records  # a checker's mistake is not a bug: nothing logged
    with caplog.at_level("ERROR", logger="ui.i18n"):
        shown = i18n.failure_text(KeyError("x"), "claim search")
    assert shown == "Un problème est survenu (KeyError)\u00a0; voir le journal."
    assert caplog.records[-1].message == "claim search failed"
    assert caplog.records[-1].exc_info is not None
