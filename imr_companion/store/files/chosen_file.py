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

from imr_companion.i18n import _
from imr_companion.paths import data_file
from imr_companion.store.errors import StoreError
from imr_companion.store.files import codec
from imr_companion.store.files.storage import write_atomically

MAX_READ = 256 * 1024 * 1024
"""The most read from a file a person names (an export or a backup to bring in): thirty years
of data make about 15 MB, so nothing real comes near."""


class UnsafePlace(StoreError):
    """The chosen place cannot take the file; str() says why in plain words. Nothing was written."""


def check_place(path: Path, data_folder: Path) -> Path:
    """`path` made absolute, or UnsafePlace."""
    path = path.expanduser().absolute()
    data = data_folder.expanduser().absolute().resolve()
    resolved = path.resolve()
    if resolved == data or data in resolved.parents or data in path.parent.resolve().parents:
        raise UnsafePlace(
            _("That is inside the app's own data folder. Please choose another folder. Nothing was written.")
        )
    if resolved == data_file(data_folder.expanduser().absolute()).resolve():
        # A data file kept elsewhere and linked into the data folder is still the data file.
        raise UnsafePlace(
            _("That is the app's own data file. Please choose another name. Nothing was written.")
        )
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise UnsafePlace(_("That is a folder. Please add a file name at the end. Nothing was written."))
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise UnsafePlace(
            _(
                "{file} is not an ordinary file (it may be a link or a device), so it was not replaced. "
                "Please choose a new file name."
            ).format(file=path)
        )
    if not path.parent.is_dir():
        raise UnsafePlace(
            _("There is no folder {folder}. Please choose a folder that exists.").format(folder=path.parent)
        )
    return path


def write_chosen(path: Path, text: str, data_folder: Path) -> Path:
    """Write `text` to `path` in UTF-8 (0600, replaced whole) after check_place; returns where it went."""
    data = text.encode("utf-8")
    path = check_place(path, data_folder)
    write_atomically(path, data)
    return path


def copy_chosen(path: Path, content: bytes, data_folder: Path) -> Path:
    """A copy of the data's plain bytes at `path` (check_place), sealed as the data is: backup --output."""
    path = check_place(path, data_folder)
    codec.put_raw(path, codec.sealed(content))
    return path


def read_chosen(path: Path, limit: int = MAX_READ) -> bytes:
    """The bytes of the ordinary file at `path` (an export or a backup to bring in), or UnsafePlace.

    A pipe, a device or a folder is refused without waiting on it or reading it
    (an import once read from a device without end), as is a file over `limit`.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise UnsafePlace(
                _(
                    "{file} is not an ordinary file (it may be a folder, a device or a pipe), "
                    "so it was not read. Nothing was changed."
                ).format(file=path)
            )
        pieces, size = [], 0
        while piece := os.read(fd, 1024 * 1024):
            size += len(piece)
            if size > limit:
                raise UnsafePlace(
                    _(
                        "{file} is far larger than any IMR Companion export or backup, so it was not "
                        "read. Nothing was changed."
                    ).format(file=path)
                )
            pieces.append(piece)
        return b"".join(pieces)
    finally:
        os.close(fd)
