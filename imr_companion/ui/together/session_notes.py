"""Session notes: every note kept after a session, newest first, and how often to meet oneself."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion import clock
from imr_companion.models import SessionNote
from imr_companion.models.goals import long_date
from imr_companion.models.sessions import newest_first, next_checkup, with_whom
from imr_companion.store import Repository
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import confirm_then_remove
from imr_companion.ui.together.page import TogetherPage


def note_text(note: SessionNote) -> Content:
    head = f"{note.day:%a} {long_date(note.day)}, {with_whom(note)}"
    body = [f"  • {line}" for line in note.done] or ["  • Met, talked, took stock."]
    if note.note:
        body.append("  " + " ".join(note.note.split()))
    return Content("\n".join([head, *body]))


def rhythm_words(notes: list[SessionNote], weeks: int) -> str:
    """When the next check-up with oneself is, gently: a suggestion, never a deadline."""
    upcoming = next_checkup(notes, weeks, clock.today())
    if upcoming is None:
        return "A check-up with yourself, at a rhythm you choose: press r."
    every = "every week" if weeks == 1 else f"every {weeks} weeks"
    when = (
        "today is a good day" if upcoming == clock.today() else f"around {upcoming:%A} {long_date(upcoming)}"
    )
    return f"Check-ups with yourself {every}: {when}. Press r to change."


class SessionNotesScreen(TogetherPage):
    TITLE_TEXT = "Session notes"
    DEFAULT_CSS = stylesheet.beside(__file__, "session_notes.tcss")
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("w", "new_session", "New session"),
        Binding("x", "remove", "Remove"),
        Binding("r", "rhythm", "Rhythm", tooltip="How often to have a check-up with myself"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static("", id="notes-count")
        yield Static("", id="notes-rhythm")
        yield OptionList(id="notes")

    @property
    def repository(self) -> Repository[SessionNote]:
        return Repository.of(self.companion.database, SessionNote)

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        self.notes = newest_first(self.repository.all())
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([Option(note_text(note), id=note.id) for note in self.notes])
        together = sum(1 for note in self.notes if note.together_with)
        count = self.query_one("#notes-count", Static)
        if self.notes:
            count.update(
                f"{len(self.notes)} session note{'' if len(self.notes) == 1 else 's'}, "
                f"{together} of them together with someone. Press w for a new session."
            )
        else:
            count.update("No session notes yet. A session ends with one: press w to start a session.")
        listing.display = bool(self.notes)
        self.query_one("#notes-rhythm", Static).update(
            rhythm_words(self.notes, self.companion.settings.checkup_weeks)
        )

    def action_rhythm(self) -> None:
        from imr_companion.ui.together.rhythm import RhythmPrompt

        def chosen(weeks: int | None) -> None:
            if weeks is not None and self.companion.save_settings(checkup_weeks=weeks):
                self.refresh_data()

        self.app.push_screen(RhythmPrompt(self.companion.settings.checkup_weeks), chosen)

    def action_new_session(self) -> None:
        from imr_companion.ui.together.session import SessionScreen

        self.app.push_screen(SessionScreen())

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        """Enter on a note does nothing more: the whole note is already shown."""

    def action_remove(self) -> None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not self.notes:
            return
        note = self.notes[listing.highlighted]

        confirm_then_remove(
            self,
            f"Remove the session note of {long_date(note.day)}?",
            lambda: self.repository.remove(note.id),
            records=((self.repository, note.id),),
            done=self.refresh_data,
            removed="The session note was removed. ctrl+z brings it back.",
            undone="The session note is back.",
            yes="Remove",
            no="Keep",
        )
