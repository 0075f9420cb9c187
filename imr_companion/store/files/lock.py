"""One writer at a time.

Two locks, both released by the kernel when the process ends, however it
ends, so a killed app never blocks the next start:

- the data folder itself (flock on the folder, on Unix): deleting or
  replacing a file cannot undo it, so a second window is always refused;
- the lock file `.companion.lock`, which earlier versions of the app look
  for: flock where the system has it, filelock's lock elsewhere (Windows,
  where an open file cannot be deleted, so the lock file alone is enough).
  flock is called directly because importing filelock costs about 9 ms
  before the app's first frame (it brings in secrets, hashlib and hmac);
  filelock itself uses flock on Unix, so the two exclude each other.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from imr_companion.paths import LOCK_FILE
from imr_companion.store.errors import AlreadyOpen

if TYPE_CHECKING:
    from filelock import BaseFileLock

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # the module is absent there, so None stands for it

FILE_MODE = 0o600
_HELD_ELSEWHERE = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._path = folder / LOCK_FILE
        self._folder_fd: int | None = None
        self._file_fd: int | None = None
        self._portable: BaseFileLock | None = None
        """filelock's lock, where there is no flock."""

    def acquire(self) -> None:
        if fcntl is None:
            self._acquire_portable()
            return
        self._folder_fd = self._flock(self.folder, os.O_RDONLY, folder=True)
        try:
            self._file_fd = self._flock(self._path, os.O_RDWR | os.O_CREAT, folder=False)
        except AlreadyOpen:
            self._release_fd("_folder_fd")
            raise

    def acquire_folder(self) -> None:
        """Only the folder's own lock (it needs no file): for opening a folder that cannot be written."""
        if fcntl is not None:
            self._folder_fd = self._flock(self.folder, os.O_RDONLY, folder=True)

    def _flock(self, path: Path, flags: int, *, folder: bool) -> int | None:
        fd = os.open(path, flags, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in _HELD_ELSEWHERE:
                raise AlreadyOpen(self.folder) from None
            if folder:
                return None  # a file system that cannot lock folders: the lock file still guards it
            raise
        return fd

    def _acquire_portable(self) -> None:
        from filelock import FileLock, Timeout

        self._portable = portable = FileLock(self._path, mode=FILE_MODE, thread_local=False)
        try:
            portable.acquire(timeout=0)
        except Timeout:
            raise AlreadyOpen(self.folder) from None

    def _release_fd(self, name: str) -> None:
        fd = getattr(self, name)
        if fd is not None:
            setattr(self, name, None)
            os.close(fd)  # closing the last descriptor drops the flock

    def release(self) -> None:
        if self._portable is not None:
            self._portable.release()
        self._release_fd("_file_fd")
        self._release_fd("_folder_fd")

    @property
    def held(self) -> bool:
        if self._portable is not None:
            return self._portable.is_locked
        return self._file_fd is not None or self._folder_fd is not None
