"""The only code that touches the disk. Never imports Textual."""

from imr_companion.store.database import Database, Notice
from imr_companion.store.errors import AlreadyOpen, NewerData, SaveError, StoreError
from imr_companion.store.repository import Repository

__all__ = ["AlreadyOpen", "Database", "NewerData", "Notice", "Repository", "SaveError", "StoreError"]
