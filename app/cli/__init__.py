"""The `crible` command: one dispatcher, one module per sub-command.

Each sub-command module defines ``add_arguments(parser)`` and ``run(args) -> int``;
its one-line help lives in ``COMMANDS`` here. Only the chosen command's module is
imported, so ``crible --version`` stays instant. A ``UserError`` becomes one line on
stderr and exit status 2.

Commands of other packages of the install come from the ``crible.commands`` entry points:
the window (``ui.launcher``) adds ``gui`` that way, so the core never imports ``ui``.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys
from collections.abc import Sequence
from importlib.metadata import EntryPoint, entry_points
from types import ModuleType

from app import __version__
from app.errors import UserError

EXIT_OK = 0
EXIT_USAGE = 2

# name -> (module under app.cli, one-line help); order is the order shown in --help.
# Only the chosen command's module is imported, so `crible --version` stays instant.
COMMANDS: dict[str, tuple[str, str]] = {
    "split": ("split", "split an article into sentences and check-worthy claims"),
    "import": ("import_cmd", "import earlier fact-checks (ClaimReview JSON-LD, HTML, CSV, JSONL)"),
    "match": ("match", "find earlier fact-checked claims like TEXT (or a batch of queries)"),
    "check": ("check", "split, store and match every claim of an article"),
    "edit": ("edit", "edit a claim: status, verdict, notes, sources"),
    "articles": ("articles", "list the desk's articles with their progress"),
    "article": ("article", "edit an article's metadata, or delete it (after a backup)"),
    "export": ("export", "export an article's check, or the whole archive as a DataFeed"),
    "search": ("search", "search Google Fact Check Tools (key from the keyring)"),
    "secrets": ("secrets_cmd", "show, store or remove the API keys kept in the system keyring"),
    "backup": ("backup", "copy the archive safely, or list its backups"),
    "restore": ("restore", "replace the archive with a backup (the current one is kept)"),
    "archive": ("archive_cmd", "show what the archive holds, or check it for damage"),
    "vectors": ("vectors_cmd", "compute the claim vectors semantic matching is missing"),
    "team": ("team", "create the desk's shared PostgreSQL archive, join it, see its state"),
    "sync": ("sync", "push this archive's changes to the team server and pull the others'"),
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    redact_extra = False  # set for `crible secrets`

    def error(self, message: str) -> None:  # type: ignore[override]
        unexpected = message.startswith("unrecognized arguments:")
        if unexpected and (self.redact_extra or self.prog.endswith(" secrets")):
            # `crible secrets set NAME KEY`: argparse would echo the key it did not expect.
            message = "unrecognized arguments (not shown: they may hold a key)"
        sys.stderr.write(f"crible: {message}\n")
        raise SystemExit(EXIT_USAGE)


PLUGIN_GROUP = "crible.commands"
WINDOW_COMMAND = "gui"


def _plugin_commands() -> dict[str, EntryPoint]:
    """Commands other installed packages register (the window's ``gui``), looked up only
    when needed: reading the install's metadata costs some 30 ms."""
    return {ep.name: ep for ep in entry_points(group=PLUGIN_GROUP) if ep.name not in COMMANDS}


def _command_module(name: str, plugins: dict[str, EntryPoint]) -> ModuleType:
    if name in plugins:
        module = plugins[name].load()
        assert isinstance(module, ModuleType)
        return module
    return importlib.import_module(f"app.cli.{COMMANDS[name][0]}")


def _positionals(args: Sequence[str]) -> list[str]:
    """Arguments that are not options, skipping the value of a leading --db."""
    found, skip_next = [], False
    for arg in args:
        if skip_next:
            skip_next = False
        elif arg == "--db":
            skip_next = True
        elif not arg.startswith("-"):
            found.append(arg)
    return found


def _selected_command(args: Sequence[str], plugins: dict[str, EntryPoint]) -> str | None:
    positionals = _positionals(args)
    known = positionals and (positionals[0] in COMMANDS or positionals[0] in plugins)
    return positionals[0] if known else None


def build_parser(
    selected: str | None = None, plugins: dict[str, EntryPoint] | None = None
) -> argparse.ArgumentParser:
    """The `crible` parser; only *selected*'s module is imported to add its arguments."""
    plugins = _plugin_commands() if plugins is None else plugins
    db_help = "archive file (default: $CRIBLE_DB, else the user data directory)"
    # Sub-commands accept --db too; SUPPRESS keeps their absent --db from hiding the top one.
    db_parent = _Parser(add_help=False)
    db_parent.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    parser = _Parser(
        prog="crible",
        description="Crible: a fact-checking workbench. Without a command, opens the window.",
    )
    parser.redact_extra = selected == "secrets"
    parser.add_argument("--db", metavar="PATH", default=None, help=db_help)
    parser.add_argument("--version", action="version", version=f"crible {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    helps = {name: help_text for name, (_module, help_text) in COMMANDS.items()}
    for name in plugins:
        helps[name] = str(getattr(_command_module(name, plugins), "HELP", ""))
    for name, help_text in sorted(helps.items(), key=lambda item: item[0] in COMMANDS):
        command_parser = sub.add_parser(
            name, help=help_text, description=help_text, parents=[db_parent]
        )
        if name == selected:
            module = _command_module(name, plugins)
            module.add_arguments(command_parser)
            command_parser.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `crible` console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    positionals = _positionals(args_list)
    core_only = args_list == ["--version"] or bool(positionals and positionals[0] in COMMANDS)
    plugins = {} if core_only else _plugin_commands()
    selected = _selected_command(args_list, plugins)
    wants_info = bool({"-h", "--help", "--version"} & set(args_list))
    if selected is None and not wants_info and not positionals and WINDOW_COMMAND in plugins:
        selected, args_list = WINDOW_COMMAND, [*args_list, WINDOW_COMMAND]  # `crible` alone
    args = build_parser(selected, plugins).parse_args(args_list)
    if getattr(args, "_run", None) is None:  # no command, and no window installed
        build_parser(None, plugins).print_help()
        return EXIT_USAGE
    try:
        return int(args._run(args) or EXIT_OK)
    except UserError as exc:
        sys.stderr.write(f"crible: {exc}\n")
        return EXIT_USAGE
    except sqlite3.DatabaseError as exc:
        # A full or read-only disk, a lock held by another program, a damaged archive file:
        # a message, not a bug.
        from app.paths import resolve_db_path
        from app.storage.integrity import damage_message, environment_failure

        message = environment_failure(exc) or damage_message(exc, resolve_db_path(args.db))
        if message is None:
            raise
        sys.stderr.write(f"crible: {message}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("crible: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def run() -> None:
    raise SystemExit(main())
