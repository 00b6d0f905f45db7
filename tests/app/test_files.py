"""``atomic_write``: whole or nothing, the target's mode kept, no litter, odd targets refused."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import UserError
from app.files import TEMP_SUFFIX, atomic_write

ROOT = Path(__file__).resolve().parents[2]


def _litter(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


def test_text_chunks_and_bytes_are_written_whole(tmp_path):
    target = tmp_path / "report.md"
    assert atomic_write(target, "# Rapport\nÉlysée\n") == target
    assert target.read_text(encoding="utf-8") == "# Rapport\nÉlysée\n"
    atomic_write(target, (f"ligne {n}\r\n" for n in range(3)))
    assert target.read_bytes() == b"ligne 0\r\nligne 1\r\nligne 2\r\n"  # newlines as given
    atomic_write(tmp_path / "shot.png", b"\x89PNG\r\n")
    assert (tmp_path / "shot.png").read_bytes() == b"\x89PNG\r\n"
    assert _litter(tmp_path) == []


def test_a_new_file_gets_the_usual_mode_and_an_existing_one_keeps_its_own(tmp_path):
    previous = os.umask(0o022)
    try:
        fresh = atomic_write(tmp_path / "new.csv", "a,b\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # shared like any file, not 0600
    private = tmp_path / "private.json"
    private.write_text("{}", encoding="utf-8")
    private.chmod(0o600)
    atomic_write(private, '{"a": 1}')
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text(encoding="utf-8") == '{"a": 1}'


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "export.jsonld"
    target.write_text("old", encoding="utf-8")

    def chunks():
        yield "half of the "
        raise RuntimeError("the export broke")

    with pytest.raises(RuntimeError, match="broke"):
        atomic_write(target, chunks())
    assert target.read_text(encoding="utf-8") == "old"
    assert _litter(tmp_path) == []


def test_a_full_disk_is_one_clear_error_and_no_litter(tmp_path):
    """RLIMIT_FSIZE in a child process stands in for a full disk (see PITFALLS)."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "from app.files import atomic_write\n"
        "from app.errors import UserError\n"
        "try:\n"
        f"    atomic_write({str(tmp_path / 'big.html')!r}, 'x' * 100_000)\n"
        "except UserError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("cannot write ") and "big.html" in done.stdout
    assert not (tmp_path / "big.html").exists()
    assert _litter(tmp_path) == []


def test_a_killed_writer_s_temporary_file_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "slow.md"
    code = (
        "import sys, time\n"
        "from app.files import atomic_write\n"
        "def chunks():\n"
        "    yield 'début'\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "    yield 'fin'\n"
        f"atomic_write({str(target)!r}, chunks())\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        assert len(_litter(tmp_path)) == 1
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()  # else a ResourceWarning, an error in this suite
    assert len(_litter(tmp_path)) == 1 and not target.exists()  # a kill cannot clean up
    atomic_write(target, "complet")
    assert target.read_text(encoding="utf-8") == "complet"
    assert _litter(tmp_path) == []


def test_a_live_writer_s_temporary_file_is_left_alone(tmp_path):
    target = tmp_path / "shared.md"
    other = tmp_path / f".{target.name}.{os.getppid()}.beef{TEMP_SUFFIX}"
    other.write_text("in progress", encoding="utf-8")
    atomic_write(target, "mine")
    assert other.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_folder_is_refused_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="not a regular file"):
        atomic_write(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(UserError, match="not a regular file"):
        atomic_write(tmp_path, "x")
    assert _litter(tmp_path) == []


def test_a_symbolic_link_is_refused_and_left_pointing_where_it_did(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("real", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(UserError, match="symbolic link"):
        atomic_write(link, "x")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "real"


def test_a_missing_folder_is_one_line(tmp_path):
    with pytest.raises(UserError, match=r"cannot write .*no such folder"):
        atomic_write(tmp_path / "missing" / "x.md", "x")


def test_a_read_only_folder_is_one_line_and_the_file_is_unchanged(tmp_path):
    """``chattr +i`` (root ignores ``chmod``, see PITFALLS): nothing can be created there."""
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "x.md"
    target.write_text("before", encoding="utf-8")
    if (
        shutil.which("chattr") is None
        or subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True, check=False
        ).returncode
    ):
        pytest.skip("chattr +i is not available here")
    try:
        with pytest.raises(UserError, match="cannot write"):
            atomic_write(target, "after")
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert target.read_text(encoding="utf-8") == "before"
    assert _litter(folder) == []
