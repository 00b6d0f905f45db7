"""The API keys page of the settings dialog: store, test, replace, remove keys in the keyring.

A stored key never comes back into a field: the page only says whether one is stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import secrets
from app.errors import UserError
from app.interop import factcheck_api, wayback
from ui.i18n import user_message
from ui.widgets.named import named
from ui.worker import LatestCall

log = logging.getLogger(__name__)

SERVICES: dict[str, tuple[str, ...]] = {
    "google_factcheck": (secrets.GOOGLE_FACTCHECK_API_KEY,),
    "wayback": (secrets.WAYBACK_ACCESS_KEY, secrets.WAYBACK_SECRET_KEY),
}


def check_google_key(base_url: str = factcheck_api.DEFAULT_BASE_URL) -> None:
    """Worker side: the smallest search with the stored key; UserError when refused."""
    key = secrets.require_secret(secrets.GOOGLE_FACTCHECK_API_KEY)
    factcheck_api.check_key(key, base_url=base_url)


def check_wayback_keys(base_url: str = wayback.DEFAULT_BASE_URL) -> wayback.WaybackAccount:
    """Worker side: the account status behind the stored Internet Archive keys."""
    return wayback.check_keys(
        access_key=secrets.require_secret(secrets.WAYBACK_ACCESS_KEY),
        secret_key=secrets.require_secret(secrets.WAYBACK_SECRET_KEY),
        base_url=base_url,
    )


BUILTIN_CHECKS: dict[str, Callable[[], Any]] = {
    "google_factcheck": check_google_key,
    "wayback": check_wayback_keys,
}
_OK_STYLE = "color: #2e7d32;"
_ERROR_STYLE = "color: #b3261e;"


class _KeyRow:
    """One secret: its password field, status and buttons (widgets live in the page's grid)."""

    def __init__(self, page: ApiKeysPage, name: str, label: str) -> None:
        self.name = name
        self.label = QLabel(label)
        self.field = named(QLineEdit(), name)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.status = named(QLabel(), f"{name}_status")
        self.save = QPushButton(QCoreApplication.translate("ApiKeysPage", "Save"))
        self.remove = QPushButton(QCoreApplication.translate("ApiKeysPage", "Remove"))
        self.field.returnPressed.connect(self.save.click)


class ApiKeysPage(QWidget):
    """Keys for Google Fact Check Tools and the Wayback Machine, kept in the OS keyring.

    Signals:
        test_requested(str service): "google_factcheck" or "wayback", after any typed key
            of that service was stored; the dialog's caller runs the test.
        secrets_changed(): a key was stored or removed, or session-only storage began.
    """

    test_requested = Signal(str)
    secrets_changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, checks: dict[str, Callable[[], Any]] | None = None
    ) -> None:
        super().__init__(parent)
        self.checks = dict(BUILTIN_CHECKS if checks is None else checks)
        self._calls: dict[str, LatestCall] = {}
        self.rows: dict[str, _KeyRow] = {}
        self.results: dict[str, QLabel] = {}
        self.test_buttons: dict[str, QPushButton] = {}
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.backend = named(QLabel(), "backend_status")
        self.backend.setWordWrap(True)
        self.session_button = QPushButton(self.tr("Keep keys for this session only"))
        self.session_button.setToolTip(
            self.tr("Keys stay in memory and are forgotten when Crible quits.")
        )
        self.session_button.clicked.connect(self._on_session_clicked)
        banner = QHBoxLayout()
        banner.addWidget(self.backend, 1)
        banner.addWidget(self.session_button)
        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addWidget(
            self._group(
                "google_factcheck",
                self.tr("Google Fact Check Tools"),
                {secrets.GOOGLE_FACTCHECK_API_KEY: self.tr("API &key:")},
                self.tr(
                    "Searches fact-checks published worldwide. Create a free key in the Google "
                    "Cloud console and enable the “Fact Check Tools API”."
                ),
            )
        )
        layout.addWidget(
            self._group(
                "wayback",
                self.tr("Wayback Machine (Internet Archive S3 keys)"),
                {
                    secrets.WAYBACK_ACCESS_KEY: self.tr("A&ccess key:"),
                    secrets.WAYBACK_SECRET_KEY: self.tr("S&ecret key:"),
                },
                self.tr(
                    "Archives your sources on web.archive.org. Your keys are on "
                    "archive.org/account/s3.php once you are logged in."
                ),
            )
        )
        layout.addStretch(1)

    def _group(self, service: str, title: str, names: dict[str, str], hint: str) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        about = QLabel(hint)
        about.setWordWrap(True)
        about.setStyleSheet("color: #555555;")
        grid.addWidget(about, 0, 0, 1, 5)
        for line, (name, label) in enumerate(names.items(), start=1):
            row = _KeyRow(self, name, label)
            self.rows[name] = row
            for column, widget in enumerate(
                (row.label, row.field, row.status, row.save, row.remove)
            ):
                grid.addWidget(widget, line, column)
            row.save.clicked.connect(lambda _=False, r=row: self._store(r))
            row.remove.clicked.connect(lambda _=False, r=row: self._remove(r))
        test = QPushButton(self.tr("&Test") if service == "google_factcheck" else self.tr("Te&st"))
        test.clicked.connect(lambda: self._on_test_clicked(service))
        result = named(QLabel(), f"{service}_result")
        result.setTextFormat(Qt.TextFormat.PlainText)  # service errors are never markup
        result.setWordWrap(True)
        grid.addWidget(test, len(names) + 1, 3)
        grid.addWidget(result, len(names) + 2, 0, 1, 5)
        grid.setColumnStretch(1, 1)
        self.test_buttons[service] = test
        self.results[service] = result
        return box

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read where keys go and which are stored (never their values)."""
        status = secrets.backend_status()
        if status.session_only:
            text = self.tr("Keys are kept in memory for this session only.")
        elif status.usable:
            text = self.tr("Keys are stored in the system keyring (%1).").replace(
                "%1", status.backend
            )
        else:
            text = self.tr(
                "No usable system keyring was found on this computer, so keys cannot be "
                "stored permanently. Crible still works without them."
            )
        self.backend.setText(text)
        # The label says where keys go; the core's detail only matters when it says why not.
        self.backend.setToolTip("" if status.usable else user_message(status.message))
        self.backend.setStyleSheet("" if status.usable else _ERROR_STYLE)
        self.session_button.setVisible(not status.usable)
        for row in self.rows.values():
            self._refresh_row(row, status.usable, status.session_only)
        for button in self.test_buttons.values():
            button.setEnabled(status.usable)

    def _refresh_row(self, row: _KeyRow, usable: bool, session_only: bool) -> None:
        for widget in (row.field, row.save):
            widget.setEnabled(usable)
        stored = False
        if not usable:
            row.status.setText(self.tr("Cannot be stored"))
        else:
            try:
                stored = secrets.has_secret(row.name)
            except UserError as exc:
                row.status.setText(self.tr("Unreadable"))
                row.status.setToolTip(user_message(exc))
            else:
                if stored:
                    where = self.tr("for this session") if session_only else self.tr("in keyring")
                    row.status.setText(self.tr("Stored %1").replace("%1", where))
                else:
                    row.status.setText(self.tr("Not set"))
                row.status.setToolTip("")
        row.status.setStyleSheet(_OK_STYLE if stored else "")
        row.remove.setEnabled(stored)
        row.field.setPlaceholderText(
            self.tr("Paste a new key to replace the stored one")
            if stored
            else self.tr("Paste the key")
        )

    # -- actions ----------------------------------------------------------------------------

    def _service_of(self, name: str) -> str:
        return next(s for s, names in SERVICES.items() if name in names)

    def _say(self, service: str, message: str, ok: bool) -> None:
        label = self.results[service]
        label.setText(message)
        label.setStyleSheet(_OK_STYLE if ok else _ERROR_STYLE)

    def _store(self, row: _KeyRow) -> bool:
        value = row.field.text()
        if not value.strip():
            return True  # nothing typed: the stored key (if any) stays
        try:
            secrets.set_secret(row.name, value)
        except UserError as exc:
            self._say(self._service_of(row.name), user_message(exc), ok=False)
            return False
        finally:
            row.field.clear()  # the key never lingers in the widget
        self._say(self._service_of(row.name), self.tr("Key stored."), ok=True)
        self.refresh()
        self.secrets_changed.emit()
        return True

    def _remove(self, row: _KeyRow) -> None:
        try:
            secrets.delete_secret(row.name)
        except UserError as exc:
            self._say(self._service_of(row.name), user_message(exc), ok=False)
            return
        self._say(self._service_of(row.name), self.tr("Key removed."), ok=True)
        self.refresh()
        self.secrets_changed.emit()

    def _on_test_clicked(self, service: str) -> None:
        rows = [self.rows[name] for name in SERVICES[service]]
        if not all(self._store(row) for row in rows):
            return
        try:
            missing = [row for row in rows if not secrets.has_secret(row.name)]
        except UserError as exc:
            self._say(service, user_message(exc), ok=False)
            return
        if missing:
            self._say(service, self.tr("Enter and save the key before testing it."), ok=False)
            return
        self._say(service, self.tr("Testing…"), ok=True)
        self.results[service].setStyleSheet("")
        self.test_requested.emit(service)

    def show_test_result(self, service: str, ok: bool, message: str) -> None:
        if service in self.results:
            self._say(service, message or (self.tr("The key works.") if ok else ""), ok)

    @Slot(str)
    def run_check(self, service: str) -> None:
        """Test the stored keys of `service` in a worker and show the outcome here."""
        call = self._calls.get(service)
        if call is None:
            call = self._calls[service] = LatestCall(self)
            call.result_ready.connect(lambda result, s=service: self._on_check_passed(s, result))
            call.error_raised.connect(lambda exc, s=service: self._on_check_failed(s, exc))
        call.start(self.checks[service])

    def wait(self, msecs: int = -1) -> bool:
        """Block until running key tests end (shutdown and tests only)."""
        return all(call.wait(msecs) for call in self._calls.values())

    def _on_check_passed(self, service: str, result: object) -> None:
        if isinstance(result, wayback.WaybackAccount):
            message = self.tr("The keys work: %n capture(s) can start now.", "", result.available)
        else:
            message = self.tr("The key works.")
        self.show_test_result(service, True, message)

    def _on_check_failed(self, service: str, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            log.error("testing the %s keys failed", service, exc_info=exc)
            message = self.tr("The test failed unexpectedly (%1); see the log.")
            self.show_test_result(service, False, message.replace("%1", type(exc).__name__))
            return
        self.show_test_result(service, False, user_message(exc))

    @Slot()
    def _on_session_clicked(self) -> None:
        secrets.use_session_store()
        self.refresh()
        self.secrets_changed.emit()
