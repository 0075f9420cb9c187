"""Writing a file the crash-safe way, and the data file's encoding.

Every write replaces the whole file: a temporary file in the same folder,
flushed and fsynced, renamed over the old file, then the folder fsynced so the
rename itself survives a power cut. A reader of the file therefore only ever
sees the old or the new version. The data file's saves come here through
store/files/codec.py, in two steps (prepare_atomically, then Prepared.commit)
so that store/saving.py can keep the day's backup in between.
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import orjson

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


_BATCH = 1024
"""Pieces handed to the system in one call at most (IOV_MAX on Linux and macOS)."""
_READ_BACK = 512 * 1024
"""Bytes read back (Later) held at most before they are written: years of data are never all in memory."""


class Later(Protocol):
    """A piece whose bytes are read only as it is written: an older year read back from the data file
    it replaces, and checked there (files/years.OldYear; it raises when they are not what they were)."""

    @property
    def members(self) -> bytes: ...


Piece = bytes | memoryview | Later


def resolved(pieces: Sequence[Piece]) -> list[bytes | memoryview]:
    """`pieces` with every piece read back read now: for what needs them all at once (a sealed file)."""
    return [piece if isinstance(piece, bytes | memoryview) else piece.members for piece in pieces]


# The disk steps are separate functions so that tests can make each one fail.
def _write_all(fd: int, data: bytes | memoryview | Sequence[Piece]) -> None:
    """Write `data` whole: bytes, or pieces one after the other (a few hundred for years of data,
    handed to the system in one call where it has writev: a third less time than a call each).
    A piece read back (Later) is read as its turn comes, and written soon after."""
    pieces: Sequence[Piece] = [data] if isinstance(data, bytes | memoryview) else data
    batch: list[memoryview] = []
    read_back = 0
    for piece in pieces:
        if isinstance(piece, bytes | memoryview):
            view = memoryview(piece)
        else:
            view = memoryview(piece.members)
            read_back += view.nbytes
        if view.nbytes:
            batch.append(view)
        if len(batch) >= _BATCH or read_back >= _READ_BACK:
            _write_views(fd, batch)
            _start_writeback(fd)
            batch, read_back = [], 0
    _write_views(fd, batch)


def _write_views(fd: int, views: list[memoryview]) -> None:
    writev = getattr(os, "writev", None)
    first = 0  # the first piece not yet written whole
    while first < len(views):
        batch = views[first : first + _BATCH]
        written = writev(fd, batch) if writev is not None else os.write(fd, batch[0])
        while written and written >= views[first].nbytes:
            written -= views[first].nbytes
            first += 1
        if written:  # a piece written in part goes on from there
            views[first] = views[first][written:]


def _fsync_file(fd: int) -> None:
    os.fsync(fd)


_SYNC_FILE_RANGE_WRITE = 2
_head_start: list[Callable[[int, int, int, int], int] | None] = []
"""Linux's sync_file_range once looked for (_find_head_start), else empty: no head start yet."""
_looking = threading.Lock()
LOOK_AFTER = 1.0
"""Seconds after a session's first save that sync_file_range is looked for (ctypes takes ~2 ms of
Python's lock and 0.3 MiB to import: not in that save, and not in a session that never saves)."""


def _start_writeback(fd: int) -> None:
    """Have the system start writing what `fd` holds so far to the disk, not waiting for it: the
    fsync after the last piece then waits for less (thirty years of data written in pieces of half a
    megabyte: the fsync 3.7 -> 1.8-2.8 ms). Only a head start: the fsync is what makes it durable.
    Linux's sync_file_range, from a session's second save on; elsewhere, or when the system refuses
    (its result is not looked at), nothing."""
    if _head_start:
        start = _head_start[0]
        if start is not None:
            start(fd, 0, 0, _SYNC_FILE_RANGE_WRITE)  # 0, 0: from the start to the end, as far as written
    elif _looking.acquire(blocking=False):
        finding = threading.Timer(LOOK_AFTER, _find_head_start)
        finding.daemon = True
        finding.start()


def _find_head_start() -> None:
    found: Callable[[int, int, int, int], int] | None = None
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            function = ctypes.CDLL(None, use_errno=True).sync_file_range
            function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
            function.restype = ctypes.c_int
            found = function
        except (ImportError, OSError, AttributeError):
            pass
    _head_start.append(found)


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


class Prepared:
    """A file's new content, whole and fsynced in a temporary file beside it, not yet in its place.

    The caller decides what happens between the two steps (the daily backup
    links the old data file), then commit() puts it in place or discard()
    leaves the old file as it was. Nothing here calls back up.
    """

    def __init__(self, path: Path, temp: str, fd: int | None = None) -> None:
        self.path = path
        self._temp: str | None = temp
        self._fd = fd
        """The new file, still open (prepare_atomically(keep_open=True)), for take_fd()."""
        self._in_place = False

    def commit(self) -> None:
        """Replace the file with the new content, then make the rename durable.

        Raises Unconfirmed (after the rename) when only the final folder fsync
        failed: the file then already holds the new content, and callers must
        not say it was not saved. On any other failure the old file stays.
        """
        temp = self._temp
        if temp is None:
            raise ValueError("already committed or discarded")
        try:
            _replace(temp, self.path)
        except BaseException:
            self.discard()
            raise
        self._temp, self._in_place = None, True
        try:
            _fsync_dir(self.path.parent)
        except OSError as error:
            raise Unconfirmed(error.errno, error.strerror) from error

    def discard(self) -> None:
        """Remove the temporary file, if it was not committed (safe to call twice)."""
        temp, self._temp = self._temp, None
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        if not self._in_place:
            self._close_fd()

    def take_fd(self) -> int | None:
        """The new file, open for reading, once it is in place (committed; Unconfirmed too): the
        caller closes it. None when it was not kept open or is not in place."""
        fd, self._fd = (self._fd, None) if self._in_place else (None, self._fd)
        return fd

    def _close_fd(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def prepare_atomically(path: Path, data: bytes | tuple[Piece, ...], *, keep_open: bool = False) -> Prepared:
    """The first step of write_atomically: `data` whole and durable in a temporary file beside `path`.

    `data` may come in pieces written one after another (a sealed file's header,
    then its body: years of data are not copied once more to join them).
    keep_open: the new file stays open, for Prepared.take_fd() once it is in place.
    """

    def fill(fd: int) -> None:
        _write_all(fd, data)

    return _prepare(path, fill, keep_open=keep_open)


def write_atomically(path: Path, data: bytes | tuple[Piece, ...]) -> None:
    """Put `data` at `path` so that the file is whole, durable and private, or unchanged.

    Raises Unconfirmed when only the final folder fsync failed (see Prepared.commit).
    """
    prepare_atomically(path, data).commit()


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

    _prepare(path, copy).commit()


def _prepare(path: Path, fill: Callable[[int], None], *, keep_open: bool = False) -> Prepared:
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    kept = None
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            fill(fd)
            _fsync_file(fd)
            kept = os.dup(fd) if keep_open else None
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return Prepared(path, temp, kept)
