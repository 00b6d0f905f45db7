"""The two editable tables of the settings dialog: rating-scale levels and domain reliability."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain import DomainRating, RatingScale
from ui.icons import color_swatch
from ui.models.sources_model import RELIABILITY_COLORS, RELIABILITY_KEYS, reliability_label

_Index = QModelIndex | QPersistentModelIndex
_EDIT = Qt.ItemDataRole.EditRole
_DISPLAY = Qt.ItemDataRole.DisplayRole


def parse_level_value(text: str) -> float | None:
    """ "" → None (a level without a number); "0,5" or "0.5" → 0.5; ValueError outside 0–1."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


def clean_domain(text: str) -> str:
    """What the user typed or pasted (a URL, "WWW.Site.fr.") as a bare domain, or ""."""
    text = text.strip().lower()
    if "://" in text:
        try:
            text = urlsplit(text).hostname or ""
        except ValueError:
            return ""
    text = text.split("/")[0].rstrip(".")
    text = text.removeprefix("www.")
    return "" if " " in text else text


class LevelsModel(QAbstractTableModel):
    """The levels of a rating scale being edited; `levels()` feeds `replace_scale_levels`."""

    COLOR, KEY, LABEL_FR, LABEL_EN, VALUE = range(5)
    _FIELDS = ("color", "key", "label_fr", "label_en", "value")

    def __init__(self, scale: RatingScale, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = [
            {
                "key": level.key,
                "label_fr": level.label_fr,
                "label_en": level.label_en,
                "value": level.value,
                "color": level.color,
                # Verdicts refer to a level through its key: an existing level's key stays.
                "fixed": True,
            }
            for level in scale.levels
        ]
        self._original = [dict(row) for row in self._rows]

    def levels(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if k != "fixed"} for row in self._rows]

    def is_changed(self) -> bool:
        return self._rows != self._original

    def problem(self) -> str:
        """Why these levels cannot be saved, or ""."""
        keys = [row["key"] for row in self._rows]
        if not keys:
            return self.tr("The scale needs at least one level.")
        if any(not key for key in keys) or len(set(keys)) != len(keys):
            return self.tr("Each level needs its own key (a short word such as \u201cfalse\u201d).")
        if any(not row["label_fr"] or not row["label_en"] for row in self._rows):
            return self.tr("Each level needs a French and an English label.")
        return ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._FIELDS)

    def headerData(self, section: int, orientation, role=_DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        names = [
            self.tr("Colour"),
            self.tr("Key"),
            self.tr("French label"),
            self.tr("English label"),
            self.tr("Value (0–1)"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.KEY and self._key_is_fixed(index.row()):
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _key_is_fixed(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row]["fixed"]

    def data(self, index: _Index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.KEY:
            if self._key_is_fixed(index.row()):
                return self.tr("Verdicts refer to this key: it cannot change.")
            return None
        field = self._FIELDS[index.column()]
        value = row[field]
        if role in (_DISPLAY, _EDIT):
            if field == "value":
                return "" if value is None else f"{value:g}"
            return value
        if role == Qt.ItemDataRole.DecorationRole and field == "color":
            return color_swatch(value, 14)
        return None

    def setData(self, index: _Index, value: Any, role=_EDIT) -> bool:
        if role != _EDIT or not index.isValid():
            return False
        field = self._FIELDS[index.column()]
        if field == "key" and self._key_is_fixed(index.row()):
            return False
        try:
            cleaned = self._clean(field, str(value if value is not None else ""))
        except ValueError:
            return False  # the editor keeps the old value: nothing to undo
        self._rows[index.row()][field] = cleaned
        self.dataChanged.emit(index, index, [_DISPLAY, _EDIT])
        return True

    @staticmethod
    def _clean(field: str, text: str) -> Any:
        if field == "value":
            return parse_level_value(text)
        if field == "color":
            color = QColor(text.strip())
            if not color.isValid():
                raise ValueError(text)
            return color.name()
        return text.strip()

    def add_level(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(
            {
                "key": "",
                "label_fr": "",
                "label_en": "",
                "value": None,
                "color": "#888888",
                "fixed": False,
            }
        )
        self.endInsertRows()
        return row

    def remove_level(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move_level(self, row: int, delta: int) -> int:
        """Move a level up (-1) or down (+1); returns its new row."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or delta == 0:
            return row
        # Qt's destination is the row *before which* the moved row lands.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target


class DomainsModel(QAbstractTableModel):
    """The team's reliability list being edited; `changes()` says what to store and remove."""

    DOMAIN, RATING, NOTE = range(3)
    _FIELDS = ("domain", "rating", "note")

    def __init__(self, ratings: list[DomainRating], parent=None) -> None:
        super().__init__(parent)
        self._rows = [[r.domain, r.rating, r.note] for r in ratings]
        self._original = {r.domain: r for r in ratings}

    def ratings(self) -> list[DomainRating]:
        return [DomainRating(d, r, n) for d, r, n in self._rows if d and r]

    def changes(self) -> tuple[list[DomainRating], list[str]]:
        """(ratings to set, domains to remove) compared to the list given at the start."""
        current = {r.domain: r for r in self.ratings()}
        to_set = [r for d, r in current.items() if self._original.get(d) != r]
        removed = [d for d in self._original if d not in current]
        return to_set, removed

    def problem(self) -> str:
        domains = [row[0] for row in self._rows]
        if any(not d for d in domains):
            return self.tr("Each line needs a domain, such as lemonde.fr.")
        if len(set(domains)) != len(domains):
            return self.tr("A domain is listed twice.")
        if any(not row[1] for row in self._rows):
            return self.tr("Each domain needs a rating.")
        return ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation, role=_DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        names = [self.tr("Domain"), self.tr("Rating"), self.tr("Note")]
        return names[section] if 0 <= section < 3 else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role=_DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        if role == _EDIT:
            return value
        if role == _DISPLAY:
            return reliability_label(value) if index.column() == self.RATING else value
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.RATING:
            color = RELIABILITY_COLORS.get(value.lower())
            return QColor(color) if color else None
        return None

    def setData(self, index: _Index, value: Any, role=_EDIT) -> bool:
        if role != _EDIT or not index.isValid():
            return False
        text = str(value if value is not None else "").strip()
        if index.column() == self.DOMAIN:
            text = clean_domain(text)
            if not text:
                return False
        self._rows[index.row()][index.column()] = text
        self.dataChanged.emit(index, index, [_DISPLAY, _EDIT])
        return True

    def add_domain(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(["", "reliable", ""])
        self.endInsertRows()
        return row

    def remove_domain(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()


class RatingDelegate(QStyledItemDelegate):
    """An editable combo offering the usual reliability words, translated, or free text."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(True)
        for key in RELIABILITY_KEYS:
            combo.addItem(reliability_label(key), key)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(_EDIT) or ""
        found = editor.findData(value.lower())
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(value)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        text = editor.currentText().strip()
        found = editor.findText(text)  # a translated word chosen from the list → its key
        model.setData(index, editor.itemData(found) if found >= 0 else text, _EDIT)
