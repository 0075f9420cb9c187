"""The data folder itself: making it private, what an interrupted save left in it, whether it can
be written now, and setting aside a data file that cannot be read (where the data file is:
paths.data_file)."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from imr_companion import clock
from imr_companion.i18n import _
from imr_companion.paths import DATA_FILE, data_file
from imr_companion.store.errors import StoreError
from imr_companion.store.files import backups
from imr_companion.store.files.storage import DIR_MODE


class SharedFolder(StoreError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            _(
                "The data folder {folder} can be changed by other users of this computer, so it is "
                "not safe for private notes. Please choose a folder of your own with --data-dir."
            ).format(folder=folder)
        )


class NotAFolder(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            _(
                "{path} is a file, not a folder, so your notes cannot be kept there. "
                "Please choose a folder with --data-dir."
            ).format(path=path)
        )


@dataclass
class Notice:
    """Something the person should hear about when the app opens."""

    text: str
    backup: Path | None = None
    """A backup that could be restored, when the data file was set aside."""


def refuse_a_file(folder: Path) -> None:
    """NotAFolder if `folder`, or the nearest folder above it that exists, is a file."""
    nearest = next(path for path in (folder, *folder.parents) if path.exists())
    if not nearest.is_dir():
        raise NotAFolder(nearest)


def _make_private_dirs(path: Path) -> None:
    """Create `path` and any missing parents, each private to this user (whatever the umask)."""
    missing = []
    while not path.exists() and path != path.parent:
        missing.append(path)
        path = path.parent
    for new in reversed(missing):
        new.mkdir(mode=DIR_MODE, exist_ok=True)
        # mkdir's mode is filtered by the umask; chmod is not.
        os.chmod(new, DIR_MODE)


def prepare_folder(folder: Path) -> list[str]:
    """Create the data folder and its backups folder, private to this user.

    A folder that already exists keeps its permissions: one that others can
    change is refused, one others can read is reported (doctor says how to fix it).
    A link in place of the backups folder is never followed or changed.
    """
    refuse_a_file(folder)
    _make_private_dirs(folder)
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    if mode & 0o002:
        raise SharedFolder(folder)
    remarks = []
    if mode & 0o077:
        remarks.append(
            _(
                "Your data folder can be read by other users of this computer (permissions {mode}). "
                "'imr-companion doctor' shows how to make it private."
            ).format(mode=f"{mode:o}")
        )
    inner = backups.folder(folder)
    if not os.path.lexists(inner):
        inner.mkdir(mode=DIR_MODE)
        os.chmod(inner, DIR_MODE)
    elif not backups.usable(folder):
        remarks.append(
            _(
                "The backups folder inside your data folder is a link or not a folder, so no daily "
                "backups are kept. 'imr-companion doctor' shows more."
            )
        )
    return remarks


# --- what an interrupted save left -----------------------------------------


def leftover_temporary_files(folder: Path) -> list[Path]:
    """Temporary files an interrupted save of the data file left beside it."""
    path = data_file(folder)
    found = set(folder.glob(f".{DATA_FILE}.*.tmp"))
    if path.parent.is_dir():
        found |= set(path.parent.glob(f".{path.name}.*.tmp"))
    return sorted(found)


# --- whether it can be written now -----------------------------------------

_CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM}


def why_not_writable(folder: Path, error: OSError | None = None) -> str | None:
    """None when the app can save in `folder` now; otherwise why not, in plain words.

    `error`: what a first step of opening raised; None when it is not about writing.
    """
    if error is not None and error.errno not in _CANNOT_WRITE:
        return None
    if error is None:
        place = data_file(folder).parent if folder.is_dir() else folder
        if not place.is_dir() or os.access(place, os.W_OK):
            return None
    if (error is not None and error.errno == errno.EROFS) or _on_read_only_disk(folder):
        return _("the disk your data is on is set to read-only")
    return _("this computer does not give you permission to change the data folder")


def _on_read_only_disk(folder: Path) -> bool:
    place = folder
    while not place.exists() and place != place.parent:
        place = place.parent
    try:
        return bool(os.statvfs(place).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def read_only_notice(why: str) -> Notice:
    return Notice(
        _(
            "Your data can be read but not changed just now: {why}. Everything you saved is here to "
            "read, and Help now works as always. Changes cannot be saved until this is put right; "
            "someone you trust can help check the disk or the folder."
        ).format(why=why)
    )


# --- a data file that cannot be read --------------------------------------


def offer_notice(offer: backups.Offer, fresh_text: str | None = None) -> Notice:
    text = fresh_text or _(
        "Your data file could not be opened earlier. It is kept safely as {file} "
        "in your data folder, and nothing was deleted."
    ).format(file=offer.damaged)
    newest = _("Your newest backup is from {when}.").format(when=offer.backup.described)
    return Notice(f"{text} {newest}", offer.backup.path)


def set_aside(folder: Path, path: Path, reason: str) -> Notice:
    """Move an unreadable data file out of the way, never overwriting or deleting it.

    A linked data file is moved as the link: what it points to stays where it is.
    """
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"companion.damaged-{stamp}.json"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"companion.damaged-{stamp}-{counter}.json"
    os.replace(path, target)
    text = _(
        "Your data file could not be opened: {reason}. It was kept safely as "
        "{file} in your data folder, and nothing was deleted."
    ).format(reason=reason, file=target.name)
    offer = backups.remember_offer(folder, target)
    return offer_notice(offer, text) if offer else Notice(text)
