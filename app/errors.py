"""The split between a user's mistake (a message) and a bug (a report).

A ``UserError`` carries its message in two forms: the English sentence (``str(exc)``, what
the command line prints) and, for the window, the template it was made from with its
parameters, so the UI can show the sentence in its own language::

    raise UserError("no such file: {path}", path=source)
    str(exc)        # "no such file: /tmp/a.txt"
    exc.template    # "no such file: {path}"   (the UI translates this, then fills it in)
    exc.params      # {"path": "/tmp/a.txt"}

Only literal templates can be translated: ``resources/translations/update.py`` collects
every ``UserError("…")`` literal (and ``translatable("…")`` for a template kept in a constant)
under the "UserError" context. An f-string still works; it just stays English in the window.
"""

from __future__ import annotations

from typing import Any


def translatable(template: str) -> str:
    """Marks a template kept in a constant or table for translation; returns it unchanged."""
    return template


class UserError(Exception):
    """An expected failure the user can act on: bad file, unreachable URL, no keyring.

    The message is one line, shown as is in the status bar or on stderr; it never
    contains a secret. ``template`` may hold ``{name}`` fields filled from ``params``.
    """

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class NewerSchemaError(UserError):
    """The archive was written by a newer Crible; opening it could damage it."""
