"""Print a pip constraints file pinning every dependency at its declared floor.

Read from pyproject.toml (the build backend, the runtime dependencies and the
test extra), so the floors tested by .ci/run are always the ones declared.
Every requirement must have a floor (`>=` or `==`): one without is an error.

    python3 .ci/floors.py > constraints.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def requirements(pyproject: Path = PYPROJECT) -> list[str]:
    """Every requirement the floor run installs: build backend, runtime, test extra."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return [
        *data["build-system"]["requires"],
        *data["project"]["dependencies"],
        *data["project"]["optional-dependencies"]["test"],
    ]


def floor(requirement: str) -> tuple[str, str]:
    """(name, lowest version allowed) of one requirement such as 'pydantic>=2.11.5,<3'."""
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, specifiers = match.group(1), match.group(2)
    for specifier in specifiers.split(","):
        specifier = specifier.strip()
        for operator in ("==", ">="):
            if specifier.startswith(operator):
                return name, specifier.removeprefix(operator).strip()
    raise ValueError(f"{requirement!r} has no floor (>= or ==): the floor run cannot pin it")


def constraints(pyproject: Path = PYPROJECT) -> str:
    return "".join(f"{name}=={version}\n" for name, version in map(floor, requirements(pyproject)))


if __name__ == "__main__":
    try:
        sys.stdout.write(constraints())
    except ValueError as error:
        sys.exit(f"pyproject.toml: {error}")
