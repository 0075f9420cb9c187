"""Since we last met: a calm look at what happened since a day the person picks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from imr_companion import clock
from imr_companion.models.goals import long_date
from imr_companion.store.queries.since import SHOWN, Since, default_start, last_together, since
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.together.page import TogetherPage


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def _some(texts: list[str]) -> list[str]:
    """The first few, one short line each, and how many more."""
    shown = [f"    · {' '.join(text.split())}" for text in texts[:SHOWN]]
    if len(texts) > SHOWN:
        shown.append(f"    · and {len(texts) - SHOWN} more")
    return shown


def since_lines(found: Since) -> list[str]:
    """Counts and short lists of what is there: '3 good moments', never 'only 3'."""
    lines: list[str] = []
    if found.moments:
        lines += [f"✓ {_plural(len(found.moments), 'good moment')}", *_some([m.text for m in found.moments])]
    if found.practice_done or found.practice_let_go:
        words = []
        if found.practice_done:
            words.append(f"{len(found.practice_done)} done")
        if found.practice_let_go:
            words.append(f"{len(found.practice_let_go)} let go")
        tasks = [t.text for t in [*found.practice_done, *found.practice_let_go]]
        lines += [f"✓ This week's practice: {', '.join(words)}", *_some(tasks)]
    if found.steps:
        lines += [f"✓ {_plural(len(found.steps), 'goal step')} climbed", *_some([s for _, s in found.steps])]
    if found.goals_reached:
        lines += [f"★ {_plural(len(found.goals_reached), 'goal')} reached", *_some(found.goals_reached)]
    for title, read, total in found.sections_read:
        lines.append(f"✓ {title}: {read} of {total} sections read")
    if found.answers:
        count = sum(found.answers.values())
        lines += [f"✓ {_plural(count, 'answer')} written", *_some(list(found.answers))]
    if found.checkin_days:
        signs = f", signs noticed on {_plural(found.sign_days, 'day')}" if found.sign_days else ""
        lines.append(f"✓ Checked in on {_plural(found.checkin_days, 'day')}{signs}")
    if found.plan_reviews:
        lines.append(f"✓ Plan looked over on {', '.join(long_date(d) for d in found.plan_reviews)}")
    elif found.plan_changed:
        lines.append(f"✓ Plan changed, last on {long_date(found.plan_changed)}")
    if not lines:
        lines.append("A quiet time in the app. Whatever happened outside it counts just as much.")
    return lines


class SinceWeMetScreen(TogetherPage):
    TITLE_TEXT = "Since we last met"
    CSS_PATH = Path(__file__).with_name("since_we_met.tcss")

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="since-day"):
            yield Label("Since", id="since-label")
            yield Input(id="since-input", placeholder="2026-03-01", max_length=10, select_on_focus=False)
            yield Label("Another day? Write it and press Enter.", id="since-hint")
        yield FieldMessage(id="since-message")
        with VerticalScroll(id="since-body"):
            yield Static(id="since-heading")
            yield Static(id="since-lines")

    def on_mount(self) -> None:
        start = default_start(self.companion.database)
        self.query_one("#since-input", Input).value = start.isoformat()
        self.show(start)

    def show(self, day: date) -> None:
        met = last_together(self.companion.database)
        why = " (the last time together)" if met == day else ""
        self.query_one("#since-heading", Static).update(Content(f"Since {day:%A} {long_date(day)}{why}:"))
        lines = since_lines(since(self.companion.database, day))
        self.query_one("#since-lines", Static).update(Content("\n".join(lines)))

    @on(Input.Submitted, "#since-input")
    def _picked(self, event: Input.Submitted) -> None:
        message = self.query_one("#since-message", FieldMessage)
        try:
            day = date.fromisoformat(event.value.strip())
        except ValueError:
            message.say("Please write a date like 2026-03-01 (year-month-day), then press Enter.", error=True)
            return
        if day > clock.today():
            message.say("That day has not come yet. Please pick a day up to today.", error=True)
            return
        message.say("")
        self.show(day)

    def refresh_data(self) -> None:
        try:
            self.show(date.fromisoformat(self.query_one("#since-input", Input).value.strip()))
        except ValueError:
            return
