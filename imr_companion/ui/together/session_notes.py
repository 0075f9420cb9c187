"""Session notes: every note kept after a session, newest first, and how often to meet oneself."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words, ngettext
from imr_companion.models import SessionNote
from imr_companion.models.together.sessions import done_words, newest_first, next_checkup, with_whom
from imr_companion.store import Repository
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import confirm_then_remove
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.together import SESSION_NOTES
from imr_companion.ui.together.page import TogetherPage


def note_text(note: SessionNote) -> Content:
    # Translators: a session note's first line, "Sun 6 December 2026, with Jo".
    head = _("{day}, {with_whom}").format(
        day=f"{date_words(note.day, 'weekday_short')} {date_words(note.day, 'date')}",
        with_whom=with_whom(note),
    )
    # Alone (a check-up with myself) no one met or talked.
    nothing = _("Met, talked, took stock.") if note.together_with else _("Took stock.")
    body = [f"  • {done_words(line)}" for line in note.done] or [f"  • {nothing}"]
    if note.note:
        body.append("  " + " ".join(note.note.split()))
    return Content("\n".join([head, *body]))


def rhythm_words(notes: list[SessionNote], weeks: int, key: str = "") -> str:
    """When the next check-up with oneself is, gently: a suggestion, never a deadline.

    With `key` (the key that sets the rhythm), it says how to change it."""
    upcoming = next_checkup(notes, weeks, clock.today())
    if upcoming is None:
        return (
            _("A check-up with yourself, at a rhythm you choose: press {key}.").format(key=key) if key else ""
        )
    if upcoming == clock.today():
        words = ngettext(
            "Check-ups with yourself every week: today is a good day.",
            "Check-ups with yourself every {weeks} weeks: today is a good day.",
            weeks,
        )
    else:
        words = ngettext(
            "Check-ups with yourself every week: around {day}.",
            "Check-ups with yourself every {weeks} weeks: around {day}.",
            weeks,
        )
    words = words.format(weeks=weeks, day=date_words(upcoming, "day_year"))
    if key:
        words += " " + _("Press {key} to change.").format(key=key)
    return words


class SessionNotesScreen(TogetherPage):
    TITLE_TEXT = N_("Session notes")
    DEFAULT_CSS = stylesheet.beside(__file__, "session_notes.tcss")
    BINDINGS = SESSION_NOTES.bindings()

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
        new = key_for(self, "new_session")
        if self.notes:
            count.update(
                ngettext(
                    "{count} session note, {together} of them together with someone. "
                    "Press {key} for a new session.",
                    "{count} session notes, {together} of them together with someone. "
                    "Press {key} for a new session.",
                    len(self.notes),
                ).format(count=len(self.notes), together=together, key=new)
            )
        else:
            count.update(
                _("No session notes yet. A session ends with one: press {key} to start a session.").format(
                    key=new
                )
            )
        listing.display = bool(self.notes)
        self.query_one("#notes-rhythm", Static).update(
            rhythm_words(self.notes, self.companion.settings.checkup_weeks, key_for(self, "rhythm"))
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
            _("Remove the session note of {day}?").format(day=date_words(note.day, "date")),
            lambda: self.repository.remove(note.id),
            records=((self.repository, note.id),),
            done=self.refresh_data,
            removed=_("The session note was removed. {undo} brings it back.").format(
                undo=key_for(type(self.app), "undo")
            ),
            undone=_("The session note is back."),
            yes=_("Remove"),
            no=_("Keep"),
        )
