"""Small modules in small folders: no module over 400 lines, no folder over 15 modules.

A module that grows past 400 lines is split along its jobs; a folder past 15
modules is grouped into subpackages by job, with honest names (ARCHITECTURE.md
"Folders" says what each holds).
"""

from __future__ import annotations

from pathlib import Path

import imr_companion

PACKAGE = Path(imr_companion.__file__).parent
MOST_LINES = 400
MOST_MODULES = 15


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_400_lines() -> None:
    modules = {path.relative_to(PACKAGE).as_posix(): _lines(path) for path in PACKAGE.rglob("*.py")}
    too_long = {name: lines for name, lines in modules.items() if lines > MOST_LINES}
    assert too_long == {}, f"more than {MOST_LINES} lines: split them along their jobs"


def test_no_folder_over_15_modules() -> None:
    folders = {PACKAGE, *(path.parent for path in PACKAGE.rglob("*.py"))}
    crowded = {
        folder.relative_to(PACKAGE.parent).as_posix(): count
        for folder in folders
        if (count := len(list(folder.glob("*.py")))) > MOST_MODULES
    }
    assert crowded == {}, f"more than {MOST_MODULES} modules (with __init__.py): group them by job"
