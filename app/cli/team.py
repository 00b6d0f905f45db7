"""`crible team`: create the desk's server, join it, see the link; assignment and history."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from app.cli.common import open_db, print_json
from app.errors import UserError
from app.storage.claims import get_claim
from app.storage.sync_local import (
    assign_claim,
    claim_history,
    claims_assigned_to,
    open_conflicts,
    resolve_conflict,
    sync_state,
)
from app.sync.connect import describe, split_url, stored_password


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    create = sub.add_parser("create", help="initialise an empty PostgreSQL database for a desk")
    create.add_argument("url", metavar="URL", help="postgresql://admin@host/database")
    join = sub.add_parser("join", help="connect this archive to the desk's database")
    join.add_argument("url", metavar="URL", help="postgresql://you@host/database")
    join.add_argument("--as", dest="member", metavar="NAME", required=True, help="your name")
    join.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    status = sub.add_parser("status", help="the team, the checker, pending changes, last sync")
    status.add_argument("--json", action="store_true")
    assign = sub.add_parser("assign", help="assign a claim to a checker (--nobody to clear)")
    assign.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--to", metavar="NAME")
    who.add_argument("--me", action="store_true")
    who.add_argument("--nobody", action="store_true")
    mine = sub.add_parser("mine", help="the claims assigned to you (or to --as NAME)")
    mine.add_argument("--as", dest="member", metavar="NAME")
    mine.add_argument("--json", action="store_true")
    history = sub.add_parser("history", help="who changed what on a claim, and its conflicts")
    history.add_argument("claim_id", metavar="CLAIM_ID", type=int)
    history.add_argument("--json", action="store_true")
    resolve = sub.add_parser("resolve", help="mark a conflict as looked at (keeps the value)")
    resolve.add_argument("conflict_id", metavar="CONFLICT_ID", type=int)


def run(args: argparse.Namespace) -> int:
    if args.team_command == "create":
        from app.sync.team import CHECKER_HINT, create_team

        server, version = create_team(args.url)
        sys.stdout.write(f"team database {server} ready (schema {version}); {CHECKER_HINT}\n")
        return 0
    db = open_db(args)
    try:
        handler = {
            "join": _join,
            "status": _status,
            "assign": _assign,
            "mine": _mine,
            "history": _history,
            "resolve": _resolve,
        }[args.team_command]
        return handler(db, args)
    finally:
        db.close()


def _join(db: Any, args: argparse.Namespace) -> int:
    from app.sync.team import join_team

    password = None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n") or None
    elif sys.stdin.isatty() and split_url(args.url)[1] is None and stored_password() is None:
        password = getpass.getpass("team database password (kept in the keyring): ") or None
    joined = join_team(db, args.url, args.member, password)
    sys.stdout.write(
        f"joined {joined.server} as {joined.member}; {joined.queued} rows to share:"
        " run `crible sync`\n"
    )
    return 0


def _status(db: Any, args: argparse.Namespace) -> int:
    state = sync_state(db)
    data = {
        "joined": state.enabled,
        "server": describe(state.server) if state.server else None,
        "member": state.member or None,
        "pending": state.pending,
        "last_sync": state.last_sync,
        "last_pulled": state.last_pulled,
        "open_conflicts": state.open_conflicts,
    }
    if args.json:
        print_json(data)
    elif not state.enabled:
        sys.stdout.write("not in a team: `crible team join URL --as NAME`\n")
    else:
        sys.stdout.write(
            f"team {data['server']} as {state.member}; {state.pending} changes to push;"
            f" last sync {state.last_sync or 'never'}; {state.open_conflicts} open conflicts\n"
        )
    return 0


def _me(db: Any) -> str:
    state = sync_state(db)
    if not state.member:
        raise UserError("this archive is in no team: run `crible team join URL --as NAME`")
    return state.member


def _assign(db: Any, args: argparse.Namespace) -> int:
    member = None if args.nobody else (_me(db) if args.me else args.to.strip() or None)
    assign_claim(db, args.claim_id, member)
    sys.stdout.write(f"claim {args.claim_id} assigned to {member or 'nobody'}\n")
    return 0


def _mine(db: Any, args: argparse.Namespace) -> int:
    member = args.member or _me(db)
    claims = claims_assigned_to(db, member)
    if args.json:
        print_json({"member": member, "claims": claims})
    else:
        for claim in claims:
            sys.stdout.write(f"{claim['id']}\t{claim['status']}\t{claim['text'][:100]}\n")
    return 0


def _history(db: Any, args: argparse.Namespace) -> int:
    get_claim(db, args.claim_id)
    entries = claim_history(db, args.claim_id)
    conflicts = open_conflicts(db, args.claim_id)
    if args.json:
        print_json(
            {
                "claim_id": args.claim_id,
                "history": [
                    {
                        "seq": e.server_seq,
                        "table": e.tbl,
                        "op": e.op,
                        "fields": e.fields,
                        "author": e.author,
                        "at": e.pushed_at,
                    }
                    for e in entries
                ],
                "conflicts": [
                    {
                        "id": c.id,
                        "field": c.field,
                        "kept": c.kept_value,
                        "kept_author": c.kept_author,
                        "other": c.other_value,
                        "other_author": c.other_author,
                    }
                    for c in conflicts
                ],
            }
        )
        return 0
    for e in entries:
        changed = ", ".join(sorted(e.fields)) or ("created" if e.op == "insert" else e.op)
        sys.stdout.write(f"{e.pushed_at}\t{e.author}\t{e.tbl}\t{changed}\n")
    for c in conflicts:
        sys.stdout.write(
            f"conflict {c.id} on {c.field}: kept {c.kept_value!r} ({c.kept_author}),"
            f" other {c.other_value!r} ({c.other_author})\n"
        )
    return 0


def _resolve(db: Any, args: argparse.Namespace) -> int:
    resolve_conflict(db, args.conflict_id)
    sys.stdout.write(f"conflict {args.conflict_id} resolved\n")
    return 0
