"""Changing one good moment: its words and its day."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from imr_companion.i18n import _
from imr_companion.models import Moment
from imr_companion.models.base import field_messages
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput


class MomentEditor(EditorDialog[Moment | None]):
    DEFAULT_CSS = stylesheet.beside(__file__, "editor.tcss")

    def __init__(self, moment: Moment) -> None:
        super().__init__()
        self.moment = moment

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Change this good moment")
            yield Label(_("What happened"))
            yield OneLineInput(" ".join(self.moment.text.split()), id="text")
            yield FieldMessage(id="text-message")
            yield Label(_("Day (year-month-day)"))
            yield OneLineInput(self.moment.day.isoformat(), id="day")
            yield FieldMessage(id="day-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def save(self) -> None:
        text = self.query_one("#text", Input).value
        day_text = self.query_one("#day", Input).value.strip()
        messages: dict[str, str] = {}
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            messages["day"] = _("Please write the day like 2026-03-14 (year-month-day).")
            day = self.moment.day
        try:
            updated = self.moment.touched(text=text, day=day)
        except ValidationError as error:
            messages.update(field_messages(error))
            updated = None
        for field in ("text", "day"):
            self.query_one(f"#{field}-message", FieldMessage).say(messages.get(field, ""), error=True)
        if messages or updated is None:
            return
        try:
            Repository.of(self.companion.database, Moment).save(updated)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.dismiss(updated)
