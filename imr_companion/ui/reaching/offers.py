"""The shortcut and the hello line, offered in the app: ctrl+p's commands and the welcome's ticks.

Nothing is turned on without a yes: a command asks first (the safe answer, "Not now", has the
focus) and the welcome's ticks start empty. The work itself is imr_companion.reaching's, the
same as the command line's.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import App, SystemCommand

from imr_companion.i18n import _
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.confirm import Confirm


def reaching_commands(app: App) -> Iterator[SystemCommand]:
    from imr_companion.reaching import login_line, shortcut

    yield SystemCommand(
        _("A check-up with myself"),
        _("Your plan, your goal and the people around you, at your own rhythm"),
        partial(start_checkup, app),
    )
    if shortcut.exists():
        yield SystemCommand(
            _("Remove the shortcut"),
            _("Take away the icon that starts the app"),
            partial(remove_shortcut, app),
        )
    else:
        yield SystemCommand(
            _("Add a shortcut to start the app"),
            _("An icon in your start menu (and on your desktop) that opens IMR Companion"),
            partial(offer_shortcut, app),
        )
    if login_line.is_on():
        yield SystemCommand(
            _("No hello when a terminal opens"),
            _("Take the calm line out of your shell's start file"),
            partial(stop_hello, app),
        )
    else:
        yield SystemCommand(
            _("A hello when a terminal opens"),
            _("One calm line about today, or nothing, each time you open a terminal"),
            partial(offer_hello, app),
        )


def start_checkup(app: App) -> None:
    from imr_companion.ui.reaching.checkup import CheckupScreen

    app.push_screen(CheckupScreen())


def offer_shortcut(app: App) -> None:
    def chosen(yes: bool | None) -> None:
        if yes:
            add_shortcut(app)

    question = _(
        "Add an icon that opens IMR Companion in a terminal? "
        "It goes in your start menu, and on your desktop if you have one."
    )
    app.push_screen(Confirm(question, yes=_("Add it"), no=_("Not now")), chosen)


def offer_hello(app: App) -> None:
    def chosen(yes: bool | None) -> None:
        if yes:
            start_hello(app)

    question = _(
        "Say one calm line each time you open a terminal? For example: “3 good moments this week”. "
        "It never shows your plan, your signs or what you wrote."
    )
    app.push_screen(Confirm(question, yes=_("Yes, say hello"), no=_("Not now")), chosen)


def add_shortcut(app: App) -> None:
    from imr_companion.reaching import shortcut

    try:
        shortcut.add(companion_of(app).database.folder)
    except Exception:  # a disk or PowerShell refusing: said calmly, the app goes on
        app.notify(_("The shortcut could not be made here. Nothing was changed."), severity="warning")
        return
    app.notify(_("Added: IMR Companion is in your start menu now."))


def remove_shortcut(app: App) -> None:
    from imr_companion.reaching import shortcut

    try:
        shortcut.remove()
    except OSError:
        app.notify(_("The shortcut could not be taken away just now."), severity="warning")
        return
    app.notify(_("The shortcut is taken away."))


def start_hello(app: App) -> None:
    from imr_companion.reaching import login_line

    try:
        path = login_line.turn_on(companion_of(app).database.folder)
    except OSError:
        app.notify(_("The hello could not be added here. Nothing was changed."), severity="warning")
        return
    app.notify(_("Added to {file}: a new terminal says hello.").format(file=path.name))


def stop_hello(app: App) -> None:
    from imr_companion.reaching import login_line

    try:
        login_line.turn_off()
    except OSError:
        app.notify(_("The hello could not be taken out just now."), severity="warning")
        return
    app.notify(_("No more hello: your shell's start file is as it was."))
