"""Problems the store reports in words a person can act on.

Messages never include what the person wrote: they may end up on a screen
beside someone else, or in a terminal's scroll-back.
"""

from __future__ import annotations

import errno
from pathlib import Path

from imr_companion.i18n import N_, _

_PLAIN = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the space you may use on this disk is used up"),
    errno.EROFS: N_("the disk is set to read-only"),
    errno.EACCES: N_("this computer did not give permission"),
    errno.EPERM: N_("this computer did not give permission"),
    errno.EIO: N_("the disk reported an error"),
    errno.ENOENT: N_("the file or folder is not there"),
}


def plain_reason(error: OSError, otherwise: str | None = None) -> str:
    """What went wrong with the disk, in plain words (never a file name: it may say who this is).

    `otherwise` (already in the person's language) when the disk's error has no plain words.
    """
    if error.errno in _PLAIN:
        return _(_PLAIN[error.errno])
    return otherwise if otherwise is not None else _("the disk did not accept it")


class StoreError(Exception):
    """Base for problems with the data folder; str() is a calm, plain sentence."""


class Unreadable(StoreError):
    """The content is not a document we can trust; str() says why, plainly.

    Here rather than in gate.py (which names it too), so that codec.py can raise it.
    """


class SaveError(StoreError):
    """A save that did not happen; str() is for a screen, where what was typed stays in its field.

    `reason` alone is for places where nothing was typed (the command line).
    """

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        if reason:
            words = _(
                "That could not be saved just now ({reason}). What you wrote is still here; "
                "please try again in a moment."
            ).format(reason=reason)
        else:
            words = _(
                "That could not be saved just now. What you wrote is still here; "
                "please try again in a moment."
            )
        super().__init__(words)


class CannotSaveNow(SaveError):
    """The data folder cannot be written to at all now (a read-only disk, no permission)."""

    def __init__(self, why: str) -> None:
        self.reason = why
        StoreError.__init__(
            self,
            _(
                "This cannot be saved just now: {why}. What you wrote is still here on the screen, "
                "but it will not be kept when the app closes."
            ).format(why=why),
        )


class FileChanged(StoreError):
    """The data file no longer holds what this app read or wrote there: another program (or a copy
    by hand) changed it while the app was open. What it holds now is not read as this app's
    (files/years.py); a save says ChangedElsewhere."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Your data file was changed outside IMR Companion while it was open, so the app stopped "
                "reading it and wrote nothing over it. Open the app again to see the data file as it is now."
            )
        )


class ChangedElsewhere(SaveError):
    """A save refused because of FileChanged: nothing is written over the changed file."""

    def __init__(self) -> None:
        self.reason = _("the data file was changed outside IMR Companion while it was open")
        StoreError.__init__(
            self,
            _(
                "This could not be saved: your data file was changed outside IMR Companion while it "
                "was open, so the app left the file as it is. What you wrote is still here on the "
                "screen, but it will not be kept when the app closes. Open the app again to see the "
                "data file as it is now."
            ),
        )


class AlreadyOpen(StoreError):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            _(
                "IMR Companion is already open in another window (data folder: {folder}). "
                "Please use that window, or close it first."
            ).format(folder=folder)
        )


class NewerData(StoreError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            _(
                "This data was saved by a newer version of IMR Companion (data version {found}; "
                "this version knows up to {known}). Nothing was changed. Please update the app."
            ).format(found=found, known=known)
        )
