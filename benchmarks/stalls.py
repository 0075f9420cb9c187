"""Which step holds the app's thread when a typed letter waits: a watchdog, for the benchmarks only.

    python -m benchmarks --only typing --stalls     # the typing part, and where the slowest letters waited

The app is started as `python -m benchmarks.stalls OUT --data-dir DIR`: this
module starts a thread that looks at every thread's stack each millisecond
(while the app runs as usual), then runs the app's command line. A look that
finds the app's thread away from its event loop's wait, or that comes late
because another thread held Python's lock, is written to OUT with the time
(perf_counter: the same clock as the benchmark's) and the stacks' innermost
frames of the app's own code and the libraries. For each of the slowest
letters the benchmark then says what the app's thread was doing between the
key and its frame (`holders`). It costs the app some CPU (a look takes tens
of microseconds), so its typing figures are not the suite's.
"""

from __future__ import annotations

import gc
import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from types import FrameType

PERIOD = 0.001
"""Seconds between two looks."""
DEPTH = 2
"""Innermost frames of each stack kept."""
IDLE = ("select", "poll", "_run_once")
"""The event loop waiting for something to do (selectors / asyncio)."""


def _where(frame: FrameType) -> str:
    code = frame.f_code
    where = code.co_filename
    for root in ("imr_companion/", "site-packages/", "lib/python3"):
        if root in where:
            where = where[where.rindex(root) :].removeprefix("site-packages/")
            break
    return f"{where}:{frame.f_lineno} {code.co_name}"


def _stack(frame: FrameType | None) -> list[str]:
    """The innermost frames, then the innermost of the app's own code, then what Textual was
    handling (the message and the widget or screen it was for)."""
    kept: list[str] = []
    ours = handling = ""
    while frame is not None:
        if len(kept) < DEPTH:
            kept.append(_where(frame))
        name = frame.f_code.co_filename
        if not ours and "imr_companion/" in name and "imr_companion/cli/" not in name:
            ours = _where(frame)
        caller = frame.f_back
        if (
            not handling
            and caller is not None
            and caller.f_code.co_name == "_run"
            and "asyncio" in caller.f_code.co_filename
        ):
            handling = f"in {frame.f_code.co_name}"  # the task or callback the event loop runs
        if not handling and frame.f_code.co_name == "_dispatch_message":
            message = frame.f_locals.get("message")
            pump = frame.f_locals.get("self")
            handling = f"{type(message).__name__} for {type(pump).__name__}"
        frame = frame.f_back
    return [*kept[:2], ours, handling]


COLLECTIONS: list[dict] = []
"""The garbage collector's passes of the oldest generation (gen 2) or of >2 ms, as they end."""
_collecting: dict[str, float] = {}


def _collected(phase: str, info: dict) -> None:
    if phase == "start":
        _collecting["t"] = time.perf_counter()
    elif "t" in _collecting:
        took = time.perf_counter() - _collecting.pop("t")
        if info["generation"] == 2 or took > 0.002:
            COLLECTIONS.append({"gc": info["generation"], "t": time.perf_counter(), "took": took})


def _watch(out: Path, main: int) -> None:
    with out.open("w") as file:
        expected = time.perf_counter() + PERIOD
        flushed = time.perf_counter()
        before: dict[str, list[str]] = {}
        while True:
            time.sleep(PERIOD)
            now = time.perf_counter()
            late = now - expected
            expected = now + PERIOD
            frames = sys._current_frames()
            main_frame = frames.get(main)
            busy = main_frame is not None and main_frame.f_code.co_name not in IDLE
            others = {
                str(ident): _stack(frame)
                for ident, frame in frames.items()
                if ident not in (main, threading.get_ident())
            }
            if busy or late > 0.002:
                record = {
                    "t": now,
                    "late": late,
                    "busy": busy,
                    "main": _stack(main_frame),
                    "others": others,
                    # Where the other threads were at the look before: one that held the lock
                    # since (a long call into C code) shows the line that made the call.
                    "before": before,
                }
                file.write(json.dumps(record) + "\n")
            before = others
            while COLLECTIONS:
                file.write(json.dumps(COLLECTIONS.pop(0)) + "\n")
            if now - flushed > 0.05:
                file.flush()
                flushed = now


def read(out: Path) -> list[dict]:
    """The looks written to `out` (the last line may be cut off when the app was killed)."""
    looks = []
    for line in out.read_text().splitlines():
        try:
            looks.append(json.loads(line))
        except ValueError:
            break
    return looks


def holders(looks: list[dict], start: float, end: float, top: int = 4) -> str:
    """What held the app's thread between `start` and `end` (perf_counter).

    Each look stands for the time since the one before it: a look comes late
    when the app's thread keeps Python's lock (up to the switch interval) or
    the machine gives the watchdog no core. The time goes to the app's thread's
    innermost frames where it was busy, else to "waiting" (its event loop idle;
    a late look then says another thread or the machine held it up).
    """
    held: Counter[str] = Counter()
    for collection in looks:
        if "gc" in collection and start <= collection["t"] and collection["t"] - collection["took"] <= end:
            held[f"garbage collected (generation {collection['gc']}) in one pass"] += collection["took"]
    looks = [look for look in looks if "gc" not in look]
    before = start
    for look in looks:
        if not start <= look["t"] <= end + 0.02:
            continue
        spent = min(look["t"], end) - before
        before = look["t"]
        if spent <= 0:
            continue
        if look["busy"]:
            held[_interesting(look["main"])] += spent
        elif look["late"] > 0.002:
            # A thread that held the lock since the look before: where it was then.
            stacks = look.get("before", {}) or look["others"]
            others = [_interesting(stack) for stack in stacks.values() if stack and not _idle(stack)]
            held["the loop idle, the look late; other threads: " + (" | ".join(others) or "none busy")] += (
                spent
            )
    lines = [f"{seconds * 1000:5.1f} ms  {where}" for where, seconds in held.most_common(top)]
    return "\n".join(lines) if lines else "(the app's thread was waiting)"


def _idle(stack: list[str]) -> bool:
    return any(name in stack[0] for name in ("wait", "select", "get", "sleep"))


def _interesting(stack: list[str]) -> str:
    """The innermost frame of the app's own code, and what Textual was handling; else the innermost."""
    innermost, _caller, ours, handling = [*stack, "", "", "", ""][:4]
    return " < ".join(part for part in (ours or innermost.split(" ")[0], handling) if part)


def main() -> int:
    out = Path(sys.argv[1])
    watcher = threading.Thread(target=_watch, args=(out, threading.get_ident()), daemon=True)
    watcher.start()
    gc.callbacks.append(_collected)
    from imr_companion.cli import main as app

    return app(sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
