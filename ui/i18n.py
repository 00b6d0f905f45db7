"""The UI language: which translation to load (French or English) and installing it on the app."""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
"""QSettings key: "system", "fr" or "en" (written by the settings dialog)."""

LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "en"  # the strings in the code are English: nothing to load for it

_INSTALLED_ATTR = "_crible_translators"


def translations_dir() -> Path:
    return Path(str(files("resources") / "translations"))


def system_language() -> str:
    """ "fr" when the system's UI languages prefer French over English, else "en"."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def stored_language(settings: QSettings | None = None) -> str | None:
    """The language chosen in settings, or None to follow the system."""
    value = (settings or QSettings()).value(LANGUAGE_KEY, "system")
    return value if value in LANGUAGES else None


def resolve_language(language: str | None) -> str:
    return language if language in LANGUAGES else system_language()


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall the translators `install_translator` put on `app`."""
    for translator in getattr(app, _INSTALLED_ATTR, []):
        app.removeTranslator(translator)
    setattr(app, _INSTALLED_ATTR, [])


def install_translator(app: QCoreApplication, language: str | None) -> str:
    """Load Crible's and Qt's own translations for `language` ("fr", "en", None = system).

    Returns the language actually in use: "en" when French was asked for but its
    catalogue is missing (the UI still works, in English). Calling it again replaces
    the translators installed before. English needs a catalogue too, for its plurals
    ("%n source(s)" → "1 source", "2 sources").
    """
    remove_translators(app)
    wanted = resolve_language(language)
    ours = QTranslator(app)
    if not ours.load(f"crible_{wanted}", str(translations_dir())):
        log.warning("no %s translation in %s; using English", wanted, translations_dir())
        return SOURCE_LANGUAGE
    installed = [ours]
    if wanted != SOURCE_LANGUAGE:
        # Qt's own strings (OK/Cancel buttons, context menus) come from its catalogue.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(f"qtbase_{wanted}", qt_dir):
            installed.append(qtbase)
    for translator in installed:
        app.installTranslator(translator)
    setattr(app, _INSTALLED_ATTR, installed)
    return wanted
