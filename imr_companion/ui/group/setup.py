"""Telling the app about my group, or my fixed day with my contact person: all optional."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, RadioSet, Select, Static

from imr_companion.i18n import _, date_words
from imr_companion.models.group import MODULES, TIME_PATTERN, Meeting, MeetingKind
from imr_companion.ui.common.choices.marked_toggle import ChoiceSet, MarkedRadioButton
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage

NONE = "none"
A_MONDAY = date(2024, 1, 1)


def weekday_name(weekday: int) -> str:
    return date_words(A_MONDAY + timedelta(days=weekday), "weekday")


def meeting_words(meeting: Meeting) -> str:
    """'Your group meets on Tuesdays at 10:00, on module 4.': what the app knows, in one line."""
    day = weekday_name(meeting.weekday)
    if meeting.kind == MeetingKind.CONTACT:
        if meeting.at:
            return _("You meet your contact person every {weekday} at {time}.").format(
                weekday=day, time=meeting.at
            )
        return _("You meet your contact person every {weekday}.").format(weekday=day)
    if meeting.at:
        words = _("Your group meets every {weekday} at {time}.").format(weekday=day, time=meeting.at)
    else:
        words = _("Your group meets every {weekday}.").format(weekday=day)
    if meeting.module:
        words += " " + _("The group is on module {number}.").format(number=meeting.module)
    return words


class MeetingSetup(EditorDialog["Meeting | str | None"]):
    """Returns the meeting as changed, NONE for 'no fixed day', or None when cancelled."""

    DEFAULT_CSS = """
    MeetingSetup > .dialog { width: 72; }
    MeetingSetup RadioSet { width: 100%; border: none; padding: 0; }
    MeetingSetup #when { height: auto; }
    MeetingSetup #when Vertical { width: 1fr; height: auto; }
    MeetingSetup #weekday { width: 100%; }
    MeetingSetup #at, MeetingSetup #module { width: 14; }
    MeetingSetup Label { margin-top: 0; }
    MeetingSetup .hint { margin-top: 1; }
    """

    def __init__(self, meeting: Meeting | None) -> None:
        super().__init__()
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        kind = meeting.kind if meeting else None
        with Vertical(classes="dialog") as box:
            box.border_title = _("My group or meeting day")
            yield Static(
                _(
                    "If you meet an IMR group or your contact person on a fixed day, the app can help you "
                    "be ready: a good moment to tell, and the practice to bring. All of it is optional."
                ),
                classes="hint",
            )
            with ChoiceSet(id="kind"):
                yield MarkedRadioButton(_("An IMR group"), value=kind == MeetingKind.GROUP, id="group")
                yield MarkedRadioButton(
                    _("A fixed day with my contact person"), value=kind == MeetingKind.CONTACT, id="contact"
                )
                yield MarkedRadioButton(_("No fixed day"), value=kind is None, id=NONE)
            with Horizontal(id="when"):
                with Vertical():
                    yield Label(_("Day"))
                    yield Select(
                        [(weekday_name(day), day) for day in range(7)],
                        value=meeting.weekday if meeting else Select.NULL,
                        prompt=_("Choose a day"),
                        id="weekday",
                    )
                with Vertical():
                    yield Label(_("Time (optional)"))
                    yield Input(meeting.at if meeting else "", placeholder="10:00", id="at", max_length=5)
                with Vertical():
                    yield Label(_("Module (optional)"))
                    module = str(meeting.module) if meeting and meeting.module else ""
                    yield Input(module, placeholder="1-11", id="module", max_length=2, type="integer")
            yield FieldMessage(id="setup-message")
            yield from self.save_buttons()

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()
        super().on_mount()

    def save(self) -> None:
        pressed = self.query_one(RadioSet).pressed_button
        message = self.query_one(FieldMessage)
        if pressed is None or pressed.id == NONE:
            self.dismiss(NONE)
            return
        weekday = self.query_one("#weekday", Select).value
        if not isinstance(weekday, int) or isinstance(weekday, bool):
            message.say(_("Which day do you meet? Choose it under Day."), error=True)
            return
        at = self.query_one("#at", Input).value.strip()
        if at and not re.match(TIME_PATTERN, at):
            message.say(_("Please write the time as hours and minutes, for example 10:00."), error=True)
            self.query_one("#at", Input).focus()
            return
        module_text = self.query_one("#module", Input).value.strip()
        module = int(module_text) if module_text.isdigit() else None
        if module_text and not (module and 1 <= module <= MODULES):
            message.say(_("Please write a module from 1 to {last}.").format(last=MODULES), error=True)
            self.query_one("#module", Input).focus()
            return
        kind = MeetingKind.CONTACT if pressed.id == "contact" else MeetingKind.GROUP
        settled = self.meeting.settled if self.meeting else None
        self.dismiss(
            Meeting(kind=kind, weekday=weekday, at=at.replace(".", ":"), module=module, settled=settled)
        )


def set_up(app: App) -> None:
    """Open the window; store what the person chose and say it back in one line."""

    def chosen(result: Meeting | str | None) -> None:
        if result is None:
            return
        meeting = result if isinstance(result, Meeting) else None
        if meeting is None and companion_of(app).settings.meeting is None:
            return
        if companion_of(app).save_settings(meeting=meeting):
            app.notify(
                meeting_words(meeting) if meeting else _("No fixed meeting day. You can add one any time.")
            )
            refresh = getattr(app.screen, "refresh_data", None)
            if callable(refresh):
                refresh()
            app.screen.refresh_bindings()

    app.push_screen(MeetingSetup(companion_of(app).settings.meeting), chosen)


def group_commands(app: App) -> Iterator[SystemCommand]:
    yield SystemCommand(
        _("My group or meeting day"),
        _("When you meet an IMR group or your contact person, so Today can help you be ready"),
        lambda: set_up(app),
    )
