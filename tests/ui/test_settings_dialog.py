"""Settings: language and organisation, scale and domain tables, API keys in the keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordSetError
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit

from app import secrets
from app.domain import DomainRating, LevelId, RatingLevel, RatingScale, ScaleId
from tests.fakes.keyring_backend import MemoryKeyring
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import LANGUAGE_KEY, stored_language
from ui.models.settings_tables import DomainsModel, LevelsModel, clean_domain, parse_level_value

SCALE = RatingScale(
    ScaleId(1),
    "Défaut",
    True,
    (
        RatingLevel(LevelId(1), ScaleId(1), 0, "true", "Vrai", "True", 1.0, "#2e7d32"),
        RatingLevel(LevelId(2), ScaleId(1), 1, "false", "Faux", "False", 0.0, "#c62828"),
        RatingLevel(
            LevelId(3),
            ScaleId(1),
            2,
            "unverifiable",
            "Invérifiable",
            "Unverifiable",
            None,
            "#757575",
        ),
    ),
)
RATINGS = [
    DomainRating("insee.fr", "reliable", "Institut statistique"),
    DomainRating("exemple-blog.fr", "unreliable"),
]


def _install(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    secrets.stop_session_store()
    try:
        yield backend
    finally:
        secrets.stop_session_store()
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    yield from _install(MemoryKeyring())


@pytest.fixture
def no_keyring():
    yield from _install(fail.Keyring())


class LockedKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise KeyringLocked("locked")


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "crible.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, qsettings, memory_keyring):
    widget = SettingsDialog(
        scale=SCALE,
        domain_ratings=RATINGS,
        org_name="Les Vérificateurs",
        org_url="https://verif.example.org",
        settings=qsettings,
    )
    qtbot.addWidget(widget)
    return widget


# -- general ---------------------------------------------------------------------------------


def test_language_is_stored_in_qsettings_on_accept(dialog, qsettings):
    assert dialog.language() is None  # "system" by default
    combo = dialog.general.language
    combo.setCurrentIndex(combo.findData("fr"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert qsettings.value(LANGUAGE_KEY) == "fr"
    assert stored_language(qsettings) == "fr"
    assert dialog.language() == "fr"


def test_cancel_stores_nothing(dialog, qsettings):
    combo = dialog.general.language
    combo.setCurrentIndex(combo.findData("en"))
    dialog.reject()
    assert qsettings.value(LANGUAGE_KEY) is None


def test_organisation_is_returned_and_its_url_checked(dialog):
    dialog.general.org_name.setText("  Les Décodeurs ")
    dialog.general.org_url.setText("lemonde.fr")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "http" in dialog.general.error.text()
    dialog.general.org_url.setText("https://www.lemonde.fr/les-decodeurs/")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.organisation() == ("Les Décodeurs", "https://www.lemonde.fr/les-decodeurs/")


# -- rating scale ----------------------------------------------------------------------------


def test_levels_model_passes_qtmodeltester(qtmodeltester):
    model = LevelsModel(SCALE)
    qtmodeltester.check(model, force_py=True)
    model.add_level()
    model.move_level(0, 1)
    qtmodeltester.check(model, force_py=True)


def test_unchanged_scale_returns_none(dialog):
    assert dialog.scale_levels() is None


def test_edit_add_reorder_and_remove_levels(dialog):
    model = dialog.scale_page.model
    assert model.setData(model.index(0, LevelsModel.LABEL_EN), "Correct")
    assert model.setData(model.index(1, LevelsModel.VALUE), "0,1")
    assert not model.setData(model.index(1, LevelsModel.VALUE), "1.5")  # refused, kept
    assert not model.setData(model.index(1, LevelsModel.COLOR), "pas une couleur")
    assert model.setData(model.index(1, LevelsModel.COLOR), "red")
    row = model.add_level()
    for column, text in ((1, "mixed"), (2, "Mitigé"), (3, "Mixed"), (4, "0.5")):
        model.setData(model.index(row, column), text)
    assert model.move_level(row, -1) == row - 1
    model.remove_level(0)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.scale_levels() == [
        {"key": "false", "label_fr": "Faux", "label_en": "False", "value": 0.1, "color": "#ff0000"},
        {
            "key": "mixed",
            "label_fr": "Mitigé",
            "label_en": "Mixed",
            "value": 0.5,
            "color": "#888888",
        },
        {
            "key": "unverifiable",
            "label_fr": "Invérifiable",
            "label_en": "Unverifiable",
            "value": None,
            "color": "#757575",
        },
    ]


def test_scale_with_blank_or_duplicate_keys_is_refused(dialog):
    model = dialog.scale_page.model
    model.add_level()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is dialog.scale_page
    assert "key" in dialog.scale_page.error.text()
    model.setData(model.index(3, LevelsModel.KEY), "false")
    assert "key" in model.problem()
    model.setData(model.index(3, LevelsModel.KEY), "mixed")
    assert "label" in model.problem()


def test_move_level_at_the_edges_does_nothing():
    model = LevelsModel(SCALE)
    assert model.move_level(0, -1) == 0
    assert model.move_level(2, 1) == 2
    assert [level["key"] for level in model.levels()] == ["true", "false", "unverifiable"]


@pytest.mark.parametrize(("text", "value"), [("", None), ("0.5", 0.5), ("0,25", 0.25), ("1", 1)])
def test_parse_level_value(text, value):
    assert parse_level_value(text) == value


@pytest.mark.parametrize("text", ["-0.1", "2", "beaucoup"])
def test_parse_level_value_refuses(text):
    with pytest.raises(ValueError):
        parse_level_value(text)


# -- domains ---------------------------------------------------------------------------------


def test_domains_model_passes_qtmodeltester(qtmodeltester):
    model = DomainsModel(RATINGS)
    qtmodeltester.check(model, force_py=True)


def test_domain_changes(dialog):
    model = dialog.domains_page.model
    assert dialog.domain_changes() == ([], [])
    model.setData(model.index(0, DomainsModel.NOTE), "Statistique publique")
    model.remove_domain(1)
    row = model.add_domain()
    assert model.setData(model.index(row, DomainsModel.DOMAIN), "https://WWW.LeGorafi.fr/2024/x")
    model.setData(model.index(row, DomainsModel.RATING), "satire")
    assert model.index(row, DomainsModel.RATING).data() == "Satire"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    to_set, removed = dialog.domain_changes()
    assert to_set == [
        DomainRating("insee.fr", "reliable", "Statistique publique"),
        DomainRating("legorafi.fr", "satire", ""),
    ]
    assert removed == ["exemple-blog.fr"]


def test_blank_or_duplicate_domain_is_refused(dialog):
    model = dialog.domains_page.model
    row = model.add_domain()
    assert not model.setData(model.index(row, DomainsModel.DOMAIN), "   ")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is dialog.domains_page
    model.setData(model.index(row, DomainsModel.DOMAIN), "insee.fr")
    assert "twice" in model.problem()


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("LeMonde.fr", "lemonde.fr"),
        ("https://www.insee.fr/fr/x", "insee.fr"),
        ("www.bbc.co.uk.", "bbc.co.uk"),
        ("lemonde.fr/politique", "lemonde.fr"),
        ("a b", ""),
    ],
)
def test_clean_domain(text, domain):
    assert clean_domain(text) == domain


# -- API keys --------------------------------------------------------------------------------


def key_field(dialog, name) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def test_store_a_key_never_shows_it(dialog, memory_keyring, qtbot):
    page = dialog.keys_page
    row = page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
    assert row.status.text() == "Not set" and not row.remove.isEnabled()
    assert row.field.echoMode() == QLineEdit.EchoMode.Password
    row.field.setText("  AIza-secret-123  ")
    with qtbot.waitSignal(dialog.secrets_changed):
        row.save.click()
    assert memory_keyring.values[("crible", secrets.GOOGLE_FACTCHECK_API_KEY)] == "AIza-secret-123"
    assert row.field.text() == ""
    assert row.status.text() == "Stored in keyring" and row.remove.isEnabled()
    assert "replace" in row.field.placeholderText()
    # A fresh dialog shows the status only, never the key.
    other = SettingsDialog(scale=SCALE, domain_ratings=[], settings=dialog._settings)
    qtbot.addWidget(other)
    again = other.keys_page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
    assert again.field.text() == "" and again.status.text() == "Stored in keyring"


def test_replace_and_remove_a_key(dialog, memory_keyring):
    memory_keyring.set_password("crible", secrets.WAYBACK_ACCESS_KEY, "old")
    page = dialog.keys_page
    page.refresh()
    row = page.rows[secrets.WAYBACK_ACCESS_KEY]
    row.field.setText("new")
    row.field.returnPressed.emit()
    assert memory_keyring.values[("crible", secrets.WAYBACK_ACCESS_KEY)] == "new"
    row.remove.click()
    assert ("crible", secrets.WAYBACK_ACCESS_KEY) not in memory_keyring.values
    assert row.status.text() == "Not set"
    assert page.results["wayback"].text() == "Key removed."


class RefusingKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise PasswordSetError("refused")


def test_keyring_refusal_is_shown_and_nothing_stored(qtbot, qsettings):
    for backend in _install(RefusingKeyring()):
        dialog = SettingsDialog(scale=SCALE, domain_ratings=[], settings=qsettings)
        qtbot.addWidget(dialog)
        row = dialog.keys_page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
        row.field.setText("AIza-refused")
        with qtbot.assertNotEmitted(dialog.secrets_changed):
            row.save.click()
        message = dialog.keys_page.results["google_factcheck"].text()
        assert "refused" in message and "AIza-refused" not in message
        assert row.field.text() == "" and row.status.text() == "Not set"
        assert backend.values == {}


def test_test_button_saves_typed_key_then_asks_the_caller(qtbot, qsettings, memory_keyring):
    asked: list[str] = []
    dialog = SettingsDialog(
        scale=SCALE, domain_ratings=[], settings=qsettings, key_tester=asked.append
    )
    qtbot.addWidget(dialog)
    page = dialog.keys_page
    page.rows[secrets.GOOGLE_FACTCHECK_API_KEY].field.setText("AIza-typed")
    page.test_buttons["google_factcheck"].click()
    assert asked == ["google_factcheck"]
    assert memory_keyring.values[("crible", secrets.GOOGLE_FACTCHECK_API_KEY)] == "AIza-typed"
    assert page.results["google_factcheck"].text() == "Testing…"
    dialog.show_test_result("google_factcheck", False, "The API key was refused (HTTP 400).")
    assert page.results["google_factcheck"].text() == "The API key was refused (HTTP 400)."
    dialog.show_test_result("google_factcheck", True, "")
    assert page.results["google_factcheck"].text() == "The key works."


def test_test_without_a_stored_key_says_so(dialog, qtbot):
    page = dialog.keys_page
    page.rows[secrets.WAYBACK_ACCESS_KEY].field.setText("access-only")
    with qtbot.assertNotEmitted(dialog.key_test_requested):
        page.test_buttons["wayback"].click()
    assert "before testing" in page.results["wayback"].text()


def test_no_keyring_is_said_plainly_and_session_storage_offered(qtbot, qsettings, no_keyring):
    dialog = SettingsDialog(scale=SCALE, domain_ratings=[], settings=qsettings)
    qtbot.addWidget(dialog)
    page = dialog.keys_page
    assert "No usable system keyring" in page.backend.text()
    assert not page.session_button.isHidden()
    row = page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
    assert not row.field.isEnabled() and row.status.text() == "Cannot be stored"
    assert not page.test_buttons["google_factcheck"].isEnabled()
    with qtbot.waitSignal(dialog.secrets_changed):
        page.session_button.click()
    assert "this session only" in page.backend.text()
    assert page.session_button.isHidden()
    row.field.setText("AIza-session")
    row.save.click()
    assert row.status.text() == "Stored for this session"
    assert secrets.get_secret(secrets.GOOGLE_FACTCHECK_API_KEY) == "AIza-session"


def test_locked_keyring_is_reported_not_hidden(qtbot, qsettings):
    for _ in _install(LockedKeyring()):
        dialog = SettingsDialog(scale=SCALE, domain_ratings=[], settings=qsettings)
        qtbot.addWidget(dialog)
        row = dialog.keys_page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
        assert row.status.text() == "Unreadable"
        assert "locked" in row.status.toolTip()
        dialog.keys_page.test_buttons["google_factcheck"].click()
        assert "locked" in dialog.keys_page.results["google_factcheck"].text()


def test_no_key_value_reaches_qsettings(dialog, qsettings, memory_keyring):
    row = dialog.keys_page.rows[secrets.GOOGLE_FACTCHECK_API_KEY]
    row.field.setText("AIza-very-secret")
    row.save.click()
    dialog.accept()
    qsettings.sync()
    stored = {key: qsettings.value(key) for key in qsettings.allKeys()}
    assert "AIza-very-secret" not in repr(stored)


def test_existing_level_keys_cannot_change_new_ones_can():
    model = LevelsModel(SCALE)
    key = model.index(0, LevelsModel.KEY)
    assert not model.flags(key) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(key, "vrai")
    assert "cannot change" in key.data(Qt.ItemDataRole.ToolTipRole)
    assert model.flags(model.index(0, LevelsModel.LABEL_FR)) & Qt.ItemFlag.ItemIsEditable
    row = model.add_level()
    new_key = model.index(row, LevelsModel.KEY)
    assert model.flags(new_key) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(new_key, "false") and model.setData(new_key, "mixed")
    assert "fixed" not in model.levels()[0]
