"""The layers point one way: only ui/ knows Qt's widgets, the layers under it know no Qt
at all, and the window opens no database session itself (services/reads.py and
services/operations.py do, off the GUI thread)."""

import ast
from pathlib import Path

import pytest

import leaddesk

PACKAGE = Path(leaddesk.__file__).parent


def _modules(under: str) -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py"))


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _sessions_opened(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"transaction", "session"}]


@pytest.mark.parametrize("layer", ["domain", "db", "services", "importers", "reports"])
def test_a_layer_under_the_window_imports_no_qt(layer: str) -> None:
    offenders = {str(path.relative_to(PACKAGE)): sorted(name for name in _imported(path)
                                                        if name.split(".")[0] == "PySide6")
                 for path in _modules(layer)}
    assert not {path: names for path, names in offenders.items() if names}


@pytest.mark.parametrize("path", _modules("ui"), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_window_opens_no_database_session(path: Path) -> None:
    assert _sessions_opened(path) == []
