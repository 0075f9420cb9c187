"""Session notes: who was there, and when the next check-up with oneself is."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from imr_companion.models import SessionNote, Settings
from imr_companion.models.together.sessions import next_checkup, with_whom

TODAY = date(2026, 3, 18)


def test_with_whom_names_who_was_there():
    assert with_whom(SessionNote(together_with="Jo")) == "with Jo"
    assert with_whom(SessionNote()) == "a check-up with myself"


def test_a_note_line_is_one_line():
    with pytest.raises(ValidationError):
        SessionNote(done=["two\nlines"])


@pytest.mark.parametrize(
    ("last", "weeks", "expected"),
    [
        (None, 0, None),
        (None, 4, TODAY),
        (date(2026, 3, 4), 4, date(2026, 4, 1)),
        # A check-up later than planned is simply today, never "overdue".
        (date(2026, 1, 1), 2, TODAY),
    ],
)
def test_next_checkup_at_the_chosen_rhythm(last, weeks, expected):
    notes = [SessionNote(day=last)] if last else []
    assert next_checkup(notes, weeks, TODAY) == expected


def test_the_rhythm_is_a_setting_with_sane_bounds():
    assert Settings().checkup_weeks == 0
    with pytest.raises(ValidationError):
        Settings(checkup_weeks=100)
