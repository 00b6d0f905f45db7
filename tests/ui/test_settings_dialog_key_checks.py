"""The settings dialog tests stored keys itself, in a worker, against loopback stand-ins."""

from __future__ import annotations

from functools import partial

import keyring
import pytest
from PySide6.QtCore import QSettings

from app import secrets
from app.domain import RatingScale, ScaleId
from tests.fakes.http_server import FakeServer, Reply, unused_port_url
from tests.fakes.keyring_backend import MemoryKeyring
from ui.dialogs.api_keys_page import check_google_key, check_wayback_keys
from ui.dialogs.settings_dialog import SettingsDialog

SCALE = RatingScale(ScaleId(1), "Défaut", True, ())
TIMEOUT = 10_000


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.stop_session_store()
    yield backend
    secrets.stop_session_store()
    keyring.set_keyring(previous)


@pytest.fixture
def server():
    with FakeServer() as fake:
        yield fake


def make_dialog(qtbot, tmp_path, base_url: str) -> SettingsDialog:
    dialog = SettingsDialog(
        scale=SCALE,
        domain_ratings=[],
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        key_checks={
            "google_factcheck": partial(check_google_key, base_url=base_url),
            "wayback": partial(check_wayback_keys, base_url=base_url),
        },
    )
    qtbot.addWidget(dialog)
    return dialog


def result_text(dialog: SettingsDialog, service: str) -> str:
    return dialog.keys_page.results[service].text()


def wait_result(qtbot, dialog: SettingsDialog, service: str) -> str:
    qtbot.waitUntil(lambda: result_text(dialog, service) != "Testing…", timeout=TIMEOUT)
    dialog.keys_page.wait()
    return result_text(dialog, service)


def test_google_key_that_works(qtbot, tmp_path, server, memory_keyring):
    server.add("GET", "/v1alpha1/claims:search", Reply(json={"claims": []}))
    dialog = make_dialog(qtbot, tmp_path, server.url)
    page = dialog.keys_page
    page.rows[secrets.GOOGLE_FACTCHECK_API_KEY].field.setText("AIza-good")
    page.test_buttons["google_factcheck"].click()
    assert result_text(dialog, "google_factcheck") == "Testing…"  # the GUI did not wait
    assert wait_result(qtbot, dialog, "google_factcheck") == "The key works."
    assert server.requests[0].headers["x-goog-api-key"] == "AIza-good"


def test_google_key_refused(qtbot, tmp_path, server, memory_keyring):
    error = {"code": 400, "message": "API key not valid", "details": [
        {"reason": "API_KEY_INVALID"}
    ]}  # fmt: skip
    server.add("GET", "/v1alpha1/claims:search", Reply(status=400, json={"error": error}))
    memory_keyring.set_password("crible", secrets.GOOGLE_FACTCHECK_API_KEY, "AIza-bad")
    dialog = make_dialog(qtbot, tmp_path, server.url)
    dialog.keys_page.test_buttons["google_factcheck"].click()
    message = wait_result(qtbot, dialog, "google_factcheck")
    assert "not valid" in message and "AIza-bad" not in message


def test_wayback_keys_report_the_capture_budget(qtbot, tmp_path, server, memory_keyring):
    server.add("GET", "/save/status/user", Reply(json={"available": 5, "processing": 0}))
    memory_keyring.set_password("crible", secrets.WAYBACK_ACCESS_KEY, "acc")
    memory_keyring.set_password("crible", secrets.WAYBACK_SECRET_KEY, "sec")
    dialog = make_dialog(qtbot, tmp_path, server.url)
    dialog.keys_page.test_buttons["wayback"].click()
    assert wait_result(qtbot, dialog, "wayback") == "The keys work: 5 capture(s) can start now."
    assert server.requests[0].headers["authorization"] == "LOW acc:sec"


def test_offline_is_one_message(qtbot, tmp_path, memory_keyring):
    memory_keyring.set_password("crible", secrets.WAYBACK_ACCESS_KEY, "acc")
    memory_keyring.set_password("crible", secrets.WAYBACK_SECRET_KEY, "sec")
    dialog = make_dialog(qtbot, tmp_path, unused_port_url())
    dialog.keys_page.test_buttons["wayback"].click()
    message = wait_result(qtbot, dialog, "wayback")
    assert message and "sec" not in message.replace("second", "")
    assert dialog.keys_page.results["wayback"].styleSheet() == "color: #b3261e;"


def test_unexpected_failure_is_reported(qtbot, tmp_path, memory_keyring):
    def broken():
        raise ZeroDivisionError

    memory_keyring.set_password("crible", secrets.GOOGLE_FACTCHECK_API_KEY, "k")
    dialog = make_dialog(qtbot, tmp_path, unused_port_url())
    dialog.keys_page.checks["google_factcheck"] = broken
    dialog.keys_page.test_buttons["google_factcheck"].click()
    assert "ZeroDivisionError" in wait_result(qtbot, dialog, "google_factcheck")
