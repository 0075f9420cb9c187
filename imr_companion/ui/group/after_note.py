"""A short note after a meeting: what I took with me, what we agreed to try, in one step.

Every part may stay empty. What was agreed goes to this week's practice in
the same save, marked as agreed at the meeting; a group's module can move on.
"""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label

from imr_companion.i18n import _, date_words
from imr_companion.models import GroupNote, PracticeTask
from imr_companion.models.base import field_messages
from imr_companion.models.group import MODULES, MeetingKind, agreed_source
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.choices.tick_box import TickBox
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_field import TextField
from imr_companion.ui.common.fields.text_fields import OneLineInput


class AfterNote(EditorDialog[bool]):
    """Returns True once saved (a note, a practice task, the meeting settled), None when cancelled."""

    DEFAULT_CSS = """
    AfterNote > .dialog { width: 72; }
    AfterNote TextArea { height: auto; min-height: 3; max-height: 4; }
    AfterNote #module-line { height: auto; }
    AfterNote #module-line Label { margin: 1 1 0 0; }
    AfterNote #module { width: 10; }
    """

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        meeting = self.companion.settings.meeting
        with Vertical(classes="dialog") as box:
            box.border_title = _("After the meeting on {day}").format(day=date_words(self.day, "day"))
            yield Label(_("What I took with me (optional)"))
            # The app's own fields: a paste keeps every word (lines joined in the one-line field), and
            # a text over its limit is said when saved, never cut.
            yield TextField(id="took", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Label(_("What we agreed to try this week (optional)"))
            yield OneLineInput(id="agreed")
            yield TickBox(_("Add it to this week's practice"), value=True, id="to-practice")
            if meeting is not None and meeting.kind == MeetingKind.GROUP:
                with Horizontal(id="module-line"):
                    yield Label(_("The group is now on module (optional)"))
                    yield Input(str(meeting.module or ""), id="module", max_length=2, type="integer")
            yield FieldMessage(id="note-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one(TextField).focus()
        super().on_mount()

    def save(self) -> None:
        meeting = self.companion.settings.meeting
        took = self.query_one("#took", TextField).text.strip()
        agreed = self.query_one("#agreed", Input).value.strip()
        module = meeting.module if meeting else None
        modules = self.query("#module")
        if modules:
            text = modules.first(Input).value.strip()
            if text and not (text.isdigit() and 1 <= int(text) <= MODULES):
                self.query_one(FieldMessage).say(
                    _("Please write a module from 1 to {last}.").format(last=MODULES), error=True
                )
                return
            module = int(text) if text else None
        to_practice = bool(agreed) and self.query_one("#to-practice", Checkbox).value
        try:
            note = GroupNote(day=self.day, took=took, agreed=agreed) if took or agreed else None
            task = PracticeTask(text=agreed, source=agreed_source(self.day)) if to_practice else None
        except ValidationError as error:
            self.query_one(FieldMessage).say(" ".join(field_messages(error).values()), error=True)
            return
        database = self.companion.database
        try:
            if note is not None:
                Repository.of(database, GroupNote).add(note)
            if task is not None:
                Repository.of(database, PracticeTask).add(task)
        except SaveError as error:
            self.query_one(FieldMessage).say(str(error), error=True)
            return
        if meeting is not None:
            self.companion.save_settings(
                meeting=meeting.model_copy(update={"settled": self.day, "module": module})
            )
        if task is not None:
            self.notify(_("Saved. What you agreed is on this week's practice."))
        else:
            self.notify(_("Saved."))
        self.dismiss(True)
