"""The layering rules, checked on the source: the core never reaches Qt or the window, its
modules import one way (no cycle), and SQL stays in ``app/storage``.

Every import statement counts, at any depth (inside functions, under ``TYPE_CHECKING``), as
does ``importlib.import_module("…")`` with a literal name: a function-level import is still a
dependency, it only runs later.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_APP = ("PySide6", "shiboken6", "ui")


def all_app_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(app.__path__, prefix="app."))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _app_files() -> list[Path]:
    return sorted((ROOT / "app").rglob("*.py"))


def imported_names(path: Path, package: str | None = None) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything ``path`` (of ``package``) imports, anywhere in it.

    ``from a.b import c`` yields ``a.b.c`` (a module, or a name of ``a.b``; callers check).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    if package is None:
        package = _module_name(path)
        if path.name != "__init__.py":
            package = package.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def test_the_walker_sees_imports_inside_functions_and_relative_ones(tmp_path):
    sample = tmp_path / "sample.py"
    source = (
        "import os\n"
        "def later():\n"
        "    from PySide6.QtCore import QObject\n"
        "    import importlib\n"
        "    importlib.import_module('ui.launcher')\n"
        "from .storage import db\n"
    )
    sample.write_text(source, encoding="utf-8")
    names = [name for _line, name in imported_names(sample, "app")]
    assert {"os", "PySide6.QtCore", "ui.launcher", "app.storage.db"} <= set(names)


def test_no_module_of_the_core_imports_qt_or_the_window():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _app_files()
        for line, name in imported_names(path)
        if name.split(".")[0] in FORBIDDEN_IN_APP
    ]
    assert offenders == []


def _app_import_graph() -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in _app_files()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for _line, imported in imported_names(path):
            # ``from app.storage import claims``: the module app.storage.claims if there is
            # one, else a name defined in app.storage.
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative enough)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_core():
    """Parent packages are not counted: ``app.storage`` re-exporting ``open_archive`` from
    ``app.storage.db`` is not a cycle with the modules under it."""
    graph = _app_import_graph()
    packages = {name for name in graph if (ROOT / name.replace(".", "/") / "__init__.py").exists()}
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not (t in packages and name.startswith(t + "."))}
    assert _cycles(graph) == []


def test_importing_every_app_module_loads_no_qt_and_no_ui():
    """At run time too (an import hidden from the walker, e.g. a computed name)."""
    modules = [m for m in all_app_modules() if m != "app.__main__"]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"roots = {FORBIDDEN_IN_APP!r}\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in roots)))\n"
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
