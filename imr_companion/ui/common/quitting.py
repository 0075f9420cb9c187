"""Quitting (ctrl+q) never throws away writing: it asks first.

Every open screen, in every area, is asked `has_unsaved_text()`: editors
say whether a field changed, area screens whether one of their own fields
holds words not saved yet. When one does, the person is asked, with
"Keep writing" first; keeping takes them back to that area. Closing the
window (ui/closing.py) walks the same screens and keeps the writing unasked.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import App
from textual.screen import Screen

from imr_companion.i18n import N_, _
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.textual_internals import screen_stacks


class QuitQuestion(Confirm):
    """Asked once: ctrl+q while it shows quits."""


def every_screen(app: App) -> Iterator[tuple[str, Screen]]:
    """Every open screen with its area (mode): the area in front first, top screen first."""
    stacks = screen_stacks(app)  # every area's screens, not only those in front
    modes = [app.current_mode, *(mode for mode in stacks if mode != app.current_mode)]
    for mode in modes:
        for screen in reversed(stacks.get(mode, [])):
            yield mode, screen


UNSAVED = N_("Some of what you wrote is not saved yet. Quit anyway?")
"""Asked on quitting; a screen whose unsaved part is not writing says so in its `UNSAVED_QUESTION`."""


def unsaved_writing(app: App) -> tuple[str, Screen] | None:
    """The area and the screen holding unsaved writing, the area in front first."""
    for mode, screen in every_screen(app):
        check = getattr(screen, "has_unsaved_text", None)
        if check is not None and check():
            return mode, screen
    return None


def quit_or_ask(app: App) -> None:
    if isinstance(app.screen, QuitQuestion):
        app.exit()
        return
    found = unsaved_writing(app)
    if found is None:
        app.exit()
        return
    mode, screen = found

    def answer(leave: bool | None) -> None:
        if leave:
            app.exit()
        elif mode != app.current_mode:
            app.switch_mode(mode)

    app.push_screen(
        QuitQuestion(
            _(getattr(screen, "UNSAVED_QUESTION", UNSAVED)),
            yes=_("Quit without saving"),
            no=_("Keep writing"),
        ),
        answer,
    )
