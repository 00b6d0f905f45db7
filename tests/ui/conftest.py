"""GUI test fixtures: an isolated QSettings, an archive session, and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.storage import open_archive
from app.storage.claims import add_claim, save_article_with_claims

ARTICLE_TEXT = (
    "Le gouvernement a annoncé 300 tonnes d'aide humanitaire pour le Venezuela en 2019. "
    "Selon le ministre, le chômage a baissé de 12 % en un an. "
    "Il fait beau aujourd'hui à Caracas. "
    "« Nous ne céderons jamais », a déclaré Nicolas Maduro samedi."
)


@dataclass(frozen=True)
class Draft:
    """A claim as the analyser would hand it to storage."""

    text: str
    start: int
    end: int
    checkworthiness: float = 0.6
    reasons: tuple[str, ...] = ("number",)
    speaker: str | None = None


def sentence_drafts(text: str) -> list[Draft]:
    drafts, start = [], 0
    for end in range(len(text)):
        if text[end] in ".!" and (end + 1 == len(text) or text[end + 1] == " "):
            drafts.append(Draft(text[start : end + 1], start, end + 1))
            start = end + 2
    return drafts


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, qapp) -> Iterator[None]:
    """QSettings in a temporary folder, so tests never read or write the user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("CribleTests")
    QCoreApplication.setApplicationName("CribleTests")
    yield


EARLIER_CHECKS = (
    "Le Venezuela a reçu 300 tonnes d'aide humanitaire en 2019.",
    "Le chômage a baissé de 12 % en un an en France.",
    "Nicolas Maduro a rompu les relations diplomatiques avec la Colombie.",
)


@pytest.fixture
def archive_path(tmp_path) -> Path:
    """An archive: three earlier fact-checks, and one French article split into four claims."""
    path = tmp_path / "archive.db"
    db = open_archive(path)
    for text in EARLIER_CHECKS:
        add_claim(db, text=text, lang="fr", origin="import", status="checked")
    save_article_with_claims(
        db,
        text=ARTICLE_TEXT,
        title="Aide au Venezuela",
        claims=sentence_drafts(ARTICLE_TEXT),
        lang="fr",
        origin="file",
    )
    db.close()
    return path


@pytest.fixture
def session(archive_path, qapp):
    from ui.database import ArchiveSession

    session = ArchiveSession(archive_path)
    yield session
    session.close()


@pytest.fixture
def window(session, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    yield window
    session.runner.cancel_all()
    session.runner.wait()
