"""A program run in a real pseudo-terminal, watched the way a person watches it.

The child gets a 120x40 pseudo-terminal of its own (as in a terminal window)
and everything it writes is read as it arrives. A frame "is seen" when text a
person would read (a marker) has been written to the terminal: escape
sequences are taken out of the stream before looking, so a marker is found
whatever colours and cursor moves surround it. Textual writes each frame in one
go, so the time the marker arrives is the time that frame reached the screen.
"""

from __future__ import annotations

import bisect
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
TIMEOUT = 30.0
"""Seconds to wait for a state before a round is dropped: generous, so a loaded machine only slows it."""
TICK = 1 / os.sysconf("SC_CLK_TCK")

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


def _cpu_seconds(pid: int) -> float | None:
    """CPU time the program has used so far (user and system, all its threads), or None when gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) * TICK


class NotSeen(RuntimeError):
    """The program did not show what was expected in time (or stopped)."""


class Terminal:
    """One program in a pseudo-terminal; times are seconds since it was started."""

    def __init__(
        self, argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> None:
        environment = dict(os.environ if env is None else env)
        environment.update(
            TERM="xterm-256color", COLORTERM="truecolor", COLUMNS=str(COLUMNS), LINES=str(ROWS)
        )
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), environment)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self._raw = bytearray()
        self._text = bytearray()
        self._tail = b""
        # When each piece of text arrived: (length of the text once it had, seconds since start).
        self._ends: list[int] = []
        self._times: list[float] = []
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
        now = self.elapsed()
        self._raw += chunk
        self._text += _ESCAPES.sub(b"", data)
        self._ends.append(len(self._text))
        self._times.append(now)
        return True

    def arrived(self, end: int) -> float:
        """When the text up to position `end` had reached the terminal (seconds since start)."""
        return self._times[bisect.bisect_left(self._ends, end)]

    def first(self, pattern: bytes | re.Pattern[bytes], after: int = 0) -> float | None:
        """When `pattern` (text or a regular expression) was first shown after the mark, or None."""
        if isinstance(pattern, bytes):
            found = self._text.find(pattern, after)
            return None if found == -1 else self.arrived(found + len(pattern))
        match = pattern.search(self._text, after)
        return None if match is None else self.arrived(match.end())

    def read_until(self, moment: float) -> bool:
        """Take in output until `moment` (seconds since start); False when the program has ended."""
        while (left := moment - self.elapsed()) > 0:
            if not self._read(min(left, 0.05)):
                return False
        return True

    def mark(self) -> int:
        """A position in the output: wait_for(after=mark) looks only at what comes later."""
        return len(self._text)

    def wait_for(self, *markers: str, after: int = 0, timeout: float = TIMEOUT) -> float:
        """Seconds since start when every marker had been shown (after the mark): the time the last
        of them reached the terminal, however long ago that was read."""
        wanted = [m.encode() for m in markers]
        deadline = time.perf_counter() + timeout
        while True:
            seen = [self.first(m, after) for m in wanted]
            if all(t is not None for t in seen):
                return max(t for t in seen if t is not None)
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

    def wait_idle(self, quiet: float = 0.8, since: float = 0.0, timeout: float = 15.0) -> float | None:
        """Read on until the program has used (almost) no CPU for `quiet` seconds after `since`.

        This is how the work a program does in the background after its first
        frame is seen from outside (timers, threads): its CPU time stops
        growing. Returns when that quiet began (seconds since start; at the
        earliest when this was called), or None when it did not come within
        `timeout`. The quiet allows a clock tick and 2 % of a core, for a
        cursor's blink.
        """
        deadline = self.elapsed() + timeout
        samples: list[tuple[float, float]] = []
        while self.elapsed() < deadline:
            cpu = _cpu_seconds(self.pid)
            if cpu is None:
                return None
            now = self.elapsed()
            samples.append((now, cpu))
            began = now
            for then, used in reversed(samples):
                if cpu - used > TICK * 1.5 + (now - then) * 0.02:
                    break
                began = then
            if now - max(began, since) >= quiet:
                return began
            if not self._read(0.05):
                return None
        return None

    def peak_now(self) -> int | None:
        """The program's peak resident memory so far, in KiB (VmHWM), without ending it."""
        return _peak_of_program(self.pid)

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
