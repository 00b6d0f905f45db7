"""The window's imports run one way: models, widgets, panes, dialogs, the window's parts, then
the window; and no class in ``ui/`` is assembled from mixins. Checked on the source, every
import statement at any depth (``tests/app/test_layering.py`` holds the core's rules)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.app.test_layering import imported_names

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"

# Lower layers never import higher ones. Modules not listed are the session's plumbing
# (``ui.database``, ``ui.tasks``, ``ui.jobs``, ``ui.i18n``…): layer 0, usable by all.
LAYERS = {
    "ui.models": 1,
    "ui.widgets": 2,
    "ui.panes": 3,
    "ui.dialogs": 4,
    "ui.window": 5,
    "ui.main_window": 6,
    "ui.actions": 6,
    "ui.app": 7,
    "ui.launcher": 8,
}


def layer_of(module: str) -> int:
    while module:
        if module in LAYERS:
            return LAYERS[module]
        module = module.rpartition(".")[0]
    return 0


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def upward_imports(path: Path) -> list[str]:
    module = _module(path)
    own = layer_of(module)
    found = []
    for line, name in imported_names(path):
        if name.startswith("ui.") and layer_of(name) > own:
            found.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return found


def test_ui_imports_run_one_way() -> None:
    upward = [problem for path in ui_files() for problem in upward_imports(path)]
    assert upward == []


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    model = UI / "models" / "claims_model.py"
    assert layer_of("ui.models.claims_model") < layer_of("ui.panes.claims_pane")
    fake = tmp_path / "fake.py"
    fake.write_text("def f():\n    from ui.panes.claims_pane import ClaimsPane\n")
    names = [name for _line, name in imported_names(fake, package="ui.models")]
    assert "ui.panes.claims_pane.ClaimsPane" in names
    assert upward_imports(model) == []


def mixin_classes(source: str) -> list[str]:
    """Classes with more than one base, or named or based on a ``…Mixin``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            bases = [ast.unparse(base) for base in node.bases]
            if len(bases) > 1 or any(n.endswith("Mixin") for n in [node.name, *bases]):
                found.append(node.name)
    return found


@pytest.mark.parametrize("path", ui_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_class_in_ui_is_assembled_from_mixins(path: Path) -> None:
    assert mixin_classes(path.read_text(encoding="utf-8")) == []


def test_the_mixin_check_sees_one() -> None:
    source = (
        "class EditsMixin:\n    pass\n\n"
        "class W(EditsMixin):\n    pass\n\n"
        "class V(A, B):\n    pass\n\n"
        "class Fine(QObject):\n    pass\n"
    )
    assert mixin_classes(source) == ["EditsMixin", "W", "V"]
