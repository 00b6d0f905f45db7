"""The `crible` dispatcher: version, usage errors, one-line user errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__

ROOT = Path(__file__).resolve().parents[2]


def run_crible(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        **kwargs,
    )


def test_version():
    result = run_crible("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"crible {__version__}"


def test_unknown_command_is_a_usage_error_in_one_line():
    result = run_crible("frobnicate")
    assert result.returncode == 2
    assert result.stderr.startswith("crible: ")
    assert "Traceback" not in result.stderr


def test_user_error_becomes_one_line_and_exit_2(tmp_path):
    not_a_db = tmp_path / "bad.db"
    not_a_db.write_bytes(b"\x00garbage" * 50)
    result = run_crible("--db", str(not_a_db), "archive", "info")
    assert result.returncode == 2
    assert result.stderr.startswith("crible: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not_a_db.read_bytes() == b"\x00garbage" * 50


def test_crible_db_environment_variable_names_the_archive(tmp_path):
    import os

    from app.storage import open_archive

    env_db = tmp_path / "from-env.db"
    open_archive(env_db).close()

    result = run_crible("archive", "info", env={**os.environ, "CRIBLE_DB": str(env_db)})
    assert result.returncode == 0, result.stderr
    assert str(env_db) in result.stdout


def test_every_listed_command_has_a_module_with_arguments_and_run():
    import argparse

    from app.cli import COMMANDS, _command_module, _plugin_commands

    plugins = _plugin_commands()
    assert set(plugins) == {"gui"}, "the window registers its command through an entry point"
    for name in [*COMMANDS, *plugins]:
        module = _command_module(name, plugins)
        module.add_arguments(argparse.ArgumentParser())
        assert callable(module.run), name


def test_version_does_not_import_the_heavy_modules():
    code = (
        "import sys\nfrom app.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('trafilatura', 'rapidfuzz',"
        " 'PySide6', 'app.interop', 'app.matching'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().endswith("[]"), result.stdout


def test_db_before_or_after_the_command_names_the_archive(tmp_path):
    from app.storage import open_archive

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    open_archive(first).close()
    open_archive(second).close()
    before = run_crible("--db", str(first), "archive", "info")
    after = run_crible("archive", "info", "--db", str(second))
    assert str(first) in before.stdout and str(second) in after.stdout
