"""Opening the data folder: lock, load, check, upgrade, back up, set aside what is damaged."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import TinyDB

from imr_companion import clock
from imr_companion.paths import DATA_FILE
from imr_companion.store import backups
from imr_companion.store.errors import NewerData, SaveError, StoreError
from imr_companion.store.lock import WriterLock
from imr_companion.store.migrations import SCHEMA_VERSION, upgrade
from imr_companion.store.storage import (
    DIR_MODE,
    AtomicStorage,
    Document,
    decode,
    encode,
    holds_non_finite,
    write_atomically,
)

if TYPE_CHECKING:
    from imr_companion.models import Settings

# pydantic and the models are imported where they are used: the app opens the
# data before its first frame, and validating waits until after it.
T = TypeVar("T")

META = "_meta"
SETTINGS = "settings"
QUARANTINE = "_quarantine"


def prepare_folder(folder: Path) -> None:
    """Create the data folder and its backups folder, private to this user."""
    for path in (folder, backups.folder(folder)):
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        # mkdir's mode is filtered by the umask; chmod is not.
        os.chmod(path, DIR_MODE)


class Unreadable(StoreError):
    """The data file is not a document we can trust; str() says why, plainly."""


def parse(content: bytes) -> Document:
    """The document in `content`, or Unreadable: empty, not JSON, or the wrong shape."""
    if not content.strip():
        raise Unreadable("the file is empty")
    try:
        document = decode(content)
    except ValueError:
        raise Unreadable("the file is damaged (it is not complete, readable data)") from None
    if not isinstance(document, dict):
        raise Unreadable("the file does not hold IMR Companion data")
    for table in document.values():
        if not isinstance(table, dict):
            raise Unreadable("the file does not hold IMR Companion data")
        for key, record in table.items():
            if not key.isdigit() or not isinstance(record, dict):
                raise Unreadable("the file does not hold IMR Companion data")
    return document


def schema_version(document: Document) -> int:
    for record in document.get(META, {}).values():
        version = record.get("schema_version")
        if isinstance(version, int) and version >= 1:
            return version
    return 1


def set_meta(document: Document) -> None:
    document[META] = {"1": {"schema_version": SCHEMA_VERSION}}


def new_document() -> Document:
    document: Document = {}
    set_meta(document)
    return document


def invalid_records(document: Document) -> list[tuple[str, str, dict[str, Any], str]]:
    """(table, key, record, reason) for every record its model refuses."""
    from pydantic import ValidationError

    from imr_companion.models import RECORD_TABLES, Settings

    found = []
    checks: dict[str, Any] = dict(RECORD_TABLES)
    checks[SETTINGS] = Settings
    for name, model in checks.items():
        for key, record in document.get(name, {}).items():
            try:
                model.model_validate(record)
            except ValidationError as error:
                fields = sorted({".".join(map(str, e["loc"])) or "record" for e in error.errors()})
                found.append((name, key, record, "problem with: " + ", ".join(fields)))
    return found


def quarantine_records(document: Document) -> int:
    """Move refused records to the quarantine table, keeping them whole."""
    bad = invalid_records(document)
    if not bad:
        return 0
    kept = document.setdefault(QUARANTINE, {})
    for name, key, record, reason in bad:
        del document[name][key]
        kept[str(len(kept) + 1)] = {
            "table": name,
            "record": record,
            "reason": reason,
            "set_aside": clock.now().isoformat(),
        }
    return len(bad)


@dataclass
class Notice:
    """Something the person should hear about when the app opens."""

    text: str
    backup: Path | None = None
    """A backup that could be restored, when the data file was set aside."""


@dataclass
class Database:
    folder: Path
    storage: AtomicStorage
    lock: WriterLock | None
    notices: list[Notice] = field(default_factory=list)
    _tinydb: TinyDB | None = None
    _backup_checked: date | None = None

    @classmethod
    def open(cls, folder: Path, *, defer_check: bool = False) -> Database:
        """Open the data folder for writing. Raises AlreadyOpen or NewerData."""
        prepare_folder(folder)
        writer = WriterLock(folder)
        writer.acquire()
        try:
            # A save interrupted by a crash can leave its temporary file behind;
            # holding the lock, we know no save of ours is under way.
            for leftover in folder.glob(f".{DATA_FILE}.*.tmp"):
                leftover.unlink(missing_ok=True)
            return cls._load(folder, writer, defer_check=defer_check)
        except BaseException:
            writer.release()
            raise

    @classmethod
    def read_only(cls, folder: Path) -> Database:
        """The data as it would open, for export and backup; nothing is written.

        Safe while the app is open: the file is only ever replaced whole.
        Raises Unreadable rather than setting a damaged file aside.
        """
        return cls._load(folder, None, read_only=True)

    @classmethod
    def _load(
        cls, folder: Path, writer: WriterLock | None, read_only: bool = False, defer_check: bool = False
    ) -> Database:
        path = folder / DATA_FILE
        notices: list[Notice] = []
        document: Document | None = None
        content: bytes | None = None
        if path.exists():
            try:
                content = path.read_bytes()
                document = parse(content)
            except Unreadable as problem:
                if read_only:
                    raise
                notices.append(set_aside(folder, path, str(problem)))
        if document is None:
            document, content = new_document(), None
        found = schema_version(document)
        if found > SCHEMA_VERSION:
            raise NewerData(found, SCHEMA_VERSION)
        changed = found < SCHEMA_VERSION
        if changed:
            upgrade(document, found)
            set_meta(document)
            content = None
        database = cls(folder, AtomicStorage(path, document, content), writer, notices)
        database.storage._before_write = database._daily_backup
        if read_only:
            database.storage.write = _refuse_write  # type: ignore[method-assign]
        elif changed:
            database.save_document(document)
        if not defer_check:
            database.check_records()
        return database

    def check_records(self) -> int:
        """Set aside every record its model refuses; return how many.

        The app runs this just after its first frame (validating ten years of
        records takes longer than drawing Today); everything else runs it on
        open. Repositories skip refused records until then.
        """
        document = self.document()
        moved = quarantine_records(document)
        if moved:
            self.notices.append(
                Notice(
                    f"{moved} saved {'entry' if moved == 1 else 'entries'} could not be read and "
                    "were set aside safely inside your data file. Nothing was deleted. "
                    "'imr-companion doctor' shows more."
                )
            )
            if self.lock is not None:
                self.save_document(document)
        return moved

    @property
    def tinydb(self) -> TinyDB:
        if self._tinydb is None:
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

    def _daily_backup(self, previous: bytes) -> None:
        today = clock.today()
        if self._backup_checked == today:
            return
        backups.make_daily(self.folder, today, previous)
        self._backup_checked = today

    @property
    def version(self) -> int:
        """Changes whenever the data changes; cheap to compare."""
        return self.storage.writes

    def document(self) -> Document:
        """The whole document, as stored. Callers must not change it."""
        return self.storage.read()

    def save_document(self, document: Document) -> None:
        """Replace everything with `document` (import, restore, upgrades)."""
        if holds_non_finite(document):
            raise SaveError("the entry held something that cannot be stored")
        with self.writing():
            self.storage.write(document)
            self._tinydb = None

    def settings(self) -> Settings:
        from imr_companion.models import Settings

        return Settings.model_validate(self.stored_settings())

    def stored_settings(self) -> dict[str, Any]:
        """The settings record as stored, not yet validated (empty when there is none)."""
        for record in self.document().get(SETTINGS, {}).values():
            return record
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
        from imr_companion.models import RECORD_TABLES

        document = self.document()
        return sum(len(document.get(name, {})) for name in RECORD_TABLES)

    def snapshot(self) -> bytes:
        """The data file's exact current bytes."""
        return self.storage.last_saved()

    def restore(self, backup: Path) -> None:
        """Make `backup` the current data (the current file is kept as a backup first)."""
        document = parse(backup.read_bytes())
        if schema_version(document) > SCHEMA_VERSION:
            raise NewerData(schema_version(document), SCHEMA_VERSION)
        upgrade(document, schema_version(document))
        set_meta(document)
        quarantine_records(document)
        self.save_document(document)

    def close(self) -> None:
        if self.lock is not None and self.lock.held:
            self.lock.release()


def _refuse_write(_data: Document) -> None:
    raise SaveError("the data is open for reading only")


def set_aside(folder: Path, path: Path, reason: str) -> Notice:
    """Move an unreadable data file out of the way, never overwriting or deleting it."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"companion.damaged-{stamp}.json"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"companion.damaged-{stamp}-{counter}.json"
    os.replace(path, target)
    newest = backups.newest(folder)
    text = (
        f"Your data file could not be opened: {reason}. It was kept safely as "
        f"{target.name} in your data folder, and nothing was deleted."
    )
    if newest:
        text += f" Your newest backup is from {newest[0]:%d %B %Y}."
    return Notice(text, newest[1] if newest else None)


def write_document(path: Path, document: Document) -> None:
    """Write a document that is not open in a Database (backups, exports)."""
    write_atomically(path, encode(document))
