"""Asking who is filling things in side by side with the person."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from imr_companion.models.base import SHORT_TEXT


class TogetherPrompt(ModalScreen[str | None]):
    """Returns the contact person's name, "" to stop, or None to leave things as they were."""

    DEFAULT_CSS = """
    TogetherPrompt { align: center middle; }
    TogetherPrompt > Vertical {
        width: 64; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TogetherPrompt Static { margin: 1 0; }
    TogetherPrompt Horizontal { height: auto; align-horizontal: right; }
    TogetherPrompt Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Filling in together"
            yield Static(
                "Is someone sitting with you, like your contact person? What you write "
                "now will be marked as done together with them."
            )
            yield Input(self.current or "", placeholder="Their name", id="name", max_length=SHORT_TEXT)
            with Horizontal():
                if self.current:
                    yield Button("Just me again", id="stop")
                yield Button("Cancel", id="cancel")
                yield Button("Start", id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    @on(Button.Pressed, "#stop")
    def _stop(self) -> None:
        self.dismiss("")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
