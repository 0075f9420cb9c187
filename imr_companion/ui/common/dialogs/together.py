"""Asking who is filling things in side by side with the person: someone from the network card, or a name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static

from imr_companion.i18n import _
from imr_companion.models.base import SHORT_TEXT
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.own_words import plain_all


class TogetherPrompt(EditorDialog[str | None]):
    """Returns the contact person's name, or None to leave things as they were.

    Ending it needs no window: ctrl+g again ends it (CompanionApp.action_together).
    """

    DEFAULT_CSS = """
    TogetherPrompt Static { margin: 1 0 0 0; }
    TogetherPrompt OptionList { height: auto; max-height: 7; margin-top: 1; }
    TogetherPrompt Input { margin-top: 1; }
    """

    def __init__(self, names: list[str] | None = None) -> None:
        super().__init__()
        self.names = names or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Filling in together")
            yield Static(
                _(
                    "Is someone sitting with you, like your contact person? What you write "
                    "now will be marked as done together with them."
                )
            )
            if self.names:
                yield Static(_("Pick them from your network card (Enter), or write a name below."))
                yield OptionList(*plain_all(self.names), id="people")
            yield OneLineInput(placeholder=_("Their name"), id="name")
            yield FieldMessage(id="name-message")
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Start"), id="start", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#people" if self.names else "#name").focus()

    @on(OptionList.OptionSelected, "#people")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.names[event.option_index])

    @on(Button.Pressed, "#start")
    def save(self) -> None:
        name = self.query_one(Input).value.strip()
        if len(name) > SHORT_TEXT:
            self.query_one(FieldMessage).say(
                _("That is longer than fits here: up to {count} characters, please.").format(
                    count=SHORT_TEXT
                ),
                error=True,
            )
            return
        self.dismiss(name)
