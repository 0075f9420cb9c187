"""Problems the store reports in words a person can act on.

Messages never include what the person wrote: they may end up on a screen
beside someone else, or in a terminal's scroll-back.
"""

from __future__ import annotations

import errno
from pathlib import Path

_PLAIN = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the space you may use on this disk is used up",
    errno.EROFS: "the disk is set to read-only",
    errno.EACCES: "this computer did not give permission",
    errno.EPERM: "this computer did not give permission",
    errno.EIO: "the disk reported an error",
}


def plain_reason(error: OSError, otherwise: str = "the disk did not accept it") -> str:
    """What went wrong with the disk, in plain words (never a file name: it may say who this is)."""
    return _PLAIN.get(error.errno or 0, otherwise)


class StoreError(Exception):
    """Base for problems with the data folder; str() is a calm, plain sentence."""


class SaveError(StoreError):
    """A save that did not happen; str() is for a screen, where what was typed stays in its field.

    `reason` alone is for places where nothing was typed (the command line).
    """

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        detail = f" ({reason})" if reason else ""
        super().__init__(
            "That could not be saved just now" + detail + ". What you wrote is still here; "
            "please try again in a moment."
        )


class CannotSaveNow(SaveError):
    """The data folder cannot be written to at all now (a read-only disk, no permission)."""

    def __init__(self, why: str) -> None:
        self.reason = why
        StoreError.__init__(
            self,
            f"This cannot be saved just now: {why}. What you wrote is still here on the screen, "
            "but it will not be kept when the app closes.",
        )


class AlreadyOpen(StoreError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"IMR Companion is already open in another window (data folder: {folder}). "
            "Please use that window, or close it first."
        )


class NewerData(StoreError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"This data was saved by a newer version of IMR Companion (data version {found}; "
            f"this version knows up to {known}). Nothing was changed. Please update the app."
        )
