"""Today: a calm column of small cards, the good-moment field first."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from imr_companion import clock
from imr_companion.store import Repository
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.area_screen import AreaScreen
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.quick_add import add_from_field
from imr_companion.ui.common.text_fields import OneLineInput
from imr_companion.ui.common.today_card import TodayCard

if TYPE_CHECKING:
    from imr_companion.models import Moment

# What reads the store (the models, pydantic under them, the cards) is imported
# after Today's first frame, where it is used: that frame needs none of it.

SHOWN_TODAY = 3
KEPT_AT_CLOSE = "You were writing when the window closed. Your words are kept here."


def greeting(first_name: str, hour: int) -> str:
    part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
    return f"Good {part}, {first_name}." if first_name else f"Good {part}."


@dataclass(frozen=True)
class CardEntry:
    """A card on Today and the keys it answers there (outside a text field)."""

    card: str
    """'module:Class' of the TodayCard, imported once the first frame is on screen."""
    keys: tuple[Binding, ...] = ()
    """Each action is 'card("<card id>", "<name>")', which calls the card's action_<name>."""

    def widget(self) -> TodayCard:
        module, _, name = self.card.partition(":")
        return getattr(importlib.import_module(module), name)()


# The cards under the good-moment field, in order. Each area adds its own.
# Each card shows its own keys ("Done (s)", "Press r to read on"), so the
# footer does not list them again: with every card it no longer fit in 80
# columns, and it need not be rebuilt as the cards appear.
TODAY_CARDS: tuple[CardEntry, ...] = (
    CardEntry(
        "imr_companion.ui.plan.today_cards:PlanNoteCard",
        (Binding("p", 'card("plan-note", "open_plan")', "My plan", show=False),),
    ),
    CardEntry(
        "imr_companion.ui.plan.today_cards:CheckInCard",
        (Binding("c", 'card("checkin-card", "check_in")', "Check-in", show=False),),
    ),
    CardEntry(
        "imr_companion.ui.goals.today_cards:GoalCard",
        (
            Binding("s", "card('goal-card', 'done')", "Step done", show=False),
        ),
    ),
    CardEntry(
        "imr_companion.ui.handouts.today_cards:ReadingCard",
        (Binding("r", 'card("reading-card", "read")', "Read on", show=False),),
    ),
    CardEntry(
        "imr_companion.ui.handouts.today_cards:PracticeCard",
        (
            Binding(
                "t", 'card("practice-card", "done")', "Done", show=False, tooltip="This week's practice: done"
            ),
            Binding(
                "l",
                'card("practice-card", "let_go")',
                "Let go",
                show=False,
                tooltip="This week's practice: let it go",
            ),
            # w for "this week": p on Today opens the plan when its note shows.
            Binding("w", 'card("practice-card", "all")', "Week", show=False, tooltip="This week's practice"),
        ),
    ),
)


class TodayScreen(AreaScreen):
    """The keys on the cards and the area digits work on every visit: the
    good-moment field takes the focus only when the person presses m, clicks
    it, or starts writing with a key that is not one of the screen's own
    (those are in the footer). While the field has the focus every key types."""

    MODE = "today"
    AUTO_FOCUS = None
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = [
        Binding("m", "focus_moment", "Moment", tooltip="Write a good moment"),
        Binding("escape", "leave_field", "Done typing"),
        *(key for entry in TODAY_CARDS for key in entry.keys),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._cards: dict[str, TodayCard] = {}
        """Today's cards by id, once they are filled in after the first frame."""

    def compose_body(self) -> ComposeResult:
        yield Static(self._greeting(), id="greeting")
        with VerticalScroll(id="cards"), Vertical(classes="card", id="moment-card") as card:
            card.border_title = "A good moment today"
            # No max_length: a long paste is kept whole and the limit explained.
            # Words being written when the window closed come back here (ui/closing.py).
            draft = self.companion.database.stored_setting("moment_draft", "")
            yield OneLineInput(
                draft,
                placeholder="Something good today, however small? Start writing; Enter saves it.",
                id="moment-input",
                # Focus comes back here after every window closes; selecting
                # the text then would let the next key replace what was typed.
                select_on_focus=False,
            )
            message = FieldMessage(id="moment-message")
            if draft:
                message.say(KEPT_AT_CLOSE)
            yield message
            yield Static("", id="today-moments")
            yield Static("", id="month-count", classes="muted")

    @property
    def moments(self) -> Repository[Moment]:
        from imr_companion.models import Moment

        return Repository.of(self.companion.database, Moment)

    def on_mount(self) -> None:
        # The greeting and the field where a person writes are on screen first;
        # what reads the store (this day's moments, the cards, each with its
        # own widgets and styles) comes straight after that frame.
        self.companion.after_first_frame(self._fill_in)

    def _fill_in(self) -> None:
        if self.companion.database.stored_setting("moment_draft", ""):
            # The words are in the field now, where ctrl+q asks about them as ever.
            self.companion.save_settings(moment_draft="")
        self._show_moments()
        cards = [entry.widget() for entry in TODAY_CARDS]
        # Kept by id: the footer asks check_action about every card key on each
        # refresh, and a query through the screen's widgets each time was slow.
        self._cards = {card.id: card for card in cards if card.id}
        self.query_one("#cards").mount_all(cards)

    def on_screen_resume(self) -> None:
        if self._cards:
            self.refresh_data()

    def on_paste(self, event: events.Paste) -> None:
        # A paste with no field chosen is writing too.
        if not isinstance(self.focused, Input):
            event.stop()
            field = self.query_one("#moment-input", Input)
            field.focus()
            field.post_message(events.Paste(event.text))

    def on_key(self, event: events.Key) -> None:
        # Reaches here before the keys of the screen and the app are looked up.
        field = self.query_one("#moment-input", Input)
        if not event.is_printable or not event.character:
            return
        if self.focused is field:
            # Typed before the field took the focus and still on its way here
            # (the field itself keeps every key it gets): text too, spaces and
            # card letters included.
            event.stop()
            event.prevent_default()
            field.insert_text_at_cursor(event.character)
            return
        if isinstance(self.focused, Input):
            return
        active = self.active_bindings.get(event.key)
        if (active is not None and active.enabled) or event.character.isspace():
            return
        event.stop()
        event.prevent_default()
        # At once, not at the next idle moment (as focus() does): the keys
        # typed right after this one must reach the field, spaces and all.
        self.set_focus(field)
        field.cursor_position = len(field.value)
        field.insert_text_at_cursor(event.character)

    def has_unsaved_text(self) -> bool:
        return bool(self.query_one("#moment-input", Input).value.strip())

    def keep_writing(self) -> bool:
        """The window is closing: the moment being written waits for the next start, in the settings."""
        text = self.query_one("#moment-input", Input).value
        if text.strip():
            # Kept as typed; only a character no file can hold (a lone surrogate) is replaced.
            self.companion.save_settings(moment_draft=text.encode("utf-8", "replace").decode("utf-8"))
        return False  # the field itself says so at the next start

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the field has the focus every letter types: the footer shows only Esc.
        typing = isinstance(self.focused, Input)
        if action == "leave_field":
            return typing
        if typing and action in ("card", "focus_moment"):
            return False
        # A hidden card's keys do nothing (no card's keys are in the footer: each card shows its own).
        if action == "card" and parameters:
            card = self._cards.get(str(parameters[0]))
            return card is not None and card.is_mounted and card.display
        return True

    def action_card(self, card_id: str, name: str) -> None:
        card = self._cards.get(card_id)
        if card is not None and card.display:
            getattr(card, f"action_{name}")()

    def refresh_data(self) -> None:
        self._show_moments()
        for card in self.query(TodayCard):
            card.refresh_data()
        self.refresh_bindings()

    def _greeting(self) -> Content:
        now = clock.now()
        # As stored: validating the settings would bring the models in before the first frame.
        first_name = self.companion.database.stored_setting("first_name", "")
        return Content(f"{greeting(first_name, now.hour)}  {now:%A %d %B}")

    def _show_moments(self) -> None:
        from imr_companion.models.moments import count_phrase

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
        count.update(f"{count_phrase(len(month))} in {now:%B}. Press 3 to see them all.")
        count.display = bool(month)

    @on(Input.Submitted, "#moment-input")
    def save_moment(self, event: Input.Submitted) -> None:
        from imr_companion.models import Moment

        message = self.query_one("#moment-message", FieldMessage)
        saved = "Saved. Another one is welcome too."
        if add_from_field(event.input, message, lambda text: Moment(text=text), self.moments, saved):
            self.refresh_data()

    def action_focus_moment(self) -> None:
        self.query_one("#moment-input", Input).focus()

    def action_leave_field(self) -> None:
        self.set_focus(None)
