"""Today: a calm column of small cards, the good-moment field first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from imr_companion import clock
from imr_companion.models import Moment
from imr_companion.models.moments import count_phrase
from imr_companion.store import Repository
from imr_companion.ui.common.area_screen import AreaScreen
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.one_line_input import OneLineInput
from imr_companion.ui.common.quick_add import add_from_field
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.goals.today_cards import GoalCard
from imr_companion.ui.handouts.today_cards import PracticeCard, ReadingCard
from imr_companion.ui.plan.today_cards import CheckInCard, PlanNoteCard

SHOWN_TODAY = 3


def greeting(first_name: str, hour: int) -> str:
    part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
    return f"Good {part}, {first_name}." if first_name else f"Good {part}."


# The cards under the good-moment field, in order. Each area adds its own.
TODAY_CARDS: list[type[TodayCard]] = [
    PlanNoteCard,
    CheckInCard,
    GoalCard,
    ReadingCard,
    PracticeCard,
]


class TodayScreen(AreaScreen):
    MODE = "today"
    DEFAULT_CSS = """
    TodayScreen #greeting { height: 1; margin: 1 2 0 2; text-style: bold; }
    TodayScreen #moment-input { border: none; height: 1; padding: 0 1; }
    TodayScreen #today-moments { height: auto; color: $text; }
    TodayScreen FieldMessage { margin: 0 1; }
    """
    BINDINGS = [
        Binding("m", "focus_moment", "Moment", tooltip="Write a good moment"),
        Binding("escape", "leave_field", "Done typing"),
        *(key for card in TODAY_CARDS for key in card.KEYS),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(self._greeting(), id="greeting")
        with VerticalScroll(id="cards"), Vertical(classes="card", id="moment-card") as card:
            card.border_title = "A good moment today"
            # No max_length: a long paste is kept whole and the limit explained.
            yield OneLineInput(
                placeholder="Something good today, however small. Enter saves it.",
                id="moment-input",
                # Focus comes back here after every window closes; selecting
                # the text then would let the next key replace what was typed.
                select_on_focus=False,
            )
            yield FieldMessage(id="moment-message")
            yield Static("", id="today-moments")
            yield Static("", id="month-count", classes="muted")

    @property
    def moments(self) -> Repository[Moment]:
        return Repository.of(self.companion.database, Moment)

    def on_mount(self) -> None:
        self._filled_in = False
        # The greeting and the field where a person writes are on screen first;
        # what reads the store (this day's moments, the cards, each with its
        # own widgets and styles) comes straight after that frame.
        self.companion.after_first_frame(self._fill_in)

    def _fill_in(self) -> None:
        self._show_moments()
        self.query_one("#cards").mount_all(card() for card in TODAY_CARDS)
        self._filled_in = True

    def on_screen_resume(self) -> None:
        if self._filled_in:
            self.refresh_data()
        self.query_one("#moment-input", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A hidden card's keys are left out of the footer and do nothing.
        if action == "card" and parameters:
            cards = self.query(f"#{parameters[0]}")
            return bool(cards) and cards.first().display
        return True

    def action_card(self, card_id: str, name: str) -> None:
        card = self.query_one(f"#{card_id}", TodayCard)
        if card.display:
            getattr(card, f"action_{name}")()

    def refresh_data(self) -> None:
        self._show_moments()
        for card in self.query(TodayCard):
            card.refresh_data()
        self.refresh_bindings()

    def _greeting(self) -> Content:
        now = clock.now()
        return Content(f"{greeting(self.companion.settings.first_name, now.hour)}  {now:%A %d %B}")

    def _show_moments(self) -> None:
        self.query_one("#greeting", Static).update(self._greeting())
        now = clock.now()
        today = now.date()
        # Only this month's records are read: Today stays instant with years of data.
        month = self.moments.where("day", today.replace(day=1).isoformat(), today.isoformat())
        todays = sorted((m for m in month if m.day == today), key=lambda m: m.created)
        lines = [f"• {m.text.splitlines()[0]}" for m in todays[-SHOWN_TODAY:]]
        if len(todays) > SHOWN_TODAY:
            lines.insert(0, f"{len(todays)} today; the newest {SHOWN_TODAY}:")
        self.query_one("#today-moments", Static).update(Content("\n".join(lines)))
        self.query_one("#today-moments").display = bool(lines)
        count = self.query_one("#month-count", Static)
        count.update(f"{count_phrase(len(month))} in {now:%B}. Key 3 shows them all.")
        count.display = bool(month)

    @on(Input.Submitted, "#moment-input")
    def save_moment(self, event: Input.Submitted) -> None:
        message = self.query_one("#moment-message", FieldMessage)
        saved = "Saved. Another one is welcome too."
        if add_from_field(event.input, message, lambda text: Moment(text=text), self.moments, saved):
            self.refresh_data()

    def action_focus_moment(self) -> None:
        self.query_one("#moment-input", Input).focus()

    def action_leave_field(self) -> None:
        self.set_focus(None)
