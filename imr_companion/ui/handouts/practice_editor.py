"""Changing the words of one practice task."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from imr_companion.i18n import _
from imr_companion.models import PracticeTask
from imr_companion.models.base import field_messages
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput


class PracticeEditor(EditorDialog[PracticeTask | None]):
    def __init__(self, task: PracticeTask) -> None:
        super().__init__()
        self.practice_task = task

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Change this practice task")
            yield Label(_("The task"))
            yield OneLineInput(self.practice_task.text, id="text", select_on_focus=False)
            yield FieldMessage(id="text-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def save(self) -> None:
        message = self.query_one("#text-message", FieldMessage)
        text = self.query_one("#text", Input).value
        if not text.strip():
            message.say(_("Write a few words first. To remove the task, use Delete instead."), error=True)
            return
        try:
            updated = self.practice_task.touched(text=text)
        except ValidationError as error:
            message.say(field_messages(error).get("text", _("Please check what you wrote.")), error=True)
            return
        try:
            updated = Repository.of(self.companion.database, PracticeTask).save(updated)
        except SaveError as error:
            message.say(str(error), error=True)
            return
        self.dismiss(updated)
