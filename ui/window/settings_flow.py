"""Settings, as the window runs them: show the dialog, store what it returns, and offer a
restart when the UI language changed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import QWidget

from app.storage import domains as domains_store
from app.storage import scales as scales_store
from app.storage import settings as settings_store
from ui.database import ArchiveSession
from ui.dialogs.restart import RestartBox
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import current_language, resolve_language, stored_language


class SettingsFlow(QObject):
    """Runs the Settings dialog over the session's archive (settings are not part of undo).

    Signals:
        applied(): the settings were stored; panes showing the scale or ratings refresh.
        restart_failed(): Crible could not start itself again.
        restarting(): a new Crible started on this archive; the window should close.
    """

    applied = Signal()
    restart_failed = Signal()
    restarting = Signal()

    def __init__(self, session: ArchiveSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent

    def show(self, page: str = "") -> None:
        db = self._session.db
        dialog = SettingsDialog(
            self._parent,
            scale=self._session.scale,
            domain_ratings=domains_store.list_domain_ratings(db),
            org_name=settings_store.get_setting(db, "org_name", "") or "",
            org_url=settings_store.get_setting(db, "org_url", "") or "",
        )
        if page:
            dialog.show_page(page)
        language_before = stored_language()
        if dialog.exec():
            self.store(dialog)
            chosen = dialog.language()
            if chosen != language_before and resolve_language(chosen) != current_language():
                self.offer_restart(resolve_language(chosen))

    def store(self, dialog: SettingsDialog) -> None:
        """Store what the dialog returned: one OK is one transaction, all of it or nothing."""
        db = self._session.db
        name, url = dialog.organisation()
        levels = dialog.scale_levels()
        to_set, to_remove = dialog.domain_changes()
        with db.atomic():  # the storage calls' own transactions nest as savepoints
            settings_store.set_setting(db, "org_name", name)
            settings_store.set_setting(db, "org_url", url)
            if levels is not None:
                scales_store.replace_scale_levels(db, self._session.scale.id, levels)
            for rating in to_set:
                domains_store.set_domain_rating(db, rating.domain, rating.rating, rating.note)
            for domain in to_remove:
                domains_store.remove_domain_rating(db, domain)
        self._session.reload_scale()
        self.applied.emit()

    def offer_restart(self, language: str) -> None:
        """A new UI language applies at the next start: offer to restart now, asked in it."""
        if RestartBox(language, self._parent).ask():
            self.restart()

    def restart(self) -> bool:
        """Start a new Crible on the same archive (it reopens the last article)."""
        arguments = ["-m", "app", "--db", str(self._session.path), "gui"]
        if not QProcess.startDetached(sys.executable, arguments):
            self.restart_failed.emit()
            return False
        self.restarting.emit()
        return True
