"""Data flows one way (ARCHITECTURE.md).

The import-linter contracts in pyproject.toml hold, and at run time the tools
below the interface start without loading Textual.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CORE = [
    "imr_companion.models",
    "imr_companion.store",
    "imr_companion.store.queries.plan",
    "imr_companion.store.queries.practice",
    "imr_companion.layout.network_map",
    "imr_companion.export",
    "imr_companion.content",
    "imr_companion.progress",
    "imr_companion.doctor",
    "imr_companion.demo",
    "imr_companion.areas",
    "imr_companion.cli",
]


def test_the_import_contracts_hold():
    """Every contract in pyproject.toml: no Textual below the interface, no area reaching into another."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout
    assert "KEPT" in result.stdout


def test_core_modules_do_not_import_textual_at_run_time():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_interface_may_not_import_the_low_level_writers():
    """A contract keeps every file a person names going through store/files/chosen_file.write_chosen."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert any(
        c["type"] == "forbidden"
        and c["source_modules"] == ["imr_companion.ui"]
        and "imr_companion.store.files.storage" in c["forbidden_modules"]
        for c in contracts
    )
