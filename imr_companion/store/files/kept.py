"""A plain data file kept open once read or written (store/files/codec.py reads and writes it): where a
trusted file's older years are read back from (files/years.OldYear), not held in memory."""

from __future__ import annotations

import os
import weakref
from pathlib import Path


class KeptFile:
    """A plain data file as read or written, kept open: a trusted file's older years are read back
    from here (files/years.OldYear, checked against their digests), not kept in memory. Open, not
    named: the file read stays readable whatever takes its name meanwhile (a save, another program's
    file, a copy by hand). Closed, it is read by its name: the digests still say if it is the same."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd
        self._let_go = weakref.finalize(self, os.close, fd) if fd is not None else None
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
        if self._let_go is not None:
            self._let_go()


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
