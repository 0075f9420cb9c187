"""Locking the open app: after the idle minutes the person chose, or at once from the palette.

Locking does what closing the window does (ui/closing.py): every screen keeps
what is being written, unasked, and the app exits; the command line then
forgets the data key and shows the unlock window again (cli._run_app).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events

from imr_companion.store.files import codec

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

CHECK_EVERY = 15.0
"""Seconds between looks at the idle time: a lock comes at most this late."""


class IdleLock:
    """For the app: when the person last pressed a key or used the mouse, and whether it closes to lock."""

    locked = False
    last_activity = time.monotonic()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp):
            self.last_activity = time.monotonic()
        await super().on_event(event)  # type: ignore[misc]  # a mixin before App, whose on_event this is


def watch(app: CompanionApp) -> None:
    """Look at the idle time now and then, while the data has a passphrase."""
    app.last_activity = time.monotonic()
    app.set_interval(CHECK_EVERY, lambda: lock_if_idle(app))


def idle_minutes(app: CompanionApp) -> int:
    minutes = app.database.stored_setting("lock_after_minutes", 0)
    return minutes if minutes > 0 else 0


def lock_if_idle(app: CompanionApp, now: float | None = None) -> bool:
    minutes = idle_minutes(app)
    if not minutes or codec.held() is None:
        return False
    if (time.monotonic() if now is None else now) - app.last_activity < minutes * 60:
        return False
    lock(app)
    return True


def lock(app: CompanionApp) -> None:
    from imr_companion.ui.closing import close_keeping_writing

    app.locked = True
    close_keeping_writing(app)
