"""The sources pane: a claim's evidence, with stance badges, details and the add/edit form."""

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
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain import ClaimSource, DomainRating
from ui.source_form import SourceForm, is_http_url, stance_label

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


def reliability_label(rating: str) -> str:
    key = rating.strip().lower()
    if key in _RELIABILITY_LABELS:
        return QCoreApplication.translate("Reliability", _RELIABILITY_LABELS[key])
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

    STANCE, SOURCE, PUBLISHER, PUBLISHED, RELIABILITY = range(5)
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
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 5:
            return None
        return [
            self.tr("Stance"),
            self.tr("Source"),
            self.tr("Publisher"),
            self.tr("Published"),
            self.tr("Reliability"),
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
            return self._tooltip(link, column)
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
        rating = self.rating_of(link)
        return reliability_label(rating.rating) if rating else ""

    def _tooltip(self, link: ClaimSource, column: int) -> str | None:
        if column == self.SOURCE:
            return link.source.url
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

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
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

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 22, max(hint.height(), option.fontMetrics.height() + 8))


class SourcesPane(QWidget):
    """The selected claim's sources: list, details, and buttons that ask the window to act.

    Signals (intent only; the window runs the undoable operation and calls `set_sources`):
        source_add_requested(int claim_id, dict fields): fields for `add_source`: url, title,
            publisher, published_date, accessed_date, excerpt, stance, note, archive_url.
        source_edit_requested(int link_id, dict changes): only the changed fields, named as
            `update_claim_source` takes them.
        source_remove_requested(int link_id)
        source_archive_requested(int link_id): archive the page (Wayback) and snapshot it.
        source_open_requested(str url): open in the system browser (http/https only).
    """

    source_add_requested = Signal(int, dict)
    source_edit_requested = Signal(int, dict)
    source_remove_requested = Signal(int)
    source_archive_requested = Signal(int)
    source_open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim_id: int | None = None
        self._form: SourceForm | None = None
        self.model = SourcesModel(self)
        self._build()
        self.set_sources(None, [], {})

    def _build(self) -> None:
        self._title = QLabel()
        self._title.setObjectName("sources_title")
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(SourcesModel.STANCE, BadgeDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SourcesModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        self.details = QTextBrowser()
        self.details.setObjectName("source_details")
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.add_button = QPushButton(self.tr("&Add source…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the source in your web browser"))
        self.archive_button = QPushButton(self.tr("Ar&chive"))
        self.archive_button.setToolTip(
            self.tr("Save the page on the Wayback Machine and keep a local text copy")
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.open_add_form)
        self.edit_button.clicked.connect(self.open_edit_form)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.view.doubleClicked.connect(self.open_edit_form)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.details.anchorClicked.connect(self._on_details_anchor_clicked)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_remove_clicked)

    # -- public API -------------------------------------------------------------------------

    def set_sources(
        self,
        claim_id: int | None,
        sources: list[ClaimSource],
        ratings: dict[str, DomainRating],
    ) -> None:
        """Show `sources` of claim `claim_id` (None: no claim selected); keeps the selection."""
        kept = self.selected_source()
        self._claim_id = claim_id
        self.model.set_sources(sources if claim_id is not None else [], ratings)
        if claim_id is None:
            self._title.setText(self.tr("Select a claim to see its sources."))
        elif not sources:
            self._title.setText(self.tr("No source yet: add the evidence you found."))
        else:
            self._title.setText(self.tr("%n source(s)", "", len(sources)))
        if kept is not None:
            self.select_link(int(kept.id))
        self._update_actions()

    def claim_id(self) -> int | None:
        return self._claim_id

    def selected_source(self) -> ClaimSource | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.source_at(rows[0].row()) if rows else None

    def select_link(self, link_id: int) -> bool:
        for row in range(self.model.rowCount()):
            if int(self.model.source_at(row).id) == link_id:
                self.view.selectRow(row)
                return True
        return False

    def form(self) -> SourceForm | None:
        """The add/edit form while it is open (for the window's tests and shortcuts)."""
        return self._form

    @Slot()
    def open_add_form(self) -> None:
        """Open the form for a new source of the current claim (the "add source" action)."""
        if self._claim_id is None:
            return
        self._open_form(SourceForm(self, None))

    @Slot()
    def open_edit_form(self) -> None:
        link = self.selected_source()
        if link is not None:
            self._open_form(SourceForm(self, link))

    # -- internals --------------------------------------------------------------------------

    def _open_form(self, form: SourceForm) -> None:
        if self._form is not None:
            self._form.close()
        self._form = form
        form.accepted.connect(lambda: self._on_form_accepted(form))
        form.finished.connect(lambda _result: self._on_form_finished(form))
        form.open()

    def _on_form_accepted(self, form: SourceForm) -> None:
        if form.link is None:
            if self._claim_id is not None:
                self.source_add_requested.emit(self._claim_id, form.fields())
            return
        changes = form.changes()
        if changes:
            self.source_edit_requested.emit(int(form.link.id), changes)

    def _on_form_finished(self, form: SourceForm) -> None:
        if self._form is form:
            self._form = None
        form.deleteLater()

    def _update_actions(self) -> None:
        link = self.selected_source()
        self.add_button.setEnabled(self._claim_id is not None)
        for button in (self.edit_button, self.remove_button, self.archive_button):
            button.setEnabled(link is not None)
        self.open_button.setEnabled(link is not None and is_http_url(link.source.url))
        self.details.setHtml(source_details_html(link, self.model.rating_of(link)) if link else "")

    @Slot()
    def _on_selection_changed(self) -> None:
        self._update_actions()

    @Slot()
    def _on_remove_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self.source_remove_requested.emit(int(link.id))

    @Slot()
    def _on_open_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self._request_open(link.source.url)

    @Slot()
    def _on_archive_clicked(self) -> None:
        link = self.selected_source()
        if link is not None:
            self.source_archive_requested.emit(int(link.id))

    @Slot(QUrl)
    def _on_details_anchor_clicked(self, url: QUrl) -> None:
        self._request_open(url.toString())

    def _request_open(self, url: str) -> None:
        # Never hand the system a file:, javascript: or custom-scheme link from an article.
        if is_http_url(url):
            self.source_open_requested.emit(url)


def source_details_html(link: ClaimSource, rating: DomainRating | None) -> str:
    """The selected source in full, as escaped HTML for the details browser."""
    tr = QCoreApplication.translate
    source = link.source
    color = STANCE_COLORS.get(link.stance, "#546e7a")
    badge = (
        f'<span style="background:{color}; color:white;">&nbsp;{escape(stance_label(link.stance))}'
        "&nbsp;</span>"
    )
    parts = [f"<p>{badge} <b>{escape(source.title or source.url)}</b></p>"]
    if is_http_url(source.url):
        parts.append(f'<p><a href="{escape(source.url)}">{escape(source.url)}</a></p>')
    else:
        parts.append(f"<p>{escape(source.url)}</p>")
    facts = [
        (tr("SourcesPane", "Publisher"), source.publisher),
        (tr("SourcesPane", "Published"), source.published_date or ""),
        (tr("SourcesPane", "Accessed"), link.accessed_date or ""),
    ]
    if rating is not None:
        label = reliability_label(rating.rating)
        note = f" — {rating.note}" if rating.note else ""
        facts.append((tr("SourcesPane", "Domain"), f"{rating.domain}: {label}{note}"))
    rows = "".join(
        f"<tr><td><i>{escape(name)}</i>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
        for name, value in facts
        if value
    )
    if rows:
        parts.append(f"<table>{rows}</table>")
    if link.excerpt:
        parts.append(f"<blockquote>« {escape(link.excerpt)} »</blockquote>")
    if link.note:
        parts.append(f"<p><i>{escape(tr('SourcesPane', 'Note'))}:</i> {escape(link.note)}</p>")
    parts.append(_archive_html(link))
    return "".join(parts)


def _archive_html(link: ClaimSource) -> str:
    tr = QCoreApplication.translate
    source = link.source
    lines = []
    if source.archive_url and is_http_url(source.archive_url):
        url = escape(source.archive_url)
        lines.append(f'{escape(tr("SourcesPane", "Archived copy"))}: <a href="{url}">{url}</a>')
    else:
        lines.append(escape(tr("SourcesPane", "Not archived yet.")))
    if source.snapshot_at:
        lines.append(
            escape(tr("SourcesPane", "Local text copy saved %1.").replace("%1", source.snapshot_at))
        )
    return "<p>" + "<br>".join(lines) + "</p>"
