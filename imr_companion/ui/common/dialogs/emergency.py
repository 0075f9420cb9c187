"""Choosing the emergency number Help now shows first: the region's, or the person's own."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from imr_companion.i18n import _
from imr_companion.models.base import field_messages
from imr_companion.ui.common.choices.region_choice import RegionChoice
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput


class EmergencySettings(EditorDialog[bool | None]):
    """Dismisses with True once saved."""

    def compose(self) -> ComposeResult:
        settings = self.companion.settings
        with Vertical(classes="dialog") as box:
            box.border_title = _("Emergency number")
            yield Static(_("Help now shows this number first, before your own people."), classes="hint")
            yield Label(_("Where do you live?"))
            yield RegionChoice(settings.region)
            yield Label(_("My own emergency number (you can leave this empty)"))
            yield OneLineInput(settings.emergency_number, id="number", max_length=300)
            yield Static(_("If you write one, Help now shows it instead of the general one."), classes="hint")
            yield FieldMessage(id="number-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one(RegionChoice).focus()

    def save(self) -> None:
        region = self.query_one(RegionChoice).value
        number = self.query_one("#number", Input).value
        message = self.query_one("#number-message", FieldMessage)
        try:
            self.companion.settings.model_validate({"emergency_number": number})
        except ValidationError as error:
            message.say(
                field_messages(error).get("emergency_number", _("Please check the number.")), error=True
            )
            return
        saved = self.companion.save_settings(region=region, emergency_number=number.strip())
        if saved:
            self.dismiss(True)
        else:
            message.say(
                _("The number could not be saved just now. What you wrote is still here."), error=True
            )
