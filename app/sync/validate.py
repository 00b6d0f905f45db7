"""Everything pulled from a team server is untrusted: check shapes, types and sizes first.

A hostile or broken server can send anything; what passes here names only declared tables
and columns (the only names ever put into SQL), and carries plain values of bounded size.
"""

from __future__ import annotations

import json
import re
from typing import Any

from app.errors import UserError
from app.sync.records import PulledChange, PulledConflict
from app.sync.tables import BY_NAME

MAX_CHANGE_CHARS = 8_000_000
MAX_VALUE_CHARS = 4_000_000
MAX_NAME_CHARS = 200
MAX_GID_CHARS = 2_000
OPS = frozenset({"insert", "update", "delete"})
_ORIGIN = re.compile(r"[0-9a-f]{32}")
_MAX_HLC = 1 << 62


class InvalidChange(ValueError):
    """A pulled record that does not fit the declaration; it is skipped, never applied."""


def _text(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise InvalidChange(f"bad {what}")
    return value


def _integer(value: Any, what: str, low: int = 0, high: int = _MAX_HLC) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidChange(f"bad {what}")
    return value


_PLAIN = (int, float)


def _plain_value(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in _PLAIN:  # exact types: a bool is not a number here
        return value
    if kind is str:
        if len(value) > MAX_VALUE_CHARS or "\x00" in value:
            raise InvalidChange("bad value")
        return value
    raise InvalidChange("a value is not text, a number or null")


def _fields(raw: Any, tbl: str) -> dict[str, Any]:
    raw_text = _text(raw, MAX_CHANGE_CHARS, "fields")
    try:
        fields = json.loads(raw_text)
    except json.JSONDecodeError as exc:
        raise InvalidChange("fields are not JSON") from exc
    if not isinstance(fields, dict):
        raise InvalidChange("fields are not an object")
    table = BY_NAME[tbl]
    if not table.column_set.issuperset(fields):
        raise InvalidChange("unknown columns")
    for value in fields.values():
        _plain_value(value)
    checked: dict[str, Any] = fields
    for name in table.foreign_keys:
        if checked.get(name) is not None:
            _text(checked[name], MAX_GID_CHARS, "reference")
    if "reasons" in checked:
        _check_reasons(checked["reasons"])
    return checked


def _check_reasons(value: Any) -> None:
    # Stored as JSON text and parsed by the window: it must be a list of strings.
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except json.JSONDecodeError:
        parsed = None
    if not isinstance(parsed, list) or not all(isinstance(item, str) for item in parsed):
        raise InvalidChange("reasons are not a list of strings")


def change_from_row(row: tuple[Any, ...]) -> PulledChange:
    """A server row (seq, tbl, gid, op, fields as text, hlc, origin, author, base_seq, at)."""
    if len(row) != 10:
        raise InvalidChange("wrong number of columns")
    seq, tbl, gid, op, fields, hlc, origin, author, base_seq, pushed_at = row
    if tbl not in BY_NAME:
        raise InvalidChange("unknown table")
    if op not in OPS:
        raise InvalidChange("unknown operation")
    origin_text = _text(origin, 32, "origin")
    if not _ORIGIN.fullmatch(origin_text):
        raise InvalidChange("bad origin")
    return PulledChange(
        seq=_integer(seq, "seq", 1),
        tbl=tbl,
        gid=_text(gid, MAX_GID_CHARS, "gid"),
        op=op,
        fields={} if op == "delete" else _fields(fields, tbl),
        hlc=_integer(hlc, "clock"),
        origin=origin_text,
        author=_text(author, MAX_NAME_CHARS, "author"),
        base_seq=_integer(base_seq, "base"),
        pushed_at=_text(pushed_at, 64, "time"),
    )


def conflict_from_row(row: tuple[Any, ...]) -> PulledConflict:
    if len(row) != 8:
        raise InvalidChange("wrong number of columns")
    seq, tbl, gid, field, kept, kept_author, other, other_author = row
    if tbl not in BY_NAME or field not in BY_NAME[tbl].columns:
        raise InvalidChange("unknown table or column")
    return PulledConflict(
        detected_seq=_integer(seq, "seq", 1),
        tbl=tbl,
        gid=_text(gid, MAX_GID_CHARS, "gid"),
        field=field,
        kept_value=_plain_value(_json_value(kept)),
        kept_author=_text(kept_author, MAX_NAME_CHARS, "author"),
        other_value=_plain_value(_json_value(other)),
        other_author=_text(other_author, MAX_NAME_CHARS, "author"),
    )


def _json_value(raw: Any) -> Any:
    if raw is None:
        return None
    try:
        return json.loads(_text(raw, MAX_VALUE_CHARS + 2, "value"))
    except json.JSONDecodeError as exc:
        raise InvalidChange("value is not JSON") from exc


def member_name(name: str) -> str:
    """A checker's name as shown to the desk: one line, not empty, not huge."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 80:
        raise UserError("a checker's name is 1 to 80 characters, not {name}", name=repr(name))
    return cleaned
