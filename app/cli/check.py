"""`crible check FILE|URL|-`: split an article, store it with its claims, match every claim."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import open_db, print_json
from app.cli.match_options import add_match_options, check_match_options
from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Match
from app.text.claims import Analysis
from app.workflows.articles import store_draft
from app.workflows.matching import match_claims, query_for_candidate
from app.workflows.progress import NO_PROGRESS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="FILE|URL|-", help="a .txt/.md/.html file, a URL, or -")
    parser.add_argument(
        "--lang", choices=("auto", "fr", "en"), default="auto", help="language (default: detect)"
    )
    add_match_options(parser, limit=5, limit_help="matches per claim")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    """The window's "open an article" then "match its claims" (``app.workflows``), printed.

    The article is read before the archive is opened, so a bad source leaves it untouched.
    """
    from app.intake import load

    check_match_options(args)
    draft = load(args.source)
    db = open_db(args)
    try:
        bundle = store_draft(db, NO_PROGRESS, draft, lang=args.lang, always_analyse=True)
        analysis = bundle.analysis
        assert analysis is not None
        if not analysis.lang_supported:
            sys.stderr.write(
                f"crible: language '{analysis.lang}' is not supported for claim detection; "
                "the article is stored without claims\n"
            )
        ids = {(claim.start, claim.end): int(claim.id) for claim in bundle.claims}
        queries = [
            query_for_candidate(claim, analysis.lang, ids.get((claim.start, claim.end)))
            for claim in analysis.claims
        ]
        results = match_claims(
            db,
            NO_PROGRESS,
            queries,
            int(bundle.article.id),
            limit=args.limit,
            min_score=args.min_score,
        )
    finally:
        db.close()
    output = check_json(analysis, bundle.article.id, ids, results.found, reused=not bundle.created)
    if args.json:
        print_json(output)
    else:
        _print_human(output)
    return 0


def check_json(
    analysis: Analysis,
    article_id: int,
    claim_ids: dict[tuple[int | None, int | None], int],
    matches: list[list[Match]],
    *,
    reused: bool = False,
) -> dict[str, Any]:
    """The `crible split` JSON with ``article_id`` (``reused`` when that article was already
    stored), and ``claim_id``/``matches`` on each claim."""
    data = analysis.to_json()
    data["article_id"] = article_id
    data["reused"] = reused
    data["thresholds"] = {"match": MATCH_THRESHOLD, "related": RELATED_THRESHOLD}
    for claim, found in zip(data["claims"], matches, strict=True):
        claim["claim_id"] = claim_ids.get((claim["start"], claim["end"]))
        claim["matches"] = [match.to_json() for match in found]
    return data


def _print_human(data: dict[str, Any]) -> None:
    claims = data["claims"]
    known = sum(1 for claim in claims if any(m["tier"] == "match" for m in claim["matches"]))
    stored = "already stored" if data.get("reused") else "stored"
    print(f"article {data['article_id']} {stored} · {len(claims)} claims · {known} already checked")
    for number, claim in enumerate(claims, 1):
        print(f"\n[{number}] {claim['checkworthiness']:.2f}  {claim['text']}")
        for match in claim["matches"]:
            verdict = f" [{match['verdict']}]" if match["verdict"] else ""
            print(f"      {match['score']:5.1f} {match['tier']:<7}{verdict} {match['text']}")
            if match["url"]:
                print(f"            {match['url']}")
            print(f"            why: {match['why']['summary']}")
        if not claim["matches"]:
            print("      no earlier check found")
