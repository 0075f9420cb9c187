"""What the plan brought by warning signs reads: signs on days in a row, and good moments from a good time.

Reads only the last year of check-ins and good moments, so it opens at once
after a check-in, whatever the years of data.
"""

from __future__ import annotations

from datetime import date, timedelta

from imr_companion.models import Moment
from imr_companion.models.moments import newest_first
from imr_companion.models.plan import days_with_signs
from imr_companion.store import Database, Repository
from imr_companion.store.queries.plan import checkins_between

LOOK_BACK = 365
"""Days a good time is looked for in."""


def signs_in_a_row(database: Database, today: date) -> int:
    """How many days in a row, up to today, the person noticed signs (0 when not today)."""
    noticed = days_with_signs(list(checkins_between(database, today - timedelta(days=13), today).values()))
    count = 0
    while today - timedelta(days=count) in noticed:
        count += 1
    return count


def good_time_moments(database: Database, today: date, count: int = 3) -> list[Moment]:
    """Up to `count` good moments, one a day, from days without signs: first the days the person
    checked in with none, newest first, then other days without signs before today."""
    start = today - timedelta(days=LOOK_BACK)
    checkins = checkins_between(database, start, today)
    signs = days_with_signs(list(checkins.values()))
    calm = {day for day, checkin in checkins.items() if not checkin.noticed}
    moments = [
        m
        for m in Repository.of(database, Moment).where("day", start.isoformat(), today.isoformat())
        if m.day not in signs
    ]
    chosen: list[Moment] = []
    days: set[date] = set()
    for wanted in (lambda m: m.day in calm, lambda m: m.day < today):
        for moment in newest_first(moments):
            if len(chosen) < count and moment.day not in days and wanted(moment):
                chosen.append(moment)
                days.add(moment.day)
    return sorted(chosen, key=lambda m: m.day, reverse=True)
