"""The whole window in French on the demo: no English word in its menus, panes, headers,
tooltips, the selected claim's explanation, or the claims' reasons."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from app.seeds import load_demo
from app.storage import open_archive
from ui.i18n import install_translator, remove_translators

# Words of the English UI that French never uses (French shares Verdict, Source, Date, Notes…).
ENGLISH = re.compile(
    r"\b(the|and|with|from|Same|Shared|Different|figures|words|places|names|speaker|Match|"
    r"Related|Weak|Earlier|earlier|people|named|attributed|quote|loaded|Open|Save|"
    r"Undo|Redo|File|Edit|View|Help|Settings|Claims?|claims?|Worth|Status|Rating|check|checks|"
    r"found|Search|Filter|Add|Remove|Published|Publisher|Your|None)\b"
)
# Columns whose cells are the archive's or the article's own text (French, but any words).
TEXT_COLUMNS = {"Affirmation", "Affirmation antérieure", "Source", "Éditeur", "Verdict"}
# Columns whose tooltip quotes the archive's earlier check (an English check may match).
ARCHIVE_TIPS = {"Vérif. antérieure"}


@pytest.fixture
def french_window(qapp, qtbot, tmp_path):
    from ui.database import ArchiveSession
    from ui.main_window import MainWindow

    db = open_archive(tmp_path / "archive.db")
    load_demo(db)
    db.close()
    assert install_translator(qapp, "fr") == "fr"
    session = ArchiveSession(tmp_path / "archive.db")
    window = MainWindow(session, restore=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    with qtbot.waitSignal(window.matches_ready, timeout=120_000):
        window.open_article(1)
    yield window
    session.runner.cancel_all()
    session.runner.wait()
    session.close()
    remove_translators(qapp)


def _chrome(widget: QWidget) -> list[str]:
    """Every text of the interface itself (not the article's or the archive's own text)."""
    texts: list[str] = []
    for w in [widget, *widget.findChildren(QWidget)]:
        texts.append(w.toolTip())
        if isinstance(w, QLabel) and w.objectName() not in ("archiveLabel", "articleHeader"):
            texts.append(w.text())
        if isinstance(w, QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTextEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTextBrowser):
            texts.append(w.toPlainText())
        if isinstance(w, QComboBox) and not w.isEditable():
            texts.extend(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts.extend(_model_texts(w.model()))
    for menu in widget.findChildren(QMenu):
        texts.append(menu.title())
        for action in menu.actions():
            texts.extend((action.text(), action.toolTip(), action.statusTip()))
    return [t for t in texts if t]


def _model_texts(model) -> list[str]:
    texts = []
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        for c in range(model.columnCount())
    ]
    texts.extend(headers)
    for row in range(min(model.rowCount(), 40)):
        for column, header in enumerate(headers):
            index = model.index(row, column)
            if header not in TEXT_COLUMNS:
                texts.append(str(index.data() or ""))
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip and header not in TEXT_COLUMNS | ARCHIVE_TIPS:
                texts.append(str(tip))
    return texts


def _english_in(texts: list[str]) -> list[tuple[str, str]]:
    # The explanation quotes both claims: only its own lines are checked.
    found = []
    for text in texts:
        for word in ENGLISH.findall(text):
            found.append((word, text[:120]))
    return found


def test_no_english_in_the_french_window(french_window):
    window = french_window
    texts = _chrome(window)
    explanation = window.panes.matches_pane.explanation.toPlainText()
    assert "Correspondance" in explanation or "Apparentée" in explanation
    assert _english_in(texts) == []


def test_no_english_in_the_claims_reasons(french_window):
    from ui.models.claims_model import COLUMNS

    model = french_window.panes.claims_pane.model
    column = COLUMNS.index("worth")
    tips = [
        str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")
        for row in range(model.rowCount())
    ]
    assert any("Pourquoi la vérifier" in tip for tip in tips)
    assert _english_in(tips) == []


def test_no_english_in_each_tab_and_the_settings(french_window, qtbot):
    from app.storage import domains as domains_store
    from ui.dialogs.settings_dialog import SettingsDialog

    window = french_window
    for index in range(window.panes.tabs.count()):
        window.panes.tabs.setCurrentIndex(index)
        assert _english_in(_chrome(window.panes.tabs.currentWidget())) == []
    session = window.session
    dialog = SettingsDialog(
        window, scale=session.scale, domain_ratings=domains_store.list_domain_ratings(session.db)
    )
    qtbot.addWidget(dialog)
    assert _english_in(_chrome(dialog)) == []
