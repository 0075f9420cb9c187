"""When the next check-up with oneself is: plain dates, so that the hello line can say it
without loading the models (models/together/sessions.next_checkup and Today's card use the same)."""

from __future__ import annotations

from datetime import date, timedelta

DUE_WITHIN_DAYS = 6
"""A check-up "fits this week" when its day is today or within the next six days."""


def next_checkup_day(last: date | None, weeks: int, today: date) -> date | None:
    """Around when the next check-up is; None without a rhythm; never in the past
    (a later check-up than planned is simply "today is fine")."""
    if weeks <= 0:
        return None
    if last is None:
        return today
    return max(today, last + timedelta(weeks=weeks))


def due_soon(upcoming: date | None, today: date) -> bool:
    """The check-up is today or in the coming days: Today's card and the hello line say so."""
    return upcoming is not None and (upcoming - today).days <= DUE_WITHIN_DAYS
