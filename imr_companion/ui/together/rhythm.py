"""Asking how often the person would like a session with themselves, after the program or between meetings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from imr_companion.i18n import _
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage

MOST_WEEKS = 26


class RhythmPrompt(EditorDialog[int | None]):
    """Returns the number of weeks (0 for no rhythm), or None when cancelled."""

    def __init__(self, weeks: int) -> None:
        super().__init__()
        self.weeks = weeks

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("A check-up with myself")
            yield Static(
                _(
                    "Once the group has ended, or between meetings, you can walk through the same steps "
                    "on your own. How many weeks between check-ups would suit you? Leave it empty for none."
                )
            )
            yield Label(_("Every how many weeks (1 to {most})").format(most=MOST_WEEKS))
            yield Input(str(self.weeks) if self.weeks else "", id="weeks", max_length=2, type="integer")
            yield FieldMessage(id="weeks-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def save(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            self.dismiss(0)
            return
        weeks = int(text) if text.isdigit() else -1
        if not 1 <= weeks <= MOST_WEEKS:
            self.query_one(FieldMessage).say(
                _("Please write a number from 1 to {most}.").format(most=MOST_WEEKS), error=True
            )
            return
        self.dismiss(weeks)
