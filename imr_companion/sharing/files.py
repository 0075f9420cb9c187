"""Writing a shared file where the person chose: private (0600), and never somewhere unsafe."""

from __future__ import annotations

import stat
from pathlib import Path

from imr_companion.store.storage import write_atomically


class UnsafePlace(ValueError):
    """The chosen place cannot take the file; str() says why in plain words."""


def check_place(path: Path, data_folder: Path) -> Path:
    """`path` made absolute, or UnsafePlace: not inside the data folder, not over a device or folder."""
    path = path.expanduser().absolute()
    resolved = path.resolve()
    data = data_folder.expanduser().absolute().resolve()
    if resolved == data or data in resolved.parents:
        raise UnsafePlace("That is inside the app's own data folder. Please choose another folder.")
    if path.is_dir():
        raise UnsafePlace("That is a folder. Please add a file name at the end.")
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise UnsafePlace("That is not an ordinary file. Please choose a file name.")
    if not path.parent.is_dir():
        raise UnsafePlace(f"There is no folder {path.parent}. Please choose a folder that exists.")
    return path


def write_shared(path: Path, text: str, data_folder: Path) -> Path:
    """Write `text` to `path` (0600, replaced whole), after check_place; returns where it went."""
    path = check_place(path, data_folder)
    write_atomically(path, text.encode("utf-8"))
    return path
