"""`crible search TEXT`: earlier fact-checks on Google Fact Check Tools, optionally imported."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from app import secrets
from app.cli.common import open_db, print_json
from app.interop import factcheck_api
from app.interop.factcheck_api import FactCheckResult, SearchPage
from app.workflows.importing import import_factchecks
from app.workflows.progress import NO_PROGRESS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", metavar="TEXT", help="the claim to look for")
    parser.add_argument("--lang", metavar="CODE", help="language of the reviews, e.g. fr or en")
    parser.add_argument("--site", metavar="DOMAIN", help="only reviews published on this site")
    parser.add_argument(
        "--max-age-days", type=int, metavar="N", help="only reviews from the last N days"
    )
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="results per page (default 10)"
    )
    parser.add_argument("--page-token", metavar="TOKEN", help="the next page of a search")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--import",
        dest="import_",
        action="store_true",
        help="also import every review found into the archive",
    )


def run(args: argparse.Namespace) -> int:
    api_key = secrets.require_secret(secrets.GOOGLE_FACTCHECK_API_KEY)
    page = factcheck_api.search_claims(
        args.text,
        api_key=api_key,
        language_code=args.lang,
        review_publisher_site_filter=args.site,
        max_age_days=args.max_age_days,
        page_size=args.limit,
        page_token=args.page_token,
        base_url=factcheck_api.DEFAULT_BASE_URL,  # read at call time: tests point it elsewhere
    )
    imported = _import(args, page) if args.import_ else None
    if args.json:
        print_json(_as_json(args.text, page, imported))
    else:
        _print_text(page, imported)
    return 0


def _import(args: argparse.Namespace, page: SearchPage) -> dict[str, object]:
    db = open_db(args)
    try:
        report = import_factchecks(db, NO_PROGRESS, page.results)
    finally:
        db.close()
    return report.to_json()


def _result_json(result: FactCheckResult) -> dict[str, Any]:
    return {
        "text": result.text,
        "claimant": result.claimant,
        "claim_date": result.claim_date,
        "reviews": [asdict(review) for review in result.reviews],
    }


def _as_json(query: str, page: SearchPage, imported: dict[str, object] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "query": query,
        "results": [_result_json(result) for result in page.results],
        "next_page_token": page.next_page_token,
    }
    if imported is not None:
        data["import"] = imported
    return data


def _print_text(page: SearchPage, imported: dict[str, object] | None) -> None:
    if not page.results:
        print("no published fact-check found")
    for number, result in enumerate(page.results, 1):
        print(f"{number}. {result.text}")
        who = ", ".join(part for part in (result.claimant, result.claim_date) if part)
        if who:
            print(f"   {who}")
        for review in result.reviews:
            date = f" ({review.review_date[:10]})" if review.review_date else ""
            print(f"   - {review.publisher_name}: {review.textual_rating}{date} {review.url or ''}")
    if page.next_page_token:
        print(f"more results: add --page-token {page.next_page_token}")
    if imported is not None:
        print(f"imported {imported['imported']}, skipped {imported['skipped']}")
