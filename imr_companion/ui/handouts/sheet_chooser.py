"""Choosing the sheet that fits: module 2 has one per diagnosis, and a person reads theirs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.content import ALL_SHEETS, Handout
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.dialog import Dialog


class SheetChooser(Dialog[str | None]):
    """Returns a sheet id, ALL_SHEETS, or None for 'not now'."""

    DEFAULT_CSS = stylesheet.beside(__file__, "sheet_chooser.tcss")
    BINDINGS = [Binding("escape", "later", "Not now")]

    def __init__(self, handout: Handout, current: str | None) -> None:
        super().__init__()
        self.handout = handout
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Which sheet fits you?"
            yield Static(
                "The next part has a short sheet for each of these. Choose the one that fits you. "
                "You can change this any time: press s."
            )
            options = [Option(Content(sheet.title), id=sheet.id) for sheet in self.handout.sheets]
            options.append(Option("Not sure, or more than one: show them all", id=ALL_SHEETS))
            yield OptionList(*options)
            yield Static("Esc: decide later", id="later")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [sheet.id for sheet in self.handout.sheets] + [ALL_SHEETS]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_later(self) -> None:
        self.dismiss(None)
