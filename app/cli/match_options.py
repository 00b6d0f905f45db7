"""The --limit and --min-score options that `crible match` and `crible check` share."""

from __future__ import annotations

import argparse

from app.errors import UserError
from app.matching.scoring import RELATED_THRESHOLD


def add_match_options(parser: argparse.ArgumentParser, *, limit: int, limit_help: str) -> None:
    parser.add_argument("--limit", type=int, default=limit, metavar="N", help=limit_help)
    parser.add_argument(
        "--min-score",
        type=float,
        default=None,
        metavar="S",
        help=f"lowest score listed (default {RELATED_THRESHOLD:g}: tiers match and related)",
    )


def check_match_options(args: argparse.Namespace) -> None:
    """Refuses, in one line, a limit or a score the matcher cannot take."""
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    if args.min_score is not None and not 0 <= args.min_score <= 100:
        raise UserError("--min-score must be between 0 and 100")
