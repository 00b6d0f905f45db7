"""The main window's layout: its panes, splitters and tabs, the article header and legend."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.domain import Article
from ui.models.labels import status_labels
from ui.panes.article_view import ELEMENT_COLOR, LOADED_COLOR, QUOTE_COLOR, ArticleView, status_tint
from ui.panes.claims_pane import ClaimsPane
from ui.panes.factcheck_panel import FactCheckPanel
from ui.panes.matches_pane import MatchesPane
from ui.panes.sources_pane import SourcesPane
from ui.panes.verdict_editor import VerdictEditor


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


@dataclass(frozen=True)
class Panes:
    """The window's widgets, built once; the window and its controllers share them."""

    article_header: QLabel
    article_view: ArticleView
    legend: QLabel
    claims_pane: ClaimsPane
    verdict_editor: VerdictEditor
    matches_pane: MatchesPane
    sources_pane: SourcesPane
    factcheck_panel: FactCheckPanel
    tabs: QTabWidget
    detail: QSplitter
    middle: QSplitter
    splitter: QSplitter

    def splitters(self) -> list[tuple[str, QSplitter]]:
        """Each splitter with the QSettings key its sizes are kept under."""
        return [
            ("window/splitter", self.splitter),
            ("window/middle", self.middle),
            ("window/detail", self.detail),
        ]


def build_panes() -> Panes:
    """Article on the left; claims on the right over the verdict and the detail tabs."""
    header = QLabel(_tr("No article open. Open a file, a URL or paste text."))
    header.setObjectName("articleHeader")
    header.setWordWrap(True)
    header.setTextFormat(Qt.TextFormat.RichText)
    article_view = ArticleView()
    legend = QLabel(legend_html())
    legend.setObjectName("legend")
    legend.setWordWrap(True)
    matches_pane, sources_pane = MatchesPane(), SourcesPane()
    factcheck_panel = FactCheckPanel()
    tabs = QTabWidget()
    tabs.setObjectName("detailTabs")
    tabs.addTab(matches_pane, _tr("Earlier checks"))
    tabs.addTab(sources_pane, _tr("Sources"))
    tabs.addTab(factcheck_panel, _tr("Online fact-checks"))
    verdict_editor = VerdictEditor()
    detail = _splitter(Qt.Orientation.Horizontal, [titled(_tr("Verdict"), verdict_editor), tabs])
    detail.setSizes([360, 480])
    claims_pane = ClaimsPane()
    middle = _splitter(Qt.Orientation.Vertical, [claims_pane, detail])
    middle.setSizes([380, 480])
    left = column(header, article_view, legend)
    splitter = _splitter(Qt.Orientation.Horizontal, [left, middle])
    splitter.setObjectName("mainSplitter")
    splitter.setSizes([540, 860])
    return Panes(
        article_header=header,
        article_view=article_view,
        legend=legend,
        claims_pane=claims_pane,
        verdict_editor=verdict_editor,
        matches_pane=matches_pane,
        sources_pane=sources_pane,
        factcheck_panel=factcheck_panel,
        tabs=tabs,
        detail=detail,
        middle=middle,
        splitter=splitter,
    )


def _splitter(orientation: Qt.Orientation, widgets: list[QWidget]) -> QSplitter:
    splitter = QSplitter(orientation)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setChildrenCollapsible(False)
    return splitter
