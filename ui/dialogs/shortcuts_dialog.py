"""The keyboard shortcuts help dialog, built from the window's own actions so it never lies."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.named import named


def plain_text(text: str) -> str:
    """An action's or menu's text without its "&" mnemonic markers ("&&" is a real "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_text(action: QAction) -> str:
    return ", ".join(
        sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    )


def menu_title(action: QAction) -> str:
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu) and owner.title():
            return plain_text(owner.title())
    return ""


class ShortcutsDialog(QDialog):
    """Lists the shortcuts of the given actions, grouped by menu, with a filter box.

    Actions without a shortcut are left out; they are listed in the order given.
    """

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        self.filter = named(QLineEdit(), "filter")
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._on_filter_changed)
        self._fill(actions)

    def _fill(self, actions: Iterable[QAction]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for action in actions:
            keys = shortcut_text(action)
            if not keys or action.isSeparator():
                continue
            menu = menu_title(action) or self.tr("Other")
            group = groups.get(menu)
            if group is None:
                group = QTreeWidgetItem(self.tree, [menu])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[menu] = group
            item = QTreeWidgetItem(group, [plain_text(action.text()), keys])
            if action.toolTip() and plain_text(action.toolTip()) != plain_text(action.text()):
                item.setToolTip(0, action.toolTip())
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, shortcut) of the visible rows, as shown."""
        found = []
        for group in self._groups():
            for item in _children(group):
                if not item.isHidden():
                    found.append((group.text(0), item.text(0), item.text(1)))
        return found

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        for group in self._groups():
            visible = 0
            for item in _children(group):
                hay = f"{item.text(0)} {item.text(1)} {group.text(0)}".casefold()
                item.setHidden(bool(needle) and needle not in hay)
                visible += not item.isHidden()
            group.setHidden(visible == 0)


def _children(group: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    items = (group.child(c) for c in range(group.childCount()))
    return [item for item in items if item is not None]
