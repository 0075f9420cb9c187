"""This week's practice: the tasks agreed for the week the day falls in."""

from __future__ import annotations

from imr_companion import clock
from imr_companion.models import PracticeTask
from imr_companion.models.practice import week_span
from imr_companion.store import Repository


def this_weeks_practice(repository: Repository[PracticeTask]) -> list[PracticeTask]:
    monday, sunday = week_span(clock.today())
    return repository.where("week_of", monday.isoformat(), sunday.isoformat())
