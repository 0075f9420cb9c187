"""Asking who is filling things in side by side with the person: someone from the network card, or a name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static

from imr_companion.models.base import SHORT_TEXT
from imr_companion.ui.common.dialogs.dialog import Dialog


class TogetherPrompt(Dialog[str | None]):
    """Returns the contact person's name, or "" or None to leave things as they were.

    Ending it needs no window: ctrl+g again ends it (CompanionApp.action_together).
    """

    DEFAULT_CSS = """
    TogetherPrompt Static { margin: 1 0 0 0; }
    TogetherPrompt OptionList { height: auto; max-height: 7; margin-top: 1; }
    TogetherPrompt Input { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, names: list[str] | None = None) -> None:
        super().__init__()
        self.names = names or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Filling in together"
            yield Static(
                "Is someone sitting with you, like your contact person? What you write "
                "now will be marked as done together with them."
            )
            if self.names:
                yield Static("Pick them from your network card (Enter), or write a name below.")
                yield OptionList(*self.names, id="people")
            yield Input(placeholder="Their name", id="name", max_length=SHORT_TEXT)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Start", id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#people" if self.names else "#name").focus()

    @on(OptionList.OptionSelected, "#people")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
