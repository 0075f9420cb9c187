"""Today's card for the check-up after the program: shown in the week a check-up fits, at the
rhythm the person chose; Enter (or c) starts it. It reads the settings and the session notes' days."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words
from imr_companion.reaching.rhythm import due_soon, next_checkup_day
from imr_companion.store.queries import today_reads
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import CHECKUP_CARD

if TYPE_CHECKING:
    from imr_companion.store import Database


class CheckupCard(TodayCard):
    TITLE = N_("A check-up with myself")
    BINDINGS: ClassVar = CHECKUP_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="checkup-card")

    def compose(self) -> ComposeResult:
        yield Static("", id="checkup-when")

    @classmethod
    def shows(cls, database: Database) -> bool:
        weeks = today_reads.settings(database).get("checkup_weeks", 0)
        if weeks <= 0:
            return False
        today = clock.today()
        upcoming = next_checkup_day(today_reads.newest_session(database), weeks, today)
        return upcoming is not None and due_soon(upcoming, today)

    def refresh_data(self) -> None:
        # As stored (store/queries/today_reads.py): no pydantic or models for this card.
        weeks = today_reads.settings(self.companion.database).get("checkup_weeks", 0)
        today = clock.today()
        if weeks <= 0:  # no rhythm chosen: no check-up to offer, and nothing to read
            self.display = False
            return
        # Only the newest session counts: older years are read only where it could be.
        upcoming = next_checkup_day(today_reads.newest_session(self.companion.database), weeks, today)
        self.display = upcoming is not None and due_soon(upcoming, today)
        if upcoming is None or not self.display:
            return
        if upcoming == today:
            words = _("Today is a good day for it: the plan, your goal, the people around you.")
        else:
            words = _("It fits around {day}: the plan, your goal, the people around you.").format(
                day=date_words(upcoming, "day")
            )
        if self.keys_shown:
            words = _("{words} Press {key} to start.").format(words=words, key=key_for(self, "start"))
        self.query_one("#checkup-when", Static).update(words)

    def on_click(self, event: events.Click) -> None:
        self.action_start()

    def action_start(self) -> None:
        from imr_companion.ui.reaching.checkup import CheckupScreen

        self.app.push_screen(CheckupScreen())
