"""The only code that touches the disk. Never imports Textual."""

from typing import TYPE_CHECKING

from imr_companion.store.database import Database, Notice
from imr_companion.store.errors import AlreadyOpen, NewerData, SaveError, StoreError

if TYPE_CHECKING:
    from imr_companion.store.repository import Repository

__all__ = ["AlreadyOpen", "Database", "NewerData", "Notice", "Repository", "SaveError", "StoreError"]


def __getattr__(name: str) -> object:
    # Repository (and the older years it reads) is imported when first asked for: the app's first
    # frame opens the data folder but reads no table (~0.7 ms less before it).
    if name == "Repository":
        from imr_companion.store.repository import Repository

        globals()["Repository"] = Repository
        return Repository
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
