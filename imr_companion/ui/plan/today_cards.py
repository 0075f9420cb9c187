"""My plan on Today: the daily check-in, and a calm note when the plan has something to offer.

Both cards read only the plan record and a few days of check-ins, so
Today stays instant with years of data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from imr_companion import clock
from imr_companion.i18n import N_, _, ngettext
from imr_companion.store import SaveError
from imr_companion.store.queries.today_reads import checkin_card, plan_note
from imr_companion.ui.common.key_link import WordsThenLink, link, links
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import CHECKIN_CARD, PLAN_CARD

if TYPE_CHECKING:
    from imr_companion.store import Database
    from imr_companion.ui.common.frame.area_screen import AreaScreen

# Drawn from the stored records (store/queries/today_reads.py): pydantic and the models are
# imported only when the person checks in.


class LinkCard(TodayCard):
    """A card of one-line texts whose clickable words are links, not Buttons:
    Today is the first screen, and every widget on it adds to start-up."""


def _actions() -> Static:
    return Static("", classes="actions")


class CheckInCard(LinkCard):
    TITLE = N_("Check-in")
    BINDINGS: ClassVar = CHECKIN_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="checkin-card")
        self._answered = False

    def compose(self) -> ComposeResult:
        yield Static("", id="checkin-question")
        # Its two answers, a line made when first shown (TodayCard.part): once answered, one line.

    @classmethod
    def shows(cls, database: Database) -> bool:
        return checkin_card(database, clock.today()) is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "none_today":
            return not self._answered
        return True

    def refresh_data(self) -> None:
        checkin = checkin_card(self.companion.database, clock.today())
        self.display = checkin is not None
        if checkin is None:
            return
        self._answered = checkin.answered
        question = self.query_one("#checkin-question", Static)
        none_key, check_key = key_for(self, "none_today"), key_for(self, "check_in")
        # Once answered, the card shrinks to one line (click it, or c, to change).
        none_today, some = _("None today"), _("Yes, some")
        if checkin.answered:
            self.hide_part("checkin-actions")
        else:
            cast(Static, self.part("checkin-actions", _actions)).update(
                links(
                    link("checkin-card", "none_today", self.label(none_today, f"{none_today} ({none_key})")),
                    link("checkin-card", "check_in", self.label(some, f"{some} ({check_key})")),
                )
            )
        self.tooltip = _("Click to change today's check-in") if checkin.answered else None
        if not checkin.answered:
            question.update(_("Have you noticed any of your early warning signs today?"))
        elif checkin.noticed:
            names = ", ".join(checkin.noticed)
            question.update(
                Content(
                    self.label(
                        _("Checked in today. Noticed: {signs}").format(signs=names),
                        _("Checked in today (press {key} to change). Noticed: {signs}").format(
                            key=check_key, signs=names
                        ),
                    )
                )
            )
        else:
            question.update(
                self.label(
                    _("Checked in today: none of your signs."),
                    _("Checked in today (press {key} to change): none of your signs.").format(key=check_key),
                )
            )

    def on_click(self, event: events.Click) -> None:
        if not self.shows_part("checkin-actions"):
            self.action_check_in()

    def action_none_today(self) -> None:
        from imr_companion.models import CheckIn
        from imr_companion.store import Repository

        checkin = CheckIn.for_day(clock.today(), [])
        try:
            Repository.of(self.companion.database, CheckIn).save(checkin)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(_("Checked in: none today."))
        self._checked_in(checkin)
        self.refresh_bindings()

    def action_check_in(self) -> None:
        from imr_companion.ui.plan.checkin import CheckInScreen

        self.app.push_screen(CheckInScreen(), self._checked_in)

    def _checked_in(self, checkin: object) -> None:
        """A check-in saved (here or in its window, which calls this as it closes, before Today is
        shown again): the cards that show check-ins read them again, and only those."""
        if checkin is None or not self.is_attached:
            return
        # Today, where the card is (TodayScreen.cards_saved; any other screen reads everything).
        screen = self.screen
        saved = getattr(screen, "cards_saved", None)
        if saved is not None:
            saved(CheckInCard, PlanNoteCard)
        else:
            cast("AreaScreen", screen).refresh_data()


class PlanNoteCard(LinkCard):
    """Signs on several recent days: the plan's first step and first helper. Otherwise a review, gently."""

    TITLE = N_("My plan")
    BINDINGS: ClassVar = PLAN_CARD.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__(id="plan-note")
        self._last = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="plan-note-text")
        # The plan's first step, a line made when first shown (TodayCard.part).
        yield WordsThenLink(id="plan-note-last", classes="actions")

    @classmethod
    def shows(cls, database: Database) -> bool:
        note = plan_note(database, clock.today())
        return bool(note.signs_days or note.review_every)

    def refresh_data(self) -> None:
        """Up to three lines: what the note is about, the plan's first step, and someone to call."""
        note = plan_note(self.companion.database, clock.today())
        first, step, last = "", "", ""
        if note.signs_days:
            if note.window == 1:
                first = _("You noticed some of your signs today.")
            else:
                first = _("You noticed some of your signs on {count} of the last {days} days.").format(
                    count=note.signs_days, days=note.window
                )
            if note.first_step:
                step = _("Your plan's first step: {step}").format(step=note.first_step)
            last = note.helper
            if not note.has_steps_or_helpers:
                step = _("Your plan has room for what you will do and who can help.")
        elif note.review_every:
            first = ngettext(
                "A good time to look your plan over again (every {count} day).",
                "A good time to look your plan over again (every {count} days).",
                note.review_every,
            ).format(count=note.review_every)
            # One line beside the link, even with the scroll bar: longer words were cut off.
            last = _("A few minutes, one section at a time.")
        self.display = bool(first)
        self.query_one("#plan-note-text", Static).update(Content(first))
        if step:
            cast(Static, self.part("plan-note-step", Static, before="plan-note-last")).update(Content(step))
        else:
            self.hide_part("plan-note-step")
        self._last = last
        self._show_last()

    def _show_last(self) -> None:
        words = _("Open my plan")
        opens = link("plan-note", "open_plan", self.label(words, f"{words} ({key_for(self, 'open_plan')})"))
        self.query_one("#plan-note-last", WordsThenLink).show(self._last, opens)

    def action_open_plan(self) -> None:
        self.app.switch_mode("plan")
