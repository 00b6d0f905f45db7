"""Layout helpers and small HTML renderings of the main window (headers, legend)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain import Article, Claim
from ui.article_view import ELEMENT_COLOR, LOADED_COLOR, QUOTE_COLOR, ArticleView, status_tint
from ui.models.labels import status_labels


def column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, ArticleView) else 0)
    return box


def titled(title: str, widget: QWidget) -> QWidget:
    label = QLabel(title)
    label.setObjectName("paneTitle")
    return column(label, widget)


def header_html(article: Article, claims: int) -> str:
    title = html.escape(article.title or _tr("Untitled article"))
    languages = {"fr": _tr("French"), "en": _tr("English")}
    details = [article.outlet, article.author, article.published]
    details.append(languages.get(article.lang or "", article.lang))
    details.append(_tr("%1 claims").replace("%1", str(claims)))
    meta = " · ".join(html.escape(str(v)) for v in details if v)
    return f"<b style='font-size:13pt'>{title}</b><br><span style='color:#57606a'>{meta}</span>"


def legend_html() -> str:
    """What the colours and marks of the article mean."""
    swatches = " ".join(
        f"<span style='background:{status_tint(status, 0.5).name()}'>&nbsp;{html.escape(label)}"
        "&nbsp;</span>"
        for status, label in status_labels()
    )
    element = _tr("figure or date")
    quote = _tr("quote")
    loaded = _tr("loaded word")
    return (
        f"{swatches} &nbsp; <b style='color:{ELEMENT_COLOR}'><u>{html.escape(element)}</u></b>"
        f" &nbsp; <i style='color:{QUOTE_COLOR}'>« {html.escape(quote)} »</i>"
        f" &nbsp; <span style='color:{LOADED_COLOR}'><u>{html.escape(loaded)}</u></span>"
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def first_to_check(claims: list[Claim]) -> int:
    """Open on the claim the checker is most likely to want first."""
    todo = [c for c in claims if c.status == "to_check"] or claims
    return int(todo[0].id)
