"""The main window's dialogs: open, paste, reopen, export, archive browser, settings, help."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QProcess, Qt, QTranslator
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from app import __version__
from app.storage import domains as domains_store
from app.storage import scales as scales_store
from app.storage import settings as settings_store
from ui.i18n import current_language, resolve_language, stored_language, translations_dir

if TYPE_CHECKING:
    from ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

_RESTART = "RestartOffer"  # the restart question is asked in the language just chosen
_SAY = {
    "question": QT_TRANSLATE_NOOP(
        "RestartOffer", "Restart Crible now to show it in the new language?"
    ),
    "saved": QT_TRANSLATE_NOOP(
        "RestartOffer", "Your work is saved; Crible reopens on this article."
    ),
    "restart": QT_TRANSLATE_NOOP("RestartOffer", "&Restart now"),
    "later": QT_TRANSLATE_NOOP("RestartOffer", "&Later"),
}
ARTICLE_FILTER = QT_TRANSLATE_NOOP(
    "DialogsMixin", "Articles (*.txt *.md *.html *.htm *.json);;All files (*)"
)


class DialogsMixin(_Base):
    """Slots of the main window that ask the checker something, then act."""

    def ask_open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an article"), "", self.tr(ARTICLE_FILTER)
        )
        if path:
            self.open_source(path)

    def ask_open_url(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Open from URL"), self.tr("Web address:"))
        if ok and url.strip():
            self.open_source(url.strip())

    def ask_paste_article(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Paste an article"), self.tr("Article text:")
        )
        if ok and text.strip():
            self.open_text(text)

    def ask_recent_article(self) -> None:
        from app.storage.articles import list_articles

        articles = list_articles(self.session.db, limit=100)
        if not articles:
            self.show_error(self.tr("No article in this archive yet."))
            return
        labels = [f"{a.title or a.text[:60]} ({a.added_at[:10]})" for a in articles]
        label, ok = QInputDialog.getItem(
            self, self.tr("Open an earlier article"), self.tr("Article:"), labels, 0, False
        )
        if ok and label in labels:
            self.open_article(int(articles[labels.index(label)].id))

    def ask_export_article(self) -> None:
        if self.article is None:
            self.show_error(self.tr("Open an article first."))
            return
        filters = {
            self.tr("Markdown report (*.md)"): "markdown",
            self.tr("HTML report (*.html)"): "html",
            self.tr("ClaimReview JSON-LD (*.jsonld)"): "claimreview",
            self.tr("Spreadsheet CSV (*.csv)"): "csv",
        }
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the article's check"), "", ";;".join(filters)
        )
        if path:
            self.export_article(path, filters.get(chosen, "markdown"))

    def export_article(self, path: str, fmt: str) -> None:
        """Write the open article's check to ``path`` in the background."""
        from ui.jobs import EXPORT_SUFFIXES, export_article

        if self.article is None:
            return
        if "." not in path.rsplit("/", 1)[-1]:
            path += EXPORT_SUFFIXES[fmt]
        self.verdict_editor.commit_pending()
        self.session.runner.start(
            "export",
            export_article,
            int(self.article.id),
            fmt,
            path,
            label=self.tr("Exporting…"),
            on_result=lambda written: self.show_message(
                self.tr("Exported to %1").replace("%1", written), 8000
            ),
        )

    def show_archive_browser(self) -> None:
        from ui.dialogs.archive_browser import ArchiveBrowser

        browser = ArchiveBrowser(self.session.runner, self)
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.article_open_requested.connect(self.open_article)
        browser.url_open_requested.connect(self.open_url_in_browser)
        browser.show()

    def show_settings(self, page: str = "") -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        db = self.session.db
        dialog = SettingsDialog(
            self,
            scale=self.session.scale,
            domain_ratings=domains_store.list_domain_ratings(db),
            org_name=settings_store.get_setting(db, "org_name", "") or "",
            org_url=settings_store.get_setting(db, "org_url", "") or "",
        )
        if page:
            dialog.show_page(page)
        language_before = stored_language()
        if dialog.exec():
            self.apply_settings(dialog)
            chosen = dialog.language()
            if chosen != language_before and resolve_language(chosen) != current_language():
                self.offer_restart(resolve_language(chosen))

    def apply_settings(self, dialog: Any) -> None:
        """Store what the settings dialog returned (settings are not part of undo)."""
        db = self.session.db
        name, url = dialog.organisation()
        settings_store.set_setting(db, "org_name", name)
        settings_store.set_setting(db, "org_url", url)
        levels = dialog.scale_levels()
        if levels is not None:
            scales_store.replace_scale_levels(db, self.session.scale.id, levels)
        to_set, to_remove = dialog.domain_changes()
        for rating in to_set:
            domains_store.set_domain_rating(db, rating.domain, rating.rating, rating.note)
        for domain in to_remove:
            domains_store.remove_domain_rating(db, domain)
        self.session.reload_scale()
        self._refresh_rows()
        self.verdict_editor.set_claim(self.current_claim(), self.session.scale, self._lang())
        self._show_sources(self.claims_pane.current_claim_id())
        self.show_message(self.tr("Settings saved."))

    def offer_restart(self, language: str) -> None:
        """A new UI language applies at the next start: offer to restart now, asked in it.

        Every pane builds its texts once, so a live switch would leave half the window in
        the old language; a restart reopens the same archive on the last article instead.
        """
        box = self.restart_box(language)
        box.exec()
        if box.clickedButton() is box.restart_button:
            self.restart_application()

    def restart_box(self, language: str) -> QMessageBox:
        """The restart question, in ``language`` (not yet the window's)."""
        translator = QTranslator(self)
        translator.load(f"crible_{language}", str(translations_dir()))
        say = {key: translator.translate(_RESTART, text) or text for key, text in _SAY.items()}
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Crible")
        box.setText(say["question"])
        box.setInformativeText(say["saved"])
        restart = box.addButton(say["restart"], QMessageBox.ButtonRole.AcceptRole)
        box.addButton(say["later"], QMessageBox.ButtonRole.RejectRole)
        box.restart_button = restart  # type: ignore[attr-defined]
        return box

    def restart_application(self) -> bool:
        """Start a new Crible on the same archive (it reopens the last article), then close."""
        arguments = ["-m", "app", "--db", str(self.session.path), "gui"]
        if not QProcess.startDetached(sys.executable, arguments):
            self.show_error(self.tr("Crible could not restart itself; please start it again."))
            return False
        self.close()
        return True

    def show_shortcuts(self) -> None:
        from ui.dialogs.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions_.by_name.values(), self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Crible"),
            self.tr(
                "<h3>Crible %1</h3><p>A local-first workbench for fact-checkers: split an "
                "article into claims, find earlier fact-checks, record verdicts and sources, "
                "export ClaimReview.</p><p>Archive: %2</p>"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.session.path)),
        )
