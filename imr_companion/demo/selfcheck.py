"""Sam's self-checks: every three months over the years, and now and then Jo's own view beside them.

Invented, like all of Sam. Only numbers by area id, so both languages share them.
Drawn from a generator of their own, so that adding them changed nothing else of Sam's.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from imr_companion.demo.words import Sam
from imr_companion.models.selfcheck import (
    AREAS,
    CONTACT,
    OFF_BY_DEFAULT,
    PERSON,
    SelfCheck,
    add_months,
)

MONTHS = 3
"""Sam's rhythm, also in Sam's settings."""
LATEST_DAYS_AGO = 20
"""The latest self-check was this many days ago: the next is not due yet."""


def self_check_days(start: date, end: date) -> list[date]:
    """Every MONTHS months back from a little before `end`, oldest first, none before `start`."""
    days = []
    day = date.fromordinal(end.toordinal() - LATEST_DAYS_AGO)
    steps = 0
    while day >= start:
        days.append(day)
        steps += 1
        day = add_months(date.fromordinal(end.toordinal() - LATEST_DAYS_AGO), -MONTHS * steps)
    return days[::-1]


def selfcheck_tables(_rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    rng = random.Random(23)
    asked = [a.id for a in AREAS if a.id not in OFF_BY_DEFAULT]  # Sam has prescribed medicine
    first = {area: rng.randint(1, 3) for area in asked}
    days = self_check_days(start, end)
    checks: list[dict] = []
    for n, day in enumerate(days):
        # Slowly easier over the years, unevenly: a step back now and then, never a straight line.
        share = n / max(1, len(days) - 1)
        ratings = {}
        for area in asked:
            value = round(first[area] + share * (4.6 - first[area]) + rng.choice((-1, 0, 0, 0, 1)))
            if rng.random() > 0.06:  # now and then an area is skipped
                ratings[area] = max(1, min(5, value))
        together = sam.contact if n % 2 == 1 else None
        written = datetime.combine(day, time(11, 15))
        check = SelfCheck(
            day=day, who=PERSON, ratings=ratings, together_with=together, created=written, updated=written
        )
        checks.append(check.model_dump(mode="json"))
        if together:
            theirs = {area: max(1, min(5, value + rng.choice((-1, 0, 0)))) for area, value in ratings.items()}
            view = SelfCheck(
                day=day, who=CONTACT, ratings=theirs, together_with=together, created=written, updated=written
            )
            checks.append(view.model_dump(mode="json"))
    return {"self_checks": checks}
