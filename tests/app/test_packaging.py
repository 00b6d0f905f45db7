"""A built wheel carries the data files, not only the editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_built_wheel_contains_resources_and_seeds(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("crible-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected_seeds = {f"seeds/{p.name}" for p in (ROOT / "seeds").iterdir() if p.is_file()}
    expected_resources = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert expected_seeds - {"seeds/__init__.py"}, "the demo seeds exist"
    assert expected_seeds <= names
    assert expected_resources <= names
    assert "app/cli/__init__.py" in names and "ui/__init__.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "crible = app.cli:main" in text and "crible-gui = ui.launcher:main" in text
    assert "[crible.commands]" in text and "gui = ui.launcher" in text
