"""Settings, as the window runs them: show the dialog, store what it returns, and offer a
restart when the UI language changed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QProcess, Signal
from PySide6.QtWidgets import QWidget

from app import edits
from app.storage import domains as domains_store
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
        """Store what the dialog returned: one OK is one transaction (``SaveSettings``), all
        of it or nothing. Settings are not part of the checker's undo history."""
        levels = dialog.scale_levels()
        to_set, to_remove = dialog.domain_changes()
        edit = edits.SaveSettings(
            organisation=dialog.organisation(),
            scale_id=int(self._session.scale.id) if levels is not None else None,
            levels=tuple(levels) if levels is not None else None,
            domain_ratings=tuple(to_set),
            removed_domains=tuple(to_remove),
        )
        self._session.apply(edit)  # announces Changes(settings=True): the scale reloads
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
