"""The window's small questions (open, paste, reopen, export, reword): each shows Qt's
standard dialog and returns the answer, or None when the checker cancels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.domain import Article
from ui.jobs import EXPORT_SUFFIXES

ARTICLE_FILTER = QT_TRANSLATE_NOOP(
    "Asks", "Articles (*.txt *.md *.html *.htm *.json);;All files (*)"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Asks", text)


def ask_article_file(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, _tr("Open an article"), "", _tr(str(ARTICLE_FILTER))
    )
    return path or None


def ask_article_url(parent: QWidget) -> str | None:
    url, ok = QInputDialog.getText(parent, _tr("Open from URL"), _tr("Web address:"))
    return url.strip() if ok and url.strip() else None


def ask_article_text(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, _tr("Paste an article"), _tr("Article text:"))
    return text if ok and text.strip() else None


def ask_earlier_article(parent: QWidget, articles: list[Article]) -> int | None:
    """One of ``articles`` (newest first), by title and date; its id."""
    labels = [f"{a.title or a.text[:60]} ({a.added_at[:10]})" for a in articles]
    label, ok = QInputDialog.getItem(
        parent, _tr("Open an earlier article"), _tr("Article:"), labels, 0, False
    )
    return int(articles[labels.index(label)].id) if ok and label in labels else None


def ask_export_target(parent: QWidget) -> tuple[str, str] | None:
    """Where and how to export the article's check: (path with its suffix, format)."""
    filters = {
        _tr("Markdown report (*.md)"): "markdown",
        _tr("HTML report (*.html)"): "html",
        _tr("ClaimReview JSON-LD (*.jsonld)"): "claimreview",
        _tr("Spreadsheet CSV (*.csv)"): "csv",
    }
    path, chosen = QFileDialog.getSaveFileName(
        parent, _tr("Export the article's check"), "", ";;".join(filters)
    )
    if not path:
        return None
    fmt = filters.get(chosen, "markdown")
    return with_suffix(path, fmt), fmt


def with_suffix(path: str, fmt: str) -> str:
    """``path``, with the format's suffix when its file name has none."""
    return path if "." in path.rsplit("/", 1)[-1] else path + EXPORT_SUFFIXES[fmt]


def ask_claim_wording(parent: QWidget, wording: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(
        parent, _tr("Edit claim"), _tr("Wording of the claim:"), wording
    )
    return text if ok else None
