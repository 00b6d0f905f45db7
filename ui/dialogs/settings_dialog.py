"""The settings dialog: UI language, organisation, rating scale, domain list and API keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import DomainRating, RatingScale
from ui.dialogs.api_keys_page import ApiKeysPage
from ui.i18n import LANGUAGE_KEY
from ui.models.settings_tables import DomainsModel, LevelsModel, RatingDelegate
from ui.validation import is_http_url
from ui.widgets.named import named

_ERROR_STYLE = "color: #b3261e;"
KeyTester = Callable[[str], None]


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(_ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _table(model, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _current_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


class GeneralPage(QWidget):
    """UI language (stored in QSettings) and the organisation named in ClaimReview."""

    def __init__(self, language: str, org_name: str, org_url: str, parent=None) -> None:
        super().__init__(parent)
        self.language = named(QComboBox(), "language")
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        restart = QLabel(
            self.tr("A new language applies when Crible restarts; it offers to restart at once.")
        )
        restart.setWordWrap(True)
        self.org_name = named(QLineEdit(org_name), "org_name")
        self.org_name.setPlaceholderText(self.tr("e.g. Les Décodeurs"))
        self.org_url = named(QLineEdit(org_url), "org_url")
        self.org_url.setPlaceholderText("https://…")
        explain = QLabel(
            self.tr("Your organisation is named as the author of the ClaimReview you export.")
        )
        explain.setWordWrap(True)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", restart)
        form.addRow(explain)
        form.addRow(self.tr("&Organisation:"), self.org_name)
        form.addRow(self.tr("Organisation &website:"), self.org_url)
        form.addRow(self.error)

    def problem(self) -> str:
        url = self.org_url.text().strip()
        if url and not is_http_url(url):
            return self.tr("The organisation's website must start with http:// or https://.")
        return ""


class ScalePage(QWidget):
    """The team's rating scale: levels with key, labels, value and colour."""

    def __init__(self, scale: RatingScale, parent=None) -> None:
        super().__init__(parent)
        self.model = LevelsModel(scale, self)
        self.view = _table(self.model, self)
        intro = QLabel(
            self.tr(
                "The verdicts your team gives, from best to worst. A value between 0 and 1 "
                "makes the rating numeric in ClaimReview; leave it empty for levels such as "
                "\u201cunverifiable\u201d. Removing a level clears the verdicts that used it."
            )
        )
        intro.setWordWrap(True)
        self.error = _error_label()
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("&Add level"))
        remove = QPushButton(self.tr("&Remove"))
        up = QPushButton(self.tr("Move &up"))
        down = QPushButton(self.tr("Move do&wn"))
        color = QPushButton(self.tr("&Colour…"))
        for button in (add, remove, up, down, color):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        add.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(lambda: self.model.remove_level(_current_row(self.view)))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        color.clicked.connect(self._on_color_clicked)
        self.view.doubleClicked.connect(self._on_double_clicked)

    def _move(self, delta: int) -> None:
        row = self.model.move_level(_current_row(self.view), delta)
        if row >= 0:
            self.view.selectRow(row)

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self.model.add_level()
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, LevelsModel.KEY))

    def _on_double_clicked(self, index) -> None:
        if index.column() == LevelsModel.COLOR:
            self._choose_color(index.row())

    @Slot()
    def _on_color_clicked(self) -> None:
        self._choose_color(_current_row(self.view))

    def _choose_color(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, LevelsModel.COLOR)
        dialog = QColorDialog(self)
        dialog.setCurrentColor(index.data())
        dialog.colorSelected.connect(lambda color: self.model.setData(index, color.name()))
        dialog.open()


class DomainsPage(QWidget):
    """The team's reliability list of web domains."""

    def __init__(self, ratings: list[DomainRating], parent=None) -> None:
        super().__init__(parent)
        self.model = DomainsModel(ratings, self)
        self.view = _table(self.model, self)
        self.view.setItemDelegateForColumn(DomainsModel.RATING, RatingDelegate(self.view))
        self.view.setSortingEnabled(False)
        intro = QLabel(
            self.tr(
                "How far your team trusts a site. A rating applies to the domain and its "
                "sub-domains; it is shown beside every source from there."
            )
        )
        intro.setWordWrap(True)
        self.error = _error_label()
        add = QPushButton(self.tr("&Add domain"))
        remove = QPushButton(self.tr("&Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        add.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(lambda: self.model.remove_domain(_current_row(self.view)))

    @Slot()
    def _on_add_clicked(self) -> None:
        row = self.model.add_domain()
        self.view.selectRow(row)
        self.view.edit(self.model.index(row, DomainsModel.DOMAIN))


class SettingsDialog(QDialog):
    """Crible's settings. The caller stores what it returns; API keys are saved at once.

    After `accept()`: `language()` (also written to QSettings `ui/language`),
    `organisation()` → (name, url) for `app.storage.settings`, `scale_levels()` → the
    list for `replace_scale_levels` or None when unchanged, `domain_changes()` →
    (ratings to set, domains to remove). OK is refused, with the reason on the page,
    while a page holds an error.

    Signals:
        key_test_requested(str service): "google_factcheck" or "wayback". A `key_tester`
            callable given to the constructor is connected to it (it tests the stored keys
            in the background and calls `show_test_result`); without one, the dialog tests
            them itself in a worker thread (`ApiKeysPage.run_check`).
        secrets_changed(): a key was stored or removed, or session-only storage began.
    """

    key_test_requested = Signal(str)
    secrets_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        scale: RatingScale,
        domain_ratings: list[DomainRating],
        org_name: str = "",
        org_url: str = "",
        key_tester: KeyTester | None = None,
        key_checks: dict[str, Callable[[], Any]] | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crible settings"))
        self.resize(720, 480)
        self._settings = settings if settings is not None else QSettings()
        language = str(self._settings.value(LANGUAGE_KEY, "system"))
        self.general = GeneralPage(language, org_name, org_url, self)
        self.scale_page = ScalePage(scale, self)
        self.domains_page = DomainsPage(domain_ratings, self)
        self.keys_page = ApiKeysPage(self, key_checks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.scale_page, self.tr("Rating scale"))
        self.tabs.addTab(self.domains_page, self.tr("Domain reliability"))
        self.tabs.addTab(self.keys_page, self.tr("API keys"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.keys_page.test_requested.connect(self.key_test_requested)
        self.keys_page.secrets_changed.connect(self.secrets_changed)
        # Without a tester from the caller, the page tests the keys itself, in a worker.
        self.key_test_requested.connect(key_tester or self.keys_page.run_check)

    def show_test_result(self, service: str, ok: bool, message: str) -> None:
        """Show the outcome of a key test (call it on the GUI thread)."""
        self.keys_page.show_test_result(service, ok, message)

    def problem(self) -> tuple[QWidget, QLabel, str] | None:
        checks = (
            (self.general, self.general.error, self.general.problem()),
            (self.scale_page, self.scale_page.error, self.scale_page.model.problem()),
            (self.domains_page, self.domains_page.error, self.domains_page.model.problem()),
        )
        for _page, label, message in checks:
            label.setText(message)
            label.setVisible(bool(message))
        return next((c for c in checks if c[2]), None)

    def accept(self) -> None:
        found = self.problem()
        if found is not None:
            self.tabs.setCurrentWidget(found[0])
            return
        self._settings.setValue(LANGUAGE_KEY, self.general.language.currentData())
        super().accept()

    def language(self) -> str | None:
        """ "fr", "en", or None to follow the system."""
        value = self.general.language.currentData()
        return None if value == "system" else value

    def organisation(self) -> tuple[str, str]:
        return self.general.org_name.text().strip(), self.general.org_url.text().strip()

    def scale_levels(self) -> list[dict] | None:
        model = self.scale_page.model
        return model.levels() if model.is_changed() else None

    def domain_changes(self) -> tuple[list[DomainRating], list[str]]:
        return self.domains_page.model.changes()

    def show_page(self, name: str) -> None:
        """Open on a page: "general", "scale", "domains" or "keys"."""
        pages = {
            "general": self.general,
            "scale": self.scale_page,
            "domains": self.domains_page,
            "keys": self.keys_page,
        }
        self.tabs.setCurrentWidget(pages.get(name, self.general))
