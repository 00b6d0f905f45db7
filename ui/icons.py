"""Crible's icons: its own SVGs from ``resources/icons`` (loaded once) and colour swatches."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPixmap


def icons_dir() -> Path:
    return Path(str(files("resources") / "icons"))


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; a missing file is a packaging bug."""
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"missing icon {path}")
    return QIcon(str(path))


def color_swatch(color: str, size: int = 12) -> QIcon:
    """A small square of `color` (any CSS/hex name Qt knows; grey when invalid)."""
    pixmap = QPixmap(size, size)
    qcolor = QColor(color)
    pixmap.fill(qcolor if qcolor.isValid() else QColor("#888888"))
    return QIcon(pixmap)
