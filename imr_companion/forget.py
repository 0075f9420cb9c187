"""Delete everything: the data, its backups, the settings (kept in the data file) and the lock.

Only files the app itself makes are removed, so a data folder given by
mistake (a home folder, say) loses nothing else. Deleting a file does not
wipe the disk: the words the person was told say so honestly.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from imr_companion.paths import BACKUP_DIR, DATA_FILE, LOCK_FILE

HONEST = (
    "Deleted files may still be recoverable from the disk for a while, as with any deleted file. "
    "If that matters, ask someone you trust about wiping the disk or using disk encryption."
)

_OURS = re.compile(
    r"^(companion\.json|companion\.damaged-[\d-]+\.json|\.companion\.json\..*\.tmp|\.companion\.lock)$"
)
_BACKUP = re.compile(r"^(companion-.*\.json|\.companion-.*\.json\..*\.tmp)$")


def what_would_go(folder: Path) -> list[Path]:
    """Every file delete-everything would remove, backups first."""
    found: list[Path] = []
    backups = folder / BACKUP_DIR
    if backups.is_dir():
        found += sorted(p for p in backups.iterdir() if p.is_file() and _BACKUP.match(p.name))
    if folder.is_dir():
        found += sorted(p for p in folder.iterdir() if p.is_file() and _OURS.match(p.name))
    return found


def forget(folder: Path) -> int:
    """Remove the app's files from `folder` and the folders when left empty; return how many files went."""
    gone = 0
    for path in what_would_go(folder):
        # The lock goes last: while it exists, no second app starts writing meanwhile.
        if path.name == LOCK_FILE:
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            gone += 1
    for path in (folder / LOCK_FILE,):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            gone += 1
    for empty in (folder / BACKUP_DIR, folder):
        with contextlib.suppress(OSError):
            os.rmdir(empty)
    return gone


def holds_data(folder: Path) -> bool:
    return (folder / DATA_FILE).exists() or bool(what_would_go(folder))
