"""`crible split FILE|URL|-`: an article's sentences and check-worthy claims, as text or JSON."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import print_json
from app.intake import load
from app.text.claims import Analysis
from app.workflows.articles import analyse_draft


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="FILE|URL|-", help="a .txt/.md/.html file, a URL, or -")
    parser.add_argument(
        "--lang",
        choices=("auto", "fr", "en"),
        default="auto",
        help="language of the article (default: detect it)",
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    result = analyse_draft(load(args.source), args.lang)  # as `crible check` and the window
    if not result.lang_supported:
        sys.stderr.write(
            f"crible: language '{result.lang}' is not supported for claim detection "
            "(French and English are); sentences only\n"
        )
    if args.json:
        print_json(result.to_json())
    else:
        sys.stdout.write(render(result))
    return 0


def render(result: Analysis) -> str:
    """The human-readable report: one block per claim, best reasons first."""
    lines = []
    if result.title:
        lines.append(result.title)
    sentences = _count(len(result.sentences), "sentence")
    lines.append(f"language: {result.lang} · {sentences} · {_count(len(result.claims), 'claim')}")
    for number, claim in enumerate(result.claims, 1):
        lines.append("")
        lines.append(
            f"[{number}] {claim.checkworthiness:.2f}  ({claim.start}-{claim.end})  {claim.text}"
        )
        if claim.statement and claim.statement != claim.text.rstrip(" .…"):
            lines.append(f"      statement: {claim.statement}")
        if claim.speaker:
            lines.append(f"      speaker: {claim.speaker}")
        for reason in claim.reasons:
            lines.append(f"      - {reason}")
    if result.set_aside:
        lines.append("")
        lines.append(f"not check-worthy: {_count(len(result.set_aside), 'sentence')}")
        for aside in result.set_aside:
            lines.append(f"  ({aside.start}-{aside.end})  {aside.text}  [{aside.reasons[0]}]")
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    """ "1 claim", "2 claims", "0 claims"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
