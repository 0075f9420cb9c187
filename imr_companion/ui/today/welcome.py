"""The first-run welcome: what this is, that it stays here, and a name to greet."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from imr_companion.text_limits import SHORT_TEXT


class WelcomeScreen(Screen):
    DEFAULT_CSS = """
    WelcomeScreen { align: center middle; }
    WelcomeScreen > Vertical { width: 74; max-width: 100%; height: auto; padding: 0 2; }
    WelcomeScreen #title { text-style: bold; margin-bottom: 1; }
    WelcomeScreen Static { margin-bottom: 1; }
    WelcomeScreen #folder { color: $text-muted; }
    WelcomeScreen Input { margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "start", "Start")]

    def compose(self) -> ComposeResult:
        folder = self.app.database.folder  # type: ignore[attr-defined]
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
            yield Input(
                placeholder="What would you like to be called? (you can leave this empty)",
                id="name",
                max_length=SHORT_TEXT,
            )
            with Center():
                yield Button("Start", variant="primary", id="start")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        if self.app.save_settings(welcomed=True, first_name=name):  # type: ignore[attr-defined]
            self.dismiss()
            self.app.refresh_areas()  # type: ignore[attr-defined]
