"""`crible secrets status|set NAME|delete NAME`: API keys in the system keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from app import secrets
from app.cli.common import print_json
from app.errors import UserError
from app.interop import factcheck_api, wayback


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="where keys are kept and which ones are stored")
    status.add_argument("--json", action="store_true", help="print JSON")
    names = ", ".join(secrets.KNOWN_SECRETS)
    store = actions.add_parser(
        "set", help="store a key, typed without echo or read as one line from stdin"
    )
    store.add_argument("name", metavar="NAME", help=f"one of: {names}")
    remove = actions.add_parser("delete", help="remove a stored key")
    remove.add_argument("name", metavar="NAME", help=f"one of: {names}")
    test = actions.add_parser("test", help="try a stored key on its service (one request)")
    test.add_argument("name", metavar="NAME", help=f"one of: {names}")


def run(args: argparse.Namespace) -> int:
    if args.action == "status":
        return _status(as_json=args.json)
    if args.action == "set":
        return _set(args.name)
    if args.action == "test":
        return _test(args.name)
    return _delete(args.name)


def _status(*, as_json: bool) -> int:
    status = secrets.backend_status()
    stored: dict[str, bool] | None = None
    if status.usable:
        stored = {name: secrets.has_secret(name) for name in secrets.KNOWN_SECRETS}
    if as_json:
        print_json(
            {
                "usable": status.usable,
                "backend": status.backend,
                "message": status.message,
                "stored": stored,
            }
        )
        return 0
    print(status.message)
    for name, label in secrets.KNOWN_SECRETS.items():
        state = "unknown" if stored is None else ("stored" if stored[name] else "not stored")
        print(f"  {name}: {state} ({label})")
    return 0


def _read_value(name: str) -> str:
    label = secrets.KNOWN_SECRETS[name]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"{label}: ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise UserError(f"No {label} on standard input; nothing was stored.")
    return line


def _set(name: str) -> int:
    secrets.check_name(name)
    status = secrets.backend_status()
    if not status.usable:
        # A session store would die with this process: say so instead of pretending.
        raise UserError(status.message.split(";")[0] + "; the key was not stored.")
    secrets.set_secret(name, _read_value(name))
    print(f"Stored {name} ({status.backend}).")
    return 0


def _delete(name: str) -> int:
    if secrets.delete_secret(name):
        print(f"Removed {name}.")
    else:
        print(f"No {name} was stored.")
    return 0


def _test(name: str) -> int:
    secrets.check_name(name)
    if name == secrets.GOOGLE_FACTCHECK_API_KEY:
        factcheck_api.check_key(
            secrets.require_secret(name), base_url=factcheck_api.DEFAULT_BASE_URL
        )
        print("The Google Fact Check Tools API key works.")
        return 0
    account = wayback.check_keys(
        access_key=secrets.require_secret(secrets.WAYBACK_ACCESS_KEY),
        secret_key=secrets.require_secret(secrets.WAYBACK_SECRET_KEY),
        base_url=wayback.DEFAULT_BASE_URL,
    )
    print(
        f"The Internet Archive keys work: {account.available} capture(s) can start now, "
        f"{account.processing} running."
    )
    return 0
