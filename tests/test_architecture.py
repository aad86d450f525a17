"""The folder layout is the pipeline: a stage imports only the stages before it.

text → places → claims → estimates → checks → maps, on a foundation every stage may use (the data
model, the errors, geodesy); the pipeline runs the stages, corrections re-run the pipeline, and the
command line and batch sit on top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import geokit

PACKAGE = Path(geokit.__file__).parent

#: Each top-level module or folder of the package and its layer; a module imports only its own
#: layer and those below it.
LAYERS = {
    "__init__": 99,
    "_lazy": 0,
    "_data": 0,
    "errors": 0,
    "geo": 0,
    "kinds": 0,
    "resources": 0,
    "model": 0,
    "text": 1,
    "places": 2,
    "claims": 3,
    "estimates": 4,
    "checks": 5,
    "maps": 6,
    "frames": 7,
    "pipeline": 7,
    "corrections": 8,
    "batch": 9,
    "cli": 9,
}


def _layer_of(name: str) -> str:
    return name.split(".")[1] if name.startswith("geokit.") else ""


def _imports(path: Path) -> list[str]:
    """Every geokit module a file imports, at its top or inside a function."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
        elif isinstance(node, ast.Import):
            out += [alias.name for alias in node.names]
    return [name for name in out if name.startswith("geokit.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    unknown = {p.relative_to(PACKAGE).with_suffix("").parts[0] for p in MODULES} - set(LAYERS)
    assert not unknown, f"add these to LAYERS in {__file__}: {sorted(unknown)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_imports_only_earlier_stages(path: Path) -> None:
    own = path.relative_to(PACKAGE).with_suffix("").parts[0]
    later = [name for name in _imports(path) if LAYERS.get(_layer_of(name), 99) > LAYERS[own]]
    assert not later, f"{own} (layer {LAYERS[own]}) imports later stages: {later}"
