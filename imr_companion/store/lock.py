"""One writer at a time.

An OS-level lock is released by the kernel when the process ends, however it
ends, so a killed app never blocks the next start: flock where the system has
it (Linux, macOS), filelock's lock elsewhere (Windows). flock is called
directly because importing filelock costs about 9 ms before the app's first
frame (it brings in secrets, hashlib and hmac).
"""

from __future__ import annotations

import os
from pathlib import Path

from imr_companion.paths import LOCK_FILE
from imr_companion.store.errors import AlreadyOpen

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o600


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._path = folder / LOCK_FILE
        self._fd: int | None = None
        self._portable = None
        """filelock's lock, where there is no flock."""

    def acquire(self) -> None:
        if fcntl is None:
            self._acquire_portable()
            return
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise AlreadyOpen(self.folder) from None
        self._fd = fd

    def _acquire_portable(self) -> None:
        from filelock import FileLock, Timeout

        self._portable = FileLock(self._path, mode=FILE_MODE, thread_local=False)
        try:
            self._portable.acquire(timeout=0)
        except Timeout:
            raise AlreadyOpen(self.folder) from None

    def release(self) -> None:
        if self._portable is not None:
            self._portable.release()
        elif self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @property
    def held(self) -> bool:
        if self._portable is not None:
            return self._portable.is_locked
        return self._fd is not None
