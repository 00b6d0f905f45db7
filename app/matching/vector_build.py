"""Compute the missing claim vectors, in small batches, each its own short transaction.

Run in the background after an import and after edits (the window's task runner, ``crible
vectors``): matching never waits for it, and claims without a vector yet are still found by
words. A claim's text edited drops its vector (a trigger, ``m0008``), so "missing" covers
both new and edited claims.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlite_utils import Database

from app.matching.semantic import Encoder, to_int8, vector_text
from app.storage import vectors

BATCH = 128


def build_vectors(
    db: Database,
    encoder: Encoder,
    *,
    batch: int = BATCH,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pause: float = 0.0,
) -> int:
    """Encode and store every matchable claim's missing vector; returns how many were stored.

    ``progress(done, total)`` after each batch; ``cancelled()`` between batches (what is
    stored stays stored); *pause* seconds between batches leave the cores to the window."""
    total = vectors.count_without_vectors(db, encoder.name)
    done = 0
    after = 0
    while total:
        if cancelled is not None and cancelled():
            break
        rows = vectors.claims_without_vectors(db, encoder.name, batch, after)
        if not rows:
            break
        after = rows[-1][0]
        encoded = encoder.encode([vector_text(text, title) for _, text, title in rows])
        done += vectors.store_vectors(
            db, encoder.name, list(zip((r[0] for r in rows), to_int8(encoded), strict=True))
        )
        if progress is not None:
            progress(done, max(total, done))
        if pause:
            time.sleep(pause)
    return done


__all__ = ["BATCH", "build_vectors"]
