"""The self-check's choices: how often, and which of the areas that depend on the person are asked."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from imr_companion.i18n import _
from imr_companion.models.selfcheck import AREA_BY_ID, MOST_MONTHS, OFF_BY_DEFAULT
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage


class ChoicesDialog(EditorDialog[bool | None]):
    """Returns True once saved, None when cancelled."""

    DEFAULT_CSS = stylesheet.beside(__file__, "choices.tcss")
    BINDINGS: ClassVar = []

    def compose(self) -> ComposeResult:
        settings = self.companion.settings
        with Vertical(classes="dialog") as box:
            box.border_title = _("Self-check: choices")
            yield Label(_("Every how many months (1 to {most}; empty for none)").format(most=MOST_MONTHS))
            months = str(settings.selfcheck_months) if settings.selfcheck_months else ""
            yield Input(months, id="months", max_length=2, type="integer", compact=True)
            yield FieldMessage(id="months-message")
            yield Label(_("Also ask about"))
            medicine = _("Medicine taken as agreed (I have prescribed medicine)")
            yield TickBox(medicine, settings.selfcheck_medicine, id="medicine", compact=True)
            for area_id in OFF_BY_DEFAULT:
                yield TickBox(
                    _(AREA_BY_ID[area_id].title), area_id in settings.selfcheck_more, id=area_id, compact=True
                )
            yield from self.save_buttons(compact=True)

    def on_mount(self) -> None:
        self.query_one("#months", Input).focus()

    def save(self) -> None:
        text = self.query_one("#months", Input).value.strip()
        months = int(text) if text.isdigit() else (0 if not text else -1)
        if not 0 <= months <= MOST_MONTHS:
            self.query_one(FieldMessage).say(
                _("Please write a number from 1 to {most}.").format(most=MOST_MONTHS), error=True
            )
            return
        more = [area_id for area_id in OFF_BY_DEFAULT if self.query_one(f"#{area_id}", TickBox).value]
        medicine = self.query_one("#medicine", TickBox).value
        saved = self.companion.save_settings(
            selfcheck_months=months, selfcheck_medicine=medicine, selfcheck_more=more
        )
        if saved:
            self.dismiss(True)
