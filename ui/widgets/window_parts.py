"""Layout helpers and small HTML renderings of the main window (headers, legend)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain import Article, Claim
from ui.models.labels import status_labels
from ui.panes.article_view import ELEMENT_COLOR, LOADED_COLOR, QUOTE_COLOR, ArticleView, status_tint


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


def header_title(article: Article) -> str:
    """The stored title (a file's name when it had none); "Untitled" only when truly empty."""
    return (article.title or "").strip() or _tr("Untitled article")


def header_html(article: Article, claims: int) -> str:
    title = html.escape(header_title(article))
    languages = {"fr": _tr("French"), "en": _tr("English")}
    details = [article.outlet, article.author, article.published]
    details.append(languages.get(article.lang or "", article.lang))
    details.append(_tr("%1 claims").replace("%1", str(claims)))
    meta = " · ".join(html.escape(str(v)) for v in details if v)
    return f"<b style='font-size:13pt'>{title}</b><br><span style='color:#57606a'>{meta}</span>"


def legend_html() -> str:
    """What the colours and marks of the article mean."""
    swatches = " ".join(
        f"<span style='background:{status_tint(status, 0.5).name()}'>&nbsp;{_nowrap(label)}"
        "&nbsp;</span>"
        for status, label in status_labels()
    )
    element = _nowrap(_tr("figure or date"))
    quote = _nowrap(_tr("quote"))
    loaded = _nowrap(_tr("loaded word"))
    # Two deliberate lines (statuses, then marks in the text): one line does not fit the
    # article column in French, and a label cut in two ("mot / connoté") reads as two.
    return (
        f"{swatches}<br><b style='color:{ELEMENT_COLOR}'><u>{element}</u></b>"
        f" &nbsp; <i style='color:{QUOTE_COLOR}'>«&nbsp;{quote}&nbsp;»</i>"
        f" &nbsp; <span style='color:{LOADED_COLOR}'><u>{loaded}</u></span>"
    )


def _nowrap(label: str) -> str:
    return html.escape(label).replace(" ", "&nbsp;")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def first_to_check(claims: list[Claim]) -> int:
    """Open on the claim the checker is most likely to want first: the most check-worthy
    one still to check (the earliest of equals), else the most check-worthy."""
    todo = [c for c in claims if c.status == "to_check"] or claims
    return int(max(todo, key=lambda c: c.checkworthiness or 0.0).id)


TIER_RANK = {"match": 2, "related": 1}


def best_matched(claims: list[Claim], best: dict[int, tuple[str, float]]) -> int | None:
    """The claim whose earlier check is strongest (tier, then score), given each claim's
    best ``(tier, score)``; None when no claim has a match or related check."""
    ranked = [
        (TIER_RANK[tier], score, -i, int(c.id))
        for i, c in enumerate(claims)
        if (found := best.get(int(c.id))) is not None
        for tier, score in [found]
        if tier in TIER_RANK
    ]
    return max(ranked)[3] if ranked else None
