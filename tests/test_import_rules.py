"""The import rules of docs/architecture.md, read from the source: imports point one way, and Qt stays in ui/."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "playground"
QT = ("PySide6", "pyqtgraph", "superqt", "qtpy", "shiboken6")
# Which parts of the package each part may import: ui -> session -> project -> engine, data -> the
# leaves (errors, resources and words), with the command-line modules on top. Every module is one of these.
LEAVES = {"errors", "resources", "words"}
ALLOWED = {
    "errors": set(),
    "resources": set(),
    "words": set(),
    "engine": {"engine"},
    "data": {"data"},
    "project": {"project", "engine", "data"},
    "session": {"session", "project", "engine", "data"},
    "ui": {"ui", "session", "project", "engine", "data"},
    "cli_inputs": {"data"},
    "system_libraries": set(),
    "benchmark": {"engine"},
    "training_cli": {"cli_inputs", "session", "project", "engine", "data"},
    "cli": {"cli", "cli_inputs", "training_cli", "benchmark", "system_libraries", "ui", "session", "project", "engine",
            "data"},
}
NO_QT = set(ALLOWED) - {"ui", "cli"}  # cli opens the window, importing ui only when asked to


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


def files_of(part: str) -> list[Path]:
    folder = PACKAGE / part
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{part}.py"]


def part_of(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def module_of(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_module_belongs_to_a_part_with_rules():
    assert {part_of(path) for path in PACKAGE.rglob("*.py")} - {"__init__", "__main__"} <= set(ALLOWED)


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_imports_point_one_way_and_qt_stays_in_ui(part):
    for path in files_of(part):
        for name in imports_of(path):
            top = name.split(".")[0]
            if part in NO_QT:
                assert top not in QT, f"{path} imports {name}: Qt belongs in playground/ui only"
            if top == "playground":
                target = name.split(".")[1] if "." in name else ""
                if not files_of(target)[0].exists():
                    continue  # a name of the package's own __init__, such as __version__: a leaf
                assert target in ALLOWED[part] | LEAVES, f"{path} imports {name}, against docs/architecture.md"


def test_no_module_imports_itself_back_through_others():
    """A cycle anywhere (imports inside functions included) fails, with the modules that form it."""
    modules = {module_of(path): path for path in PACKAGE.rglob("*.py")}

    def module(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    def depends_on(path: Path) -> set[str]:
        """The modules a file imports; `from playground.ui import stepper` names the submodule alone."""
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {module(alias.name) for alias in node.names if alias.name.startswith("playground")}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and \
                    node.module.startswith("playground"):
                found |= {f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules
                          else module(node.module) for alias in node.names}
        return found

    graph = {name: depends_on(path) - {name, None} for name, path in modules.items()}
    for start in graph:
        seen, path = set(), [start]
        stack = [(start, iter(sorted(graph[start])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                seen.add(node)
                continue
            assert child != start, f"import cycle: {' -> '.join([*path, start])}"
            if child not in seen and child not in path:
                path.append(child)
                stack.append((child, iter(sorted(graph[child]))))


def test_the_engine_exists_and_is_checked():
    assert len(files_of("engine")) >= 10


@pytest.mark.parametrize("name", ["layers.py", "blocks.py", "image_layers.py", "activations.py", "losses.py",
                                  "optimizers.py"])
def test_engine_math_takes_its_array_module_from_the_backend(name):
    assert "numpy" not in [n.split(".")[0] for n in imports_of(PACKAGE / "engine" / name)]


@pytest.mark.parametrize("name", ["phases.py", "image_common.py", "image_forward.py", "image_backward.py",
                                  "chain_rule.py", "notation.py"])
def test_the_stepper_logic_needs_no_qt(name):
    """What a phase shows is worked out from the trace alone; only the stepper's widgets are Qt."""
    assert not [imported for imported in imports_of(PACKAGE / "ui" / "stepper" / name)
                if imported.split(".")[0] in QT]
