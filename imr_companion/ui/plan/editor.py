"""Writing one entry of the plan, and choosing when the plan reminds the person.

The editor never saves by itself: it hands the entry to `keep`, which
stores the whole plan and answers with a calm sentence when that failed,
so the window stays open with everything that was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from imr_companion.i18n import N_, _
from imr_companion.models import Person, Plan
from imr_companion.models.base import field_messages
from imr_companion.models.people_to_call import PersonToCall
from imr_companion.models.plan import (
    CrisisContact,
    Entry,
    Helper,
    PlanSection,
    WarningSign,
)
from imr_companion.store import SaveError
from imr_companion.store.queries.people_to_call import set_number
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput

Keep = Callable[[Entry], str | None]
"""Store an entry; None when it is safe, else a calm sentence saying why not."""


# The list holds only the people marked to call on the network card: the label says so.
HELPER_CHOICE = N_("From your network card: the people you call when you need help")


class EntryEditor(EditorDialog[Entry | None]):
    def __init__(self, section: PlanSection, entry: Entry | None, people: list[Person], keep: Keep) -> None:
        super().__init__()
        self.section = section
        self.entry = entry
        self.keep = keep
        self.kind = section.model
        linked = getattr(entry, "person_id", None)
        if self.kind is WarningSign:
            marked = [p for p in people if p.notices_signs or p.id == linked]
        elif self.kind is Helper:
            marked = [p for p in people if p.call_for_help or p.id == linked]
        else:
            marked = []
        self.people = {p.id: p for p in sorted(marked, key=lambda p: p.name.casefold())}

    # --- layout -------------------------------------------------------

    def compose(self) -> ComposeResult:
        entry = self.entry
        with Vertical(classes="dialog") as box:
            title = self.section.title
            box.border_title = Content(
                _("{section}: change").format(section=title)
                if entry
                else _("{section}: add").format(section=title)
            )
            if self.kind is Helper:
                yield from self._people_choice(_(HELPER_CHOICE), "call")
                yield Label(_("Name"))
                yield OneLineInput(getattr(entry, "name", ""), id="name")
                yield FieldMessage(id="name-message")
                yield Label(_("Phone, or another way to reach them"))
                yield OneLineInput(getattr(entry, "reach", ""), id="reach")
                yield FieldMessage(id="reach-message")
            elif self.kind is CrisisContact:
                yield Static(
                    _("For example your clinic, an out-of-hours service, and your local emergency number."),
                    classes="hint",
                )
                yield Label(self.section.label)
                yield OneLineInput(getattr(entry, "name", ""), id="name")
                yield FieldMessage(id="name-message")
                yield Label(_("Number"))
                yield OneLineInput(getattr(entry, "reach", ""), id="reach")
                yield FieldMessage(id="reach-message")
            else:
                yield Label(self.section.label)
                yield OneLineInput(getattr(entry, "text", ""), id="text")
                yield FieldMessage(id="text-message")
                if self.kind is WarningSign:
                    yield from self._people_choice(
                        _("Who might notice it? (you can leave this empty)"), "notice"
                    )
                    yield OneLineInput(
                        getattr(entry, "noticed_by", ""),
                        placeholder=_("Or write a name"),
                        id="noticed_by",
                    )
                    yield FieldMessage(id="noticed_by-message")
            yield FieldMessage(id="save-message")
            yield from self.save_buttons()

    def _people_choice(self, label: str, mark: str) -> ComposeResult:
        yield Label(label)
        if not self.people:
            if mark == "notice":
                hint = _(
                    "People you mark “notices my warning signs” on your network card can be chosen here. "
                    "You can also write a name."
                )
            else:
                hint = _(
                    "People you mark “call when I need help” on your network card can be chosen here. "
                    "You can also write a name."
                )
            yield Static(hint, classes="hint")
            return
        linked = getattr(self.entry, "person_id", None)
        yield Select(
            [(Content(p.name), p.id) for p in self.people.values()],
            prompt=_("Someone not on my network card"),
            value=linked if linked in self.people else Select.NULL,
            id="person",
        )

    def on_mount(self) -> None:
        first = "#name" if self.kind in (Helper, CrisisContact) else "#text"
        if self.kind is Helper and self.people and not self.entry:
            first = "#person"
        self.query_one(first).focus()
        if self.query("#person"):
            self._follow_person()

    # --- the network card link ----------------------------------------

    def _chosen(self) -> Person | None:
        found = self.query("#person")
        if not found:
            return None
        value = found.first(Select).value
        return self.people.get(value) if isinstance(value, str) else None

    @on(Select.Changed, "#person")
    def _follow_person(self) -> None:
        person = self._chosen()
        field = self.query_one("#noticed_by" if self.kind is WarningSign else "#name", Input)
        if person is not None:
            field.value = person.name
        elif field.disabled:
            field.value = ""  # it showed the network card's name; it is not the person's typing
        field.disabled = person is not None
        if self.kind is Helper and person is not None:
            # One number for one person: typed here, it is the number on the network card too.
            self.query_one("#reach", Input).value = person.reach or self.query_one("#reach", Input).value
            self.query_one("#reach-message", FieldMessage).say(
                _("This number is also kept on their network card.")
                if person.reach
                else _("No number for them yet. Write it here and it is kept on their network card too.")
            )

    # --- saving -------------------------------------------------------

    def _values(self) -> dict[str, object]:
        person = self._chosen()
        values: dict[str, object] = {"id": self.entry.id} if self.entry else {}
        for field in self.query(Input):
            values[field.id or ""] = field.value
        if self.kind in (WarningSign, Helper):
            values["person_id"] = person.id if person else None
        return values

    def save(self) -> None:
        messages: dict[str, str] = {}
        entry: Entry | None = None
        try:
            entry = self.kind.model_validate(self._values())
        except ValidationError as error:
            messages = field_messages(error)
            empty = {"reach": _("Please write the number here."), "name": _("Please write a name here.")}
            # Told by the kind of problem, not by its words (which are in the person's language).
            too_short = {str(p["loc"][0]) for p in error.errors() if p["loc"] and "too_short" in p["type"]}
            for field, sentence in empty.items():
                if field in too_short:
                    messages[field] = sentence
        for box in self.query(Input):
            self.query_one(f"#{box.id}-message", FieldMessage).say(messages.get(box.id or "", ""), error=True)
        if entry is None:
            return
        problem = self._keep_number(entry) or self.keep(entry)
        if problem:
            self.query_one("#save-message", FieldMessage).say(problem, error=True)
            return
        self.dismiss(entry)

    def _keep_number(self, entry: Entry) -> str | None:
        """A helper's number typed here goes on their network card, where the plan reads it."""
        person = self._chosen()
        if not isinstance(entry, Helper) or person is None or entry.reach == person.reach:
            return None
        try:
            who = PersonToCall(person.name, person.reach, person.id)
            set_number(self.companion.database, who, entry.reach)
        except SaveError as error:
            return str(error)
        return None


# --- when the plan reminds the person -----------------------------------------------------

NUMBER_FIELDS = {
    "review_days": (7, 730),
    "note_days": (1, 14),
    "note_window": (1, 14),
}


class PlanReminders(EditorDialog[Plan | None]):
    """How often to look the plan over, and when Today shows the note about signs."""

    DEFAULT_CSS = stylesheet.beside(__file__, "editor.tcss")

    def __init__(self, plan: Plan, keep: Callable[[Plan], str | None]) -> None:
        super().__init__()
        self.plan = plan
        self.keep = keep

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(classes="dialog") as box:
            box.border_title = _("When My plan reminds you")
            yield Label(_("Suggest looking over my plan every ... days"))
            yield Input(str(plan.review_days), id="review_days", type="integer", max_length=4)
            yield FieldMessage(id="review_days-message")
            yield Label(_("Show a note on Today when I noticed signs on ..."))
            with Horizontal(classes="row"):
                yield Input(str(plan.note_days), id="note_days", type="integer", max_length=2)
                yield Static(_("of the last"))
                yield Input(str(plan.note_window), id="note_window", type="integer", max_length=2)
                yield Static(_("days"))
            yield FieldMessage(id="note_days-message")
            yield FieldMessage(id="note_window-message")
            yield FieldMessage(id="save-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one("#review_days").focus()

    def save(self) -> None:
        messages: dict[str, str] = {}
        numbers: dict[str, int] = {}
        for field, (low, high) in NUMBER_FIELDS.items():
            text = self.query_one(f"#{field}", Input).value.strip()
            if not text.isdigit() or not low <= int(text) <= high:
                messages[field] = _("Please write a whole number from {low} to {high}.").format(
                    low=low, high=high
                )
            else:
                numbers[field] = int(text)
        if not messages and numbers["note_days"] > numbers["note_window"]:
            messages["note_days"] = _("The first number can be at most {count}, the days looked at.").format(
                count=numbers["note_window"]
            )
        updated: Plan | None = None
        if not messages:
            try:
                updated = self.plan.touched(**numbers)
            except ValidationError as error:
                messages = field_messages(error)
        for field in NUMBER_FIELDS:
            self.query_one(f"#{field}-message", FieldMessage).say(messages.get(field, ""), error=True)
        if updated is None:
            return
        problem = self.keep(updated)
        if problem:
            self.query_one("#save-message", FieldMessage).say(problem, error=True)
            return
        self.dismiss(updated)
