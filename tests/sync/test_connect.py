"""The team address: its password is taken out before anything is stored or shown."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.sync.connect import connection_error, describe, split_url


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://alice:s3cret@db.example.org:5433/desk?sslmode=verify-full",
        "postgres://alice@db.example.org:5433/desk?password=s3cret&sslmode=verify-full",
    ],
)
def test_the_password_leaves_the_stored_address(url):
    conninfo, password = split_url(url)
    assert password == "s3cret"
    assert "s3cret" not in conninfo
    assert "sslmode=verify-full" in conninfo
    assert describe(conninfo) == "alice@db.example.org:5433/desk"


@pytest.mark.parametrize(
    "url", ["mysql://x@y/z", "postgresql://alice@db.example.org", "host=db dbname=desk"]
)
def test_bad_addresses_are_one_line_errors(url):
    with pytest.raises(UserError):
        split_url(url)


def test_a_failure_message_never_carries_the_password():
    conninfo, _ = split_url("postgresql://alice@db.example.org/desk")
    error = connection_error(
        Exception('connection to server failed: FATAL: password "s3cret" rejected'),
        conninfo,
        "s3cret",
    )
    assert "s3cret" not in str(error)
