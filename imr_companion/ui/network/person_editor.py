"""Adding or changing one person on the network card."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select

from imr_companion.i18n import N_, _, pgettext
from imr_companion.models.base import field_messages
from imr_companion.models.network import (
    FREQUENCY_WORDS,
    LIFE_AREA_WORDS,
    RINGS,
    ContactFrequency,
    HelpKind,
    LifeArea,
    Person,
    Ring,
    Wish,
    ring_name,
)
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput

NAME_LIMIT = 80
REACH_LIMIT = 80
NOTE_LIMIT = 500

HELP_CHOICES: dict[HelpKind, str] = {
    HelpKind.LISTENING: N_("Listening"),
    HelpKind.PRACTICAL: N_("Practical help"),
    HelpKind.ADVICE: N_("Advice, information"),
    HelpKind.COMPANY: N_("Company, activities"),
    HelpKind.CRISIS: N_("In a crisis"),
}
WISH_CHOICES: dict[Wish, str] = {
    Wish.MORE: N_("More contact"),
    Wish.SAME: N_("About the same"),
    Wish.LESS: N_("Less contact"),
}
# Fields whose problems are shown next to them; anything else is shown at the bottom.
TEXT_FIELDS = ("name", "reach", "note")


class PersonEditor(EditorDialog[Person | None]):
    """Returns the saved person, or None when nothing was saved."""

    DEFAULT_CSS = stylesheet.beside(__file__, "person_editor.tcss")

    def __init__(self, person: Person | None = None) -> None:
        """`person` to change, or None to add someone new."""
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        # A new person starts from the model's defaults, unvalidated (the name is still empty).
        person = self.person or Person.model_construct(name="")
        with VerticalScroll(classes="dialog") as box:
            box.border_title = (
                _("Someone new on your card") if self.person is None else _("Change this person")
            )
            with Horizontal(classes="row gap"):
                yield Label(_("Name or nickname"))
                yield OneLineInput(
                    person.name,
                    id="name",
                    compact=True,
                    # Typing adds to what is there rather than replacing it all at once.
                    select_on_focus=False,
                )
            yield FieldMessage(id="name-message")
            # The number and the two marks the plan and Help now use come right after the name,
            # a Tab or two away; the rest of the card follows.
            with Horizontal(classes="row gap"):
                yield Label(_("Phone"))
                yield OneLineInput(
                    person.reach,
                    placeholder=_("a phone number or another way to reach them"),
                    id="reach",
                    select_on_focus=False,
                    compact=True,
                )
            yield FieldMessage(id="reach-message")
            with Horizontal(id="marks"):
                yield TickBox(
                    _("Notices my early warning signs"), person.notices_signs, id="signs", compact=True
                )
                yield TickBox(
                    pgettext("tick box", "I call them when I need help"),
                    person.call_for_help,
                    id="call",
                    compact=True,
                )
            with Horizontal(classes="row gap"):
                yield Label(_("Life area"))
                yield Select(
                    [(_(words), area.value) for area, words in LIFE_AREA_WORDS.items()],
                    value=person.area.value,
                    allow_blank=False,
                    id="area",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label(_("How close"))
                yield Select(
                    [(ring_name(ring), ring.value) for ring in RINGS],
                    value=person.ring.value,
                    allow_blank=False,
                    id="ring",
                    compact=True,
                )
            with Horizontal(classes="row gap"):
                yield Label(_("Helps me with"))
                with Grid(id="helps"):
                    for kind, words in HELP_CHOICES.items():
                        yield TickBox(
                            _(words), kind in person.helps_with, id=f"help-{kind.value}", compact=True
                        )
            with Horizontal(classes="row gap"):
                yield Label(_("We are in touch"))
                yield Select(
                    [(_(words).capitalize(), contact.value) for contact, words in FREQUENCY_WORDS.items()],
                    value=person.contact.value if person.contact else Select.NULL,
                    prompt=_("(you can leave this)"),
                    id="contact",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label(_("Contact I want"))
                yield Select(
                    [(_(words), wish.value) for wish, words in WISH_CHOICES.items()],
                    value=person.wish.value if person.wish else Select.NULL,
                    prompt=_("(you can leave this)"),
                    id="wish",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label(_("Note"))
                yield OneLineInput(
                    " ".join(person.note.split()),
                    placeholder=_("anything you want to remember"),
                    id="note",
                    select_on_focus=False,
                    compact=True,
                )
            yield FieldMessage(id="note-message")
            yield FieldMessage(id="other-message")
            yield from self.save_buttons(compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def _values(self) -> dict[str, object]:
        def chosen(select_id: str) -> str | None:
            value = self.query_one(f"#{select_id}", Select).value
            return None if value is Select.NULL else str(value)

        def always(select_id: str) -> str:
            """A choice that cannot be left blank (allow_blank=False)."""
            value = chosen(select_id)
            assert value is not None, select_id
            return value

        contact, wish = chosen("contact"), chosen("wish")
        return {
            "name": self.query_one("#name", Input).value,
            "area": LifeArea(always("area")),
            "ring": Ring(always("ring")),
            "helps_with": [kind for kind in HelpKind if self.query_one(f"#help-{kind.value}", TickBox).value],
            "contact": ContactFrequency(contact) if contact else None,
            "wish": Wish(wish) if wish else None,
            "reach": self.query_one("#reach", Input).value,
            "note": self.query_one("#note", Input).value,
            "notices_signs": self.query_one("#signs", TickBox).value,
            "call_for_help": self.query_one("#call", TickBox).value,
        }

    def save(self) -> None:
        values = self._values()
        messages: dict[str, str] = {}
        if not str(values["name"]).strip():
            messages["name"] = _("Please write a name or a nickname, so you know who this is.")
        else:
            try:
                updated = self.person.touched(**values) if self.person else Person(**values)
            except ValidationError as error:
                messages = field_messages(error)
        for field in TEXT_FIELDS:
            self.query_one(f"#{field}-message", FieldMessage).say(messages.get(field, ""), error=True)
        other = next((text for field, text in messages.items() if field not in TEXT_FIELDS), "")
        self.query_one("#other-message", FieldMessage).say(other, error=True)
        if messages:
            first = next(field for field in (*TEXT_FIELDS, "") if field in messages or field == "")
            if first:
                self.query_one(f"#{first}", Input).focus()
            return
        try:
            Repository.of(self.companion.database, Person).save(updated)
        except SaveError as error:
            self.query_one("#other-message", FieldMessage).say(str(error), error=True)
            return
        self.dismiss(updated)
