"""The extraction core's shape: small modules, and no module reaching into another's privates."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parent.parent / "service" / "extraction"
MODULES = sorted(CORE.rglob("*.py"))
MAX_LINES = 300
# The field packages: each fills one response field and exports extract_<field>.
FIELDS = ("actors", "dates", "figures", "locations", "quotes")


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _defined_here(tree: ast.Module) -> set[str]:
    """Every underscore name this module defines: functions, classes, constants, attributes."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {n for n in names if _private(n)}


def _foreign_privates(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _defined_here(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found += [f"import {a.name}" for a in node.names if _private(a.name)]
        elif isinstance(node, ast.Attribute) and _private(node.attr) and node.attr not in own:
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_layout_module_is_at_most_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_layout_module_uses_no_other_modules_underscore_names(path):
    assert _foreign_privates(path) == []


def test_layout_no_field_module_is_left_flat():
    flat = [p.name for p in CORE.glob("*.py")
            if p.name.startswith(("actor", "entity", "figure", "temporal", "quote", "speaker"))]
    assert flat == []


@pytest.mark.parametrize("field", FIELDS)
def test_layout_field_package_exports_its_extractor(field):
    package = __import__(f"service.extraction.{field}", fromlist=["*"])
    assert callable(getattr(package, f"extract_{field}"))
