"""The import rules of docs/architecture.md, read from the source: imports point one way, and Qt stays in ui/."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
QT = ("PySide6", "pyqtgraph", "superqt", "qtpy", "shiboken6")
# Which parts of the package each layer may import (errors and resources are leaves anyone may use).
ALLOWED = {
    "engine": {"engine"},
    "data": {"data"},
    "project": {"project", "engine", "data"},
    "session": {"session", "project", "engine", "data"},
}
LEAVES = {"errors", "resources"}


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "playground":
            names += [f"playground.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def files_of(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_downward_and_no_qt(layer):
    for path in files_of(layer):
        for name in imports_of(path):
            top = name.split(".")[0]
            assert top not in QT, f"{path} imports {name}: Qt belongs in playground/ui only"
            if top == "playground":
                part = name.split(".")[1] if "." in name else ""
                assert part in ALLOWED[layer] | LEAVES, f"{path} imports {name}, against docs/architecture.md"


def test_the_engine_exists_and_is_checked():
    assert len(files_of("engine")) >= 10


@pytest.mark.parametrize("name", ["layers.py", "blocks.py", "activations.py", "losses.py", "optimizers.py"])
def test_engine_math_takes_its_array_module_from_the_backend(name):
    assert "numpy" not in [n.split(".")[0] for n in imports_of(PACKAGE / "engine" / name)]


def test_the_stepper_phase_logic_needs_no_qt():
    """What a phase shows is worked out from the trace alone; only the stepper's widgets are Qt."""
    assert not [name for name in imports_of(PACKAGE / "ui" / "stepper" / "phases.py") if name.split(".")[0] in QT]
