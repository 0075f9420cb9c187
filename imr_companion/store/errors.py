"""Problems the store reports in words a person can act on.

Messages never include what the person wrote: they may end up on a screen
beside someone else, or in a terminal's scroll-back.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base for problems with the data folder; str() is a calm, plain sentence."""


class SaveError(StoreError):
    def __init__(self, reason: str = "") -> None:
        detail = f" ({reason})" if reason else ""
        super().__init__(
            "That could not be saved just now" + detail + ". What you wrote is still here; "
            "please try again in a moment."
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
