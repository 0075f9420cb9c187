"""Adding a number straight from Help now: for someone already listed, or someone new.

The number is stored where that person is written (network card, plan or
both), so the plan, the card and Help now always show the same number.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from imr_companion.i18n import _
from imr_companion.models.base import field_messages
from imr_companion.models.people_to_call import PersonToCall
from imr_companion.models.plan import NAME_LIMIT, Helper
from imr_companion.store import SaveError
from imr_companion.store.queries.people_to_call import set_number
from imr_companion.store.queries.plan import load_plan, save_plan
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput

NEW = "new"


class AddNumber(EditorDialog[str | None]):
    """Dismisses with the name whose number was saved."""

    def __init__(self, callers: list[PersonToCall]) -> None:
        super().__init__()
        # Those still without a number first: they are why the person came here.
        self.callers = sorted(callers, key=lambda c: bool(c.number))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = _("Add a number")
            if self.callers:
                yield Label(_("Whose number is it?"))
                first = str(0)
                yield Select(
                    [
                        *((Content(c.name), str(i)) for i, c in enumerate(self.callers)),
                        (_("Someone new"), NEW),
                    ],
                    value=first,
                    allow_blank=False,
                    id="who",
                )
            yield Label(_("Their name"), id="name-label")
            yield OneLineInput(id="name", max_length=NAME_LIMIT + 100)
            yield FieldMessage(id="name-message")
            yield Static(
                _("They are added to My plan, under “People who can help”."), id="new-hint", classes="hint"
            )
            yield Label(_("Their number"))
            # No select-all on focus: a key typed must never replace a number already there.
            yield OneLineInput(id="reach", max_length=NAME_LIMIT + 100, select_on_focus=False)
            yield FieldMessage(id="reach-message")
            yield FieldMessage(id="save-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self._follow_choice()
        self.query_one("#reach" if self.callers else "#name").focus()

    def _chosen(self) -> PersonToCall | None:
        found = self.query("#who")
        if not found:
            return None
        value = found.first(Select).value
        return None if value == NEW else self.callers[int(str(value))]

    @on(Select.Changed, "#who")
    def _follow_choice(self) -> None:
        who = self._chosen()
        for selector in ("#name-label", "#name", "#name-message", "#new-hint"):
            self.query_one(selector).display = who is None
        if who is not None:
            self.query_one("#reach", Input).value = who.number

    def save(self) -> None:
        who = self._chosen()
        name = self.query_one("#name", Input).value
        number = self.query_one("#reach", Input).value
        messages = {"name": "", "reach": "", "save": ""}
        if not number.strip():
            messages["reach"] = _("Please write the number here.")
        else:
            try:
                if who is None:
                    helper = Helper.model_validate({"name": name, "reach": number})
                    plan = load_plan(self.companion.database)
                    save_plan(self.companion.database, plan.touched(helpers=[*plan.helpers, helper]))
                else:
                    set_number(self.companion.database, who, number)
            except ValidationError as error:
                found = field_messages(error)
                # Told by the kind of problem, not by its words (which are in the person's language).
                if any(
                    p["loc"] and p["loc"][0] == "name" and "too_short" in p["type"] for p in error.errors()
                ):
                    found["name"] = _("Please write a name here.")
                messages.update({k: v for k, v in found.items() if k in messages})
                if not any(messages.values()):
                    messages["save"] = _("Your plan is full here. You can take someone out in My plan first.")
            except SaveError as error:
                messages["save"] = str(error)
        for field, words in messages.items():
            self.query_one(f"#{field}-message", FieldMessage).say(words, error=True)
        if not any(messages.values()):
            self.dismiss((who.name if who else name.strip()) or _("them"))
