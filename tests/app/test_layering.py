"""The core never loads Qt: import every app module in a fresh interpreter and check."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]


def all_app_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(app.__path__, prefix="app."))


def test_importing_every_app_module_loads_no_qt_and_no_ui():
    modules = [m for m in all_app_modules() if m != "app.__main__"]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "roots = ('PySide6', 'shiboken6', 'ui')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", f"app loaded Qt or ui: {result.stdout}"


def test_no_sql_outside_storage():
    offenders = []
    for path in (ROOT / "app").rglob("*.py"):
        if "storage" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if ".execute(" in text or "executemany(" in text:
            offenders.append(str(path.relative_to(ROOT)))
    for path in (ROOT / "ui").rglob("*.py"):
        if ".execute(" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
