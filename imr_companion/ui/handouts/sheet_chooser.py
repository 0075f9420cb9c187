"""Choosing the sheet that fits: module 2 has one per diagnosis, module 9 one per symptom that stays;
a person reads theirs."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.content import ALL_SHEETS, Handout
from imr_companion.i18n import _
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.dialogs import SHEET_CHOOSER


class SheetChooser(Dialog[str | None]):
    """Returns a sheet id, ALL_SHEETS, or None for 'not now'."""

    DEFAULT_CSS = stylesheet.beside(__file__, "sheet_chooser.tcss")
    BINDINGS = SHEET_CHOOSER.bindings()

    def __init__(self, handout: Handout, current: str | None, sheet_key: str = "s") -> None:
        """`sheet_key` is the reader's key for choosing the sheet again, named in the words."""

        super().__init__()
        self.sheet_key = sheet_key
        self.handout = handout
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Which sheet fits you?")
            yield Static(
                _(
                    "The next part has a short sheet for each of these. Choose the one that fits you. "
                    "You can change this any time: press {key}."
                ).format(key=self.sheet_key)
            )
            options = [Option(Content(sheet.title), id=sheet.id) for sheet in self.handout.sheets]
            options.append(Option(_("Not sure, or more than one: show them all"), id=ALL_SHEETS))
            yield OptionList(*options)
            yield Static(_("{key}: decide later").format(key=key_for(self, "later")), id="later")

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
