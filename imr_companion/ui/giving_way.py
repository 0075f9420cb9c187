"""Work in a thread gives way to a key: it waits while the app's thread handles and draws one.

The start-up's threads (the cards' code and the models imported, validators
built, the areas imported ahead: ui/starting.py) hold Python's lock in turns
with the app's thread. While a letter is handled and drawn (~10-20 ms of the
app's thread), such a thread took half the lock's time and the letter took
twice as long to appear. A thread that gives way looks, before each module it
imports and between its steps, at the time of the person's last key
(IdleLock.last_activity) and waits until the key has had GIVE_WAY to itself;
the work only comes later by what the keys took.
"""

from __future__ import annotations

import _imp
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType


class _Typed(Protocol):
    last_activity: float
    """time.monotonic() of the person's last key or click (ui/unlock/idle.py)."""


GIVE_WAY = 0.03
"""Seconds after a key during which a thread that gives way waits: a letter is
handled and drawn in about 10-20 ms (the next frame comes at most 1/60 s after)."""
LONGEST_WAIT = 0.1
"""A thread waits at most this long at once: someone holding a key down still lets the work go on."""


NAP = 0.002
"""Seconds a waiting thread sleeps before it looks again whether the app's thread is waiting for it."""
_OPENING = threading.Event()
"""Set while the app's thread builds an area's first open (opening)."""


@contextmanager
def opening() -> Iterator[None]:
    """On the app's thread, while it builds what a person waits for and imports its code (an area's
    first open while the areas are imported ahead): a thread that gives way waits meanwhile, rather
    than take half of Python's lock from it, but never while the app's thread waits for a module
    that thread is importing (its lock; `_app_thread_waits_for_a_module`): then it goes on at once."""
    _OPENING.set()
    try:
        yield
    finally:
        _OPENING.clear()


_BUSY_UNTIL = [0.0]
"""time.monotonic() until which the app's thread draws what a person waits for (busy_for)."""


def busy_for(seconds: float) -> None:
    """On the app's thread, as it starts drawing what a person waits for (an area's first open,
    ~60-80 ms): a thread that gives way waits meanwhile as after a key, at most `seconds` and
    LONGEST_WAIT at once, rather than taking half of Python's lock from that drawing."""
    _BUSY_UNTIL[0] = time.monotonic() + seconds


_IMPORT_MACHINERY = "<frozen importlib._bootstrap>"
"""Where Python's import waits for a module's lock (not the finders' _bootstrap_external)."""


def _app_thread_waits_for_a_module() -> bool:
    """Whether the app's thread is in Python's import machinery itself (its innermost frame): waiting,
    but for a moment, for a module's lock, held by the thread that is importing that module.

    A module being run has its own file; only the machinery's steps between modules are here."""
    frame = sys._current_frames().get(threading.main_thread().ident or 0)
    return frame is not None and frame.f_code.co_filename == _IMPORT_MACHINERY


def wait_for_keys(app: _Typed) -> None:
    """Wait while the person's last key is less than GIVE_WAY old, or the app's thread is busy
    drawing for them (busy_for, opening); at most LONGEST_WAIT. Never while the app's thread
    waits for a module: this thread may be the one importing it."""
    waited = 0.0
    while waited < LONGEST_WAIT and not _app_thread_waits_for_a_module():
        now = time.monotonic()
        left = max(
            GIVE_WAY - (now - app.last_activity),
            _BUSY_UNTIL[0] - now,
            NAP if _OPENING.is_set() else 0.0,
        )
        if left <= 0:
            return
        # In short naps: the app's thread may come to need what this one is importing.
        pause = min(left, LONGEST_WAIT - waited, NAP)
        time.sleep(pause)
        waited += pause


class _BeforeEachImport:
    """A finder of sys.meta_path (importlib.abc.MetaPathFinder, not imported before the first frame:
    ~3 ms), consulted first for every module imported anywhere; finds none itself. In a thread that
    gives way, it waits for the keys first: an import is a step of a few milliseconds at most."""

    def __init__(self) -> None:
        self.threads: dict[int, _Typed] = {}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        app = self.threads.get(threading.get_ident())
        if app is not None:
            with _import_lock_let_go():
                wait_for_keys(app)
        return None


@contextmanager
def _import_lock_let_go() -> Iterator[None]:
    """Python holds its global import lock around every finder's find_spec (importlib's
    _find_spec, 3.11 to 3.13): waiting with it would hold back any module the app's thread imports
    meanwhile (an area's first open, up to LONGEST_WAIT). The lock is let go while waiting: this
    thread still holds the locks of the modules it is importing, as it should."""
    try:
        _imp.release_lock()
    except RuntimeError:  # find_spec called outside an import (not holding the lock): nothing to let go
        yield
        return
    try:
        yield
    finally:
        _imp.acquire_lock()


_FINDER = _BeforeEachImport()
# Put first once, as this module is imported (before any thread of the app's starts: by Today's
# cards_in.py, or ui/starting.py): changing sys.meta_path later could disturb an import under way
# in another thread.
sys.meta_path.insert(0, _FINDER)


def pause() -> None:
    """Between two steps of a thread that gives way (not an import: building a validator, ~5 ms
    held in pydantic's own code): wait for the keys first. Elsewhere nothing."""
    app = _FINDER.threads.get(threading.get_ident())
    if app is not None:
        wait_for_keys(app)


@contextmanager
def giving_way(app: _Typed) -> Iterator[None]:
    """In this thread, until the block ends: each module imported waits for the keys first."""
    _FINDER.threads[threading.get_ident()] = app
    try:
        yield
    finally:
        _FINDER.threads.pop(threading.get_ident(), None)
