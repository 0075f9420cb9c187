"""Writing a file where the person chose (an export, a shared page, a copy): private, never somewhere unsafe.

One rule for the command line and the app: a new path or an ordinary file,
never a link, a folder or a device node (run as an administrator, an export
once replaced the system's null device), and never inside the data folder,
whose files belong to the app and are written under its lock. Always UTF-8:
the caller gives text, never bytes in an encoding of its own, so æ, ø and å
arrive as written. The interface may not import the store's low-level writers
(a contract in pyproject.toml): this is its only way to write a file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from imr_companion.store.errors import StoreError
from imr_companion.store.storage import write_atomically


class UnsafePlace(StoreError):
    """The chosen place cannot take the file; str() says why in plain words. Nothing was written."""


def check_place(path: Path, data_folder: Path) -> Path:
    """`path` made absolute, or UnsafePlace."""
    path = path.expanduser().absolute()
    data = data_folder.expanduser().absolute().resolve()
    resolved = path.resolve()
    if resolved == data or data in resolved.parents or data in path.parent.resolve().parents:
        raise UnsafePlace(
            "That is inside the app's own data folder. Please choose another folder. Nothing was written."
        )
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise UnsafePlace("That is a folder. Please add a file name at the end. Nothing was written.")
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise UnsafePlace(
            f"{path} is not an ordinary file (it may be a link or a device), so it was not replaced. "
            "Please choose a new file name."
        )
    if not path.parent.is_dir():
        raise UnsafePlace(f"There is no folder {path.parent}. Please choose a folder that exists.")
    return path


def write_chosen(path: Path, text: str, data_folder: Path) -> Path:
    """Write `text` to `path` in UTF-8 (0600, replaced whole) after check_place; returns where it went."""
    data = text.encode("utf-8")
    path = check_place(path, data_folder)
    write_atomically(path, data)
    return path
