"""Refresh the UI translations: extract strings from ui/ into .ts, compile them to .qm.

    .venv/bin/python resources/translations/update.py            # lupdate + lrelease
    .venv/bin/python resources/translations/update.py --release  # lrelease only

crible_fr.ts holds the French translation (edit it with pyside6-linguist, or by hand);
crible_en.ts holds only the English plural forms ("%n source(s)" → "1 source", "2 sources").
The compiled .qm files are committed, so running Crible never needs these tools.

lupdate also misses calls inside f-string expressions; they are added from the
sources. And lupdate files a module-level helper such as ``def tr(text): return
QCoreApplication.translate("Operations", text)`` under no context, while at run time the
lookup uses "Operations": such messages are moved to the helper's context here, and their
translations carried over from the previous .ts.

The Qt-free core (app/) cannot call tr(), but the window shows its error messages: every
literal template of ``UserError("…", name=value)`` (and its subclasses) and of
``translatable("…")`` in app/ (app/cli/ aside) and ui/ is collected here
under the "UserError" context, which ``ui.i18n.user_message`` looks up at run time.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TOOLS = Path(sys.executable).parent  # PySide6-Essentials installs its tools beside python
# A helper call with one literal argument, e.g. _tr('Shared words:') inside an f-string.
_CALL = re.compile(r"(?<![.\w])_?tr\(\s*(?P<q>['\"])(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*\)")
_HELPER = re.compile(
    r"def\s+_?tr\s*\([^)]*\)[^:]*:\s*\n\s*return\s+QCoreApplication\.translate\(\s*\"([^\"]+)\""
)

Key = tuple[str, str, str]  # context, source, comment
CORE_CONTEXT = "UserError"  # ui.i18n.ERROR_CONTEXT
CORE_MARKERS = frozenset({"UserError", "translatable"})


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def helper_context(path: Path) -> str | None:
    """The context of a module's translate helper, if it has one."""
    found = _HELPER.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def _key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def read_translations(ts: Path) -> dict[Key, ET.Element]:
    if not ts.exists():
        return {}
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                found[_key(name, message)] = translation
    return found


def _context(root: ET.Element, name: str) -> ET.Element:
    for context in root.iter("context"):
        if context.findtext("name") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


def fix_contexts(root: ET.Element) -> None:
    """Move messages lupdate left without context to their module helper's context."""
    for context in list(root.iter("context")):
        if context.findtext("name"):
            continue
        for message in list(context.iter("message")):
            location = message.find("location")
            filename = location.get("filename", "") if location is not None else ""
            target = helper_context((HERE / filename).resolve()) if filename else None
            if target:
                context.remove(message)
                _context(root, target).append(message)
        if not context.findall("message"):
            root.remove(context)


def add_missed_calls(root: ET.Element) -> None:
    """Add helper calls lupdate cannot see (inside f-string expressions) to their context."""
    for path in sorted((ROOT / "ui").rglob("*.py")):
        name = helper_context(path)
        if not name:
            continue
        context = _context(root, name)
        known = {message.findtext("source") for message in context.iter("message")}
        for found in _CALL.finditer(path.read_text(encoding="utf-8")):
            text = found.group("text").encode().decode("unicode_escape").encode("latin-1")
            source = text.decode("utf-8")
            if source not in known:
                known.add(source)
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation", type="unfinished")


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def core_messages() -> list[str]:
    """Literal UserError templates in app/ (outside app/cli/) and ui/, in file order."""
    paths = [p for p in sorted((ROOT / "app").rglob("*.py")) if p.parent.name != "cli"]
    paths += sorted((ROOT / "ui").rglob("*.py"))  # the window's jobs raise UserError too
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in paths]
    markers = set(CORE_MARKERS)
    for tree in trees:  # subclasses: class ArchiveCancelled(UserError)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
                if bases & {"UserError"}:
                    markers.add(node.name)
    found: dict[str, None] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in markers and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
                    found.setdefault(first.value)
    return list(found)


def add_core_messages(root: ET.Element) -> None:
    """The core's error templates, under the context ui.i18n.user_message looks in."""
    context = _context(root, CORE_CONTEXT)
    known = {message.findtext("source") for message in context.iter("message")}
    wanted = core_messages()
    for message in list(context.iter("message")):
        if message.findtext("source") not in wanted:
            context.remove(message)  # gone from the core (-no-obsolete, as for ui/)
    for source in wanted:
        if source not in known:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation", type="unfinished")


def carry_over(root: ET.Element, old: dict[Key, ET.Element]) -> None:
    """Put back translations lost to a context move (code moved to another class)."""
    by_text = {(source, comment): translation for (_, source, comment), translation in old.items()}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            current = message.find("translation")
            key = _key(name, message)
            previous = old.get(key, by_text.get(key[1:]))
            if previous is not None and (current is None or current.get("type") == "unfinished"):
                if current is not None:
                    message.remove(current)
                message.append(previous)


def strip_locations(root: ET.Element) -> None:
    """Line numbers change on every edit of the code; keep the .ts diffs about words."""
    for message in root.iter("message"):
        for location in message.findall("location"):
            message.remove(location)


def write_ts(root: ET.Element, ts: Path) -> None:
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")


def lupdate(ts: Path, language: str, *extra: str) -> None:
    old = read_translations(ts)
    command = [
        str(TOOLS / "pyside6-lupdate"), "-no-obsolete", "-locations", "absolute",
        "-tr-function-alias", "tr+=_tr", "-target-language", language, *extra,
        *sources(), "-ts", str(ts),
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)
    root = ET.parse(ts).getroot()
    fix_contexts(root)
    if "-pluralonly" not in extra:
        add_missed_calls(root)
        add_core_messages(root)
    carry_over(root, old)
    strip_locations(root)
    write_ts(root, ts)


def lrelease(ts: Path) -> None:
    command = [str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))]
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    args = parser.parse_args()
    french, english = HERE / "crible_fr.ts", HERE / "crible_en.ts"
    if not args.release:
        lupdate(french, "fr_FR")
        lupdate(english, "en_GB", "-pluralonly")
    for ts in (french, english):
        lrelease(ts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
