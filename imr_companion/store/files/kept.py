"""A plain data file kept open once read or written (store/files/codec.py reads and writes it): where a
trusted file's older years are read back from (files/years.OldYear), not held in memory."""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from pathlib import Path
from queue import SimpleQueue


class KeptFile:
    """A plain data file as read or written, kept open: a trusted file's older years are read back
    from here (files/years.OldYear, checked against their digests), not kept in memory. Open, not
    named: the file read stays readable whatever takes its name meanwhile (a save, another program's
    file, a copy by hand). Closed, it is read by its name: the digests still say if it is the same."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd
        # Let go of when nothing refers to it any more (a save put a newer file in its place, and no
        # read in a thread still holds it): closed then by a thread, not in the save (_close_soon).
        self._let_go = weakref.finalize(self, _close_soon, fd) if fd is not None else None
        if self._let_go is not None:
            self._let_go.atexit = False  # the process's end closes it: no thread started then
        self._seen = _written(fd) if fd is not None else None
        """When it was last written, taken before it was read (or just after this app wrote it)."""

    def unchanged(self) -> bool:
        """Nothing has written to the open file since it was opened here: its size and change times
        are as they were. Then bytes read from it now are those its digests were taken of (a read
        back before a save need not hash 4 MB again). A file system whose clock is too coarse to
        see a rewrite of the same size within its tick is still covered: the stamp keeps the digests
        the file's lines had, so the next start finds the difference and sends the file through the
        gate."""
        if self._let_go is None or not self._let_go.alive or self._fd is None:
            return False
        return _written(self._fd) == self._seen

    def read_at(self, offset: int, length: int) -> bytes:
        """`length` bytes from `offset` (fewer where the file is shorter now): raises OSError."""
        if self._let_go is not None and self._let_go.alive:
            assert self._fd is not None
            return _read_at(self._fd, offset, length)
        return _by_name(self.path, offset, length)

    def read(self) -> bytes:
        """The whole file, as it is now."""
        if self._let_go is not None and self._let_go.alive:
            assert self._fd is not None
            return _read_at(self._fd, 0, os.fstat(self._fd).st_size)
        return _by_name(self.path, 0, None)

    def close(self) -> None:
        """Closed now (the database closes): read by its name from then on."""
        if self._let_go is not None and self._let_go.detach() is not None:
            assert self._fd is not None
            os.close(self._fd)


_to_close: SimpleQueue[int] = SimpleQueue()
_closer: threading.Thread | None = None
_closer_started = threading.RLock()  # a finalizer may run in a collection within


def _close_soon(fd: int) -> None:
    """Close `fd` in a thread of its own, soon: the last descriptor of a file a save replaced frees
    its blocks as it closes (a millisecond or more at thirty years, on the disk's journal), which a
    person waiting for a save to be shown need not wait for. The file is already out of use: only
    its descriptor is still held, a moment longer."""
    global _closer
    with _closer_started:
        if _closer is None or not _closer.is_alive():
            try:
                _closer = threading.Thread(target=_closing, name="imr-close-replaced", daemon=True)
                _closer.start()
            except RuntimeError:  # no new thread now (the interpreter is ending): closed here
                _closer = None
                os.close(fd)
                return
    _to_close.put(fd)


def _closing() -> None:
    while True:
        fd = _to_close.get()
        # An error here is the disk's, late, about a file no longer in use: nothing to do about it.
        with contextlib.suppress(OSError):
            os.close(fd)


def _written(fd: int) -> tuple[int, int, int, int]:
    status = os.fstat(fd)
    return status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def _by_name(path: Path, offset: int, length: int | None) -> bytes:
    """`length` bytes (None: all) from `offset` of the file now at `path` (never waiting on a pipe)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        return _read_at(fd, offset, os.fstat(fd).st_size if length is None else length)
    finally:
        os.close(fd)


def _read_at(fd: int, offset: int, length: int) -> bytes:
    data = os.pread(fd, length, offset)
    while 0 < len(data) < length and (more := os.pread(fd, length - len(data), offset + len(data))):
        data += more
    return data
