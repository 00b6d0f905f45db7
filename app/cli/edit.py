"""`crible edit`: change a claim's status, verdict, notes or sources from the command line.

The changes are the window's own edits (``app.edits``), applied the same way. Each is one
transaction; ``saved …`` is printed (and flushed) only after it committed, so a script, or
the crash harness, can trust every line it read.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from app import edits
from app.cli.common import open_db, print_json_line
from app.domain import CLAIM_STATUSES, STANCES
from app.errors import UserError
from app.interop.limits import InputLimitError, loads_record
from app.storage import Archive
from app.storage.claims import get_claim
from app.storage.integrity import environment_reason
from app.storage.scales import default_scale
from app.storage.sources import get_claim_source

NO_VERDICT = "none"
_CLAIM_KEYS = {"status", "verdict", "verdict_text", "note", "claimant"}
_BATCH_KEYS = _CLAIM_KEYS | {"claim", "add_source"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("claim_id", metavar="CLAIM_ID", type=int, nargs="?")
    parser.add_argument("--status", choices=CLAIM_STATUSES)
    parser.add_argument("--verdict", metavar="KEY", help=f"a level of the scale, or {NO_VERDICT}")
    parser.add_argument("--verdict-text", metavar="TEXT")
    parser.add_argument("--note", metavar="TEXT", help="replace the claim's notes")
    parser.add_argument("--claimant", metavar="NAME")
    parser.add_argument("--add-source", metavar="URL", help="an http(s) page used as evidence")
    parser.add_argument("--stance", choices=STANCES, help="with --add-source (default: context)")
    parser.add_argument("--excerpt", metavar="TEXT", help="with --add-source")
    parser.add_argument(
        "--batch",
        metavar="FILE",
        help='JSONL edits, "-" for stdin: {"claim": 12, "status": "checked", "verdict": '
        '"false", "note": "...", "add_source": {"url": "https://...", "stance": "refutes"}}',
    )
    parser.add_argument("--json", action="store_true", help="one JSON line per saved change")


def run(args: argparse.Namespace) -> int:
    if args.batch is None and args.claim_id is None:
        raise UserError("give a CLAIM_ID or --batch FILE")
    if args.batch is not None and args.claim_id is not None:
        raise UserError("give either a CLAIM_ID or --batch, not both")
    db = open_db(args)
    try:
        if args.batch is not None:
            return _run_batch(db, args.batch, as_json=args.json)
        edit = _edit_from_args(args)
        if not edit.keys() - {"claim"}:
            raise UserError("nothing to change: give --status, --verdict, --note or --add-source")
        _apply(db, edit, as_json=args.json, line=None)
        return 0
    finally:
        db.close()


def _edit_from_args(args: argparse.Namespace) -> dict[str, Any]:
    if args.add_source is None and (args.stance or args.excerpt):
        raise UserError("--stance and --excerpt describe a source: give it with --add-source URL")
    edit: dict[str, Any] = {"claim": args.claim_id}
    for key in _CLAIM_KEYS:
        value = getattr(args, key)
        if value is not None:
            edit[key] = value
    if args.add_source is not None:
        edit["add_source"] = {"url": args.add_source, "stance": args.stance or "context"}
        if args.excerpt:
            edit["add_source"]["excerpt"] = args.excerpt
    return edit


def _run_batch(db: Archive, source: str, *, as_json: bool) -> int:
    failures = 0
    with _open_input(source) as stream:
        for number, raw in _read_edits(stream):
            try:
                _apply(db, _parse(raw), as_json=as_json, line=number)
            except sqlite3.OperationalError as exc:
                reason = environment_reason(exc)
                if reason is None:
                    raise
                # Never "nothing was changed" after saving half: every line printed as saved is.
                raise UserError(
                    "stopped at line {line}: {reason}; every change printed as saved before is "
                    "in the archive, the rest of line {line} and the lines after it are not",
                    line=number,
                    reason=reason,
                ) from exc
            except UserError as exc:
                # A bad line is reported and skipped; the lines after it still run.
                failures += 1
                sys.stderr.write(f"crible: line {number}: {exc}\n")
                sys.stderr.flush()
    return 2 if failures else 0


def _open_input(source: str) -> TextIO:
    if source == "-":
        return sys.stdin
    try:
        return Path(source).expanduser().open(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {source}: {exc.strerror}") from exc


def _read_edits(stream: TextIO) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield number, raw


def _parse(raw: str) -> Any:
    try:
        return loads_record(raw)
    except json.JSONDecodeError as exc:
        raise UserError(f"not JSON ({exc.msg})") from exc
    except InputLimitError as exc:
        raise UserError(str(exc)) from exc


def _apply(db: Archive, edit: Any, *, as_json: bool, line: int | None) -> None:
    claim_id = _check_edit(edit)
    changes = _claim_changes(db, edit)
    get_claim(db, claim_id)  # a missing claim is the user's mistake, not a foreign-key crash
    if changes:
        edits.apply(db, edits.EditClaim(claim_id, changes))
        fields = sorted(_field_names(changes))
        _report(
            as_json,
            line,
            f"saved claim {claim_id} ({', '.join(fields)})",
            {"saved": "claim", "claim_id": claim_id, "fields": fields},
        )
    if "add_source" in edit:
        removal, _ = edits.apply(db, edits.AddSource(claim_id, _source_fields(edit["add_source"])))
        assert isinstance(removal, edits.RemoveSource)  # the inverse names the new link
        link = get_claim_source(db, removal.link_id)
        _report(
            as_json,
            line,
            f"saved source {link.id} on claim {claim_id}",
            {"saved": "source", "claim_id": claim_id, "link_id": link.id, "url": link.source.url},
        )


def _check_edit(edit: Any) -> int:
    if not isinstance(edit, dict):
        raise UserError("an edit is a JSON object")
    unknown = set(edit) - _BATCH_KEYS
    if unknown:
        raise UserError(f"unknown edit fields: {', '.join(sorted(unknown))}")
    claim_id = edit.get("claim")
    if not isinstance(claim_id, int) or isinstance(claim_id, bool):
        raise UserError('each edit needs "claim": a claim id')
    return claim_id


def _claim_changes(db: Archive, edit: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key, column in (
        ("verdict_text", "verdict_text"),
        ("note", "notes"),
        ("claimant", "claimant"),
        ("status", "status"),
    ):
        if key in edit:
            if not isinstance(edit[key], str):
                raise UserError(f'"{key}" must be text')
            changes[column] = edit[key]
    if "verdict" in edit:
        changes["verdict_level_id"] = _level_id(db, edit["verdict"])
    return changes


def _field_names(changes: dict[str, Any]) -> list[str]:
    names = {"verdict_level_id": "verdict", "notes": "note"}
    return [names.get(column, column) for column in changes]


def _level_id(db: Archive, key: Any) -> int | None:
    if not isinstance(key, str):
        raise UserError('"verdict" must be a level key')
    if key.strip().lower() == NO_VERDICT:
        return None
    wanted = key.strip().casefold()
    scale = default_scale(db)
    for level in scale.levels:
        if wanted in (level.key.casefold(), level.label_fr.casefold(), level.label_en.casefold()):
            return level.id
    keys = ", ".join(level.key for level in scale.levels)
    raise UserError(f"unknown verdict {key!r}; the scale has: {keys}, {NO_VERDICT}")


def _source_fields(spec: Any) -> dict[str, Any]:
    if isinstance(spec, str):
        spec = {"url": spec}
    if not isinstance(spec, dict) or not isinstance(spec.get("url"), str):
        raise UserError('"add_source" needs a "url"')
    allowed = {"url", "stance", "excerpt", "note", "title", "publisher"}
    unknown = set(spec) - allowed
    if unknown:
        raise UserError(f"unknown source fields: {', '.join(sorted(unknown))}")
    if "stance" in spec and spec["stance"] not in STANCES:
        raise UserError(f"stance must be one of {', '.join(STANCES)}")
    return dict(spec)


def _report(as_json: bool, line: int | None, text: str, data: dict[str, Any]) -> None:
    if as_json:
        print_json_line(data if line is None else {**data, "line": line})
    else:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
