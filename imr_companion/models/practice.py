"""This week's practice: IMR's home assignments, small tasks agreed for the week."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from pydantic import Field

from imr_companion import clock
from imr_companion.models.base import Day, Record, RequiredShortText, ShortText


class PracticeStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    LET_GO = "let_go"
    """Set down without blame: the week moved on, or it no longer fits."""


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


class PracticeTask(Record):
    text: RequiredShortText
    week_of: Day = Field(default_factory=lambda: week_start(clock.today()))
    status: PracticeStatus = PracticeStatus.OPEN
    finished_on: Day | None = None
    source: ShortText | None = None
    """Where it came from: 'handout:<handout id>:<task id>' for a handout's 'Try this week' task
    (the id lets the handout find it in any language; `text` keeps the words it was added with),
    'goal:<goal id>:<step id>'. An older 'handout:<handout id>' names only the handout."""


def week_span(day: date) -> tuple[date, date]:
    """The Monday and Sunday of `day`'s week."""
    monday = week_start(day)
    return monday, monday + timedelta(days=6)
