"""The open data: its parsed document in memory, and each save of it, step by step down to the disk.

A save goes down the layers and never climbs back: this module encodes the
document, has the codec write it whole to a temporary file beside the data
file (sealed when a passphrase's key is held), keeps the day's backup of the
old file (a hard link, store/files/backups.py), and only then has the new file
take the old one's place. Nothing below calls up into it.

Never wrap this in TinyDB's CachingMiddleware: it holds writes back and a
crash loses them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from imr_companion.i18n import _
from imr_companion.store.errors import ChangedElsewhere, FileChanged, SaveError, StoreError, plain_reason
from imr_companion.store.file_head import put_head_first
from imr_companion.store.files import codec, runs, years
from imr_companion.store.files.backups import DailyBackup
from imr_companion.store.files.stamp import encoded as stamped
from imr_companion.store.files.storage import Document, Unconfirmed, decode
from imr_companion.store.files.years import OldYear, OldYears, Piece, decode_file, encode_file


class OpenDocument:
    """The data file's document, kept in memory and saved whole on every change.

    It is TinyDB's storage (TinyDB needs only read(), write() and close(); not
    deriving from its Storage class keeps TinyDB out of start-up until the
    first save).

    Only the parsed document is kept, not the file's bytes as well: the file
    itself is the copy of what was last saved (we are its only writer). That
    copy is read back only when a save fails, or for a copy before an import
    or a restore.

    TinyDB (and store/in_place.py) edit the dict that read() returns in place
    before calling write(). When the write fails, the in-memory document is
    read back from the file, so memory and file agree.
    """

    def __init__(
        self,
        path: Path,
        document: Document,
        as_on_disk: bool = False,
        daily_backup: DailyBackup | None = None,
        old: OldYears | None = None,
    ) -> None:
        """`as_on_disk`: the file at `path` holds exactly `document` (orjson reads it back equal).

        Otherwise (a new folder, a document read with odd values kept as text)
        the document's own bytes are kept until its first save, to go back to.
        `daily_backup` keeps the old file as each save is about to replace it.
        """
        self.path = path
        self._document = document
        self.old: OldYears = old or {}
        """By table, the older years still unparsed (read from a file the app trusts, files/years.py):
        every save reads them back from the file it replaces, checks them, and writes them on."""
        self._kept = years.kept_file(self.old)
        """The data file as last read or written, while it is plain (codec.KeptFile): where the older
        years are (each refers to it too)."""
        self._free_keys: dict[str, range] = {}
        """By table, keys no older year holds (next_key): valid while `old` only loses years."""
        self._unsaved: bytes | None = None
        self._unsaved_document: Document | None = None
        self._refusal: Callable[[], SaveError] | None = None
        if not as_on_disk:
            self.keep_as_it_is()
        self._daily_backup = daily_backup
        self.saved_once = path.exists()
        self.writes = 0
        """Successful writes since opening: screens compare it to know if data changed."""
        self.unconfirmed = 0
        """Saves in place whose folder fsync failed: saved, but not confirmed durable."""
        self.checked = False
        """Every record of the document has passed the gate: its saves carry the stamp (files/stamp.py)."""
        self.stamped = False
        """The file holds the stamp of the document as it is now."""

    def keep_as_it_is(self) -> None:
        """The document as it is now is what a failed save goes back to (the file does not hold it)."""
        try:
            self._unsaved, self._unsaved_document = encode_file(self._document, self.old), None
        except (TypeError, ValueError):
            # Odd values the gate sets aside next (Database.check_records): kept as they are.
            self._unsaved, self._unsaved_document = None, copy.deepcopy(self._document)

    def refuse_writes(self, refusal: Callable[[], SaveError]) -> None:
        """Open for reading only: every write raises refusal(), and memory stays as it is now."""
        self._refusal = refusal
        self.keep_as_it_is()

    def read(self) -> Document:
        """The document as held: without the older years still unparsed (see `old`)."""
        return self._document

    def take_in(self, year: OldYear) -> None:
        """Parse an older year into the document (to change a record of it); saved as before."""
        self.old[year.table] = [kept for kept in self.old[year.table] if kept is not year]
        if not self.old[year.table]:
            del self.old[year.table]
        self._document.setdefault(year.table, {}).update(year.records())

    # --- Older years (files/years.py): read without keeping them, taken in to change ----------

    def older_years(self, table: str) -> list[OldYear]:
        """The years of `table` still unparsed, oldest first (each parses on request)."""
        return list(self.old.get(table, ()))

    def records(self, table: str, low: str | None = None, high: str | None = None) -> list[dict[str, Any]]:
        """The stored records of `table`, with those of the years still unparsed that its dates from
        `low` to `high` (ISO, either open) can fall in. As stored; not to be changed."""
        held = list(self._document.get(table, {}).values())
        return [*years.records(self.older_years(table), low, high), *held]

    def count(self, table: str) -> int:
        return len(self._document.get(table, {})) + sum(year.count for year in self.older_years(table))

    def take_in_record(self, table: str, record_id: str) -> None:
        """Parse the older year holding `record_id`, if one does, into the document: before it changes.
        (Before a save: SaveError when an older year cannot be read back, as the save would say.)"""
        for year in self.older_years(table):
            members = _read_back(year)
            if year.may_hold(record_id, members) and any(
                r.get("id") == record_id for r in years.parsed(members).values()
            ):
                self.take_in(year)

    def every_year(self) -> Document:
        """The document with every older year parsed into it, for good."""
        for table in list(self.old):
            for year in self.older_years(table):
                self.take_in(year)
        return self._document

    def next_key(self, table: str) -> int:
        """A key for a new record of `table`: past the held ones, and none of an older year's."""
        key = max((int(key) for key in self._document.get(table, {})), default=0) + 1
        older = self.older_years(table)
        if not older:
            return key
        free = self._free_keys.get(table)
        try:
            if free is None or key not in free:
                # A search of bytes, not a parse: the next keys too, as each save takes the next one.
                free = self._free_keys[table] = years.free_keys(older, key)
            if key not in free:
                key = max(key, *(year.largest_key for year in older)) + 1
        except OSError as error:  # before a save: said as the save would say it
            raise SaveError(plain_reason(error)) from error
        except FileChanged as error:
            raise ChangedElsewhere() from error
        return key

    def prepare_to_save(self) -> None:
        """What a first save does first, done ahead: the next keys searched for (a few ms at thirty
        years), and the digests of older years held as bytes (a sealed file's) made.

        For a thread (hashlib lets go of Python's lock while it hashes): it reads only the older
        years' bytes, which never change, and the keys held (each list copied first: a save may
        take a year in meanwhile), and what it keeps is what a save would have made. A search
        goes where it started: a failed save that read the file again has started anew."""
        old = {table: list(kept) for table, kept in list(self.old.items())}
        for kept in old.values():
            for year in kept:
                year.line_digest  # noqa: B018  # made now, if not known from the file's stamp
        free, held = self._free_keys, self._document
        for table, kept in old.items():
            key = max((int(key) for key in list(held.get(table, {}))), default=0) + 1
            free.setdefault(table, years.free_keys(kept, key))

    def write(self, data: Document, whole: bool = False) -> None:
        """Save `data` whole: on disk when this returns, or SaveError with memory as last saved.

        The older years still unparsed are saved with it, unless `whole`: `data` is all there is.
        Each is read back from the file this save replaces and checked against its digest as it
        is written (files/years.OldYear); when the file no longer holds it, ChangedElsewhere:
        the file is left as it is, and memory keeps the change (it cannot go back to a file that
        is no longer what was read).
        """
        try:
            self._write(data, whole)
        except FileChanged as error:
            raise ChangedElsewhere() from error

    def _write(self, data: Document, whole: bool) -> None:
        if self._refusal is not None:
            self._restore()
            raise self._refusal()
        # A table made after the records (settings, at the welcome) moves up:
        # the next start reads the settings from the head of the file.
        data = put_head_first(data)
        checked = self.checked
        if codec.held() is not None and not whole:
            self._hold_older_years()  # a sealed file's plain bytes are nowhere on the disk
        try:
            encoded = stamped(data, checked, None if whole else self.old)
        except (TypeError, ValueError) as error:
            self._restore()
            raise SaveError(_("the entry held something that cannot be stored")) from error
        try:
            self._put(encoded)
        except Unconfirmed:
            # The file holds the new entry: telling the person it was not saved would be untrue.
            self.unconfirmed += 1
        except OSError as error:
            self._restore()
            raise SaveError(plain_reason(error)) from error
        finally:
            del encoded  # the file is the copy of what was saved (see the class)
        self._document = data
        if whole:
            self.old = {}
        self._unsaved = self._unsaved_document = None
        self.saved_once = True
        self.stamped = checked
        self.writes += 1

    def _put(self, encoded: tuple[Piece, ...]) -> None:
        """The save's steps on the disk, in order: the new file whole beside the old, the old kept as
        the day's backup, the new in its place (then kept open: where the older years are now)."""
        # Older years that lie one after another are read back at once (files/runs.py).
        prepared = codec.prepare(self.path, runs.in_runs(encoded), keep_open=True)
        after: Callable[[], None] | None = None
        try:
            if self._daily_backup is not None and self.saved_once:
                after = self._daily_backup.before_save(self.path)
            prepared.commit()
        finally:
            prepared.discard()  # nothing left behind when a step failed
            landed = prepared.take_fd()  # the new file, once in place (Unconfirmed too)
            if landed is not None:
                self._now_in(codec.KeptFile(self.path, landed), encoded)
            # After the save (or its failure), so the save gets the disk's room first.
            if after is not None:
                after()

    def _now_in(self, file: codec.KeptFile, encoded: tuple[Piece, ...]) -> None:
        """The older years written in `file` (just put in place) are read from there from now on."""
        at = 0
        for piece in encoded:
            if isinstance(piece, OldYear):
                piece.now_at(file, at)
                at += piece.size
            else:
                at += len(piece) if isinstance(piece, bytes) else piece.nbytes
        # The file before is closed once nothing refers to it (KeptFile): not under a read in a thread.
        self._kept = file

    def _hold_older_years(self) -> None:
        """Read the older years back into memory (checked), and let go of the plain file."""
        for kept in self.old.values():
            for year in kept:
                year.hold()
        self._kept = None  # closed once nothing refers to it (KeptFile)

    def _restore(self) -> None:
        """Put the document back to what was last saved, after a failed save."""
        if self._unsaved_document is not None:
            self._document = copy.deepcopy(self._unsaved_document)
            return
        try:
            kept = self._kept if self._unsaved is None and self.old else None
            if self._unsaved is not None:
                content = self._unsaved
            else:
                # The file of the last save (kept open: whatever has taken its name since), else by name.
                content = kept.read() if kept is not None else codec.read(self.path)
            # Older years are only ever kept unparsed from bytes the app trusts: these.
            self._document, self.old = decode_file(content, None, kept) if self.old else (decode(content), {})
            self._free_keys = {}  # other older years, maybe: their keys are searched again
        except (OSError, ValueError, StoreError):
            # The disk does not give the last save back either: the document keeps
            # the change the person was just told was not saved, and the next save
            # that succeeds writes it. Nothing they typed is lost.
            pass

    def last_saved(self) -> bytes:
        """The bytes of what was last saved: the file's own (read now), or the document's before a save."""
        if self._unsaved is not None:
            return self._unsaved
        return codec.read(self.path)

    def close(self) -> None:
        """Let go of the kept file (an older year read after this is read by the file's name)."""
        if self._kept is not None:
            self._kept.close()


def _read_back(year: OldYear) -> bytes:
    """An older year's bytes before a save: SaveError when the disk does not give them back, or
    not as they were."""
    try:
        return year.members
    except OSError as error:
        raise SaveError(plain_reason(error)) from error
    except FileChanged as error:
        raise ChangedElsewhere() from error


def write_document(path: Path, document: Document) -> None:
    """Write a document that is not open in a Database (backups, exports), laid out as the data file."""
    codec.write(path, encode_file(document))
