"""``named(QLineEdit(), "url")``: a widget with its object name, which tests and the style
sheet find it by (Qt's stubs do not type the ``objectName=`` keyword)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

T = TypeVar("T", bound=QObject)


def named(widget: T, name: str) -> T:
    widget.setObjectName(name)
    return widget
