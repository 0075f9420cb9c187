"""Putting a backup back: the offer after a damaged file was set aside, and
"Restore a backup" from the command palette.

The offer comes back at every start until the person restores a backup or
says they do not need it ("Not now" only postpones it). Restoring keeps the
current data as a backup first, so it can always be undone the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.export import ImportRefused, transfer
from imr_companion.i18n import _
from imr_companion.store import SaveError
from imr_companion.store.files import backups
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import RESTORE_CHOOSER, RESTORE_OFFER

if TYPE_CHECKING:
    from imr_companion.store.database import Notice
    from imr_companion.ui.app import CompanionApp

RESTORE, LATER, NOT_NEEDED = "restore", "later", "not-needed"


class RestoreOffer(Dialog[str]):
    """After a damaged file was set aside: restore (ctrl+r), not now (focused; Enter, n, Esc), or not needed.

    As in every question, no letter chooses a change: words typed at the start
    neither restore a backup nor stop it being offered.
    """

    DEFAULT_CSS = """
    RestoreOffer #question { margin: 1 1 0 1; }
    RestoreOffer #how { margin: 1 1 0 1; color: $text-muted; }
    """
    BINDINGS = [
        *RESTORE_OFFER.bindings(),
        # Moving between the answers with the arrow keys as well as Tab.
        Binding("left,up", "app.focus_previous", show=False),
        Binding("right,down", "app.focus_next", show=False),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content(
                    self.text
                    + "\n\n"
                    + _(
                        "Would you like to restore that backup now? "
                        "If not, you will be asked again next time."
                    )
                ),
                id="question",
            )
            restore_key = key_for(type(self), "answer('restore')")
            yield Static(
                _(
                    "Enter chooses “Not now”. To restore, press {key}, or Tab to “Restore” and press Enter."
                ).format(key=restore_key),
                id="how",
            )
            with Horizontal(classes="buttons"):
                yield Button(_("I do not need it"), id=NOT_NEEDED)
                yield Button(_("Not now ({key})").format(key="esc"), id=LATER)
                yield Button(_("Restore ({key})").format(key=restore_key), id=RESTORE, variant="primary")

    def on_mount(self) -> None:
        self.query_one(f"#{LATER}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or LATER)

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)


def offer(app: CompanionApp, notice: Notice) -> None:
    """Show the offer to restore `notice.backup`, and act on the answer."""
    backup = notice.backup
    assert backup is not None

    def answered(answer: str | None) -> None:
        if answer == RESTORE:
            put_back(app, backup)
        elif answer == NOT_NEEDED:
            app.database.dismiss_offer()
            app.notify(_("All right. The backups are kept as usual, and the old file stays safe."))
        else:
            app.notify(_("Starting with an empty notebook for now. The old file is kept safe."))

    app.push_screen(RestoreOffer(notice.text), answered)


def put_back(app: CompanionApp, path: Path) -> bool:
    """Make the backup at `path` the data (the current data is kept as a backup first)."""
    try:
        transfer.restore(app.database, path)
    except (ImportRefused, SaveError, OSError) as problem:
        reason = str(problem) if isinstance(problem, ImportRefused) else _("it could not be read or saved.")
        app.notify(
            _("The backup could not be restored: {reason} Nothing was changed.").format(reason=reason),
            severity="warning",
        )
        return False
    app.settings = app.database.settings()
    app.notify(_("Your backup is back in place. What was there before is kept as a backup too."))
    if app.settings.welcomed:
        app.leave_welcome()
    app.refresh_areas()
    return True


class RestoreScreen(Dialog[Path | None]):
    """The backups, newest first, with when, what kind and what each holds; Enter chooses one."""

    DEFAULT_CSS = """
    RestoreScreen #intro { margin: 1 1 0 1; }
    RestoreScreen OptionList { height: auto; max-height: 14; margin-top: 1; }
    """
    BINDINGS = RESTORE_CHOOSER.bindings()

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.found = backups.every(folder)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.found:
                intro = _("Choose a backup to put back. What is there now is kept as a backup first.")
            else:
                intro = _("There are no backups yet. One is made before the first save of each day.")
            yield Static(intro, id="intro")
            if self.found:
                yield OptionList(
                    *(
                        Option(Content(transfer.describe(b.path)), id=str(n))
                        for n, b in enumerate(self.found)
                    ),
                    id="backups",
                )
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel ({key})").format(key="esc"), id="cancel")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.found[int(event.option.id or 0)].path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def choose_and_restore(app: CompanionApp) -> None:
    """The palette's "Restore a backup": choose one, confirm, put it back."""

    def chosen(path: Path | None) -> None:
        if path is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                put_back(app, path)

        app.push_screen(
            Confirm(
                _("Put back the backup from {backup}? What is there now is kept as a backup first.").format(
                    backup=transfer.describe(path)
                ),
                yes=_("Restore"),
                no=_("Cancel"),
            ),
            confirmed,
        )

    app.push_screen(RestoreScreen(app.database.folder), chosen)
