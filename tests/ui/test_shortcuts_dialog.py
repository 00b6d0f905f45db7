"""The shortcuts dialog lists the real actions' shortcuts, grouped by menu, and filters them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ui.dialogs.shortcuts_dialog import ShortcutsDialog, plain_text


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    qtbot.addWidget(win)
    claims = win.menuBar().addMenu("&Claims")
    next_claim = claims.addAction("&Next claim")
    next_claim.setShortcut(QKeySequence("J"))
    previous = claims.addAction("&Previous claim")
    previous.setShortcuts([QKeySequence("K"), QKeySequence("Ctrl+Up")])
    claims.addAction("No shortcut here")
    claims.addSeparator()
    edit = win.menuBar().addMenu("&Edit")
    undo = edit.addAction("&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    loose = QAction("Add &source && note", win)
    loose.setShortcut(QKeySequence("Ctrl+Shift+S"))
    win.addAction(loose)
    return win, [next_claim, previous, *claims.actions()[2:], undo, loose]


def test_lists_actions_with_shortcuts_by_menu(qtbot, window):
    _win, actions = window
    dialog = ShortcutsDialog(actions)
    qtbot.addWidget(dialog)
    assert dialog.rows() == [
        ("Claims", "Next claim", "J"),
        ("Claims", "Previous claim", "K, Ctrl+Up"),
        (
            "Edit",
            "Undo",
            QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText
            ),
        ),
        ("Other", "Add source & note", "Ctrl+Shift+S"),
    ]


def test_filter_hides_other_rows_and_empty_groups(qtbot, window):
    dialog = ShortcutsDialog(window[1])
    qtbot.addWidget(dialog)
    dialog.filter.setText("claim")
    assert [row[1] for row in dialog.rows()] == ["Next claim", "Previous claim"]
    assert dialog.tree.topLevelItem(1).isHidden()  # "Edit" has nothing left
    dialog.filter.setText("ctrl+shift")
    assert [row[1] for row in dialog.rows()] == ["Add source & note"]
    dialog.filter.setText("")
    assert len(dialog.rows()) == 4


def test_empty_list(qtbot):
    dialog = ShortcutsDialog([])
    qtbot.addWidget(dialog)
    assert dialog.rows() == []


def test_plain_text():
    assert plain_text("&Fichier") == "Fichier"
    assert plain_text("Sources && notes") == "Sources & notes"
