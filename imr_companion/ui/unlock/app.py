"""The unlock window: one calm question before the data opens, and Help now before unlocking.

It runs before the companion itself (cli._run_app) and knows only what is
kept plain beside the data (store/files/codec.before_unlocking): the language, the
theme and the region. It never shows a word the person wrote. A wrong
passphrase gets one calm line, at once (no waiting that punishes a shaky
hand), and nothing on the disk changes: unlocking only reads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from imr_companion import emergency, i18n
from imr_companion.i18n import N_, _
from imr_companion.store.files import codec
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.keys.dialogs import LOCKED_HELP, UNLOCK
from imr_companion.ui.themes import THEMES, plain_theme

COMFORT = N_("When things feel hard, reach out. You do not have to manage alone.")


class UnlockApp(App[bool]):
    """Returns True once the data key is held (codec.unlock), False when the person quits."""

    TITLE = "IMR Companion"
    ENABLE_COMMAND_PALETTE = False  # nothing to find before the data opens but Help now and Quit
    CSS = """
    Screen { align: center middle; }
    #unlock { width: 60; max-width: 100%; height: auto; border: round $primary; padding: 1 2; }
    #unlock Static { width: 100%; }
    #unlock-title { text-style: bold; margin-bottom: 1; }
    #unlock Input { margin-top: 1; }
    #unlock-message { height: auto; min-height: 1; margin-top: 1; }
    #unlock-help { color: $text-muted; margin-top: 1; }
    """
    # Before the data opens, Help now still works: the region's number, nothing personal.
    BINDINGS: ClassVar = UNLOCK.bindings()

    def __init__(self, folder: Path) -> None:
        shown = codec.before_unlocking(folder)
        i18n.use(shown.get("language") or i18n.from_environment())
        super().__init__()
        self.folder = folder
        self.region_code = shown.get("region")
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = plain_theme(shown.get("theme", ""))

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock"):
            yield Static(_("Your data is locked"), id="unlock-title")
            yield Static(_("Type your passphrase and press Enter to open it."))
            yield Input(password=True, id="passphrase", placeholder=_("Passphrase"))
            yield Static("", id="unlock-message")
            yield Static(_("Need help now? Press F1, before or after unlocking."), id="unlock-help")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            return
        field = self.query_one(Input)
        field.disabled = True
        self.query_one("#unlock-message", Static).update(_("Opening…"))
        self._try(event.value)

    @work(thread=True, exclusive=True)
    def _try(self, secret: str) -> None:
        # Argon2 takes about half a second by design: in a thread, the window stays drawn meanwhile.
        opened = codec.unlock(self.folder, secret)
        self.call_from_thread(self._tried, opened)

    def _tried(self, opened: bool) -> None:
        if opened:
            self.exit(True)
            return
        field = self.query_one(Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self.query_one("#unlock-message", Static).update(_("That passphrase does not open it. Try again."))

    def action_help_now(self) -> None:
        if not isinstance(self.screen, LockedHelp):
            self.push_screen(LockedHelp(self.region_code))

    async def action_quit(self) -> None:
        self.exit(False)


class LockedHelp(Dialog[None]):
    """Help now before unlocking: the region's numbers, and where the person's own are."""

    DEFAULT_CSS = """
    LockedHelp > .dialog { width: 78; padding: 0 2; }
    LockedHelp #locked-comfort { color: $text-muted; margin: 0 0 1 0; }
    """
    BINDINGS: ClassVar = LOCKED_HELP.bindings()

    def __init__(self, region: str | None) -> None:
        super().__init__()
        self.region_code = region

    def compose(self) -> ComposeResult:
        route = emergency.route_for("", self.region_code, os.environ)
        text = Text()
        for index, line in enumerate(route.lines):
            text.append(line.label + ("   " if line.number else ""), style="bold" if index == 0 else "")
            if line.number:
                text.append(f" {line.number} ", style="bold reverse")
            text.append("\n")
        text.append("\n")
        text.append(_("Unlock to see your own people, numbers and steps."))
        with Vertical(classes="dialog") as box:
            box.border_title = _("Help now")
            yield Static(_(COMFORT), id="locked-comfort")
            yield Static(text, id="locked-routes")
            with Horizontal(classes="buttons"):
                yield Button(_("Back (esc)"), id="back", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
