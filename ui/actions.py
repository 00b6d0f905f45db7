"""The window's actions and menus: one place for every command, its shortcut and its menu."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from app.domain import CLAIM_STATUSES
from ui.icons import icon
from ui.models.labels import status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass
class Actions:
    """Every QAction of the main window, by name (``actions.open_file`` …)."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    status: dict[str, QAction] = field(default_factory=dict)
    color_group: QActionGroup | None = None

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["by_name"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _action(
    window: QMainWindow,
    actions: Actions,
    name: str,
    text: str,
    shortcuts: list[QKeySequence.StandardKey | str] | None = None,
    tip: str = "",
    icon_name: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        # A standard key may already be one of the others (HelpContents is F1 on Linux):
        # the shortcuts dialog would list it twice.
        sequences: list[QKeySequence] = []
        for s in shortcuts:
            sequences += [QKeySequence(s)] if isinstance(s, str) else QKeySequence.keyBindings(s)
        unique = list({seq.toString(): seq for seq in sequences if not seq.isEmpty()}.values())
        action.setShortcuts(unique)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon_name:
        action.setIcon(icon(icon_name))
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    actions.by_name[name] = action
    return action


def build_actions(window: QMainWindow) -> Actions:
    actions = Actions()
    a = _action
    std = QKeySequence.StandardKey
    a(
        window,
        actions,
        "open_file",
        _tr("&Open article file…"),
        [std.Open],
        _tr("Open an article from a text, HTML or Markdown file"),
        "open",
    )
    a(
        window,
        actions,
        "open_url",
        _tr("Open article from &URL…"),
        ["Ctrl+L"],
        _tr("Fetch a web page and open its article"),
        "web",
    )
    a(
        window,
        actions,
        "paste_article",
        _tr("&Paste article…"),
        ["Ctrl+Shift+V"],
        _tr("Paste an article's text"),
        "paste",
    )
    a(
        window,
        actions,
        "recent_articles",
        _tr("Open &earlier article…"),
        ["Ctrl+E"],
        _tr("Reopen an article you worked on"),
    )
    a(
        window,
        actions,
        "export_article",
        _tr("E&xport article…"),
        ["Ctrl+Shift+E"],
        _tr("Save this article's check as Markdown, HTML, ClaimReview JSON-LD or CSV"),
    )
    a(
        window,
        actions,
        "archive_browser",
        _tr("&Search the archive…"),
        ["Ctrl+Shift+F"],
        _tr("Search every stored claim and fact-check"),
        "search",
    )
    a(
        window,
        actions,
        "settings",
        _tr("S&ettings…"),
        [std.Preferences, "Ctrl+,"],
        _tr("Language, rating scale, reliability list, API keys"),
    )
    a(window, actions, "quit", _tr("&Quit"), [std.Quit, "Ctrl+Q"])

    # The window connects these to the undo stack (after committing what is being typed).
    a(window, actions, "undo", _tr("&Undo"), [std.Undo, "Ctrl+Z"])
    a(window, actions, "redo", _tr("&Redo"), [std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"])

    a(
        window,
        actions,
        "new_claim",
        _tr("&New claim from selection"),
        ["Ctrl+N"],
        _tr("Make the text selected in the article a claim"),
        "add",
    )
    a(
        window,
        actions,
        "edit_claim",
        _tr("&Edit claim wording…"),
        ["F2"],
        _tr("Reword the selected claim"),
    )
    a(
        window,
        actions,
        "split_claim",
        _tr("S&plit claim at cursor"),
        ["Ctrl+Shift+S"],
        _tr("Cut the selected claim in two where the cursor is in the article"),
    )
    a(
        window,
        actions,
        "merge_claims",
        _tr("&Merge with next claim"),
        ["Ctrl+Shift+M"],
        _tr("Join the selected claim with the next one (or the selected ones)"),
    )
    a(
        window,
        actions,
        "delete_claim",
        _tr("&Delete claim"),
        [std.Delete],
        _tr("Delete the selected claim"),
        "delete",
    )

    a(
        window,
        actions,
        "next_claim",
        _tr("&Next claim"),
        ["J", "Ctrl+Down"],
        _tr("Select the next claim"),
        "down",
    )
    a(
        window,
        actions,
        "previous_claim",
        _tr("&Previous claim"),
        ["K", "Ctrl+Up"],
        _tr("Select the previous claim"),
        "up",
    )
    for number, status in enumerate(CLAIM_STATUSES, start=1):
        action = a(
            window,
            actions,
            f"status_{status}",
            _tr("Mark as “%1”").replace("%1", status_label(status)),
            [str(number), f"Ctrl+{number}"],
        )
        actions.status[status] = action
    a(
        window,
        actions,
        "set_verdict",
        _tr("Set &verdict…"),
        ["V", "Ctrl+R"],
        _tr("Choose the rating of the selected claim"),
        "verdict",
    )
    a(
        window,
        actions,
        "add_source",
        _tr("Add &source…"),
        ["S", "Ctrl+Shift+A"],
        _tr("Add a source to the selected claim"),
        "source",
    )
    a(
        window,
        actions,
        "rematch",
        _tr("Search earlier checks &again"),
        ["F5"],
        _tr("Match every claim of the article against the archive again"),
        "refresh",
    )

    group = QActionGroup(window)
    for name, text in (
        ("color_status", _tr("Colour claims by &status")),
        ("color_worth", _tr("Colour claims by check-&worthiness")),
    ):
        action = a(window, actions, name, text)
        action.setCheckable(True)
        group.addAction(action)
    actions.color_status.setChecked(True)
    actions.color_group = group

    a(window, actions, "shortcuts", _tr("&Keyboard shortcuts"), [std.HelpContents, "F1"])
    a(window, actions, "about", _tr("&About Crible"))
    return actions


def build_menus(window: QMainWindow, actions: Actions) -> None:
    bar = window.menuBar()
    menu = bar.addMenu(_tr("&File"))
    _add(
        menu,
        actions,
        [
            "open_file",
            "open_url",
            "paste_article",
            "recent_articles",
            None,
            "export_article",
            "archive_browser",
            None,
            "settings",
            None,
            "quit",
        ],
    )
    menu = bar.addMenu(_tr("&Edit"))
    _add(
        menu,
        actions,
        [
            "undo",
            "redo",
            None,
            "new_claim",
            "edit_claim",
            "split_claim",
            "merge_claims",
            "delete_claim",
        ],
    )
    menu = bar.addMenu(_tr("&Claim"))
    _add(menu, actions, ["next_claim", "previous_claim", None])
    for action in actions.status.values():
        menu.addAction(action)
    menu.addSeparator()
    _add(menu, actions, ["set_verdict", "add_source", None, "rematch"])
    menu = bar.addMenu(_tr("&View"))
    _add(menu, actions, ["color_status", "color_worth"])
    menu = bar.addMenu(_tr("&Help"))
    _add(menu, actions, ["shortcuts", None, "about"])


def _add(menu: QMenu, actions: Actions, names: list[str | None]) -> None:
    for name in names:
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(actions.by_name[name])


def app_icon() -> QIcon:
    return icon("crible")


def follow_undo_stack(actions: Actions, stack: QUndoStack) -> None:
    """Undo/Redo are enabled when the stack can, and name the edit they would take back."""
    stack.canUndoChanged.connect(actions.undo.setEnabled)
    stack.canRedoChanged.connect(actions.redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: _describe(actions.undo, _tr("Undo: %1"), text))
    stack.redoTextChanged.connect(lambda text: _describe(actions.redo, _tr("Redo: %1"), text))
    actions.undo.setEnabled(stack.canUndo())
    actions.redo.setEnabled(stack.canRedo())


def _describe(action: QAction, template: str, text: str) -> None:
    """Name the edit that Undo/Redo would take back, in its tooltip and status tip."""
    tip = template.replace("%1", text) if text else ""
    action.setToolTip(tip or action.text().replace("&", ""))
    action.setStatusTip(tip)
