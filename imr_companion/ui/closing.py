"""The window closing or the computer shutting down keeps what is being written.

Closing the terminal window sends SIGHUP; a shutdown or logout sends
SIGTERM. Left to Python, either ends the app at once and every word not yet
saved is gone. Here both do what ctrl+q does, without asking (no one is
there to answer): every screen in every area keeps its writing
(`keep_writing()`: the handout reader saves its answers as it always does
on leaving; Today keeps the good moment being written as a draft, put back
in its field with a calm word at the next start), and the app then exits
the ordinary way, restoring the terminal where one is still there.

Installed once Today's first frame is on screen (`install`); before then
there is nothing typed to keep. On Windows, asyncio has no signal handlers:
SIGTERM is caught with `signal.signal` where Python offers it; closing the
console window itself ends the process without a signal Python can catch,
so there only ctrl+q keeps the words.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from imr_companion.areas import AREAS
from imr_companion.i18n import N_, _

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp
    from imr_companion.ui.common.companion import Companion

SIGNALS = ("SIGHUP", "SIGTERM")
WORDS_KEPT = N_(
    "You were writing when the window closed. These words were not saved yet, so they are kept here for you:"
)


class KeepsWriting(Protocol):
    def keep_writing(self) -> bool:
        """Keep what is typed here without asking: the window is closing.

        True when words were saved that the person should hear about at the
        next start (a screen that puts them back itself says so there)."""


def install(app: CompanionApp) -> None:
    """Answer SIGHUP and SIGTERM by keeping what is written, then exiting."""
    handler = _once(lambda: close_keeping_writing(app))
    loop = asyncio.get_running_loop()
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            loop.add_signal_handler(number, handler)
        except (NotImplementedError, RuntimeError, ValueError):
            # Windows: no loop signal handlers; a plain handler hands it to the loop.
            with contextlib.suppress(OSError, ValueError):
                signal.signal(number, lambda *_args: loop.call_soon_threadsafe(handler))


def _once(action: Callable[[], None]) -> Callable[[], None]:
    done = False

    def run() -> None:
        nonlocal done
        if not done:
            done = True
            action()

    return run


def keep_writing(app: CompanionApp) -> list[str]:
    """Every screen in every area keeps what is written there; the areas to tell about next time."""
    # Imported here, as the window closes: with its dialogs, ~2 ms on the way to Today's cards
    # (this module is installed as they come: ui/starting.CARDS_NEED).
    from imr_companion.ui.common.quitting import every_screen

    kept: list[str] = []
    for mode, screen in every_screen(app):
        keep = getattr(screen, "keep_writing", None)
        if keep is None:
            continue
        # Whatever goes wrong on one screen (a full disk, a fault), the next
        # screen still keeps its words: there is no one to tell as the window closes.
        # The area the screen belongs to: the reader opened from Today is still Handouts.
        area = getattr(screen, "MODE", "") or mode
        with contextlib.suppress(Exception):
            if keep() and area not in kept:
                kept.append(area)
    return kept


def close_keeping_writing(app: CompanionApp) -> None:
    kept = keep_writing(app)
    if kept:
        with contextlib.suppress(Exception):
            app.save_settings(kept_on_close=kept)
    app.exit()


def keep_words(app: Companion, words: list[str]) -> None:
    """Words from a window that cannot be saved as they are: kept to be shown at the next start."""
    kept = [*app.database.stored_setting("words_kept", []), *words]
    app.save_settings(words_kept=[text.encode("utf-8", "replace").decode("utf-8") for text in kept])


def say_what_was_kept(app: CompanionApp) -> None:
    """At the start after the window closed while the person wrote: where their words are."""
    words: list[str] = app.database.stored_setting("words_kept", [])
    if words:
        from imr_companion.ui.common.dialogs.confirm import Confirm

        def seen(_answer: bool | None) -> None:
            app.save_settings(words_kept=[])

        text = "\n\n".join(str(word) for word in words)
        app.push_screen(
            Confirm(
                f"{_(WORDS_KEPT)}\n\n{text}",
                yes=_("OK"),
                no=None,
            ),
            seen,
        )
    kept: list[str] = app.database.stored_setting("kept_on_close", [])
    if not kept:
        return
    titles = {area.mode: area.title for area in AREAS}
    for mode in kept:
        if mode in titles:
            app.notify(
                _("You were writing in {area} when the window closed. Your words are kept there.").format(
                    area=_(titles[mode])
                ),
                timeout=12,
                markup=False,
            )
    app.save_settings(kept_on_close=[])
