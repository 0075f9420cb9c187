"""Tried it: how well a strategy helped this time, 1 to 5, chosen with one key."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from imr_companion.i18n import _
from imr_companion.ui.common.choices.rating_scale import RatingScale
from imr_companion.ui.common.dialogs.base import Dialog
from imr_companion.ui.keys.tools import TRIED


class TriedIt(Dialog[int | None]):
    """Dismisses with how well it helped, or None."""

    DEFAULT_CSS = """
    TriedIt #tried-words { margin-top: 1; text-style: bold; }
    TriedIt #tried-question { margin-bottom: 1; }
    TriedIt #tried-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = TRIED.bindings()

    def __init__(self, words: str) -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Tried it today")
            yield Static(Content(self.words), id="tried-words")
            yield Static(_("How well did it help this time?"), id="tried-question")
            yield RatingScale(_("Did not help"), _("Helped a lot"), id="helped")
            yield Static(
                _("Press a number from 1 to 5, or choose with the arrows and Enter."), id="tried-hint"
            )
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel ({key})").format(key="esc"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(RatingScale).focus()

    @on(RatingScale.Changed)
    def _chosen(self, event: RatingScale.Changed) -> None:
        self.dismiss(event.value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
