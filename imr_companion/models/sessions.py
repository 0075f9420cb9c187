"""Session notes: a dated note the person keeps after a session in IMR order.

A session follows the order of an IMR group meeting: a good moment, last
week's practice, the goal's next step, the next handout section, and this
week's practice. The note says what was done and with whom (the record's
`together_with`), in the person's own words where they add some.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import Field

from imr_companion import clock
from imr_companion.i18n import _
from imr_companion.models.base import Day, LongText, Record, RequiredShortText

NOTE_LIMIT = 2000
STEP_LINES = 12


class SessionNote(Record):
    day: Day = Field(default_factory=clock.today)
    done: list[RequiredShortText] = Field(default_factory=list, max_length=STEP_LINES)
    """One line for each step of the session, as it went ("A good moment: ...")."""
    note: LongText = Field(default="", max_length=NOTE_LIMIT)
    """Anything the person would like to remember, in their own words."""


def newest_first(notes: list[SessionNote]) -> list[SessionNote]:
    return sorted(notes, key=lambda n: (n.day, n.created), reverse=True)


def with_whom(note: SessionNote) -> str:
    """'with Jo' or 'a check-up with myself': who was there, never who was missing."""
    if note.together_with:
        return _("with {name}").format(name=note.together_with)
    return _("a check-up with myself")


def next_checkup(notes: list[SessionNote], weeks: int, today: date) -> date | None:
    """Around when the next session is, at the rhythm the person chose; None without a rhythm.

    Never in the past: a later check-up than planned is simply "today is fine".
    """
    if weeks <= 0:
        return None
    if not notes:
        return today
    last = max(note.day for note in notes)
    return max(today, last + timedelta(weeks=weeks))
