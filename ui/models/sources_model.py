"""What the sources pane shows: the sources model, stance badges, reliability, details."""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from app.domain import ClaimSource, DomainRating
from ui.models.labels import stance_label
from ui.validation import is_http_url

STANCE_COLORS = {"supports": "#2e7d32", "refutes": "#c62828", "context": "#546e7a"}

# The team's list may use these words; others are shown as typed, in a neutral colour.
_RELIABILITY_LABELS = {
    "reliable": QT_TRANSLATE_NOOP("Reliability", "Reliable"),
    "mixed": QT_TRANSLATE_NOOP("Reliability", "Mixed"),
    "unreliable": QT_TRANSLATE_NOOP("Reliability", "Unreliable"),
    "satire": QT_TRANSLATE_NOOP("Reliability", "Satire"),
}
RELIABILITY_COLORS = {
    "reliable": "#2e7d32",
    "mixed": "#ef6c00",
    "unreliable": "#c62828",
    "satire": "#6a1b9a",
}
RELIABILITY_KEYS = tuple(_RELIABILITY_LABELS)


def plain_tooltip(text: str | None) -> str | None:
    """Archive data as a tooltip: Qt renders tooltips that look like markup as markup."""
    if not text:
        return None
    # Rich text of our own (escaped) also wraps long excerpts instead of one wide line.
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


def reliability_label(rating: str) -> str:
    key = rating.strip().lower()
    if key in _RELIABILITY_LABELS:
        return QCoreApplication.translate("Reliability", str(_RELIABILITY_LABELS[key]))
    return rating


def rating_for(url: str, ratings: dict[str, DomainRating]) -> DomainRating | None:
    """The rating of the URL's host or its closest rated parent (news.bbc.co.uk → bbc.co.uk)."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    labels = host.removeprefix("www.").split(".")
    for i in range(len(labels) - 1):
        found = ratings.get(".".join(labels[i:]))
        if found is not None:
            return found
    return None


class SourcesModel(QAbstractTableModel):
    """A claim's sources as plain snapshots; `data()` does no I/O."""

    STANCE, SOURCE, PUBLISHER, PUBLISHED, RELIABILITY, ARCHIVED = range(6)
    SourceRole = Qt.ItemDataRole.UserRole + 1
    ColorRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sources: list[ClaimSource] = []
        self._ratings: dict[str, DomainRating] = {}

    def set_sources(self, sources: list[ClaimSource], ratings: dict[str, DomainRating]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self._ratings = dict(ratings)
        self.endResetModel()

    def source_at(self, row: int) -> ClaimSource:
        return self._sources[row]

    def rating_of(self, source: ClaimSource) -> DomainRating | None:
        return rating_for(source.source.url, self._ratings)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 6:
            return None
        return [
            self.tr("Stance"),
            self.tr("Source"),
            self.tr("Publisher"),
            self.tr("Published"),
            self.tr("Reliability"),
            self.tr("Archived"),
        ][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        link = self._sources[index.row()]
        column = index.column()
        if role == self.SourceRole:
            return link
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(link, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(link, column))
        if role == self.ColorRole:
            return self._color(link, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.RELIABILITY:
            color = self._color(link, column)
            return QColor(color) if color else None
        return None

    def _display(self, link: ClaimSource, column: int) -> str:
        source = link.source
        if column == self.STANCE:
            return stance_label(link.stance)
        if column == self.SOURCE:
            return source.title or source.url
        if column == self.PUBLISHER:
            return source.publisher or source.domain
        if column == self.PUBLISHED:
            return source.published_date or ""
        if column == self.ARCHIVED:
            # Wayback copy first; a local text copy alone still keeps the evidence.
            if source.archive_url:
                return "✓"
            return self.tr("text only") if source.snapshot_at else ""
        rating = self.rating_of(link)
        return reliability_label(rating.rating) if rating else ""

    def _tooltip(self, link: ClaimSource, column: int) -> str | None:
        if column == self.SOURCE:
            return link.source.url
        if column == self.ARCHIVED:
            return link.source.archive_url or None
        if column == self.RELIABILITY:
            rating = self.rating_of(link)
            if rating is not None:
                return f"{rating.domain}: {rating.note}" if rating.note else rating.domain
        return link.excerpt or None

    def _color(self, link: ClaimSource, column: int) -> str | None:
        if column == self.STANCE:
            return STANCE_COLORS.get(link.stance)
        if column == self.RELIABILITY:
            rating = self.rating_of(link)
            if rating is not None:
                return RELIABILITY_COLORS.get(rating.rating.strip().lower())
        return None


class BadgeDelegate(QStyledItemDelegate):
    """Paints the cell's text as a rounded, coloured badge (the model's ColorRole)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        color = index.data(SourcesModel.ColorRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not color or not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection background, without the text
            option.text = ""
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 4
        rect = QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 22, max(hint.height(), option.fontMetrics.height() + 8))


# The details view's link to the saved text; never handed to the system browser.
SNAPSHOT_LINK = "crible-snapshot:"

# Words of the details view, translated where used.
_WORDS = {
    "publisher": QT_TRANSLATE_NOOP("SourcesPane", "Publisher"),
    "published": QT_TRANSLATE_NOOP("SourcesPane", "Published"),
    "accessed": QT_TRANSLATE_NOOP("SourcesPane", "Accessed"),
    "domain": QT_TRANSLATE_NOOP("SourcesPane", "Domain"),
    "note": QT_TRANSLATE_NOOP("SourcesPane", "Note:"),
    "archived": QT_TRANSLATE_NOOP("SourcesPane", "Archived copy:"),
    "not_archived": QT_TRANSLATE_NOOP("SourcesPane", "Not archived yet."),
    "snapshot": QT_TRANSLATE_NOOP("SourcesPane", "Local text copy saved %1."),
    "show_snapshot": QT_TRANSLATE_NOOP("SourcesPane", "Read it"),
}


def _word(key: str) -> str:
    return escape(QCoreApplication.translate("SourcesPane", str(_WORDS[key])))


def source_details_html(link: ClaimSource, rating: DomainRating | None) -> str:
    """The selected source in full, as escaped HTML for the details browser."""
    source = link.source
    color = STANCE_COLORS.get(link.stance, "#546e7a")
    label = escape(stance_label(link.stance))
    badge = f'<span style="background:{color}; color:white;">&nbsp;{label}&nbsp;</span>'
    parts = [f"<p>{badge} <b>{escape(source.title or source.url)}</b></p>"]
    if is_http_url(source.url):
        parts.append(f'<p><a href="{escape(source.url)}">{escape(source.url)}</a></p>')
    else:
        parts.append(f"<p>{escape(source.url)}</p>")
    facts = [
        ("publisher", source.publisher),
        ("published", source.published_date or ""),
        ("accessed", link.accessed_date or ""),
    ]
    if rating is not None:
        note = f" — {rating.note}" if rating.note else ""
        facts.append(("domain", f"{rating.domain} · {reliability_label(rating.rating)}{note}"))
    rows = "".join(
        f"<tr><td><i>{_word(key)}</i>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
        for key, value in facts
        if value
    )
    if rows:
        parts.append(f"<table>{rows}</table>")
    if link.excerpt:
        parts.append(f"<blockquote>« {escape(link.excerpt)} »</blockquote>")
    if link.note:
        parts.append(f"<p><i>{_word('note')}</i> {escape(link.note)}</p>")
    parts.append(_archive_html(link))
    return "".join(parts)


def _archive_html(link: ClaimSource) -> str:
    source = link.source
    lines = []
    if source.archive_url and is_http_url(source.archive_url):
        url = escape(source.archive_url)
        lines.append(f'{_word("archived")} <a href="{url}">{url}</a>')
    else:
        lines.append(_word("not_archived"))
    if source.snapshot_at:
        saved = _word("snapshot").replace("%1", escape(source.snapshot_at))
        if source.snapshot_text:
            saved += f' <a href="{SNAPSHOT_LINK}">{_word("show_snapshot")}</a>'
        lines.append(saved)
    return "<p>" + "<br>".join(lines) + "</p>"
