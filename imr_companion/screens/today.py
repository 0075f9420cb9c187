"""Today: a calm column of small cards, the good-moment field first."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static

from imr_companion import clock
from imr_companion.models import Moment
from imr_companion.models.base import field_messages
from imr_companion.models.moments import MOMENT_LIMIT, count_phrase
from imr_companion.screens.area import AreaScreen
from imr_companion.store import Repository, SaveError

SHOWN_TODAY = 3


def greeting(first_name: str, hour: int) -> str:
    part = "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"
    return f"Good {part}, {first_name}." if first_name else f"Good {part}."


class TodayScreen(AreaScreen):
    MODE = "today"
    DEFAULT_CSS = """
    TodayScreen #greeting { height: 1; margin: 1 2 0 2; text-style: bold; }
    TodayScreen #moment-input { border: none; height: 1; padding: 0 1; }
    TodayScreen #today-moments { height: auto; color: $text; }
    TodayScreen .field-message { margin: 0 1; }
    """
    BINDINGS = [
        Binding("m", "focus_moment", "Write a good moment"),
        Binding("escape", "leave_field", "Leave field", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(id="greeting")
        with VerticalScroll(id="cards"):
            with Vertical(classes="card", id="moment-card") as card:
                card.border_title = "A good moment today"
                yield Input(
                    placeholder="Something good today, however small. Enter saves it.",
                    max_length=MOMENT_LIMIT + 1000,
                    id="moment-input",
                )
                yield Static("", classes="field-message", id="moment-message")
                yield Static("", id="today-moments")
            with Vertical(classes="card", id="month-card") as card:
                card.border_title = "This month"
                yield Static("", id="month-count")

    @property
    def moments(self) -> Repository[Moment]:
        return Repository.of(self.companion.database, Moment)

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()
        self.query_one("#moment-input", Input).focus()

    def refresh_data(self) -> None:
        now = clock.now()
        self.query_one("#greeting", Static).update(
            Content(f"{greeting(self.companion.settings.first_name, now.hour)}  {now:%A %d %B}")
        )
        today = now.date()
        month = today.replace(day=1)
        # Only this month's records are read: Today stays instant with years of data.
        this_month = self.moments.where("day", month.isoformat(), today.isoformat())
        todays = sorted((m for m in this_month if m.day == today), key=lambda m: m.created)
        lines = [f"• {m.text.splitlines()[0]}" for m in todays[-SHOWN_TODAY:]]
        if len(todays) > SHOWN_TODAY:
            lines.insert(0, f"{len(todays)} today; the newest {SHOWN_TODAY}:")
        self.query_one("#today-moments", Static).update(Content("\n".join(lines)))
        self.query_one("#today-moments").display = bool(lines)
        card = self.query_one("#month-card")
        card.display = bool(this_month)
        self.query_one("#month-count", Static).update(
            f"{count_phrase(len(this_month))} in {today:%B}. Key 3 shows them all."
        )

    @on(Input.Submitted, "#moment-input")
    def save_moment(self, event: Input.Submitted) -> None:
        message = self.query_one("#moment-message", Static)
        if not event.value.strip():
            message.update("Write a few words first, then press Enter.")
            message.add_class("-error")
            return
        try:
            moment = Moment(text=event.value)
            self.moments.add(moment)
        except ValidationError as error:
            message.update(field_messages(error).get("text", "Please check what you wrote."))
            message.add_class("-error")
            return
        except SaveError as error:
            message.update(Content(str(error)))
            message.add_class("-error")
            return
        event.input.value = ""
        message.remove_class("-error")
        message.update("Saved. Another one is welcome too.")
        self.refresh_data()

    def action_focus_moment(self) -> None:
        self.query_one("#moment-input", Input).focus()

    def action_leave_field(self) -> None:
        self.set_focus(None)
