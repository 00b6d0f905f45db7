"""The read-only list the dialogs and panes show (search hits, articles, the checklist): whole
rows selected one at a time, no editing in place, no row numbers, columns fitted to their
contents with one column taking the rest of the width."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.named import named


def row_table(
    model: QAbstractItemModel,
    name: str,
    *,
    stretch: int | None = None,
    sortable: bool = False,
    parent: QWidget | None = None,
) -> QTableView:
    view = named(QTableView(parent), name)
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
