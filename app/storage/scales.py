"""Rating scales: the team's verdict levels, in French and English."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.domain import LevelId, RatingLevel, RatingScale, ScaleId
from app.errors import UserError
from app.storage.rows import fetch_dicts

_LEVEL_KEYS = ("key", "label_fr", "label_en", "value", "color")


def _level(row: dict[str, Any]) -> RatingLevel:
    return RatingLevel(
        id=LevelId(row["id"]),
        scale_id=ScaleId(row["scale_id"]),
        position=row["position"],
        key=row["key"],
        label_fr=row["label_fr"],
        label_en=row["label_en"],
        value=row["value"],
        color=row["color"],
    )


def get_scale(db: Database, scale_id: int) -> RatingScale:
    rows = fetch_dicts(db.conn, "SELECT * FROM rating_scales WHERE id = ?", [scale_id])
    if not rows:
        raise UserError("no rating scale {scale}", scale=scale_id)
    levels = fetch_dicts(
        db.conn, "SELECT * FROM rating_levels WHERE scale_id = ? ORDER BY position", [scale_id]
    )
    row = rows[0]
    return RatingScale(
        id=ScaleId(row["id"]),
        name=row["name"],
        is_default=bool(row["is_default"]),
        levels=tuple(_level(level) for level in levels),
    )


def default_scale(db: Database) -> RatingScale:
    row = db.execute("SELECT id FROM rating_scales ORDER BY is_default DESC, id LIMIT 1").fetchone()
    if row is None:
        raise UserError("this archive has no rating scale")
    return get_scale(db, row[0])


def list_scales(db: Database) -> list[RatingScale]:
    return [get_scale(db, row[0]) for row in db.execute("SELECT id FROM rating_scales ORDER BY id")]


def get_level(db: Database, level_id: int) -> RatingLevel:
    rows = fetch_dicts(db.conn, "SELECT * FROM rating_levels WHERE id = ?", [level_id])
    if not rows:
        raise UserError("no rating level {level}", level=level_id)
    return _level(rows[0])


def replace_scale_levels(db: Database, scale_id: int, levels: list[dict[str, Any]]) -> RatingScale:
    """Make the scale's levels exactly *levels*, in order.

    Levels are matched by ``key``: a kept key keeps its id, so verdicts already given keep
    pointing at it; a removed level leaves its claims without a verdict (ON DELETE SET NULL).
    """
    keys = [str(level.get("key", "")).strip() for level in levels]
    if not levels or any(not key for key in keys) or len(set(keys)) != len(keys):
        raise UserError("each level needs a distinct, non-empty key")
    for level in levels:
        value = level.get("value")
        if value is not None and not 0 <= float(value) <= 1:
            raise UserError("level {key}: value must be between 0 and 1", key=repr(level["key"]))
        if not str(level.get("label_fr", "")).strip() or not str(level.get("label_en", "")).strip():
            raise UserError(
                "level {key} needs a French and an English label", key=repr(level["key"])
            )
    with db.atomic():
        marks = ", ".join("?" * len(keys))
        db.execute(
            f"DELETE FROM rating_levels WHERE scale_id = ? AND key NOT IN ({marks})",
            [scale_id, *keys],
        )
        # Park positions first so reordering never collides.
        db.execute(
            "UPDATE rating_levels SET position = -1 - position WHERE scale_id = ?", [scale_id]
        )
        for position, level in enumerate(levels):
            values = {k: level.get(k) for k in _LEVEL_KEYS}
            values["color"] = values["color"] or "#888888"
            values["key"] = str(values["key"]).strip()
            db.execute(
                "INSERT INTO rating_levels(scale_id, position, key, label_fr, label_en, value,"
                " color) VALUES (:scale_id, :position, :key, :label_fr, :label_en, :value, :color)"
                " ON CONFLICT(scale_id, key) DO UPDATE SET position = excluded.position,"
                " label_fr = excluded.label_fr, label_en = excluded.label_en,"
                " value = excluded.value, color = excluded.color",
                {**values, "scale_id": scale_id, "position": position},
            )
    return get_scale(db, scale_id)


def verdicts_by_level_key(db: Database, scale_id: int) -> dict[str, tuple[int, ...]]:
    """The claims carrying each of the scale's levels as their verdict, by level key: what
    ``replace_scale_levels`` clears when it drops a level."""
    rows = db.execute(
        "SELECT l.key, c.id FROM claims c JOIN rating_levels l ON l.id = c.verdict_level_id"
        " WHERE l.scale_id = ? ORDER BY c.id",
        [scale_id],
    ).fetchall()
    found: dict[str, list[int]] = {}
    for key, claim_id in rows:
        found.setdefault(key, []).append(int(claim_id))
    return {key: tuple(ids) for key, ids in found.items()}


def restore_verdicts(db: Database, scale_id: int, verdicts: dict[str, tuple[int, ...]]) -> None:
    """Point these claims at the scale's level of each key again (keys it lacks are skipped)."""
    with db.atomic():
        for key, claim_ids in verdicts.items():
            for claim_id in claim_ids:
                db.execute(
                    "UPDATE claims SET verdict_level_id = (SELECT id FROM rating_levels"
                    " WHERE scale_id = ? AND key = ?) WHERE id = ? AND EXISTS (SELECT 1 FROM"
                    " rating_levels WHERE scale_id = ? AND key = ?)",
                    [scale_id, key, claim_id, scale_id, key],
                )
