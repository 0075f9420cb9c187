"""What Goals shows while there is no goal: what a goal is, and a button to set one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from imr_companion.i18n import _
from imr_companion.ui.goals import words


class FirstGoal(Vertical):
    def __init__(self, new_key: str) -> None:
        super().__init__(id="empty")
        self.new_key = new_key

    def compose(self) -> ComposeResult:
        yield Static(words.empty_words(self.new_key))
        with Center():
            yield Button(_("Set a goal ({key})").format(key=self.new_key), id="first-goal", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#first-goal").focus()


def show(screen: Screen, shown: bool, new_key: str) -> None:
    """Show (or hide) it above the goals' panes, focused. It is mounted only when first needed:
    most people have goals, and its four widgets took ~4 ms of Goals' first open, hidden."""
    empty = screen.query(FirstGoal)
    if not empty:
        if shown:
            screen.mount(FirstGoal(new_key), before="#panes")
        return
    empty.first().display = shown
    if shown:
        screen.query_one("#first-goal").focus()
