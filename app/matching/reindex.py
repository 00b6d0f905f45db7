"""Keeping stored normalised text in step with the normaliser (a version in ``settings``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from app.storage import search
from app.storage.settings import get_setting, set_setting
from app.text.normalize import NORMALIZER_VERSION, index_text

VERSION_KEY = "normalizer_version"


def reindex_if_needed(db: Database, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild ``norm_text``/``norm_title`` when the normaliser changed; returns claims seen.

    An empty archive is simply stamped. One transaction: an interrupted rebuild leaves the old
    version stamp, so it runs again next time.
    """
    if get_setting(db, VERSION_KEY) == NORMALIZER_VERSION:
        return 0
    seen = 0
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
    return seen
