"""What the archive browser shows: search hits and articles, loaded in a worker, as models."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain import Article
from app.matching import Match, Matcher
from app.storage import open_archive
from app.storage.articles import get_article, list_articles
from app.storage.claims import get_claims
from ui.models.explain import agreeing_figures, differing_figures, place_names, shared_words
from ui.models.sources_model import plain_tooltip
from ui.validation import is_http_url

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TIER_LABELS = {
    "match": QT_TRANSLATE_NOOP("Tier", "Same claim"),
    "related": QT_TRANSLATE_NOOP("Tier", "Related"),
    "none": QT_TRANSLATE_NOOP("Tier", "Weak"),
}
TIER_COLORS = {"match": "#2e7d32", "related": "#ef6c00", "none": "#757575"}
ARTICLES_LIMIT = 500


def tier_label(tier: str) -> str:
    return QCoreApplication.translate("Tier", str(_TIER_LABELS.get(tier, tier)))


@dataclass(frozen=True, slots=True)
class ArchiveHit:
    """A match, with the article its claim belongs to (None for an archive entry)."""

    match: Match
    article_id: int | None = None
    article_title: str = ""


def search_archive(path: Path, query: str, limit: int, weaker: bool) -> list[ArchiveHit]:
    """Worker side: the same matcher as the window, on this thread's own connection."""
    db = open_archive(path)
    try:
        # The browser searches everything stored, earlier articles' unchecked sentences too.
        matches = Matcher(db).match(
            query, limit=limit, min_score=0 if weaker else None, include_unchecked=True
        )
        claims = get_claims(db, [m.claim_id for m in matches])
        titles: dict[int, str] = {}
        hits = []
        for match in matches:
            claim = claims.get(match.claim_id)
            article_id = claim.article_id if claim is not None else None
            if article_id is not None and article_id not in titles:
                titles[article_id] = get_article(db, article_id).title
            hits.append(
                ArchiveHit(match, article_id, titles.get(article_id, "") if article_id else "")
            )
        return hits
    finally:
        db.close()


def load_articles(path: Path, limit: int = ARTICLES_LIMIT) -> list[Article]:
    db = open_archive(path)
    try:
        return list_articles(db, limit=limit)
    finally:
        db.close()


class HitsModel(QAbstractTableModel):
    """Search results, best first; `data()` does no I/O."""

    TIER, SCORE, CLAIM, VERDICT, PUBLISHER, DATE, ARTICLE = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hits: list[ArchiveHit] = []

    def set_hits(self, hits: list[ArchiveHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> ArchiveHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role=_DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        names = [
            self.tr("Tier"),
            self.tr("Score"),
            self.tr("Claim"),
            self.tr("Verdict"),
            self.tr("Publisher"),
            self.tr("Date"),
            self.tr("Article"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        match = hit.match
        column = index.column()
        if role == _DISPLAY:
            return [
                tier_label(match.tier),
                f"{match.score:.0f}",
                match.text,
                match.verdict,
                match.publisher,
                (match.date or "")[:10],
                hit.article_title or (self.tr("(archive entry)") if hit.article_id is None else ""),
            ][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TIER:
            return QColor(TIER_COLORS.get(match.tier, "#757575"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CLAIM:
            return plain_tooltip(match.text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ArticlesModel(QAbstractTableModel):
    """Stored articles, newest first."""

    TITLE, OUTLET, PUBLISHED, ADDED, LANG = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []

    def set_articles(self, articles: list[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def article_at(self, row: int) -> Article:
        return self._articles[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=_DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        names = [
            self.tr("Title"),
            self.tr("Outlet"),
            self.tr("Published"),
            self.tr("Opened"),
            self.tr("Language"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._articles):
            return None
        article = self._articles[index.row()]
        if role == _DISPLAY:
            title = article.title or article.text[:80].replace("\n", " ")
            return [
                title,
                article.outlet or "",
                (article.published or "")[:10],
                article.added_at[:10],
                article.lang or "",
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            return plain_tooltip(article.url)
        return None


_FACTS = {
    "Shared words": QT_TRANSLATE_NOOP("ArchiveBrowser", "Shared words"),
    "Same numbers": QT_TRANSLATE_NOOP("ArchiveBrowser", "Same numbers"),
    "Different numbers": QT_TRANSLATE_NOOP("ArchiveBrowser", "Different numbers"),
    "Places in common": QT_TRANSLATE_NOOP("ArchiveBrowser", "Places in common"),
    "Places": QT_TRANSLATE_NOOP("ArchiveBrowser", "Places"),
    "different places named": QT_TRANSLATE_NOOP("ArchiveBrowser", "different places named"),
    "Verdict": QT_TRANSLATE_NOOP("ArchiveBrowser", "Verdict"),
    "Publisher": QT_TRANSLATE_NOOP("ArchiveBrowser", "Publisher"),
}


def _fact(name: str) -> str:
    return QCoreApplication.translate("ArchiveBrowser", str(_FACTS[name]))


def hit_details_html(hit: ArchiveHit, query: str = "") -> str:
    """Why a result matched, as escaped HTML (shared words as written in ``query``)."""
    match, why = hit.match, hit.match.why
    color = TIER_COLORS.get(match.tier, "#757575")
    parts = [
        f'<p><span style="color:{color};"><b>{escape(tier_label(match.tier))}</b></span>'
        f" — {match.score:.0f}/100</p>",
        f"<p><b>{escape(match.text)}</b></p>",
    ]
    facts = []
    if why.shared_terms or why.fuzzy_terms:
        facts.append((_fact("Shared words"), ", ".join(shared_words(why, query))))
    if why.numbers_agreeing:
        facts.append((_fact("Same numbers"), ", ".join(agreeing_figures(why))))
    if why.numbers_differing:
        pairs = ", ".join(f"{q} ≠ {c}" for q, c in differing_figures(why))
        facts.append((_fact("Different numbers"), pairs))
    if why.shared_places:
        facts.append((_fact("Places in common"), ", ".join(place_names(why))))
    if why.places_differing:
        facts.append((_fact("Places"), _fact("different places named")))
    if match.verdict:
        facts.append((_fact("Verdict"), match.verdict))
    if match.publisher:
        facts.append((_fact("Publisher"), match.publisher))
    rows = "".join(
        f"<tr><td><i>{escape(name)}</i>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
        for name, value in facts
    )
    if rows:
        parts.append(f"<table>{rows}</table>")
    if match.url and is_http_url(match.url):
        parts.append(f'<p><a href="{escape(match.url)}">{escape(match.url)}</a></p>')
    return "".join(parts)
