"""Today's meeting card: ready for the group (a good moment to tell, the practice to bring), then a note.

Shown the day before a meeting and on the day until it starts, then for a
few days after it until the person writes a short note or sets it aside
(models.group.phase). Like every card, its keys act only while it has the
focus; a click works at any time.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words
from imr_companion.store.queries import today_reads
from imr_companion.store.queries.today_reads import AFTER, READY
from imr_companion.ui.common.key_link import link, links
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import MEETING_CARD

if TYPE_CHECKING:
    from imr_companion.store import Database

# Drawn from the stored records and settings (store/queries/today_reads.py): pydantic and the
# models are imported only when the person acts on the card.


def when_words(meeting: dict[str, Any], day: date, today: date) -> str:
    """The card's title: who meets, and when, counted from today (`meeting` as stored in the settings)."""
    group = meeting.get("kind", "group") == "group"
    at = meeting.get("at", "")
    if day == today:
        if group:
            return (
                _("Your group meets today at {time}").format(time=at) if at else _("Your group meets today")
            )
        if at:
            return _("You meet your contact person today at {time}").format(time=at)
        return _("You meet your contact person today")
    if group:
        return (
            _("Your group meets tomorrow at {time}").format(time=at) if at else _("Your group meets tomorrow")
        )
    if at:
        return _("You meet your contact person tomorrow at {time}").format(time=at)
    return _("You meet your contact person tomorrow")


class MeetingCard(TodayCard):
    TITLE = N_("Your meeting")
    BINDINGS: ClassVar = MEETING_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="meeting-card")
        self.phase: tuple[str, date] | None = None
        """("ready" or "after", the meeting's day): models.group.Phase's values."""

    def compose(self) -> ComposeResult:
        yield Static("", id="meeting-moment")
        yield Static("", id="meeting-bring")
        # The links, one widget (ui/common/key_link.py).
        yield Static("", id="meeting-actions", classes="actions")

    @classmethod
    def shows(cls, database: Database) -> bool:
        meeting = today_reads.settings(database).get("meeting")
        if not meeting:
            return False
        return today_reads.meeting_phase(meeting, clock.now()) is not None

    def refresh_data(self) -> None:
        database = self.companion.database
        meeting = today_reads.settings(database).get("meeting")
        self.phase = today_reads.meeting_phase(meeting, clock.now()) if meeting else None
        self.display = self.phase is not None
        if meeting is None or self.phase is None:
            return
        state, day = self.phase
        today = clock.today()
        chosen = today_reads.told_on(database, day)
        moment_line = self.query_one("#meeting-moment", Static)
        bring = self.query_one("#meeting-bring", Static)
        ready = state == READY
        if ready:
            self.border_title = Content(when_words(meeting, day, today))
            if chosen is not None:
                moment_line.update(Content(_("A good moment to tell: {moment}").format(moment=chosen)))
            else:
                moment_line.update(_("A good moment to tell: choose one of yours, or write a new one above."))
            below = self._to_bring()
        else:
            self.border_title = Content(_("After the meeting on {day}").format(day=date_words(day, "day")))
            moment_line.update(_("A short note? What you took with you, and what you agreed to try."))
            below = _("✓ You chose to tell: {moment}").format(moment=chosen) if chosen else ""
        # The person's own words: Content, never read as markup.
        bring.update(Content(below))
        bring.display = bool(below)
        offered = []
        for action, words, shown in (
            ("choose", _("Choose a moment"), ready),
            ("note", _("Write a note"), not ready),
            ("set_aside", _("Not now"), not ready),
        ):
            if shown:
                with_key = _("{words} ({key})").format(words=words, key=key_for(self, action))
                offered.append(link("meeting-card", action, self.label(words, with_key)))
        self.query_one("#meeting-actions", Static).update(links(*offered))

    def _to_bring(self) -> str:
        tasks = today_reads.week_practice(self.companion.database, clock.today())
        if not tasks:
            return ""
        done = sum(1 for t in tasks if t.get("status", "open") == "done")
        return _("To bring: this week's practice ({done} of {count} done).").format(
            done=done, count=len(tasks)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.phase is None:
            return False
        if action == "choose":
            return self.phase[0] == READY
        return self.phase[0] == AFTER

    def on_click(self, event: events.Click) -> None:
        # A click on a link does its own thing and goes no further; anywhere else: the card's first.
        if self.phase is not None:
            (self.action_choose if self.phase[0] == READY else self.action_note)()

    def action_choose(self) -> None:
        if self.phase is None:
            return
        from imr_companion.ui.group.choose_moment import ChooseMoment

        self.app.push_screen(ChooseMoment(self.phase[1]))

    def action_note(self) -> None:
        if self.phase is None:
            return
        from imr_companion.ui.group.after_note import AfterNote

        # Today looks at the data again when the window closes (its on_screen_resume).
        self.app.push_screen(AfterNote(self.phase[1]))

    def action_set_aside(self) -> None:
        meeting = self.companion.settings.meeting
        if meeting is None or self.phase is None:
            return
        if self.companion.save_settings(meeting=meeting.model_copy(update={"settled": self.phase[1]})):
            self.notify(_("Set aside. The card comes back before the next meeting."))
        self.refresh_data()
        self.refresh_bindings()
