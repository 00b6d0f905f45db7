"""The `crible` command: one dispatcher, one module per sub-command.

Each sub-command module defines ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``. Modules are imported only when their command runs, so
``crible --version`` stays instant and a broken optional module cannot take the
whole command down. A ``UserError`` becomes one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from app import __version__
from app.errors import UserError

EXIT_OK = 0
EXIT_USAGE = 2

# name -> module under app.cli; order is the order shown in --help.
COMMANDS: dict[str, str] = {
    "gui": "gui",
    "split": "split",
    "import": "import_cmd",
    "match": "match",
    "check": "check",
    "export": "export",
    "search": "search",
    "secrets": "secrets_cmd",
    "backup": "backup",
    "restore": "restore",
    "archive": "archive_cmd",
    "edit": "edit",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"crible: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _available_commands() -> dict[str, object]:
    modules = {}
    for name, module_name in COMMANDS.items():
        try:
            modules[name] = importlib.import_module(f"app.cli.{module_name}")
        except ModuleNotFoundError as exc:
            # Only a missing command module is skipped; a missing dependency inside one is a bug.
            if exc.name != f"app.cli.{module_name}":
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="PATH",
        help="archive file (default: $CRIBLE_DB, else the user data directory)",
    )
    parser = _Parser(
        prog="crible",
        description="Crible: a fact-checking workbench. Without a command, opens the window.",
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"crible {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module in _available_commands().items():
        command_parser = sub.add_parser(
            name, help=module.HELP, description=module.HELP, parents=[db_parent]
        )
        module.add_arguments(command_parser)
        command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `crible` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        args = parser.parse_args([*args_list, "gui"])
    try:
        return int(args._run(args) or EXIT_OK)
    except UserError as exc:
        sys.stderr.write(f"crible: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("crible: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def main_gui() -> int:
    """Entry point of the `crible-gui` launcher: the window, nothing else."""
    return main(["gui", *sys.argv[1:]])


def run() -> None:
    raise SystemExit(main())
