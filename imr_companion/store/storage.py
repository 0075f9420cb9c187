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
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from imr_companion.store.errors import SaveError
from imr_companion.store.file_head import put_head_first

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


def write_atomically(path: Path, data: bytes) -> None:
    """Put `data` at `path` so that the file is whole, durable and private, or unchanged.

    Raises Unconfirmed (after the rename) when only the final folder fsync failed:
    the file then already holds `data`, and callers must not say it was not saved.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            _write_all(fd, data)
            _fsync_file(fd)
        finally:
            os.close(fd)
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    try:
        _fsync_dir(path.parent)
    except OSError as error:
        raise Unconfirmed(error.errno, error.strerror) from error


class AtomicStorage(Storage):
    """TinyDB storage over one JSON file, with the parsed document kept in memory.

    TinyDB edits the dict that read() returns in place before calling write().
    When the write fails, the in-memory document is put back to what is on
    disk, so memory and file never disagree.
    """

    def __init__(
        self,
        path: Path,
        document: Document,
        on_disk: bytes | None = None,
        after_write: Callable[[bytes], None] | None = None,
    ) -> None:
        """`on_disk`: the file's bytes as read, when `document` is exactly what they hold.

        `after_write(previous bytes)` runs after each successful write (the daily
        backup): after, so that on a nearly full disk the save gets the room first.
        """
        self.path = path
        self._document = document
        self._on_disk = on_disk if on_disk is not None else encode(document)
        self._after_write = after_write
        self.saved_once = path.exists()
        self.writes = 0
        """Successful writes since opening: screens compare it to know if data changed."""
        self.unconfirmed = 0
        """Saves in place whose folder fsync failed: saved, but not confirmed durable."""

    def read(self) -> Document:
        return self._document

    def write(self, data: Document) -> None:
        # A table made after the records (settings, at the welcome) moves up:
        # the next start reads the settings from the head of the file.
        data = put_head_first(data)
        try:
            encoded = encode(data)
        except (TypeError, ValueError) as error:
            self._restore()
            raise SaveError("the entry held something that cannot be stored") from error
        try:
            write_atomically(self.path, encoded)
        except Unconfirmed:
            # The file holds the new entry: telling the person it was not saved would be untrue.
            self.unconfirmed += 1
        except OSError as error:
            self._restore()
            raise SaveError(error.strerror or "the disk did not accept it") from error
        previous, was_saved = self._on_disk, self.saved_once
        self._document = data
        self._on_disk = encoded
        self.saved_once = True
        self.writes += 1
        if self._after_write is not None and was_saved:
            self._after_write(previous)

    def _restore(self) -> None:
        self._document = decode(self._on_disk)

    def last_saved(self) -> bytes:
        """The exact bytes of the file as last written (or loaded)."""
        return self._on_disk

    def close(self) -> None:
        pass
