"""``atomic_write``: the one way Crible writes a file the user asked for (exports, reports).

The text goes to a temporary file in the target's folder, is flushed to disk (fsync), and
renamed over the target: a reader sees the old file or the new one, never half of one.
An existing file keeps its permissions; a new one gets the usual ones (0666 less the
umask, applied by the system, so no thread-unsafe ``os.umask`` dance). A failure removes
the temporary file; one left by a killed process (its pid is in the name) is removed by
the next write to the same target. Only regular files are replaced: a symbolic link, a
FIFO or a device is refused in one line rather than silently swapped for a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from app.errors import UserError

TEMP_SUFFIX = ".crible-tmp"


def atomic_write(
    target: str | Path, content: str | bytes | Iterable[str], *, encoding: str = "utf-8"
) -> Path:
    """Write ``content`` (text, chunks of it: an export can be streamed, or bytes: a PNG)
    to ``target``.

    Raises ``UserError`` when the target cannot be written (missing folder, no permission,
    full disk, not a regular file); the target is then unchanged.
    """
    path = Path(target).expanduser()
    mode = _existing_mode(path)
    _sweep_leftovers(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        with _opened(fd, content, encoding) as out:
            for chunk in [content] if isinstance(content, str | bytes) else content:
                out.write(chunk)
            out.flush()
            if mode is not None:
                os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)  # a bug, or Ctrl-C while streaming: no litter either
        raise
    _sync_folder(path.parent)
    return path


def _opened(fd: int, content: str | bytes | Iterable[str], encoding: str) -> IO[Any]:
    if isinstance(content, bytes):
        return os.fdopen(fd, "wb")
    return os.fdopen(fd, "w", encoding=encoding, newline="")


def _existing_mode(path: Path) -> int | None:
    """The permissions to keep, or None for a new file; refuses what is not a regular file."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise UserError(
                "cannot write {path}: no such folder {folder}", path=path, folder=path.parent
            ) from None
        return None
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    if stat.S_ISLNK(info.st_mode):
        raise UserError(
            "{path} is a symbolic link: give the file it points to, or another name", path=path
        )
    if not stat.S_ISREG(info.st_mode):
        raise UserError("{path} is not a regular file: give another name", path=path)
    return stat.S_IMODE(info.st_mode)


def _sweep_leftovers(path: Path) -> None:
    """Remove temporary files of earlier writes to ``path`` whose process is gone (killed)."""
    try:
        candidates = list(path.parent.glob(f".{_glob_escape(path.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return
    for leftover in candidates:
        pid_text = leftover.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            leftover.unlink(missing_ok=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # Windows' os.kill(pid, 0) sends Ctrl-C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # e.g. another user's process: not ours to judge
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, nor needed, everywhere."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse to sync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_write(path: Path, exc: OSError) -> UserError:
    return UserError("cannot write {path}: {reason}", path=path, reason=exc.strerror or exc)
