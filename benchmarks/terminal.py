"""A program run in a real pseudo-terminal, watched the way a person watches it.

The child gets a 120x40 pseudo-terminal of its own (as in a terminal window)
and everything it writes is read as it arrives. A frame "is seen" when text a
person would read (a marker) has been written to the terminal: escape
sequences are taken out of the stream before looking, so a marker is found
whatever colours and cursor moves surround it. Textual writes each frame in one
go, so the time the marker arrives is the time that frame reached the screen.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from pathlib import Path

COLUMNS, ROWS = 120, 40
TIMEOUT = 20.0

# CSI (colours, cursor moves, modes), OSC (titles, clipboard), and two-byte escapes.
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def _peak_of_program(pid: int) -> int | None:
    """Peak resident KiB of the program the child became (Linux: VmHWM), or None elsewhere."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


class NotSeen(RuntimeError):
    """The program did not show what was expected in time (or stopped)."""


class Terminal:
    """One program in a pseudo-terminal; times are seconds since it was started."""

    def __init__(self, argv: Sequence[str], env: dict[str, str] | None = None) -> None:
        environment = dict(os.environ if env is None else env)
        environment.update(
            TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS), LINES=str(ROWS)
        )
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.execvpe(argv[0], list(argv), environment)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self._raw = bytearray()
        self._text = bytearray()
        self._tail = b""
        self.peak_kib: int | None = None

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def _read(self, timeout: float) -> bool:
        """Take in what the program wrote; False when it has closed the terminal."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program ended
            return False
        if not chunk:
            return False
        # An escape sequence can be split across two reads: keep an unfinished tail.
        data = self._tail + chunk
        cut = data.rfind(b"\x1b")
        if cut != -1 and not _ESCAPES.match(data, cut) and len(data) - cut < 64:
            data, self._tail = data[:cut], data[cut:]
        else:
            self._tail = b""
        self._raw += chunk
        self._text += _ESCAPES.sub(b"", data)
        return True

    def mark(self) -> int:
        """A position in the output: wait_for(after=mark) looks only at what comes later."""
        return len(self._text)

    def wait_for(self, *markers: str, after: int = 0, timeout: float = TIMEOUT) -> float:
        """Seconds since start when every marker has been shown (after the mark)."""
        wanted = [m.encode() for m in markers]
        deadline = time.perf_counter() + timeout
        while True:
            if all(self._text.find(m, after) != -1 for m in wanted):
                return self.elapsed()
            if time.perf_counter() > deadline:
                raise NotSeen(
                    f"not seen in {timeout:.0f} s: {markers!r}; last output: {self.screen_text()[-400:]!r}"
                )
            if not self._read(0.05):
                raise NotSeen(f"the program ended before showing {markers!r}: {self.screen_text()[-400:]!r}")

    def settle(self, quiet: float = 0.15, timeout: float = 5.0) -> None:
        """Read on until the program has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        last = len(self._raw)
        quiet_since = time.perf_counter()
        while time.perf_counter() < deadline:
            if not self._read(0.02):
                return
            if len(self._raw) != last:
                last, quiet_since = len(self._raw), time.perf_counter()
            elif time.perf_counter() - quiet_since >= quiet:
                return

    def press(self, keys: str) -> float:
        """Send keys as typed; returns the time they were sent."""
        os.write(self.fd, keys.encode())
        return self.elapsed()

    def screen_text(self, since: int = 0) -> str:
        """All text shown since the mark `since`, without escape sequences."""
        return self._text[since:].decode(errors="replace")

    def stop(self) -> int:
        """End the program and return its peak memory in KiB (as the kernel counted it)."""
        if self.peak_kib is None:
            peak = _peak_of_program(self.pid)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            _, _, usage = os.wait4(self.pid, 0)
            os.close(self.fd)
            # The kernel's count also holds the benchmark's own pages copied at the fork.
            self.peak_kib = peak if peak is not None else usage.ru_maxrss
        return self.peak_kib

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
