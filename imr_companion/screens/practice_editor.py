"""Changing the words of one practice task."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from imr_companion.models import PracticeTask
from imr_companion.models.base import SHORT_TEXT, field_messages
from imr_companion.store import Repository, SaveError
from imr_companion.widgets.field_message import FieldMessage


class PracticeEditor(ModalScreen[PracticeTask | None]):
    DEFAULT_CSS = """
    PracticeEditor { align: center middle; }
    PracticeEditor > Vertical {
        width: 72; max-width: 100%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PracticeEditor Label { margin-top: 1; }
    PracticeEditor Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    PracticeEditor Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, task: PracticeTask) -> None:
        super().__init__()
        self.practice_task = task

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Change this practice task"
            yield Label("The task")
            yield Input(
                self.practice_task.text, id="text", max_length=SHORT_TEXT + 1000, select_on_focus=False
            )
            yield FieldMessage(id="text-message")
            with Horizontal():
                yield Button("Cancel (esc)", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        message = self.query_one("#text-message", FieldMessage)
        text = self.query_one("#text", Input).value
        if not text.strip():
            message.say("Write a few words first. To remove the task, use Delete instead.", error=True)
            return
        try:
            updated = self.practice_task.touched(text=text)
        except ValidationError as error:
            message.say(field_messages(error).get("text", "Please check what you wrote."), error=True)
            return
        try:
            updated = self.app.stamp(updated)  # type: ignore[attr-defined]
            Repository.of(self.app.database, PracticeTask).save(updated)  # type: ignore[attr-defined]
        except SaveError as error:
            message.say(str(error), error=True)
            return
        self.dismiss(updated)  # type: ignore[arg-type]
