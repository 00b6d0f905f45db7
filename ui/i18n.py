"""The UI language: which translation to load (French or English) and installing it on the app."""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app.errors import UserError

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
"""QSettings key: "system", "fr" or "en" (written by the settings dialog)."""

LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "en"  # the strings in the code are English: nothing to load for it

_INSTALLED_ATTR = "_crible_translators"
_LANGUAGE_ATTR = "_crible_language"
ERROR_CONTEXT = "UserError"
"""Context of the core's ``UserError`` templates in the catalogue (collected by update.py)."""


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
    setattr(app, _LANGUAGE_ATTR, SOURCE_LANGUAGE)


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
    setattr(app, _LANGUAGE_ATTR, wanted)
    return wanted


def current_language() -> str:
    """The language the UI speaks now ("fr" or "en"): the one `install_translator` loaded."""
    app = QCoreApplication.instance()
    return getattr(app, _LANGUAGE_ATTR, SOURCE_LANGUAGE) if app is not None else SOURCE_LANGUAGE


def user_message(error: BaseException | str) -> str:
    """A core error (``app.errors.UserError``) or message in the UI language.

    The core raises ``UserError("no such file: {path}", path=…)``: its template is looked
    up in the catalogue under the "UserError" context, then filled in with its parameters.
    A message with no translation (an f-string in the core, a message from a library) is
    shown as the core wrote it, in English.
    """
    if isinstance(error, str):
        return QCoreApplication.translate(ERROR_CONTEXT, error) if error else error
    template = getattr(error, "template", None)
    if not isinstance(template, str) or not template:
        return str(error)
    params = getattr(error, "params", None) or {}
    translated = QCoreApplication.translate(ERROR_CONTEXT, template)
    if translated == template:
        return str(error)
    # A parameter may be a marked word of the core ("a PDF"): it is translated too.
    shown = {
        name: QCoreApplication.translate(ERROR_CONTEXT, value) if isinstance(value, str) else value
        for name, value in params.items()
    }
    try:
        return translated.format(**shown) if shown else translated
    except (KeyError, IndexError, ValueError):  # a translation naming a field it lacks
        log.warning("bad translation of %r: %r", template, translated)
        return str(error)


def failure_text(error: BaseException, where: str) -> str:
    """The line a view shows when its background work failed: the core's message for a
    checker's mistake (``UserError``); for anything else (a bug) a pointer to the log, where
    the traceback goes."""
    if isinstance(error, UserError):
        return user_message(error)
    log.error("%s failed", where, exc_info=error)
    text = QCoreApplication.translate("Failure", "Something went wrong (%1); see the log.")
    return text.replace("%1", type(error).__name__)
