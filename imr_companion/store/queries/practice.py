"""This week's practice: the tasks agreed for the week the day falls in."""

from __future__ import annotations

from imr_companion import clock
from imr_companion.models import PracticeTask
from imr_companion.models.practice import PracticeStatus, week_span
from imr_companion.store import Repository


def this_weeks_practice(repository: Repository[PracticeTask]) -> list[PracticeTask]:
    monday, sunday = week_span(clock.today())
    return repository.where("week_of", monday.isoformat(), sunday.isoformat())


def add_once_this_week(repository: Repository[PracticeTask], task: PracticeTask) -> bool:
    """Add `task` to this week's practice; False when an open task from the same place is there already.

    A failed save raises SaveError."""
    if any(
        t.source == task.source and t.status is PracticeStatus.OPEN for t in this_weeks_practice(repository)
    ):
        return False
    repository.add(task)
    return True
