"""A TinyDB storage that keeps the document in memory and writes it through atomically.

Every write replaces the whole file the crash-safe way: a temporary file in
the same folder, flushed and fsynced, renamed over the old file, then the
folder fsynced so the rename itself survives a power cut. A reader of the
file therefore only ever sees the old or the new version.

Never wrap this in CachingMiddleware: it holds writes back and a crash
loses them.
"""

from __future__ import annotations

import contextlib
import copy
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from imr_companion.i18n import _
from imr_companion.store.errors import SaveError, StoreError, plain_reason
from imr_companion.store.file_head import put_head_first
from imr_companion.store.files import codec, years
from imr_companion.store.files.years import OldYear, OldYears

FILE_MODE = 0o600
DIR_MODE = 0o700

Document = dict[str, dict[str, Any]]


def encode(document: Document) -> bytes:
    """Compact UTF-8 JSON, byte for byte what json.dumps(ensure_ascii=False, separators=(",", ":")) writes.

    orjson, because every save writes the whole document: at thirty years of
    data json.dumps alone took longer than a frame. orjson writes NaN as null
    instead of refusing it; none reaches here (the models refuse NaN, files
    are parsed strictly, Database.save_document refuses outside documents
    holding one: see holds_non_finite).
    """
    return orjson.dumps(document)


def encode_file(document: Document, old: OldYears | None = None) -> bytes:
    """The data file's bytes: `document`, each older year of its big tables on a line of its own,
    and `old`, the years still unparsed, written back as they were read (files/years.py)."""
    from imr_companion import clock

    return years.encode(document, old, today=clock.today())[0]


def decode_file(content: bytes) -> tuple[Document, OldYears]:
    """The document in a file this app wrote, without its older years' lines, and those years.

    Only for bytes the app trusts (Database decides; see files/years.py):
    anything else is parsed whole, through the gate.
    """
    parts = years.split(content)
    if parts is None:
        return decode(content), {}
    rest, old = parts
    return decode(rest), old


def decode(content: bytes) -> Document:
    """The JSON in `content`; raises ValueError when it is not strict JSON (NaN is refused too)."""
    return orjson.loads(content)


def holds_non_finite(value: object) -> bool:
    """True if `value` holds NaN or an infinity anywhere: JSON has no way to write them."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(holds_non_finite(v) for v in value.values())
    if isinstance(value, list):
        return any(holds_non_finite(v) for v in value)
    return False


# The disk steps are separate functions so that tests can make each one fail.
def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_file(fd: int) -> None:
    os.fsync(fd)


def _replace(source: str, target: Path) -> None:
    os.replace(source, target)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Unconfirmed(OSError):
    """The new file is in place, but the disk did not confirm the folder change is durable."""


_PIECE = 256 * 1024
"""How much of a file is copied at a time (copy_atomically)."""


def write_atomically(
    path: Path, data: bytes | tuple[bytes, ...], before_replace: Callable[[], None] | None = None
) -> None:
    """Put `data` at `path` so that the file is whole, durable and private, or unchanged.

    `data` may come in pieces written one after another (a sealed file's header,
    then its body: years of data are not copied once more to join them).

    `before_replace` runs once the new content is safely in its temporary file,
    just before it takes the old file's place (the daily backup links the old
    file there). Raises Unconfirmed (after the rename) when only the final
    folder fsync failed: the file then already holds `data`, and callers must
    not say it was not saved.
    """
    pieces = (data,) if isinstance(data, bytes) else data

    def fill(fd: int) -> None:
        for piece in pieces:
            _write_all(fd, piece)

    _put_atomically(path, fill, before_replace)


def copy_atomically(source: int, path: Path) -> None:
    """Like write_atomically, with what the open file `source` holds, a piece at a time.

    Never the whole file in memory: the daily backup copies the old data file
    this way where the disk refuses hard links.
    """

    def copy(fd: int) -> None:
        offset = 0
        while piece := os.pread(source, _PIECE, offset):
            _write_all(fd, piece)
            offset += len(piece)

    _put_atomically(path, copy)


def _put_atomically(
    path: Path, fill: Callable[[int], None], before_replace: Callable[[], None] | None = None
) -> None:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            fill(fd)
            _fsync_file(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    try:
        _fsync_dir(path.parent)
    except OSError as error:
        raise Unconfirmed(error.errno, error.strerror) from error


KeepPrevious = Callable[[Path], "Callable[[], None] | None"]
"""Called with the data file just before a save replaces it; what it returns runs after the save.

It must not raise: keeping the previous file (the daily backup) never makes a save fail.
"""


class AtomicStorage:
    """TinyDB storage over one JSON file, with the parsed document kept in memory.

    TinyDB needs only read(), write() and close(); not deriving from its
    Storage class keeps TinyDB out of start-up until the first save.

    Only the parsed document is kept, not the file's bytes as well: the file
    itself is the copy of what was last saved (we are its only writer). That
    copy is read back only when a save fails, or for a copy before an import
    or a restore.

    TinyDB edits the dict that read() returns in place before calling write().
    When the write fails, the in-memory document is read back from the file,
    so memory and file agree.
    """

    def __init__(
        self,
        path: Path,
        document: Document,
        as_on_disk: bool = False,
        keep_previous: KeepPrevious | None = None,
        old: OldYears | None = None,
    ) -> None:
        """`as_on_disk`: the file at `path` holds exactly `document` (orjson reads it back equal).

        Otherwise (a new folder, a document read with odd values kept as text)
        the document's own bytes are kept until its first save, to go back to.
        `keep_previous` (the daily backup) runs around each save that replaces
        an existing file. `old`: the older years of moments and check-ins left
        unparsed (read from a file the app trusts); every save writes them back.
        """
        self.path = path
        self._document = document
        self.old: OldYears = old or {}
        """By table, the older years still as the bytes they were read as (files/years.py)."""
        self._unsaved: bytes | None = None
        self._unsaved_document: Document | None = None
        self._refusal: Callable[[], SaveError] | None = None
        if not as_on_disk:
            self.keep_as_it_is()
        self._keep_previous = keep_previous
        self.saved_once = path.exists()
        self.writes = 0
        """Successful writes since opening: screens compare it to know if data changed."""
        self.unconfirmed = 0
        """Saves in place whose folder fsync failed: saved, but not confirmed durable."""

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

    def write(self, data: Document, whole: bool = False) -> None:
        """Save `data` and the older years still unparsed; whole: `data` is all there is (an import)."""
        # A table made after the records (settings, at the welcome) moves up:
        # the next start reads the settings from the head of the file.
        if self._refusal is not None:
            self._restore()
            raise self._refusal()
        data = put_head_first(data)
        try:
            encoded = encode_file(data, None if whole else self.old)
        except (TypeError, ValueError) as error:
            self._restore()
            raise SaveError(_("the entry held something that cannot be stored")) from error
        afterwards: list[Callable[[], None]] = []

        def keep_previous() -> None:
            if self._keep_previous is not None and self.saved_once:
                after = self._keep_previous(self.path)
                if after is not None:
                    afterwards.append(after)

        try:
            try:
                codec.write(self.path, encoded, keep_previous)
            except Unconfirmed:
                # The file holds the new entry: telling the person it was not saved would be untrue.
                self.unconfirmed += 1
            except OSError as error:
                self._restore()
                raise SaveError(plain_reason(error)) from error
            self._document = data
            if whole:
                self.old = {}
            self._unsaved = self._unsaved_document = None
            self.saved_once = True
            self.writes += 1
        finally:
            del encoded  # the file is the copy of what was saved (see the class)
            # After the save (or its failure), so the save gets the disk's room first.
            for after in afterwards:
                after()

    def _restore(self) -> None:
        """Put the document back to what was last saved, after a failed save."""
        if self._unsaved_document is not None:
            self._document = copy.deepcopy(self._unsaved_document)
            return
        try:
            content = self._unsaved if self._unsaved is not None else codec.read(self.path)
            # Older years unparsed are only ever kept from bytes the app trusts: these.
            self._document, self.old = decode_file(content) if self.old else (decode(content), {})
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
        pass
