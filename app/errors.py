"""The split between a user's mistake (a message) and a bug (a report)."""

from __future__ import annotations


class UserError(Exception):
    """An expected failure the user can act on: bad file, unreachable URL, no keyring.

    The message is one line, shown as is in the status bar or on stderr; it never
    contains a secret.
    """


class NewerSchemaError(UserError):
    """The archive was written by a newer Crible; opening it could damage it."""
