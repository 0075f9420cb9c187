"""The first-run welcome: what this is, that it stays here, and a name to greet."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from imr_companion.typed_text import SHORT_TEXT
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.region_choice import RegionChoice
from imr_companion.ui.common.text_fields import OneLineInput

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


class WelcomeScreen(Screen):
    DEFAULT_CSS = stylesheet.beside(__file__, "welcome.tcss")
    BINDINGS = [Binding("escape", "start", "Start")]

    @property
    def companion(self) -> CompanionApp:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return cast("CompanionApp", self.app)

    def compose(self) -> ComposeResult:
        folder = self.companion.database.folder
        with Vertical():
            yield Static("Welcome to IMR Companion", id="title")
            yield Static(
                "A quiet place for your recovery work: the IMR handouts, good moments, "
                "your goals, the people around you and your own plan."
            )
            yield Static(
                "Everything stays on this computer. Nothing is sent anywhere. "
                "You decide what to print or share."
            )
            yield Static(Content(f"Your notes are kept in {folder}"), id="folder")
            yield OneLineInput(
                placeholder="What would you like to be called? (you can leave this empty)",
                id="name",
            )
            yield FieldMessage(id="name-message")
            yield Static(
                "Where do you live? Help now (F1) then shows your emergency number.", id="region-label"
            )
            yield RegionChoice(None)
            with Center():
                yield Button("Start", variant="primary", id="start")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def has_unsaved_text(self) -> bool:
        """A name typed but not started with yet: quitting asks first."""
        return bool(self.query_one("#name", Input).value.strip())

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if len(name) > SHORT_TEXT:
            self.query_one("#name-message", FieldMessage).say(
                f"That is longer than fits here: up to {SHORT_TEXT} characters, please.", error=True
            )
            return
        region = self.query_one(RegionChoice).value
        if self.companion.save_settings(welcomed=True, first_name=name, region=region):
            self.companion.leave_welcome()
