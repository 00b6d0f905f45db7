"""`crible vectors`: compute the claim vectors the semantic matching channel is missing.

The window does this in the background after matching; scripts that import with the
command line run it once after ``crible import`` (it only encodes what is missing).
"""

from __future__ import annotations

import argparse
import sys

from app.cli.common import open_db, print_json
from app.errors import UserError
from app.matching.semantic import default_encoder, unavailable_reason
from app.matching.vector_build import build_vectors
from app.storage import vectors


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"built", "model", "claims"}')


def run(args: argparse.Namespace) -> int:
    encoder = default_encoder()
    if encoder is None:
        raise UserError(unavailable_reason() or "semantic matching unavailable")
    db = open_db(args)
    try:
        progress = _progress if sys.stderr.isatty() else None
        built = build_vectors(db, encoder, progress=progress)
        held = vectors.vectors_marker(db, encoder.name)[0]
    finally:
        db.close()
        if progress:
            sys.stderr.write("\n")
    if args.json:
        print_json({"built": built, "model": encoder.name, "claims": held})
    else:
        print(f"built {built} vectors ({encoder.name}); {held} claims have one")
    return 0


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rencoding claims: {done}/{total}")
    sys.stderr.flush()
