"""`crible match TEXT` / `crible match --batch FILE|-`: rank earlier claims, explain each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from app.cli.common import open_db, print_json, print_json_line
from app.cli.match_options import add_match_options, check_match_options
from app.errors import UserError
from app.interop.limits import InputLimitError, loads_record
from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Match, Matcher
from app.storage.reindex import outdated_note


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", metavar="TEXT", help="the claim to look for; - = stdin")
    parser.add_argument(
        "--batch",
        metavar="FILE",
        help="one query per line, or JSONL with id and text (optional: context, the text"
        " around it, e.g. a debate's neighbouring lines; speaker); - = stdin. One JSON line"
        " out each",
    )
    add_match_options(parser, limit=10, limit_help="results (default 10)")
    parser.add_argument("--lang", default=None, help="language of the query: fr, en (default auto)")
    parser.add_argument(
        "--speaker", default=None, metavar="NAME", help="who made the claim, when known"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def run(args: argparse.Namespace) -> int:
    check_match_options(args)
    if (args.text is None) == (args.batch is None):
        raise UserError("give either TEXT or --batch FILE")
    query = _read_query(args.text) if args.text is not None else ""
    db = open_db(args, reading=True)
    try:
        matcher = Matcher(db)
        if note := outdated_note(db):  # a read-only archive is matched as it is
            sys.stderr.write(f"crible: {note}\n")
        if args.batch is not None:
            return _run_batch(matcher, args)
        results = _match(matcher, query, args)
    finally:
        db.close()
    if args.json:
        print_json(result_json(query, results))
    else:
        _print_human(results)
    return 0


def result_json(query: str, results: list[Match]) -> dict[str, Any]:
    """The contract shape of one query's results."""
    return {
        "query": query,
        "thresholds": {"match": MATCH_THRESHOLD, "related": RELATED_THRESHOLD},
        "results": [match.to_json() for match in results],
    }


def _match(
    matcher: Matcher,
    query: str,
    args: argparse.Namespace,
    *,
    speaker: str | None = None,
    context: str | None = None,
) -> list[Match]:
    return matcher.match(
        query,
        lang=args.lang,
        limit=args.limit,
        min_score=args.min_score,
        speaker=speaker or args.speaker,
        context=context,
    )


def _read_query(text: str) -> str:
    query = sys.stdin.read() if text == "-" else text
    if not query.strip():
        raise UserError("the query is empty")
    return query.strip()


def _run_batch(matcher: Matcher, args: argparse.Namespace) -> int:
    failed = done = 0
    with _open_batch(args.batch) as stream:
        for number, query, error in _batch_queries(stream):
            if error:
                failed += 1
                print_json_line({"line": number, "error": error})
                continue
            matcher.warm_for_batch(done)  # a long batch on a large archive: load ahead, once
            done += 1
            found = _match(matcher, query.text, args, speaker=query.speaker, context=query.context)
            line = result_json(query.text, found)
            print_json_line({"id": query.id, **line} if query.id is not None else line)
    if failed:
        sys.stderr.write(f"crible: {failed} line(s) of the batch could not be read\n")
        return 2
    return 0


def _open_batch(path: str) -> AbstractContextManager[TextIO]:
    if path == "-":
        return nullcontext(sys.stdin)
    try:
        return Path(path).open(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc


@dataclass(frozen=True, slots=True)
class _BatchQuery:
    text: str
    id: Any = None
    speaker: str | None = None
    context: str | None = None


def _batch_queries(stream: TextIO) -> Iterator[tuple[int, _BatchQuery, str | None]]:
    """(line number, query, error) for each non-blank line."""
    for number, raw in enumerate(stream, start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            yield number, _BatchQuery(line), None
            continue
        try:
            record = loads_record(line)
        except json.JSONDecodeError as exc:
            yield number, _BatchQuery(""), f"line {number}: not JSON ({exc.msg})"
            continue
        except InputLimitError as exc:
            yield number, _BatchQuery(""), f"line {number}: {exc}"
            continue
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield number, _BatchQuery(""), f"line {number}: a JSON line needs a non-empty text"
            continue
        extras = {key: record.get(key) for key in ("speaker", "context")}
        wrong = sorted(key for key, value in extras.items() if not isinstance(value, str | None))
        if wrong:
            yield number, _BatchQuery(""), f"line {number}: {wrong[0]} must be a string"
            continue
        yield number, _BatchQuery(text.strip(), record.get("id"), **extras), None


def _print_human(results: list[Match]) -> None:
    if not results:
        print("no earlier claim found")
        return
    for match in results:
        verdict = f" [{match.verdict}]" if match.verdict else ""
        print(f"{match.score:5.1f}  {match.tier:<7} #{match.claim_id}{verdict}  {match.text}")
        source = ", ".join(
            part for part in (match.publisher, match.date or "", match.url or "") if part
        )
        if source:
            print(f"{'':15}{source}")
        print(f"{'':15}why: {match.why.summary}")
