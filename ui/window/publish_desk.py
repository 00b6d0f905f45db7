"""The window's publishing commands: the desk's articles, the publish checklist, imports, exports.

``PublishDesk(window, session)`` adds its actions to the window's File menu and handles them,
so the window needs one line to have them. Deleting an article takes a backup first and is an
undoable edit (an open Articles view follows ``ArchiveSession.changed``, so an undo shows it
again); a ClaimReview export that would be refused opens the checklist instead; a report is
exported for readers (worked-on claims, no notes unless asked) in the UI language.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app import edits
from app.domain import Article
from app.edits import Changes
from app.errors import UserError
from app.interop.publish_checklist import IncompleteReviews, article_checklist
from app.storage.backup import make_backup
from ui.database import ArchiveSession
from ui.i18n import user_message

log = logging.getLogger(__name__)

IMPORT_PATTERNS = "*.json *.jsonld *.html *.htm *.csv *.jsonl *.ndjson"
_UNSAFE_NAME = re.compile(r"[^\w\- ]+")


def suggested_file_name(article: Article, suffix: str) -> str:
    """A file name from the article's title: "L'aide bloquée" → "L-aide-bloquée.md"."""
    words = _UNSAFE_NAME.sub(" ", article.title or "").split()
    stem = "-".join(words)[:60].strip("-") or f"article-{int(article.id)}"
    return stem + suffix


def import_factchecks(db: Any, progress: Any, paths: list[str]) -> dict[str, object]:
    """Worker side: import fact-check files with progress; the report of what was skipped."""
    from app.interop.importer import import_paths

    report = import_paths(
        db,
        [Path(p) for p in paths],
        progress=lambda done, total: progress.report(done, total),
        cancelled=lambda: progress.cancelled,
    )
    return {**report.to_json(), "files_read": report.files_read, "cancelled": report.cancelled}


class PublishDesk(QObject):
    """The Articles view, the publish checklist, File › Import and the export's checks."""

    def __init__(self, window: QMainWindow, session: ArchiveSession) -> None:
        super().__init__(window)
        self.window: Any = window
        self.actions: dict[str, QAction] = {}
        self._add_action("articles", self.tr("&Articles…"), "Ctrl+Shift+A", self.show_articles)
        self._add_action(
            "publish_checklist",
            self.tr("Publish &checklist…"),
            "Ctrl+Shift+P",
            self.show_checklist,
        )
        self._add_action(
            "import_factchecks", self.tr("&Import fact-checks…"), "Ctrl+I", self.ask_import
        )
        self._install_in_menu()
        self._articles_view: Any = None
        session.changed.connect(self._on_changed)

    def _add_action(self, name: str, text: str, shortcut: str, slot: Any) -> None:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.actions[name] = action

    def _install_in_menu(self) -> None:
        menus = [a.menu() for a in self.window.menuBar().actions() if a.menu() is not None]
        file_menu: QMenu | None = menus[0] if menus else None
        if file_menu is None:
            return
        export = self.window.findChild(QAction, "export_article")
        for name in ("articles", "publish_checklist", "import_factchecks"):
            if export in file_menu.actions():
                file_menu.insertAction(export, self.actions[name])
            else:
                file_menu.addAction(self.actions[name])

    # -- articles ---------------------------------------------------------------------------

    @Slot()
    def show_articles(self) -> None:
        from ui.dialogs.articles_view import ArticlesView

        view = ArticlesView(self.window.session.path, self.window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.article_open_requested.connect(self.window.open_article)
        view.article_delete_requested.connect(self.delete_article)
        self._articles_view = view
        view.destroyed.connect(lambda *_: setattr(self, "_articles_view", None))
        view.show()

    @Slot(int)
    def delete_article(self, article_id: int) -> None:
        """Back the archive up, then delete the article as an undoable edit."""
        window = self.window
        if window.article is not None and int(window.article.id) == article_id:
            self.attention(self.tr("This article is open: open another one before deleting it."))
            return
        session = window.session
        try:
            backup = make_backup(session.db, session.path, reason="before-delete")
        except (UserError, OSError) as exc:
            text = user_message(exc) if isinstance(exc, UserError) else str(exc)
            self.attention(self.tr("No backup could be taken, nothing deleted: %1").replace(
                "%1", text))  # fmt: skip
            return
        if session.push_edit(edits.DeleteArticle(article_id), self.tr("Delete article")) is None:
            return  # refused: the session said why
        window.status.show_message(
            self.tr("Article deleted (Ctrl+Z brings it back); backup: %1").replace(
                "%1", str(backup)), 10000)  # fmt: skip

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        # A deletion, its undo, or an article's metadata edited: the open list follows.
        if changes.articles and self._articles_view is not None:
            self._articles_view.refresh()

    # -- checklist and export ---------------------------------------------------------------

    @Slot()
    def show_checklist(self) -> Any:
        from ui.dialogs.publish_checklist import PublishChecklist

        window = self.window
        if window.article is None:
            self.attention(self.tr("Open an article first."))
            return None
        window.panes.verdict_editor.commit_pending()
        dialog = PublishChecklist(window.session, int(window.article.id), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.export_requested.connect(lambda: self.ask_export("claimreview", dialog))
        dialog.show()
        return dialog

    def claimreview_ready(self) -> bool:
        """Whether the open article's reviews can be exported; if not, the checklist shows why."""
        window = self.window
        checks = article_checklist(window.session.db, int(window.article.id))
        if checks and all(check.publishable for check in checks):
            return True
        self.show_checklist()
        return False

    def ask_export(self, fmt: str, parent: Any = None) -> None:
        """Save the open article's check as ``fmt``, proposing a file name from its title."""
        from ui.jobs import EXPORT_SUFFIXES

        window = self.window
        if window.article is None:
            return
        if fmt == "claimreview" and parent is None and not self.claimreview_ready():
            return
        suffix = EXPORT_SUFFIXES[fmt]
        start = str(Path.home() / suggested_file_name(window.article, suffix))
        path, _ = QFileDialog.getSaveFileName(
            parent or window, self.tr("Export the article's check"), start, f"*{suffix}"
        )
        if path:
            window.export_article(path, fmt)

    # -- import -----------------------------------------------------------------------------

    @Slot()
    def ask_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import fact-checks"),
            "",
            self.tr("Fact-check files (%1)").replace("%1", IMPORT_PATTERNS),
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        self.window.session.runner.start(
            "import",
            import_factchecks,
            list(paths),
            label=self.tr("Importing fact-checks…"),
            on_result=self._on_import_done,
            on_error=self._on_import_failed,
        )

    def _on_import_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            log.error("import failed", exc_info=exc)
            self.window.session.runner.bug_raised.emit(exc)
            return
        self.attention(user_message(exc))

    def _on_import_done(self, report: dict[str, Any]) -> None:
        errors = list(report["errors"])
        text = self.tr("%1 fact-check(s) imported, %2 skipped.")
        text = text.replace("%1", str(report["imported"])).replace("%2", str(report["skipped"]))
        if report.get("cancelled"):
            text += " " + self.tr("The import was cancelled.")
        self.window.status.show_message(text, 10000)
        self.last_import = report
        if errors:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import"), text,
                              QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
            box.setInformativeText(self.tr("Records not imported, and why:"))
            box.setDetailedText("\n".join(errors))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()

    def attention(self, message: str) -> None:
        """A message the checker must read: a dialog, not only the status bar."""
        self.window.status.show_error(message)
        box = QMessageBox(QMessageBox.Icon.Warning, "Crible", message,
                          QMessageBox.StandardButton.Ok, self.window)  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def export_failed(self, exc: BaseException) -> None:
        """A refused export needs the checker's attention: a dialog, the checklist if it helps."""
        if not isinstance(exc, UserError):
            log.error("export failed", exc_info=exc)
            self.window.session.runner.bug_raised.emit(exc)  # a bug: the error dialog
            return
        if isinstance(exc, IncompleteReviews):
            self.show_checklist()
        self.attention(user_message(exc))
