"""Delete everything: the data, its backups, the settings (kept in the data file), the keys file,
the lock, the temporary copies an interrupted save, backup, import or restore left, and the crash reports.

Only files the app itself makes are removed, so a data folder given by
mistake (a home folder, say) loses nothing else. A data file kept elsewhere
and linked into the folder goes too, when it holds IMR Companion data.
Deleting a file does not wipe the disk: the words the person is told say so
honestly.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from imr_companion.crash import REPORTS
from imr_companion.i18n import N_, _
from imr_companion.paths import BACKUP_DIR, DATA_FILE, KEYS_FILE, LOCK_FILE, data_file

HONEST = N_(
    "Deleted files may still be recoverable from the disk for a while, as with any deleted file. "
    "If that matters, ask someone you trust about wiping the disk or using disk encryption."
)
"""Said after deleting, through `_()` where it is shown."""

_OURS = re.compile(
    r"^(companion\.json|companion\.damaged-[\d-]+\.json|\.companion\.json\..*\.tmp|\.companion\.lock|keys\.toml)$"
)
# Backups, the note of which one is offered, and the temporary files a backup, an import
# or a restore writes first (each a full copy of the data until it is finished).
_BACKUP = re.compile(r"^(companion-.*\.json|restore-offer\.json|\..+\.tmp)$")
_REPORT = re.compile(r"^crash-[\d-]+\.txt$")

# One line per kind of file, said before anything is deleted.
KINDS = ("data", "linked", "damaged", "backups", "temporary", "reports", "keys", "app")


def kind_words(kind: str, count: int, where: Path) -> str:
    if kind == "data":
        return _("Your data file.")
    if kind == "linked":
        return _("Your data file kept elsewhere, at {where}.").format(where=where)
    if kind == "damaged":
        return _("Data files set aside earlier because they could not be opened: {count}.").format(
            count=count
        )
    if kind == "backups":
        return _("Backups: {count}.").format(count=count)
    if kind == "temporary":
        return _(
            "Unfinished temporary copies of your data, left by an interrupted save, backup, import "
            "or restore: {count}."
        ).format(count=count)
    if kind == "keys":
        return _("Your own choice of keys ({name}).").format(name=where.name)
    if kind == "reports":
        return _("Crash reports (they hold no personal text): {count}.").format(count=count)
    return _("The app's own small files (its lock, the note of which backup to offer): {count}.").format(
        count=count
    )


def _kind(path: Path, folder: Path) -> str:
    name = path.name
    if path.parent == folder / REPORTS:
        return "reports"
    if name.endswith(".tmp"):
        return "temporary"
    if name == KEYS_FILE and path.parent == folder:
        return "keys"
    if name in (LOCK_FILE, "restore-offer.json"):
        return "app"
    if name.startswith("companion.damaged-"):
        return "damaged"
    if path.parent == folder / BACKUP_DIR:
        return "backups"
    return "data" if path.parent == folder else "linked"


def _files(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    if not folder.is_dir() or folder.is_symlink():
        return []
    return sorted(p for p in folder.iterdir() if pattern.match(p.name) and (p.is_symlink() or not p.is_dir()))


def _linked_data(folder: Path) -> list[Path]:
    """The file companion.json links to, and its unfinished temporary files, when it holds our data."""
    from imr_companion.store import gate
    from imr_companion.store.files import codec

    link = folder / DATA_FILE
    if not link.is_symlink():
        return []
    target = data_file(folder)
    try:
        if not target.is_file():
            return []
        raw = codec.read_raw(target)
        # Locked with a passphrase: its header says it is ours, and forget needs no passphrase.
        if not codec.is_sealed(raw) and not set(gate.parse_document(raw)) & gate.KNOWN_TABLES:
            return []
    except (OSError, gate.Unreadable):
        return []
    return [target, *sorted(target.parent.glob(f".{target.name}.*.tmp"))]


def what_would_go(folder: Path) -> list[Path]:
    """Every file delete-everything would remove, backups first."""
    return [
        *_files(folder / BACKUP_DIR, _BACKUP),
        *_files(folder / REPORTS, _REPORT),
        *_linked_data(folder),
        *_files(folder, _OURS),
    ]


def described(folder: Path, paths: list[Path] | None = None) -> list[str]:
    """What `paths` (default: what_would_go) are, one line per kind, for the person to read first."""
    counts: dict[str, list[Path]] = {}
    for path in what_would_go(folder) if paths is None else paths:
        counts.setdefault(_kind(path, folder), []).append(path)
    return [kind_words(kind, len(counts[kind]), counts[kind][0]) for kind in KINDS if kind in counts]


def forget(folder: Path) -> int:
    """Remove the app's files from `folder` and the folders when left empty; return how many files went."""
    gone = 0
    for path in what_would_go(folder):
        # The lock goes last: while it exists, no second app starts writing meanwhile.
        if path.name == LOCK_FILE and path.parent == folder:
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            gone += 1
    for path in (folder / LOCK_FILE,):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            gone += 1
    for empty in (folder / BACKUP_DIR, folder / REPORTS, folder):
        with contextlib.suppress(OSError):
            os.rmdir(empty)
    return gone


def holds_data(folder: Path) -> bool:
    return (folder / DATA_FILE).exists() or bool(what_would_go(folder))
