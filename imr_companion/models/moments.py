"""Good moments: IMR's optimistic events, one small good thing from a day."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from imr_companion import clock
from imr_companion.i18n import date_words, ngettext
from imr_companion.models.base import Day, LongText, Record

MOMENT_LIMIT = 2000


class Moment(Record):
    # Given as the field's own Field (not inside Annotated) so it replaces
    # LongText's wider limit, and a long paste is told this one.
    text: LongText = Field(min_length=1, max_length=MOMENT_LIMIT)
    day: Day = Field(default_factory=clock.today)
    told_on: Day | None = None
    """The day of the meeting (models.group) where the person chose to tell this moment."""


def newest_first(moments: list[Moment]) -> list[Moment]:
    return sorted(moments, key=lambda m: (m.day, m.created), reverse=True)


def by_month(moments: list[Moment]) -> list[tuple[date, list[Moment]]]:
    """(first day of month, that month's moments newest first), newest month first."""
    groups: dict[date, list[Moment]] = {}
    for moment in newest_first(moments):
        groups.setdefault(moment.day.replace(day=1), []).append(moment)
    return list(groups.items())


def count_phrase(count: int) -> str:
    return ngettext("{count} good moment", "{count} good moments", count).format(count=count)


def month_heading(month: date, count: int) -> str:
    """'14 good moments in March 2026': a count of what is there, never of what is not."""
    return ngettext("{count} good moment in {month}", "{count} good moments in {month}", count).format(
        count=count, month=date_words(month, "month")
    )
