"""The storage and model layers never import Textual (DESIGN.md: data flows one way)."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "imr_companion.models",
    "imr_companion.store",
    "imr_companion.export",
    "imr_companion.content",
    "imr_companion.progress",
    "imr_companion.doctor",
    "imr_companion.demo",
    "imr_companion.cli",
]


def test_core_modules_do_not_import_textual():
    code = (
        "import sys, importlib\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
