"""One writer at a time.

An OS-level lock (flock on Unix, via filelock) is released by the kernel when
the process ends, however it ends, so a killed app never blocks the next start.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from imr_companion.paths import LOCK_FILE
from imr_companion.store.errors import AlreadyOpen


class WriterLock:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = FileLock(folder / LOCK_FILE, mode=0o600, thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise AlreadyOpen(self.folder) from None

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
