"""The publish checklist: per claim, what a ClaimReview needs and what is missing, fixed in place.

The same checks as ``crible export --format claimreview`` (``app.interop.publish_checklist``):
required items in red block the export, recommended ones are listed. Selecting a claim fills
the form below with its review (the claim as reviewed, review URL, headline, reviewer, dates,
claimant), the article's metadata and the organisation; "Apply" saves them as undoable edits
(the organisation is a setting) and the list is checked again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import edits
from app.domain import Article, Claim
from app.errors import UserError
from app.interop.claimreview_export import claim_reviewed, claimant_of
from app.interop.publish_checklist import article_checklist
from app.storage import articles as articles_store
from app.storage import settings as settings_store
from ui.i18n import current_language, user_message
from ui.models.checklist_model import ChecklistModel, ChecklistRow
from ui.models.snapshot_model import IdRole, SortRole
from ui.widgets.named import named
from ui.widgets.tables import row_table

CLAIM_FIELDS = ("claim_reviewed", "review_url", "review_headline", "reviewer", "review_date",
                "claim_date", "claimant")  # fmt: skip
ARTICLE_FIELDS = ("url", "outlet", "published", "author", "title")


class PublishChecklist(QDialog):
    """Check and complete an article's reviews before publishing them as ClaimReview.

    Signals:
        export_requested(): every review is complete and the checker asked to export.
    """

    export_requested = Signal()

    def __init__(self, session: Any, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id = article_id
        self.setWindowTitle(self.tr("Publish checklist"))
        self.resize(980, 720)
        self.model = ChecklistModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self._claim_id: int | None = None
        self._build()
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = named(QLabel(), "summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all = QCheckBox(self.tr("Show claims without a verdict too"))
        self.table = row_table(self.proxy, "checklist", stretch=1, sortable=True)
        self.form_error = named(QLabel(), "form_error")
        self.form_error.setStyleSheet("color: #c62828")
        self.form_error.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.export_button = QPushButton(self.tr("&Export ClaimReview…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)
        self.show_all.toggled.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.apply_button.clicked.connect(self.apply)
        self.export_button.clicked.connect(self._on_export_clicked)

    def _build_form(self) -> QWidget:
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        review = QGroupBox(self.tr("The review of the selected claim"))
        form = QFormLayout(review)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        statement = named(QPlainTextEdit(), "claim_reviewed")
        statement.setPlaceholderText(self.tr("The claim as a self-contained sentence"))
        statement.setFixedHeight(64)
        self.fields["claim_reviewed"] = statement
        labels = {
            "claim_reviewed": self.tr("Claim reviewed:"),
            "review_url": self.tr("Review URL:"),
            "review_headline": self.tr("Headline:"),
            "reviewer": self.tr("Reviewer:"),
            "review_date": self.tr("Review date:"),
            "claim_date": self.tr("Claim date:"),
            "claimant": self.tr("Claimant:"),
        }
        hints = {
            "review_url": self.tr("https://… the published fact-check page"),
            "review_headline": self.tr("The fact-check's headline"),
            "reviewer": self.tr("Who checked it, in your organisation"),
            "review_date": self.tr("YYYY-MM-DD (default: the last change)"),
            "claim_date": self.tr("YYYY-MM-DD (default: the article's date)"),
            "claimant": self.tr("Who made the claim"),
        }
        for name in CLAIM_FIELDS:
            if name not in self.fields:
                self.fields[name] = named(QLineEdit(placeholderText=hints[name]), name)
            form.addRow(labels[name], self.fields[name])
        article = QGroupBox(self.tr("The article"))
        article_form = QFormLayout(article)
        article_labels = {
            "url": self.tr("URL:"),
            "outlet": self.tr("Outlet:"),
            "published": self.tr("Published:"),
            "author": self.tr("Author:"),
            "title": self.tr("Title:"),
        }
        for name in ARTICLE_FIELDS:
            edit = named(QLineEdit(), f"article_{name}")
            if name == "published":
                edit.setPlaceholderText("YYYY-MM-DD")
            self.fields[f"article_{name}"] = edit
            article_form.addRow(article_labels[name], edit)
        self.fields["org_name"] = named(QLineEdit(), "org_name")
        self.fields["org_url"] = named(QLineEdit(placeholderText="https://…"), "org_url")
        article_form.addRow(self.tr("Your organisation:"), self.fields["org_name"])
        article_form.addRow(self.tr("Its web address:"), self.fields["org_url"])
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(review, 3)
        row.addWidget(article, 2)
        return box

    # -- state ------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Check the article again and show the result, keeping the selected claim."""
        keep = self._claim_id
        rows = self._rows()
        self.model.set_rows(rows)
        ready = sum(row.ready for row in rows if row.verdict)
        incomplete = sum(not row.ready for row in rows if row.verdict)
        if not any(row.verdict for row in rows):
            text = self.tr("No claim has a verdict yet: there is nothing to publish.")
        elif incomplete:
            text = self.tr("%1 review(s) ready, %2 incomplete: fill in what is missing in red.")
            text = text.replace("%1", str(ready)).replace("%2", str(incomplete))
        else:
            text = self.tr("All %1 review(s) are ready to publish.").replace("%1", str(ready))
        self.summary.setText(text)
        self.export_button.setEnabled(ready > 0 and incomplete == 0)
        self._fill_article()
        if rows:
            self.select_claim(keep if keep in {r.claim_id for r in rows} else rows[0].claim_id)
        else:
            self._claim_id = None
            self._fill_claim(None)

    def _rows(self) -> list[ChecklistRow]:
        db = self.session.db
        lang = current_language()
        names = self._item_names()
        rows = []
        checks = article_checklist(db, self.article_id, with_verdict_only=False)
        for check in checks:
            claim = self.session.claim(check.claim_id)
            has_verdict = "verdict" not in check.missing_required
            if not has_verdict and not self.show_all.isChecked():
                continue
            level = self.session.level(claim.verdict_level_id)
            verdict = level.label(lang) if level is not None else claim.verdict_text.strip()
            rows.append(
                ChecklistRow(
                    claim_id=int(claim.id),
                    number=check.number,
                    statement=claim_reviewed(claim),
                    verdict=verdict,
                    missing_required=tuple(names[k] for k in check.missing_required),
                    missing_recommended=tuple(names[k] for k in check.missing_recommended),
                )
            )
        return rows

    def _item_names(self) -> dict[str, str]:
        """The checklist's items in the UI language."""
        return {
            "organisation": self.tr("organisation"),
            "organisation_url": self.tr("organisation's address"),
            "verdict": self.tr("verdict"),
            "review_url": self.tr("review URL"),
            "claim_reviewed": self.tr("claim reviewed"),
            "article_url": self.tr("article URL"),
            "headline": self.tr("headline"),
            "reviewer": self.tr("reviewer"),
            "claimant": self.tr("claimant"),
        }

    def select_claim(self, claim_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(IdRole) == claim_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(index)
                self._claim_id = claim_id
                self._fill_claim(self.session.claim(claim_id))
                return

    @Slot()
    def _on_table_row_changed(self, current: Any, _previous: Any = None) -> None:
        claim_id = current.data(IdRole) if current.isValid() else None
        if claim_id is not None and claim_id != self._claim_id:
            self._claim_id = int(claim_id)
            self._fill_claim(self.session.claim(int(claim_id)))

    def _fill_claim(self, claim: Claim | None) -> None:
        values = _claim_values(claim) if claim is not None else dict.fromkeys(CLAIM_FIELDS, "")
        for name in CLAIM_FIELDS:
            _set_text(self.fields[name], values[name])
            self.fields[name].setEnabled(claim is not None)
        self.form_error.setText("")

    def _fill_article(self) -> None:
        article = articles_store.get_article(self.session.db, self.article_id)
        for name, value in _article_values(article).items():
            _set_text(self.fields[f"article_{name}"], value)
        db = self.session.db
        _set_text(self.fields["org_name"], settings_store.get_setting(db, "org_name") or "")
        _set_text(self.fields["org_url"], settings_store.get_setting(db, "org_url") or "")

    # -- saving -----------------------------------------------------------------------------

    @Slot()
    def apply(self) -> bool:
        """Save what changed in the form (undoable edits); False with a message if refused."""
        try:
            self._save_organisation()
            article = articles_store.get_article(self.session.db, self.article_id)
            typed = self._typed(ARTICLE_FIELDS, "article_")
            article_changes = _changed(_article_values(article), typed)
            if article_changes:
                for name in ("url", "published"):
                    if name in article_changes:  # a bad value is refused before any edit
                        articles_store.checked_article_field(name, article_changes[name])
                self._push(edits.EditArticle(self.article_id, article_changes),
                           self.tr("Article: metadata"))  # fmt: skip
            if self._claim_id is not None:
                claim = self.session.claim(self._claim_id)
                claim_changes = _changed(_claim_values(claim), self._typed(CLAIM_FIELDS))
                if claim_changes:
                    text = self.tr("Claim %1: review").replace("%1", str(self._number()))
                    self._push(edits.EditClaim(self._claim_id, _stored(claim_changes)), text)
        except UserError as exc:
            self.form_error.setText(user_message(exc))
            return False
        except _Refused as refused:
            self.form_error.setText(str(refused))
            return False
        self.refresh()
        return True

    def _push(self, edit: edits.Edit, text: str) -> None:
        """Apply one undoable edit; a refusal is raised with the session's own message."""
        said: list[str] = []

        def heard(message: str) -> None:
            said.append(message)

        self.session.error_raised.connect(heard)
        try:
            applied = self.session.push_edit(edit, text)
        finally:
            self.session.error_raised.disconnect(heard)
        if applied is None:
            raise _Refused(said[-1] if said else self.tr("The change was refused."))

    def _save_organisation(self) -> None:
        db = self.session.db
        name = self.fields["org_name"]
        url = self.fields["org_url"]
        assert isinstance(name, QLineEdit) and isinstance(url, QLineEdit)
        new_url = url.text().strip()
        if new_url and not new_url.startswith(("https://", "http://")):
            raise UserError("the organisation's address must be http(s), not {url}",
                            url=repr(new_url))  # fmt: skip
        for key, value in (("org_name", name.text().strip()), ("org_url", new_url)):
            if value != (settings_store.get_setting(db, key) or ""):
                settings_store.set_setting(db, key, value)

    def _typed(self, names: tuple[str, ...], prefix: str = "") -> dict[str, str]:
        return {name: _get_text(self.fields[prefix + name]).strip() for name in names}

    def _number(self) -> int:
        row = next((r for r in self.model._rows if r.claim_id == self._claim_id), None)
        return row.number if row is not None else 0

    @Slot()
    def _on_export_clicked(self) -> None:
        if self.apply():
            self.export_requested.emit()


class _Refused(Exception):
    """An edit the session refused; its message is already in the UI language."""


def _claim_values(claim: Claim) -> dict[str, str]:
    return {
        "claim_reviewed": claim_reviewed(claim),
        "review_url": claim.review_url or "",
        "review_headline": claim.review_headline,
        "reviewer": claim.reviewer,
        "review_date": claim.review_date or "",
        "claim_date": claim.claim_date or "",
        "claimant": claimant_of(claim) or "",
    }


def _article_values(article: Article) -> dict[str, str]:
    return {name: getattr(article, name) or "" for name in ARTICLE_FIELDS}


def _changed(before: dict[str, str], typed: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in typed.items() if value != before[name]}


def _stored(changes: dict[str, str]) -> dict[str, str | None]:
    """Form text as claim columns: an emptied URL or date is no value at all."""
    nullable = {"claim_reviewed", "review_url", "review_date", "claim_date", "claimant"}
    return {name: (value or None) if name in nullable else value for name, value in changes.items()}


def _set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
        widget.setCursorPosition(0)  # show a long URL or title from its start


def _get_text(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
