"""`crible check FILE|URL|-`: split an article, store it with its claims, match every claim."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlite_utils import Database

from app.cli.common import open_db, print_json
from app.cli.match_options import add_match_options, check_match_options
from app.domain import Article, Claim
from app.intake import ArticleDraft, load
from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Match, Matcher
from app.storage.articles import find_article_by_text
from app.storage.claims import claims_of_article, save_article_with_claims
from app.text.claims import Analysis, analyse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="FILE|URL|-", help="a .txt/.md/.html file, a URL, or -")
    parser.add_argument(
        "--lang", choices=("auto", "fr", "en"), default="auto", help="language (default: detect)"
    )
    add_match_options(parser, limit=5, limit_help="matches per claim")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    check_match_options(args)
    draft = load(args.source)
    analysis = analyse(draft.text, lang=draft.lang if args.lang == "auto" else args.lang,
                       title=draft.title)  # fmt: skip
    if not analysis.lang_supported:
        sys.stderr.write(
            f"crible: language '{analysis.lang}' is not supported for claim detection; "
            "the article is stored without claims\n"
        )
    db = open_db(args)
    try:
        known = find_article_by_text(db, draft.text)
        article, stored = _store(db, draft, analysis, known)
        ids = {(claim.start, claim.end): claim.id for claim in stored}
        matcher = Matcher(db)
        # An article rarely has the hundreds of claims that would pay for warming.
        matcher.warm_for_batch(0, len(analysis.claims))
        matches = [
            matcher.match(
                claim.statement or claim.text,  # the self-contained wording matches best
                lang=analysis.lang,
                limit=args.limit,
                min_score=args.min_score,
                exclude_article_id=article.id,
                speaker=claim.speaker,
            )
            for claim in analysis.claims
        ]
    finally:
        db.close()
    output = check_json(analysis, article.id, ids, matches, reused=known is not None)
    if args.json:
        print_json(output)
    else:
        _print_human(output)
    return 0


def _store(
    db: Database, draft: ArticleDraft, analysis: Analysis, known: Article | None
) -> tuple[Article, list[Claim]]:
    """The article with its claims; one already stored with the same text (*known*) is reused
    as it is: its claims, maybe edited since, are not stored twice."""
    if known is not None:
        return known, claims_of_article(db, known.id)
    return save_article_with_claims(
        db, text=draft.text, claims=analysis.claims, title=draft.title, url=draft.url,
        outlet=draft.outlet, author=draft.author, published=draft.published,
        lang=analysis.lang, origin=draft.origin,
    )  # fmt: skip


def check_json(
    analysis: Analysis,
    article_id: int,
    claim_ids: dict[tuple[int, int], int],
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
