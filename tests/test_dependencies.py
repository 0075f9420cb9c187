"""The dependencies in pyproject.toml are the ones the code uses, each with a floor CI installs."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _floors():
    spec = importlib.util.spec_from_file_location("floors", ROOT / ".ci" / "floors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_dependency_has_a_floor_the_floor_run_pins():
    floors = _floors()
    pinned = floors.constraints().splitlines()
    assert len(pinned) == len(floors.requirements())
    for requirement, line in zip(floors.requirements(), pinned, strict=True):
        name, version = floors.floor(requirement)
        assert line == f"{name}=={version}" and re.fullmatch(r"[0-9][0-9.]*", version), requirement


def test_a_requirement_without_a_floor_is_refused(tmp_path: Path):
    floors = _floors()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[build-system]\nrequires = ["hatchling>=1.26.3"]\n'
        '[project]\ndependencies = ["textual<9"]\n[project.optional-dependencies]\ntest = []\n'
    )
    try:
        floors.constraints(pyproject)
    except ValueError as error:
        assert "textual<9" in str(error)
    else:
        raise AssertionError("a requirement without a floor was accepted")


# Installed with a declared one at the exact version it needs: pydantic pins the
# pydantic-core it is built on, whose PydanticCustomError pydantic's docs import.
COMES_WITH = {"pydantic-core": "pydantic"}


def test_every_package_the_app_imports_is_declared():
    declared = {_name(requirement) for requirement in _floors().requirements()}
    declared |= {part for part, whole in COMES_WITH.items() if whole in declared}
    imported: set[str] = set()
    for path in (ROOT / "imr_companion").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.partition(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.partition(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"imr_companion"}
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module)
        for module in third_party
        if not {_name(d) for d in distributions.get(module, [module])} & declared
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"
