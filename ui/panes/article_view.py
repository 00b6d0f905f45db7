"""The article pane: the text, its claims highlighted, elements and loaded words marked."""

from __future__ import annotations

import bisect

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from app.domain import Claim
from ui.jobs import Mark
from ui.models.labels import STATUS_COLORS, reason_label

ELEMENT_COLOR = "#1f5fae"
LOADED_COLOR = "#b03a2e"
QUOTE_COLOR = "#29603a"
SELECTED_OUTLINE = "#2b2b2b"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ArticleView", text)


def mark_tooltip(mark: Mark) -> str:
    if mark.loaded:
        return _tr("Loaded word: check the framing")
    kinds = {
        "number": _tr("Number: check the figure"),
        "quantity": _tr("Quantity: check the figure and its unit"),
        "date": _tr("Date: check when"),
        "quote": _tr("Quote: check who said it, and the exact words"),
    }
    return kinds.get(mark.kind, _tr("Checkable element: {kind}").format(kind=mark.kind))


def worth_color(value: float | None) -> QColor:
    """Light yellow for a claim barely worth checking, deep orange for a very check-worthy one."""
    if value is None:
        return QColor("#eeeeee")
    low, high = QColor("#fff4c2"), QColor("#ffb36b")
    t = max(0.0, min(1.0, value))
    return QColor(
        round(low.red() + (high.red() - low.red()) * t),
        round(low.green() + (high.green() - low.green()) * t),
        round(low.blue() + (high.blue() - low.blue()) * t),
    )


def status_tint(status: str, strength: float = 0.22) -> QColor:
    color = QColor(STATUS_COLORS.get(status, "#888888"))
    white = QColor("#ffffff")
    return QColor(
        round(white.red() + (color.red() - white.red()) * strength),
        round(white.green() + (color.green() - white.green()) * strength),
        round(white.blue() + (color.blue() - white.blue()) * strength),
    )


class ArticleView(QTextEdit):
    """Read-only article text with claim spans that can be clicked.

    Offsets in and out are Python string offsets into the article text; the view maps
    them to Qt's UTF-16 positions itself (an emoji counts twice for Qt).

    Signals:
        claim_clicked(int claim_id): the checker clicked inside a claim's span.
        new_claim_requested(int start, int end): "New claim from selection" was chosen.
    """

    claim_clicked = Signal(int)
    new_claim_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(18)
        self._text = ""
        self._u16: list[int] | None = None
        self._claims: dict[int, Claim] = {}
        self._starts: list[tuple[int, int, int]] = []
        self._marks: list[Mark] = []
        self._color_mode = "status"
        self._selected: int | None = None
        # Keep the selected claim in view through relayouts (the first layout, a resize)
        # until the checker scrolls elsewhere.
        self._follow_selected = False
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._on_reveal_timer_timeout)
        self.document().documentLayout().documentSizeChanged.connect(
            self._on_layout_document_size_changed
        )
        self.verticalScrollBar().actionTriggered.connect(self._on_scroll_action_triggered)
        self.new_claim_action = QAction(_tr("New claim from selection"), self)
        self.new_claim_action.setEnabled(False)
        self.new_claim_action.triggered.connect(self._on_new_claim_triggered)
        self.copyAvailable.connect(self.new_claim_action.setEnabled)

    # -- content ------------------------------------------------------------------------

    def set_article(self, text: str, claims: list[Claim], marks: list[Mark] | None = None) -> None:
        self._text = text
        self._u16 = _utf16_table(text)
        self._marks = sorted(marks or [], key=lambda m: (m.start, m.end))
        self._selected = None
        self._follow_selected = False
        self.setPlainText(text)
        _space_paragraphs(self.document())
        self.set_claims(claims)

    def set_claims(self, claims: list[Claim], marks: list[Mark] | None = None) -> None:
        """Replace the highlighted spans (after a claim was added, split, merged…)."""
        if marks is not None:
            self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._claims = {c.id: c for c in claims if c.start is not None and c.end is not None}
        self._starts = sorted((c.start, c.end, c.id) for c in self._claims.values())  # type: ignore[misc]
        if self._selected not in self._claims:
            self._selected = None
        self._repaint_formats()

    def update_claim(self, claim: Claim) -> None:
        """One claim's status changed: recolour it (highlights only, no relayout)."""
        old = self._claims.get(claim.id)
        if old is None:
            return
        self._claims[claim.id] = claim
        if (old.start, old.end) != (claim.start, claim.end):
            self.set_claims(list(self._claims.values()))
        else:
            self._update_highlights()

    def set_color_mode(self, mode: str) -> None:
        """ "status" (to check, in progress…) or "worth" (check-worthiness)."""
        self._color_mode = mode
        self._update_highlights()

    @property
    def color_mode(self) -> str:
        return self._color_mode

    def select_claim(self, claim_id: int | None) -> None:
        """Outline a claim's span and scroll it into view, now and after the next relayouts.

        Selected before the view is laid out (``crible gui --claim N``) or followed by a
        resize, the span would scroll out of sight as the text reflows: it is brought back
        each time the layout changes, until the checker scrolls elsewhere.
        """
        self._selected = claim_id if claim_id in self._claims else None
        self._update_highlights()
        self._follow_selected = self._selected is not None
        if self._selected is not None:
            claim = self._claims[self._selected]
            cursor = self._cursor(claim.start or 0, claim.end or 0)
            cursor.setPosition(cursor.selectionStart())
            self.setTextCursor(cursor)
            self._reveal_selected()

    def _reveal_selected(self) -> None:
        """Scroll so the selected claim's span shows, its first line near the top third."""
        if self._selected is None:
            return
        claim = self._claims[self._selected]
        top = self.cursorRect(self._cursor(claim.start or 0, claim.start or 0)).top()
        bottom = self.cursorRect(self._cursor(claim.end or 0, claim.end or 0)).bottom()
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return  # already fully in view: never move the text under the checker's eyes
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - max(0, min(height // 3, height - (bottom - top))))

    def selected_span(self) -> tuple[int, int] | None:
        """The checker's text selection in article offsets, trimmed of spaces; None if empty."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.from_qt(cursor.selectionStart())
        end = self.from_qt(cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def claim_at(self, offset: int) -> int | None:
        """The claim whose span holds ``offset`` (the innermost one when spans nest)."""
        found = None
        index = bisect.bisect_right(self._starts, (offset, float("inf"), 0))
        for start, end, claim_id in self._starts[:index]:
            if start <= offset < end:
                found = claim_id
        return found

    def mark_at(self, offset: int) -> Mark | None:
        for mark in self._marks:
            if mark.start <= offset < mark.end:
                return mark
        return None

    # -- formats ------------------------------------------------------------------------

    def _repaint_formats(self) -> None:
        """Marks are character formats, set once per article or claims change."""
        whole = QTextCursor(self.document())
        whole.select(QTextCursor.SelectionType.Document)
        whole.setCharFormat(QTextCharFormat())
        for mark in self._marks:
            self._cursor(mark.start, mark.end).mergeCharFormat(_mark_format(mark))
        self._update_highlights()

    def _update_highlights(self) -> None:
        """Claim backgrounds are extra selections: recolouring one repaints, never relayouts."""
        selections = []
        # Outer spans first, so a clause claimed inside a sentence claim shows on top.
        for claim in sorted(self._claims.values(), key=lambda c: (c.start, -(c.end or 0))):
            if self._color_mode == "worth":
                color = worth_color(claim.checkworthiness)
            else:
                color = status_tint(claim.status)
            selections.append(self._selection(claim, color))
        if self._selected is not None:
            claim = self._claims[self._selected]
            selections.append(self._selection(claim, status_tint(claim.status, 0.6)))
        self.setExtraSelections(selections)

    def _selection(self, claim: Claim, color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = self._cursor(claim.start or 0, claim.end or 0)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        selection.format = fmt
        return selection

    def background_at(self, offset: int) -> QColor | None:
        """The claim colour shown at ``offset`` (the topmost highlight), for tests and tools."""
        position = self._to_qt(offset)
        found = None
        for selection in self.extraSelections():
            cursor = selection.cursor
            if cursor.selectionStart() <= position < cursor.selectionEnd():
                found = selection.format.background().color()
        return found

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _to_qt(self, offset: int) -> int:
        offset = max(0, min(offset, len(self._text)))
        return offset if self._u16 is None else self._u16[offset]

    def from_qt(self, position: int) -> int:
        if self._u16 is None:
            return min(position, len(self._text))
        return min(bisect.bisect_right(self._u16, position) - 1, len(self._text))

    # -- events -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._follow_selected:
            self._reveal_timer.start()

    @Slot()
    def _on_layout_document_size_changed(self) -> None:
        if self._follow_selected:
            self._reveal_timer.start()  # once Qt has adjusted the scroll bar to the new size

    @Slot()
    def _on_reveal_timer_timeout(self) -> None:
        if self._follow_selected:
            self._reveal_selected()

    @Slot(int)
    def _on_scroll_action_triggered(self, _action: int) -> None:
        self._follow_selected = False  # the checker scrolls: the text stays where they put it

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        offset = self.from_qt(self.cursorForPosition(event.position().toPoint()).position())
        claim_id = self.claim_at(offset)
        if claim_id is not None:
            self.claim_clicked.emit(claim_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        if first is None:
            menu.addAction(self.new_claim_action)
        else:
            menu.insertAction(first, self.new_claim_action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event.pos(), event.globalPos())  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def _show_tooltip(self, pos: QPoint, global_pos: QPoint) -> None:
        viewport_pos = self.viewport().mapFrom(self, pos)
        offset = self.from_qt(self.cursorForPosition(viewport_pos).position())
        mark = self.mark_at(offset)
        claim_id = self.claim_at(offset)
        lines = []
        if mark is not None:
            lines.append(mark_tooltip(mark))
        if claim_id is not None:
            claim = self._claims[claim_id]
            if claim.reasons:
                lines.append(" · ".join(reason_label(reason) for reason in claim.reasons))
        if lines:
            QToolTip.showText(global_pos, "\n".join(lines), self)
        else:
            QToolTip.hideText()

    @Slot()
    def _on_new_claim_triggered(self) -> None:
        span = self.selected_span()
        if span is not None:
            self.new_claim_requested.emit(*span)


def _mark_format(mark: Mark) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if mark.loaded:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(LOADED_COLOR))
        fmt.setForeground(QColor(LOADED_COLOR))
    elif mark.kind == "quote":
        fmt.setForeground(QColor(QUOTE_COLOR))
        fmt.setFontItalic(True)
    else:
        fmt.setForeground(QColor(ELEMENT_COLOR))
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(ELEMENT_COLOR))
    return fmt


def _space_paragraphs(document: QTextDocument) -> None:
    """Airy lines and a gap between paragraphs: a long article must stay easy to read."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(145, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block.setBottomMargin(8)
    cursor.mergeBlockFormat(block)


def _utf16_table(text: str) -> list[int] | None:
    """Qt position of each Python offset, or None when they coincide (no astral characters)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table = [0]
    for ch in text:
        table.append(table[-1] + (2 if ord(ch) >= 0x10000 else 1))
    return table
