"""Sam's IMR group: every Friday at 10, a note after most meetings, a good moment told at each.

The meeting day is three days ahead of the demo's today, so Today is calm
when the demo opens; the notes, the moments marked as told and the practice
agreed at the meetings show in Good moments, Handouts and the practice list.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from imr_companion.demo.words import Sam
from imr_companion.models import GroupNote, PracticeTask
from imr_companion.models.group import Meeting, MeetingKind, agreed_source, last_meeting
from imr_companion.models.practice import week_start

WEEKS = 8
"""The meetings of the last this many weeks have notes and a told moment."""
MODULE = 8


def meeting(end: date) -> Meeting:
    weekly = Meeting(kind=MeetingKind.GROUP, weekday=(end.weekday() + 3) % 7, at="10:00", module=MODULE)
    return weekly.model_copy(update={"settled": last_meeting(weekly, end)})


def group_tables(rng: random.Random, start: date, end: date, sam: Sam) -> dict[str, list[dict]]:
    words = sam.words["group"]
    last = last_meeting(meeting(end), end)
    notes: list[dict] = []
    practice: list[dict] = []
    for week in range(WEEKS):
        day = last - timedelta(weeks=week)
        if day < start or rng.random() < 0.25:
            continue  # not every meeting gets a note, and that is fine
        written = datetime.combine(day, time(15, rng.randrange(60)))
        agreed = rng.choice(words["agreed"])
        note = GroupNote(
            day=day, took=rng.choice(words["took"]), agreed=agreed, created=written, updated=written
        )
        notes.append(note.model_dump(mode="json"))
        task = PracticeTask(
            text=agreed, source=agreed_source(day), week_of=week_start(day), created=written, updated=written
        )
        practice.append(task.model_dump(mode="json"))
    return {"group_notes": notes, "practice": practice}


def mark_told(moments: list[dict[str, Any]], end: date) -> None:
    """At each of the last meetings, one good moment from the week before it was told."""
    last = last_meeting(meeting(end), end)
    for week in range(WEEKS):
        day = last - timedelta(weeks=week)
        before = [m for m in moments if day - timedelta(days=7) <= date.fromisoformat(m["day"]) < day]
        if before:
            before[len(before) // 2]["told_on"] = day.isoformat()
