"""Keeping stored normalised text in step with the normaliser (a version in ``settings``).

``open_archive`` runs ``reindex_if_needed`` right after the migrations: re-normalising is
part of bringing an archive up to this version, never a side effect of building a matcher.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database

from app.storage import search
from app.storage.integrity import environment_failure
from app.storage.settings import get_setting, set_setting
from app.text.normalize import NORMALIZER_VERSION, index_text

VERSION_KEY = "normalizer_version"
OUTDATED_NOTE = (
    "the archive's normalised text is outdated and could not be rebuilt (the archive is "
    "read-only, full or busy): matches may be missed until Crible can write to it"
)


def norm_text_outdated(db: Database) -> bool:
    """Was the stored normalised text made by an older normaliser (a rebuild is pending)?"""
    return get_setting(db, VERSION_KEY) != NORMALIZER_VERSION


def reindex_if_needed(db: Database, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild ``norm_text``/``norm_title`` when the normaliser changed; returns claims rebuilt.

    An empty archive is simply stamped. One transaction: an interrupted rebuild leaves the old
    version stamp, so it runs again next time. An archive that cannot be written to (read-only
    file or folder, full disk, locked) is left as it is and read with its old normalised text:
    ``norm_text_outdated`` stays true, and callers say so.
    """
    if not norm_text_outdated(db):
        return 0
    seen = 0
    try:
        with db.atomic():
            for batch in search.iter_claim_texts(db):
                search.set_norm_texts(
                    db,
                    (
                        (claim_id, index_text(text, lang), index_text(title or "", lang))
                        for claim_id, text, title, lang in batch
                    ),
                )
                seen += len(batch)
                if progress is not None:
                    progress(seen)
            set_setting(db, VERSION_KEY, NORMALIZER_VERSION)
    except sqlite3.OperationalError as exc:
        if environment_failure(exc) is None:
            raise
        return 0
    return seen


def outdated_note(db: Database) -> str | None:
    """One line for a reader of an archive whose normalised text could not be rebuilt."""
    if not norm_text_outdated(db):
        return None
    return OUTDATED_NOTE
