"""Opening the data folder: lock, load, check, upgrade, back up, set aside what is damaged."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from imr_companion import clock
from imr_companion.paths import DATA_FILE
from imr_companion.store import backups, file_head, gate
from imr_companion.store.errors import NewerData, SaveError, StoreError
from imr_companion.store.gate import (
    META,
    QUARANTINE,
    SETTINGS,
    Document,
    Unreadable,
    parse_document,
    read_document,
    schema_version,
)
from imr_companion.store.lock import WriterLock
from imr_companion.store.migrations import SCHEMA_VERSION, upgrade
from imr_companion.store.storage import DIR_MODE, AtomicStorage, encode, holds_non_finite, write_atomically
from imr_companion.tables import RECORD_TABLE_NAMES

if TYPE_CHECKING:
    from tinydb import TinyDB

    from imr_companion.models import Settings

# pydantic and the models are imported where they are used: the app opens the
# data before its first frame, and validating waits until after it.
T = TypeVar("T")

__all__ = [
    "QUARANTINE",
    "SETTINGS",
    "Database",
    "Document",
    "Notice",
    "Unreadable",
    "parse_document",
    "schema_version",
]


class SharedFolder(StoreError):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"The data folder {folder} can be changed by other users of this computer, so it is "
            "not safe for private notes. Please choose a folder of your own with --data-dir."
        )


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
    _make_private_dirs(folder)
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    if mode & 0o002:
        raise SharedFolder(folder)
    remarks = []
    if mode & 0o077:
        remarks.append(
            f"Your data folder can be read by other users of this computer (permissions {mode:o}). "
            f"'imr-companion doctor' shows how to make it private."
        )
    inner = backups.folder(folder)
    if not os.path.lexists(inner):
        inner.mkdir(mode=DIR_MODE)
        os.chmod(inner, DIR_MODE)
    elif not backups.usable(folder):
        remarks.append(
            "The backups folder inside your data folder is a link or not a folder, so no daily "
            "backups are kept. 'imr-companion doctor' shows more."
        )
    return remarks


def _read_file(folder: Path) -> bytes | None:
    """The data file's bytes, or None when there is none yet."""
    try:
        return (folder / DATA_FILE).read_bytes()
    except FileNotFoundError:
        return None


def set_meta(document: Document) -> None:
    document[META] = {"1": {"schema_version": SCHEMA_VERSION}}


def new_document() -> Document:
    document: Document = {}
    set_meta(document)
    return document


@dataclass
class Notice:
    """Something the person should hear about when the app opens."""

    text: str
    backup: Path | None = None
    """A backup that could be restored, when the data file was set aside."""


def _offer_notice(offer: backups.Offer, fresh_text: str | None = None) -> Notice:
    text = fresh_text or (
        f"Your data file could not be opened earlier. It is kept safely as {offer.damaged} "
        "in your data folder, and nothing was deleted."
    )
    return Notice(text + f" Your newest backup is from {offer.backup.described}.", offer.backup.path)


def _set_aside_notice(moved: int) -> Notice:
    return Notice(
        f"{moved} saved {'entry' if moved == 1 else 'entries'} could not be read and "
        "were set aside safely inside your data file. Nothing was deleted. "
        "'imr-companion doctor' shows more."
    )


@dataclass
class Database:
    folder: Path
    _storage: AtomicStorage | None
    lock: WriterLock | None
    notices: list[Notice] = field(default_factory=list)
    _tinydb: TinyDB | None = None
    _backup_checked: date | None = None
    _odd_values: bool = False
    _head: dict[str, Any] | None = None
    """The tables at the head of the file while the rest waits (open(defer_read=True))."""
    _check_when_read: bool = False
    together_with: str | None = None
    """The contact person beside the person while filling in together (set by the app, never saved):
    what the repositories add or change meanwhile is marked with it (store/together_mark.py)."""

    @classmethod
    def open(cls, folder: Path, *, defer_check: bool = False, defer_read: bool = False) -> Database:
        """Open the data folder for writing. Raises AlreadyOpen, NewerData or SharedFolder.

        defer_read: read only the settings at the head of the file now, and
        the rest when first needed (the app's first frame needs only those).
        """
        remarks = prepare_folder(folder)
        writer = WriterLock(folder)
        writer.acquire()
        try:
            # A save interrupted by a crash can leave its temporary file behind;
            # holding the lock, we know no save of ours is under way.
            for leftover in folder.glob(f".{DATA_FILE}.*.tmp"):
                leftover.unlink(missing_ok=True)
            backups.clean_leftovers(folder)
            database = cls(folder, None, writer)
            head = file_head.read_head(folder / DATA_FILE) if defer_read else None
            if head is not None and schema_version(head) <= SCHEMA_VERSION:
                database._head, database._check_when_read = head, not defer_check
            else:
                database._read(_read_file(folder))
                if not defer_check:
                    database.check_records()
        except BaseException:
            writer.release()
            raise
        database.notices[:0] = [Notice(remark) for remark in remarks]
        return database

    @classmethod
    def read_only(cls, folder: Path) -> Database:
        """The data as it would open, for export and backup; nothing is written.

        Safe while the app is open: the file is only ever replaced whole.
        Raises Unreadable rather than setting a damaged file aside.
        """
        database = cls(folder, None, None)
        database._read(_read_file(folder), read_only=True)
        database.check_records()
        return database

    def finish_reading(self) -> None:
        """Read the whole file, if open(defer_read=True) has left it for later.

        Everything that reads the data comes through here first; the app calls
        it just after its first frame and then shows what it found (notices).
        The lock is held all along: nobody else can have changed the file.
        """
        if self._storage is None:
            self._head = None
            self._read(_read_file(self.folder))
            if self._check_when_read:
                self.check_records()

    @property
    def storage(self) -> AtomicStorage:
        self.finish_reading()
        assert self._storage is not None
        return self._storage

    def _read(self, content: bytes | None, read_only: bool = False) -> None:
        """Take in the file's `content` (None: there is no file yet) through the gate."""
        folder = self.folder
        path = folder / DATA_FILE
        notices: list[Notice] = []
        document: Document | None = None
        odd = False
        if content is not None:
            try:
                document, odd = read_document(content)
            except Unreadable as problem:
                if read_only:
                    raise
                notices.append(set_aside(folder, path, str(problem)))
        if not notices and not read_only:
            # Set aside at an earlier start: the offer comes back until restored or dismissed.
            offer = backups.pending_offer(folder)
            if offer is not None:
                notices.append(_offer_notice(offer))
        if document is None:
            document, content = new_document(), None
        found = schema_version(document)
        if found > SCHEMA_VERSION:
            raise NewerData(found, SCHEMA_VERSION)
        # Odd keys and tables are set right before anything reads the tables.
        moved, renumbered = gate.repair(document, odd_values=False, records=False)
        if moved:
            notices.append(_set_aside_notice(moved))
        changed = found < SCHEMA_VERSION or bool(moved or renumbered)
        if found < SCHEMA_VERSION:
            upgrade(document, found)
            set_meta(document)
        in_order = file_head.put_head_first(document)
        # Saved in that order (once), so that the next start reads its settings from the head.
        changed = changed or in_order is not document
        document = in_order
        # Whether the file holds exactly this document; its bytes are not kept (see AtomicStorage).
        as_on_disk = content is not None and not (changed or odd)
        self._storage = AtomicStorage(
            path, document, as_on_disk=as_on_disk, keep_previous=self._keep_day_first_state
        )
        self.notices.extend(notices)
        self._odd_values = odd
        if read_only:
            self._storage.write = _refuse_write  # type: ignore[method-assign]
        elif changed:
            self.save_document(document)

    def check_records(self) -> int:
        """Set aside every record the gate refuses; return how many.

        The app runs this just after its first frame (validating ten years of
        records takes longer than drawing Today); everything else runs it on
        open. Repositories skip refused records until then.
        """
        document = self.document()
        moved, mended = gate.repair(document, odd_values=self._odd_values)
        self._odd_values = False
        if moved:
            self.notices.append(_set_aside_notice(moved))
        if (moved or mended) and self.lock is not None:
            self.save_document(document)
        return moved

    @property
    def tinydb(self) -> TinyDB:
        if self._tinydb is None:
            from tinydb import TinyDB  # on the first save: start-up does without it

            storage = self.storage
            self._tinydb = TinyDB(storage=lambda: storage)
        return self._tinydb

    @contextmanager
    def writing(self) -> Iterator[TinyDB]:
        """Run TinyDB changes; on a failed save, forget TinyDB's caches of the lost change."""
        try:
            yield self.tinydb
        except SaveError:
            self._tinydb = None
            raise

    def _keep_day_first_state(self, live: Path) -> Callable[[], None] | None:
        """The daily backup, as a save is about to replace `live`: the file before the day's first save.

        A hard link where the disk allows (no copy, no room, nothing in
        memory). Elsewhere the old file is opened now and copied once the save
        is done, so the save gets the disk's room first. Never raises: the save
        must not look failed because of its backup, and the next save tries again.
        """
        today = clock.today()
        if self._backup_checked == today or not backups.usable(self.folder):
            return None
        if backups.link_daily(self.folder, today, live):
            return lambda: self._finish_daily_backup(today, None)
        try:
            old = os.open(live, os.O_RDONLY)
        except OSError:
            return None
        return lambda: self._finish_daily_backup(today, old)

    def _finish_daily_backup(self, today: date, old: int | None) -> None:
        """After the save: copy the old file (`old`, still open) where it was not linked; prune."""
        try:
            if old is None:
                backups.daily_kept(self.folder)
            else:
                backups.copy_daily(self.folder, today, old)
        except OSError:
            return
        finally:
            if old is not None:
                os.close(old)
        self._backup_checked = today

    @property
    def version(self) -> int:
        """Changes whenever the data changes; cheap to compare."""
        return self.storage.writes

    def document(self) -> Document:
        """The whole document, as stored. Callers must not change it."""
        return self.storage.read()

    def save_document(self, document: Document) -> None:
        """Replace everything with `document` (upgrades, repairs; see replace() for imports)."""
        if holds_non_finite(document):
            raise SaveError("the entry held something that cannot be stored")
        with self.writing():
            self.storage.write(document)
            self._tinydb = None

    def replace(self, document: Document, kind: str) -> Path | None:
        """Make `document` the data, after keeping the current data as a backup of `kind`.

        `document` must have passed the gate. The copy is written first: if it
        cannot be, nothing changes. Returns the copy (None when there was no data yet).
        """
        kept = None
        if self.storage.saved_once and self.record_count() + len(self.quarantined()) > 0:
            try:
                kept = backups.make(self.folder, kind, self.snapshot())
            except OSError as error:
                raise SaveError(
                    error.strerror or "the copy of your current data could not be kept"
                ) from error
        self.save_document(document)
        backups.forget_offer(self.folder)
        return kept

    def dismiss_offer(self) -> None:
        """The person does not want the backup offered after a damaged file was set aside."""
        backups.forget_offer(self.folder)

    def settings(self) -> Settings:
        from pydantic import ValidationError

        from imr_companion.models import Settings

        try:
            return Settings.model_validate(self.stored_settings())
        except ValidationError:
            # check_records() sets it aside; until then, the defaults.
            return Settings()

    def stored_settings(self) -> dict[str, Any]:
        """The settings record as stored, not yet validated (empty when there is none)."""
        tables = self._head if self._head is not None else self.document()
        for record in tables.get(SETTINGS, {}).values():
            return record if isinstance(record, dict) else {}
        return {}

    def stored_setting(self, name: str, default: T) -> T:
        """One setting as stored, without validating the rest: what the first frame needs.

        `default` when it is missing or of another kind (check_records sets a
        bad settings record aside just after the first frame).
        """
        value = self.stored_settings().get(name)
        return value if isinstance(value, type(default)) else default

    def save_settings(self, settings: Settings) -> None:
        document = self.document()
        document[SETTINGS] = {"1": settings.model_dump(mode="json")}
        self.save_document(document)

    def quarantined(self) -> list[dict[str, Any]]:
        return list(self.document().get(QUARANTINE, {}).values())

    def record_count(self) -> int:
        document = self.document()
        return sum(len(document.get(name, {})) for name in RECORD_TABLE_NAMES)

    def snapshot(self) -> bytes:
        """The data file's exact current bytes (read from the disk: they are not kept in memory)."""
        return self.storage.last_saved()

    def close(self) -> None:
        if self.lock is not None and self.lock.held:
            self.lock.release()


def _refuse_write(_data: Document) -> None:
    raise SaveError("the data is open for reading only")


def restorable(content: bytes) -> Document:
    """A backup's document as opening would leave it: upgraded, repaired. Raises Unreadable or NewerData."""
    document, odd = read_document(content)
    found = schema_version(document)
    if found > SCHEMA_VERSION:
        raise NewerData(found, SCHEMA_VERSION)
    gate.repair(document, odd_values=odd, records=False)
    upgrade(document, found)
    set_meta(document)
    gate.repair(document, odd_values=odd)
    return document


def set_aside(folder: Path, path: Path, reason: str) -> Notice:
    """Move an unreadable data file out of the way, never overwriting or deleting it."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"companion.damaged-{stamp}.json"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"companion.damaged-{stamp}-{counter}.json"
    os.replace(path, target)
    text = (
        f"Your data file could not be opened: {reason}. It was kept safely as "
        f"{target.name} in your data folder, and nothing was deleted."
    )
    offer = backups.remember_offer(folder, target)
    return _offer_notice(offer, text) if offer else Notice(text)


def write_document(path: Path, document: Document) -> None:
    """Write a document that is not open in a Database (backups, exports)."""
    write_atomically(path, encode(document))
