"""Since we last met: a calm look at what happened since a day the person picks."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words
from imr_companion.store.queries.since import default_start, last_together, since, since_lines
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.together.page import TogetherPage


class SinceWeMetScreen(TogetherPage):
    TITLE_TEXT = N_("Since we last met")
    DEFAULT_CSS = stylesheet.beside(__file__, "since_we_met.tcss")

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="since-day"):
            yield Label(_("Since"), id="since-label")
            yield Input(id="since-input", placeholder="2026-03-01", max_length=10, select_on_focus=False)
            yield Label(_("Another day? Write it and press Enter."), id="since-hint")
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
        heading = _("Since {day} (the last time together):") if met == day else _("Since {day}:")
        self.query_one("#since-heading", Static).update(
            Content(heading.format(day=date_words(day, "day_year")))
        )
        lines = since_lines(since(self.companion.database, day))
        self.query_one("#since-lines", Static).update(Content("\n".join(lines)))

    @on(Input.Submitted, "#since-input")
    def _picked(self, event: Input.Submitted) -> None:
        message = self.query_one("#since-message", FieldMessage)
        try:
            day = date.fromisoformat(event.value.strip())
        except ValueError:
            message.say(
                _("Please write a date like 2026-03-01 (year-month-day), then press Enter."), error=True
            )
            return
        if day > clock.today():
            message.say(_("That day has not come yet. Please pick a day up to today."), error=True)
            return
        message.say("")
        self.show(day)

    def refresh_data(self) -> None:
        try:
            self.show(date.fromisoformat(self.query_one("#since-input", Input).value.strip()))
        except ValueError:
            return
