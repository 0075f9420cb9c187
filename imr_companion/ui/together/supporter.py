"""The supporter sheet: one page for one person from the network card, with only their part."""

from __future__ import annotations

from contextlib import suppress

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, RadioSet, Static, TextArea

from imr_companion import clock
from imr_companion.areas import area
from imr_companion.i18n import N_, _
from imr_companion.models import Person, SupporterNote
from imr_companion.models.base import field_messages
from imr_companion.models.network import card_order
from imr_companion.sharing.formats import render, suffix
from imr_companion.sharing.supporter import note_for, signs_for, supporter_page
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.choices.marked_toggle import ChoiceSet, MarkedRadioButton
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_field import TextField
from imr_companion.ui.common.own_words import plain_all
from imr_companion.ui.keys.together import SUPPORTER
from imr_companion.ui.together.page import TogetherPage
from imr_companion.ui.together.preview import preview
from imr_companion.ui.together.saving import save_shared
from imr_companion.ui.together.share import NOT_PROTECTED, PAGE_TO_PRINT, PLAIN_TEXT_FILE

NO_SIGNS_MARKED = N_(
    "Not on the page: no early warning signs in your plan are marked for them to notice yet. "
    "You can mark them in My plan."
)


def supporters_first(people: list[Person]) -> list[Person]:
    """Those marked as noticing the signs first, then everyone else on the card."""
    ordered = card_order(people)
    return [p for p in ordered if p.notices_signs] + [p for p in ordered if not p.notices_signs]


def kept(note: SupporterNote) -> tuple[str, bool, bool]:
    """What the person chooses on this screen for one supporter."""
    return note.asks, note.share_helpers, note.share_coping


class SupporterScreen(TogetherPage):
    TITLE_TEXT = N_("Supporter sheet")
    DEFAULT_CSS = stylesheet.beside(__file__, "supporter.tcss")
    BINDINGS = SUPPORTER.bindings()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="supporter-main"):
            with Vertical(id="supporter-choices"):
                yield Label(_("For whom"))
                yield OptionList(id="supporter-people")
                yield Static(
                    _("What would you like them to do when they notice these signs?"), classes="label"
                )
                yield TextField(id="supporter-asks", soft_wrap=True)
                yield FieldMessage(id="supporter-message")
                yield TickBox(_("Show my other helpers and numbers"), id="supporter-helpers")
                yield TickBox(_("Show what helps me"), id="supporter-coping")
                with ChoiceSet(id="supporter-format"):
                    yield MarkedRadioButton(_(PAGE_TO_PRINT), value=True, id="html")
                    yield MarkedRadioButton(_(PLAIN_TEXT_FILE), id="markdown")
            with VerticalScroll(id="supporter-preview-box"):
                yield Static("", id="supporter-preview")
        yield Static(Content(_(NOT_PROTECTED)), id="supporter-warning")

    def on_mount(self) -> None:
        self.people = supporters_first(Repository.of(self.companion.database, Person).all())
        self.shown: Person | None = None
        self.draft: SupporterNote | None = None
        listing = self.query_one("#supporter-people", OptionList)
        listing.add_options(plain_all(p.name for p in self.people))
        if not self.people:
            self.query_one("#supporter-preview", Static).update(
                _("Nobody on the network card yet. Add people there first (key {key}).").format(
                    key=area("network").key
                )
            )
            return
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionHighlighted, "#supporter-people")
    def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        # What was typed for the person before is kept before showing the next.
        if self.shown is not None and not self._keep():
            return
        self.shown = self.people[event.option_index]
        note = note_for(self.companion.database, self.shown)
        with self.prevent(TextArea.Changed, TickBox.Changed):
            self.query_one("#supporter-asks", TextArea).text = note.asks
            self.query_one("#supporter-helpers", TickBox).value = note.share_helpers
            self.query_one("#supporter-coping", TickBox).value = note.share_coping
        self._preview()

    @property
    def kind(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else "html"

    @on(TextArea.Changed)
    @on(TickBox.Changed)
    @on(RadioSet.Changed)
    def _preview(self) -> None:
        if self.shown is None:
            return
        note = self._typed()
        # The preview shows the words being typed, before they are kept, as the page will be.
        page = supporter_page(self.companion.database, self.shown, note)
        text = preview(page, self.kind)
        if not signs_for(self.companion.database, self.shown):
            # A word for the person making the sheet, above the page: it is not printed.
            note_line = Text(_(NO_SIGNS_MARKED) + "\n\n", style="italic")
            text = note_line + text
        self.query_one("#supporter-preview", Static).update(text)

    def _typed(self) -> SupporterNote | None:
        """The note as typed for the person shown; None (with a calm message) when it cannot be kept."""
        assert self.shown is not None
        message = self.query_one("#supporter-message", FieldMessage)
        old = note_for(self.companion.database, self.shown)
        try:
            note = SupporterNote.model_validate(
                {
                    **old.model_dump(),
                    "asks": self.query_one("#supporter-asks", TextArea).text,
                    "share_helpers": self.query_one("#supporter-helpers", TickBox).value,
                    "share_coping": self.query_one("#supporter-coping", TickBox).value,
                }
            )
        except ValidationError as error:
            message.say(field_messages(error).get("asks", _("Please check what you wrote.")), error=True)
            return None
        message.say("")
        self.draft = note
        return note

    def _keep(self) -> bool:
        """Store what was typed for the person shown, when it changed; False when it could not be."""
        if self.shown is None:
            return True
        note = self._typed()
        if note is None:
            return False
        stored = note_for(self.companion.database, self.shown)
        if kept(note) == kept(stored):
            return True
        try:
            Repository.of(self.companion.database, SupporterNote).save(note)
        except SaveError as error:
            self.query_one("#supporter-message", FieldMessage).say(str(error), error=True)
            return False
        return True

    def action_save(self) -> None:
        person = self.shown
        if person is None or not self._keep():
            return
        kind = self.kind
        text = render(supporter_page(self.companion.database, person), kind)
        name = "".join(c if c.isalnum() else "-" for c in person.name.lower()).strip("-") or "supporter"
        save_shared(self.app, text, f"for-{name}-{clock.today().isoformat()}{suffix(kind)}", kind)

    def on_unmount(self) -> None:
        # Quitting while typing keeps the words too; the fields are gone by now, the draft is not.
        if self.draft is not None:
            repository = Repository.of(self.companion.database, SupporterNote)
            stored = repository.get(self.draft.id) or SupporterNote(id=self.draft.id)
            if kept(self.draft) != kept(stored):
                with suppress(SaveError):
                    repository.save(self.draft)

    def action_back(self) -> None:
        # What was typed is kept, as everywhere in the app; a note too long to keep stays on screen.
        if self._keep():
            self.dismiss()
