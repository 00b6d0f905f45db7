"""`crible gui [FILE|URL] [--screenshot PNG]`: open the workbench window.

The window's half of the command line: this module registers ``gui`` with ``app.cli``
through the ``crible.commands`` entry point (pyproject.toml), so the core never imports
``ui``. Qt is imported only inside ``run``, so ``crible --help`` stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.paths import resolve_db_path

SCREENSHOT_TIMEOUT_S = 120
HELP = "open the workbench window (optionally on an article file or URL)"


def main() -> int:
    """Entry point of the `crible-gui` launcher: the window, nothing else."""
    from app.cli import main as crible_main

    return crible_main(["gui", *sys.argv[1:]])


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", metavar="FILE|URL", help="article to open")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="wait until the article, its claims and earlier checks are shown, save a PNG "
        "of the window and exit",
    )
    parser.add_argument(
        "--claim",
        type=int,
        metavar="N",
        help="select the article's N-th claim when it opens (default: the one with the best "
        "earlier check, else the most check-worthy still to check)",
    )
    parser.add_argument(
        "--size", default="1400x900", metavar="WxH", help="window size for --screenshot"
    )


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise UserError(f"--size wants WIDTHxHEIGHT, not {text!r}") from exc
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise UserError(f"--size {text} is out of range")
    return width, height


def _check_source(source: str | None) -> None:
    if source is None or source.startswith(("http://", "https://")):
        return
    path = Path(source).expanduser()
    if not path.is_file():
        raise UserError(f"no such file: {source}")


def run(args: argparse.Namespace) -> int:
    _check_source(args.source)
    if args.claim is not None and args.claim < 1:
        raise UserError("--claim counts from 1")
    size = _size(args.size)
    screenshot = Path(args.screenshot).expanduser() if args.screenshot else None
    if screenshot is not None and not screenshot.parent.is_dir():
        raise UserError(f"no folder {screenshot.parent} for the screenshot")
    if _no_display():
        if screenshot is None:
            # Qt would abort the whole process (exit 134) without a display to open.
            raise UserError("no display to open the window on (DISPLAY is not set)")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    db_path = resolve_db_path(args.db)
    first_start = not db_path.exists()

    from ui.app import create_application, install_excepthook, setup_logging
    from ui.database import ArchiveSession
    from ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    setup_logging()
    try:
        session = ArchiveSession(db_path)
    except UserError as exc:
        if screenshot is None:  # launched from a desktop menu, stderr goes nowhere
            from PySide6.QtWidgets import QMessageBox

            from ui.i18n import user_message

            QMessageBox.critical(None, "Crible", user_message(exc))
        raise
    try:
        demo_article = _load_demo(session) if first_start else None
        window = MainWindow(session, restore=screenshot is None)
        window.open_on_claim = args.claim
        if screenshot is not None:
            window.resize(*size)
            _arm_screenshot(app, window, screenshot)
        install_excepthook()
        window.show()
        _open_first(window, session, args.source, demo_article)
        if screenshot is None:
            _start_auto_backup(session)
        code = app.exec()
    finally:
        session.close()
    if screenshot is not None and not screenshot.is_file():
        raise UserError("the window did not finish loading in time; no screenshot written")
    return code


def _start_auto_backup(session: Any) -> None:
    """A rotating backup at most every 12 hours, taken in the background as the window opens."""
    from ui.app import start_auto_backup

    start_auto_backup(session)


def _no_display() -> bool:
    """True on Linux without X11, Wayland or an explicit Qt platform (offscreen, vnc…)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _load_demo(session: Any) -> int | None:
    """First start: fill the new archive with the demo, and return the demo article's id."""
    from app.seeds import load_demo
    from app.storage.articles import list_articles

    load_demo(session.db)
    articles = list_articles(session.db, limit=1)
    return int(articles[0].id) if articles else None


def _open_first(window: Any, session: Any, source: str | None, demo: int | None) -> None:
    if source is not None:
        window.open_source(source)
        return
    article_id = demo or session.last_article()
    if article_id is None:
        from app.storage.articles import list_articles

        articles = list_articles(session.db, limit=1)
        article_id = int(articles[0].id) if articles else None
    if article_id is not None:
        window.open_article(article_id)
    else:
        window.matches_ready.emit()


def _arm_screenshot(app: Any, window: Any, target: Path) -> None:
    """Save a PNG of the window once everything is loaded, then quit."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer

    from app.files import atomic_write

    def save() -> None:
        app.processEvents()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            if not window.grab().save(buffer, "PNG"):
                raise UserError("cannot write {path}: Qt could not encode the PNG", path=target)
            atomic_write(target, bytes(data.data()))  # like every file Crible writes
        except UserError as exc:
            sys.stderr.write(f"crible: {exc}\n")
        app.quit()

    def on_ready() -> None:
        window.matches_ready.disconnect(on_ready)
        QTimer.singleShot(50, save)  # let the last layout and paint happen

    window.matches_ready.connect(on_ready)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000, app.quit)
