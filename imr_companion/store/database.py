"""Opening the data folder: lock, load, check, upgrade, back up, set aside what is damaged."""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from imr_companion.i18n import _
from imr_companion.paths import data_file
from imr_companion.store import file_head
from imr_companion.store.errors import CannotSaveNow, SaveError, Unreadable, plain_reason
from imr_companion.store.file_head import schema_version
from imr_companion.store.files import backups, codec
from imr_companion.store.files.data_folder import (
    Notice,
    leftover_temporary_files,
    prepare_folder,
    read_only_notice,
    why_not_writable,
)
from imr_companion.store.files.lock import WriterLock
from imr_companion.store.files.storage import holds_non_finite
from imr_companion.store.upgrades.migrations import SCHEMA_VERSION
from imr_companion.tables import QUARANTINE, RECORD_TABLE_NAMES, SETTINGS

if TYPE_CHECKING:
    from tinydb import TinyDB

    from imr_companion.models import Settings
    from imr_companion.store.gate import Document, parse_document
    from imr_companion.store.saving import OpenDocument

# pydantic and the models, reading the whole file and saving are imported where they are used:
# the app opens the data before its first frame, which needs only the file's head.
T = TypeVar("T")

__all__ = ["QUARANTINE", "SETTINGS", "Database", "Document", "Notice", "Unreadable"]
__all__ += ["parse_document", "schema_version"]


def __getattr__(name: str) -> object:
    # The gate (and the record check under it) is imported where first used: the app's first frame
    # needs only the head's schema version (file_head), ~1 ms less before it.
    if name in ("Document", "parse_document"):
        from imr_companion.store import gate
        return getattr(gate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _whole_file(folder: Path) -> codec.Read:
    from imr_companion.store.reading import read_file  # not before the first frame: see above
    return read_file(folder)


@dataclass
class Database:
    folder: Path
    _storage: OpenDocument | None
    lock: WriterLock | None
    notices: list[Notice] = field(default_factory=list)
    _tinydb: TinyDB | None = None
    _daily_backup: backups.DailyBackup = field(init=False)
    _odd_values: bool = False
    _head: dict[str, Any] | None = None
    """The tables at the head of the file while the rest waits (open(defer_read=True))."""
    _opened: bytes | None = None
    """A sealed file's plain bytes, opened for its head, until the rest is read (finish_reading)."""
    _read_ahead: codec.Read | None = None  # the file as read_ahead() read it, until finish_reading
    _check_when_read: bool = False
    _reading: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)
    """Held while finish_reading reads the file (in a thread, in the app): whatever needs it waits."""
    together_with: str | None = None
    """The contact person beside the person while filling in together (set by the app, never saved):
    what the repositories add or change meanwhile is marked with it (store/together_mark.py)."""
    _changed_unsaved: bool = False
    """Set right on reading, but saved only once check_records has set odd values aside."""
    cannot_save: str | None = None
    """Why changes cannot be saved now (a read-only disk, no permission); None when they can."""

    def __post_init__(self) -> None:
        self._daily_backup = backups.DailyBackup(self.folder)

    @classmethod
    def open(cls, folder: Path, *, defer_check: bool = False, defer_read: bool = False) -> Database:
        """Open the data folder for writing. Raises AlreadyOpen, NewerData or SharedFolder.

        defer_read: read only the settings at the head of the file now, and
        the rest when first needed (the app's first frame needs only those).
        A folder that cannot be written to now opens for reading (cannot_save
        says why, and a notice says so): Help now and the data stay in reach.
        """
        try:
            remarks = prepare_folder(folder)
            why = why_not_writable(folder)
            if why is None:
                writer = WriterLock(folder)
                writer.acquire()
        except OSError as error:
            why = why_not_writable(folder, error)
            if why is None:
                raise
        if why is not None:
            return cls._open_unwritable(folder, why)
        try:
            # A save interrupted by a crash can leave its temporary file behind;
            # holding the lock, we know no save of ours is under way.
            for leftover in leftover_temporary_files(folder):
                leftover.unlink(missing_ok=True)
            backups.clean_leftovers(folder)
            database = cls(folder, None, writer)
            head = codec.read_head(data_file(folder)) if defer_read else None
            content, read = None, None
            if defer_read and head is None and codec.held() is not None:
                # Sealed: its head is read once opened; the rest is parsed after the first frame, as plain.
                content = (read := _whole_file(folder))[0]
                head = file_head.head_tables(content) if isinstance(content, bytes) else None
            if head is not None and schema_version(head) <= SCHEMA_VERSION:
                database._opened = content if isinstance(content, bytes) else None
                database._head, database._check_when_read = head, not defer_check
            else:
                database._read(read or _whole_file(folder))
                if not defer_check and not database.records_checked:
                    database.check_records()
        except BaseException:
            writer.release()
            raise
        database.notices[:0] = [Notice(remark) for remark in remarks]
        return database

    @classmethod
    def _open_unwritable(cls, folder: Path, why: str) -> Database:
        """The data as it would open, on a disk or folder that cannot be written to now."""
        lock = WriterLock(folder)
        if folder.is_dir():
            lock.acquire_folder()  # a window that can write still keeps this one out
        database = cls(folder, None, lock, cannot_save=why)
        try:
            try:
                database._read(_whole_file(folder), read_only=True)
            except Unreadable as problem:
                database._read((None, None), read_only=True)
                words = _("Your data file could not be opened: {problem}. It was left as it is.")
                database.notices.append(Notice(words.format(problem=problem)))
            if not database.records_checked:
                database.check_records()
        except BaseException:
            lock.release()
            raise
        database.notices.insert(0, read_only_notice(why))
        return database

    @classmethod
    def read_only(cls, folder: Path) -> Database:
        """The data as it would open, for export and backup; nothing is written.

        Safe while the app is open: the file is only ever replaced whole.
        Raises Unreadable rather than setting a damaged file aside.
        """
        database = cls(folder, None, None)
        database._read(_whole_file(folder), read_only=True)
        if not database.records_checked:
            database.check_records()
        return database

    def read_ahead(self) -> None:
        """The file's bytes read now, for finish_reading to take in through the gate: in a thread
        while another imports the cards' code (ui/starting.py), as reading lets go of Python's lock."""
        with self._reading:
            if self._storage is None and self._opened is None and self._read_ahead is None:
                self._read_ahead = _whole_file(self.folder)

    def finish_reading(self) -> None:
        """Read the whole file, if open(defer_read=True) has left it for later.

        Everything that reads the data comes through here first; the app calls it in a thread
        after its first frame (a call meanwhile waits for it), then shows what it found (notices).
        The folder's lock is held all along: nobody else can have changed the file.
        """
        with self._reading:
            if self._storage is None:
                sealed = (self._opened, None) if self._opened is not None else None
                ahead, self._read_ahead = self._read_ahead, None
                self._read(sealed or ahead or _whole_file(self.folder))
                # Only now: until the whole file is read, the settings are read from its head.
                self._head, self._opened = None, None
                if self._check_when_read and not self.records_checked:
                    self.check_records()

    @property
    def storage(self) -> OpenDocument:
        self.finish_reading()
        assert self._storage is not None
        return self._storage

    def _read(self, read: codec.Read, read_only: bool = False) -> None:
        """Take in the file's content (None: there is no file yet) through the gate (reading.read_file)."""
        from imr_companion.store import reading, saving

        taken = reading.take_in(self.folder, *read, read_only=read_only)
        self._storage = saving.OpenDocument(
            data_file(self.folder),
            taken.document,
            as_on_disk=taken.as_on_disk,
            daily_backup=self._daily_backup,
            old=taken.old,
        )
        self._storage.checked = self._storage.stamped = taken.checked
        self.notices.extend(taken.notices)
        self._odd_values = taken.odd
        if read_only:
            self._storage.refuse_writes(self._refusal)
        elif taken.changed and taken.odd:
            # Values the file's writer cannot write are set aside first (check_records), then it saves.
            self._changed_unsaved = True
        elif taken.changed:
            self.save_document(taken.document)

    @property
    def records_checked(self) -> bool:
        """Every record has passed the gate: read from a file with this app's stamp, or checked since."""
        return self._storage is not None and self._storage.checked

    def check_records(self, *, stamp: bool = False) -> int:
        """Set aside every record the gate refuses; return how many.

        Everything but the app runs this on open, unless the file carries the
        stamp of this app's check (files/stamp.py). Repositories skip refused
        records until it has run. stamp: save the checked document even when
        nothing was set right, so that the next start can trust its file.
        """
        steps = self.checking(stamp=stamp)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                return done.value

    def checking(self, *, stamp: bool = False) -> Generator[None, None, int]:
        """check_records() a record at a time: it yields between records, and returns how many it set aside.

        The app runs it after its first frame a few milliseconds at a time, so
        that a key typed meanwhile is not held up (ui/app.py). A save between two
        steps may change the document: what was found is set right only where it is still in place.
        """
        from imr_companion.store import checking, gate
        found = []
        # Older years still unparsed carry the stamp of the check they passed (files/years.py).
        for problem in checking.problem_steps(self.held_document(), odd_values=self._odd_values):
            if problem is None:
                yield
            else:
                found.append(problem)
        document = self.held_document()
        moved, mended = gate.repair(document, odd_values=self._odd_values, found=found)
        self._odd_values = False
        self.storage.checked = True
        if moved:
            from imr_companion.store.reading import set_aside_notice

            self.notices.append(set_aside_notice(moved))
        # Only a file that is there is stamped: a new notebook gets its file with its first save.
        restamp = stamp and self.storage.saved_once and not self.storage.stamped
        if not (moved or mended or self._changed_unsaved or restamp):
            return moved
        if self.lock is not None and self.cannot_save is None:
            self.save_document(document, checked=True)
            self._changed_unsaved = False
        else:
            self.storage.keep_as_it_is()  # opened for reading: set right in memory only
        return moved

    @property
    def tinydb(self) -> TinyDB:
        if self._tinydb is None:
            from imr_companion.store.in_place import in_place  # on the first save: start-up does without it

            self._tinydb = in_place(self.storage)
        return self._tinydb

    @contextmanager
    def writing(self) -> Iterator[TinyDB]:
        """Run TinyDB changes; on a failed save, forget TinyDB's caches of the lost change."""
        try:
            yield self.tinydb
        except SaveError:
            self._tinydb = None
            raise

    @property
    def version(self) -> int:
        """Changes whenever the data changes; cheap to compare."""
        return self.storage.writes

    def document(self) -> Document:
        """The whole document, as stored, every older year parsed and kept so. Callers must not change it.

        For what must see everything at once (exports, the command line); screens read
        through `Repository`, which leaves older years unparsed (store/files/years.py).
        """
        return self.storage.every_year()

    def held_document(self) -> Document:
        """The document as held: every table, but not the older years still unparsed (`storage.old`)."""
        return self.storage.read()

    def _refusal(self) -> SaveError:
        if self.cannot_save is not None:
            return CannotSaveNow(self.cannot_save)
        return SaveError(_("the data is open for reading only"))

    def save_document(self, document: Document, *, checked: bool = False) -> None:
        """Save `document`: the held document, changed (its older years still unparsed are saved
        with it), or any other document, which replaces everything (imports; see replace()).

        checked: it holds only what has passed the gate, if what it replaces had. Otherwise its
        file is saved without the stamp, and the next start checks every record.
        """
        if holds_non_finite(document):
            raise SaveError(_("the entry held something that cannot be stored"))
        self.storage.checked = checked and self.storage.checked
        with self.writing():
            self.storage.write(document, whole=document is not self.storage.read())
            self._tinydb = None

    def replace(self, document: Document, kind: str) -> Path | None:
        """Make `document` the data, after keeping the current data as a backup of `kind`.

        `document` must have passed the gate. The copy is written first: if it
        cannot be, nothing changes. Returns the copy (None when there was no data yet).
        """
        kept = None
        if self.cannot_save is not None:
            raise CannotSaveNow(self.cannot_save)
        if self.storage.saved_once and self.record_count() + len(self.quarantined()) > 0:
            try:
                kept = backups.make(self.folder, kind, self.snapshot())
            except OSError as error:
                why = plain_reason(error, _("the copy of your current data could not be kept"))
                raise SaveError(why) from error
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
        head = self._head  # read once: finish_reading may clear it in a thread meanwhile
        tables = head if head is not None and self._storage is None else self.held_document()
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
        document = self.held_document()
        document[SETTINGS] = {"1": settings.model_dump(mode="json")}
        self.save_document(document, checked=True)

    def quarantined(self) -> list[dict[str, Any]]:
        return list(self.held_document().get(QUARANTINE, {}).values())

    def record_count(self) -> int:
        return sum(self.storage.count(name) for name in RECORD_TABLE_NAMES)

    def snapshot(self) -> bytes:
        """The data file's exact current bytes (read from the disk: they are not kept in memory)."""
        return self.storage.last_saved()

    def close(self) -> None:
        with self._reading:  # after a reading under way (finish_reading): its saves are in our folder
            if self._storage is not None:
                self._storage.close()
            if self.lock is not None and self.lock.held:
                self.lock.release()
