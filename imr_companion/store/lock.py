"""One writer at a time.

Two locks, both released by the kernel when the process ends, however it
ends, so a killed app never blocks the next start:

- the data folder itself (flock on the folder, on Unix): deleting or
  replacing a file cannot undo it, so a second window is always refused;
- the lock file `.companion.lock` (via filelock, on every platform), which
  earlier versions of the app look for. On Windows an open file cannot be
  deleted, so there the lock file alone is enough.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from filelock import FileLock, Timeout

from imr_companion.paths import LOCK_FILE
from imr_companion.store.errors import AlreadyOpen

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FileLock(folder / LOCK_FILE, mode=0o600, thread_local=False)
        self._folder_fd: int | None = None

    def acquire(self) -> None:
        if fcntl is not None:
            fd = os.open(self.folder, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._folder_fd = fd
            except OSError as error:
                os.close(fd)
                if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise AlreadyOpen(self.folder) from None
                # A file system that cannot lock folders: the lock file still guards it.
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self._release_folder()
            raise AlreadyOpen(self.folder) from None

    def _release_folder(self) -> None:
        if self._folder_fd is not None:
            os.close(self._folder_fd)  # closing the last descriptor drops the flock
            self._folder_fd = None

    def release(self) -> None:
        self._lock.release()
        self._release_folder()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
