"""The add/edit form of a claim's source, which refuses a non-web URL or a bad date inline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import STANCES, ClaimSource
from ui.models.labels import stance_label
from ui.validation import is_http_url, is_valid_date
from ui.widgets.named import named

_ERROR_COLOR = "#b3261e"
_ERROR_STYLE = f"color: {_ERROR_COLOR};"


class SourceForm(QDialog):
    """A source's fields; OK stays disabled while the URL, archive URL or a date is wrong.

    `link` is the source being edited, or None for a new one. After acceptance,
    `fields()` gives every field (for `add_source`) and `changes()` only those that
    differ from `link` (for `update_claim_source`). Empty optional fields are None.
    """

    def __init__(self, parent: QWidget | None, link: ClaimSource | None) -> None:
        super().__init__(parent)
        self.link = link
        self.setWindowTitle(self.tr("Edit source") if link else self.tr("Add a source"))
        self.setMinimumWidth(520)
        self._build()
        self._fill(link)
        self._validate()

    def _build(self) -> None:
        self.url = named(QLineEdit(), "url")
        self.url.setPlaceholderText("https://…")
        self.title = named(QLineEdit(), "title")
        self.publisher = named(QLineEdit(), "publisher")
        self.published_date = named(QLineEdit(), "published_date")
        self.published_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.accessed_date = named(QLineEdit(), "accessed_date")
        self.accessed_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.stance = named(QComboBox(), "stance")
        for stance in STANCES:
            self.stance.addItem(stance_label(stance), stance)
        self.excerpt = named(QPlainTextEdit(), "excerpt")
        self.excerpt.setPlaceholderText(self.tr("The passage that supports or refutes the claim"))
        self.excerpt.setTabChangesFocus(True)
        self.note = named(QPlainTextEdit(), "note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.archive_url = named(QLineEdit(), "archive_url")
        self.archive_url.setPlaceholderText("https://web.archive.org/web/…")
        self.error = named(QLabel(), "error")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&URL:"), self.url)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Publisher:"), self.publisher)
        form.addRow(self.tr("Publis&hed on:"), self.published_date)
        form.addRow(self.tr("A&ccessed on:"), self.accessed_date)
        form.addRow(self.tr("&Stance:"), self.stance)
        form.addRow(self.tr("&Excerpt:"), self.excerpt)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Archived copy:"), self.archive_url)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.url, self.published_date, self.accessed_date, self.archive_url):
            field.textChanged.connect(self._validate)

    def _fill(self, link: ClaimSource | None) -> None:
        if link is None:
            self.accessed_date.setText(date.today().isoformat())
            # The checker has usually just copied the page's address in the browser.
            copied = QGuiApplication.clipboard().text().strip()
            if is_http_url(copied):
                self.url.setText(copied)
                self.url.selectAll()
            self.stance.setCurrentIndex(self.stance.findData("context"))
            return
        source = link.source
        self.url.setText(source.url)
        self.title.setText(source.title)
        self.publisher.setText(source.publisher)
        self.published_date.setText(source.published_date or "")
        self.accessed_date.setText(link.accessed_date or "")
        self.stance.setCurrentIndex(max(self.stance.findData(link.stance), 0))
        self.excerpt.setPlainText(link.excerpt)
        self.note.setPlainText(link.note)
        self.archive_url.setText(source.archive_url or "")

    def problem(self) -> str:
        """What is wrong with the fields now, or "" when they can be saved."""
        url = self.url.text().strip()
        if not url:
            return self.tr("Enter the address of the source.")
        if not is_http_url(url):
            return self.tr("The address must be a web page starting with http:// or https://.")
        archive = self.archive_url.text().strip()
        if archive and not is_http_url(archive):
            return self.tr("The archived copy must be a web address (http:// or https://).")
        for field, name in (
            (self.published_date, self.tr("publication date")),
            (self.accessed_date, self.tr("access date")),
        ):
            if not is_valid_date(field.text()):
                return self.tr("The %1 must look like 2024-03-31.").replace("%1", name)
        return ""

    def _faulty_field(self) -> QLineEdit | None:
        if self.url.text().strip() and not is_http_url(self.url.text()):
            return self.url
        if self.archive_url.text().strip() and not is_http_url(self.archive_url.text()):
            return self.archive_url
        for field in (self.published_date, self.accessed_date):
            if not is_valid_date(field.text()):
                return field
        return None

    @Slot()
    def _validate(self) -> None:
        problem = self.problem()
        faulty = self._faulty_field()
        for field in (self.url, self.archive_url, self.published_date, self.accessed_date):
            field.setStyleSheet(f"border: 1px solid {_ERROR_COLOR};" if field is faulty else "")
        # A blank URL on a fresh form is not an error yet: only say what is missing.
        self.error.setText(problem if self.url.text().strip() or self.link else "")
        self.error.setVisible(bool(self.error.text()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        if self.problem():  # Return in a field bypasses the disabled button
            self._validate()
            return
        super().accept()

    def fields(self) -> dict[str, object]:
        return {
            "url": self.url.text().strip(),
            "title": self.title.text().strip(),
            "publisher": self.publisher.text().strip(),
            "published_date": self.published_date.text().strip() or None,
            "accessed_date": self.accessed_date.text().strip() or None,
            "stance": self.stance.currentData(),
            "excerpt": self.excerpt.toPlainText().strip(),
            "note": self.note.toPlainText().strip(),
            "archive_url": self.archive_url.text().strip() or None,
        }

    def changes(self) -> dict[str, object]:
        if self.link is None:
            return self.fields()
        source = self.link.source
        before = {
            "url": source.url,
            "title": source.title,
            "publisher": source.publisher,
            "published_date": source.published_date,
            "accessed_date": self.link.accessed_date,
            "stance": self.link.stance,
            "excerpt": self.link.excerpt,
            "note": self.link.note,
            "archive_url": source.archive_url,
        }
        return {k: v for k, v in self.fields().items() if v != before[k]}
