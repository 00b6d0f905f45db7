"""`crible secrets`: status, set from stdin or the terminal, delete; never echoes a key."""

from __future__ import annotations

import io
import json

from app import secrets
from app.cli import main

KEY = secrets.GOOGLE_FACTCHECK_API_KEY
VALUE = "AIzaSy-cli-test-key"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_set_from_stdin_then_status_and_delete(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secrets", "set", KEY]) == 0
    out = capsys.readouterr()
    assert VALUE not in out.out + out.err
    assert memory_keyring.values[(secrets.SERVICE, KEY)] == VALUE

    assert main(["secrets", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["usable"] is True
    assert data["stored"] == {
        KEY: True,
        secrets.WAYBACK_ACCESS_KEY: False,
        secrets.WAYBACK_SECRET_KEY: False,
        secrets.TEAM_DATABASE_PASSWORD: False,
    }
    assert main(["secrets", "status"]) == 0
    text = capsys.readouterr().out
    assert f"{KEY}: stored" in text and VALUE not in text

    assert main(["secrets", "delete", KEY]) == 0
    assert "Removed" in capsys.readouterr().out
    assert main(["secrets", "delete", KEY]) == 0
    assert "No google_factcheck_api_key was stored" in capsys.readouterr().out


def test_set_from_a_terminal_uses_getpass(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", _Tty(""))
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or VALUE)
    assert main(["secrets", "set", KEY]) == 0
    assert prompts == ["Google Fact Check Tools API key: "]
    assert secrets.get_secret(KEY) == VALUE
    assert VALUE not in capsys.readouterr().out


def test_set_with_empty_stdin_fails_in_one_line(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["secrets", "set", KEY]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was stored" in err
    assert memory_keyring.values == {}


def test_unknown_name_fails(memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secrets", "set", "nope"]) == 2
    assert "Unknown secret name" in capsys.readouterr().err


def test_without_keyring_status_says_so_and_set_fails(no_keyring, monkeypatch, capsys):
    assert main(["secrets", "status"]) == 0
    out = capsys.readouterr().out
    assert "No usable system keyring" in out and f"{KEY}: unknown" in out
    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    assert main(["secrets", "set", KEY]) == 2
    err = capsys.readouterr().err
    assert "No usable system keyring" in err and "not stored" in err
    assert VALUE not in err
    assert main(["secrets", "delete", KEY]) == 2


def test_a_locked_keyring_fails_in_one_line(monkeypatch, capsys):
    from keyring.backend import KeyringBackend
    from keyring.errors import KeyringLocked

    from tests.app.conftest import installed_keyring

    class Locked(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            raise KeyringLocked("locked")

        def set_password(self, service, username, password):
            raise KeyringLocked("locked")

        def delete_password(self, service, username):
            raise KeyringLocked("locked")

    monkeypatch.setattr("sys.stdin", io.StringIO(VALUE + "\n"))
    with installed_keyring(Locked()):
        assert main(["secrets", "set", KEY]) == 2
        err = capsys.readouterr().err
        assert err == "crible: The system keyring refused to store the key (KeyringLocked).\n"
        assert main(["secrets", "status"]) == 2
        assert "could not be read" in capsys.readouterr().err


def test_test_action_tries_each_service(memory_keyring, fake_server, monkeypatch, capsys):
    from app.interop import factcheck_api, wayback
    from tests.fakes.http_server import Reply

    monkeypatch.setattr(factcheck_api, "DEFAULT_BASE_URL", fake_server.url)
    monkeypatch.setattr(wayback, "DEFAULT_BASE_URL", fake_server.url)
    assert main(["secrets", "test", KEY]) == 2
    assert "No Google Fact Check Tools API key" in capsys.readouterr().err

    secrets.set_secret(KEY, VALUE)
    fake_server.add("GET", factcheck_api.SEARCH_PATH, Reply(json={}))
    assert main(["secrets", "test", KEY]) == 0
    assert "key works" in capsys.readouterr().out
    assert fake_server.requests[-1].headers["x-goog-api-key"] == VALUE

    secrets.set_secret(secrets.WAYBACK_ACCESS_KEY, "acc")
    secrets.set_secret(secrets.WAYBACK_SECRET_KEY, "s3cr3t-wb")
    fake_server.add("GET", "/save/status/user", Reply(json={"available": 5, "processing": 1}))
    assert main(["secrets", "test", secrets.WAYBACK_SECRET_KEY]) == 0
    assert "5 capture(s) can start now" in capsys.readouterr().out
    fake_server.add("GET", "/save/status/user", Reply(status=401, body="no"))
    assert main(["secrets", "test", secrets.WAYBACK_ACCESS_KEY]) == 2
    err = capsys.readouterr().err
    assert "refused the Internet Archive keys" in err and "s3cr3t-wb" not in err
