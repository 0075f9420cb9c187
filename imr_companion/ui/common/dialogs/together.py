"""Asking who is filling things in side by side with the person."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from imr_companion.models.base import SHORT_TEXT
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.text_fields import OneLineInput


class TogetherPrompt(EditorDialog[str | None]):
    """Returns the contact person's name, "" to stop, or None to leave things as they were."""

    DEFAULT_CSS = """
    TogetherPrompt Static { margin: 1 0; }
    """

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Filling in together"
            yield Static(
                "Is someone sitting with you, like your contact person? What you write "
                "now will be marked as done together with them."
            )
            yield OneLineInput(self.current or "", placeholder="Their name", id="name")
            yield FieldMessage(id="name-message")
            with Horizontal(classes="buttons"):
                if self.current:
                    yield Button("Just me again", id="stop")
                yield Button("Cancel", id="cancel")
                yield Button("Start", id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Button.Pressed, "#start")
    def save(self) -> None:
        name = self.query_one(Input).value.strip()
        if len(name) > SHORT_TEXT:
            self.query_one(FieldMessage).say(
                f"That is longer than fits here: up to {SHORT_TEXT} characters, please.", error=True
            )
            return
        self.dismiss(name)

    @on(Button.Pressed, "#stop")
    def _stop(self) -> None:
        self.dismiss("")
