"""The person's IMR group, or their fixed day with their contact person, and the notes after it.

IMR sessions open with each person telling a good moment from their week,
and end with a practice agreed for the week. The app knows the day the
person meets (settings' `meeting`), helps them be ready the day before and
the day of it, and keeps a short note after it. Nothing about the other
people in the group is stored.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from imr_companion.i18n import N_
from imr_companion.models.base import Day, LongText, Model, Record, ShortText

MODULES = 11
TIME_PATTERN = r"^(?:[01]\d|2[0-3])[:.][0-5]\d$"


class MeetingKind(StrEnum):
    GROUP = "group"
    """An IMR group."""
    CONTACT = "contact"
    """A fixed day with the contact person."""


class Meeting(Model):
    """When the person meets, kept in the settings: ids and numbers, never words."""

    kind: MeetingKind = MeetingKind.GROUP
    weekday: int = Field(ge=0, le=6)
    """Monday 0 ... Sunday 6."""
    at: Annotated[str, Field(pattern=TIME_PATTERN)] | Literal[""] = ""
    """"10:00", or "" when the person did not say."""
    module: int | None = Field(default=None, ge=1, le=MODULES)
    """The module the group is on, if the person said."""
    settled: Day | None = None
    """The last meeting whose note was written or set aside: its after-card is done."""

    def at_time(self) -> time | None:
        if not self.at:
            return None
        hours, minutes = self.at.replace(".", ":").split(":")
        return time(int(hours), int(minutes))


class GroupNote(Record):
    """A short note after a meeting, in the person's own words; either part may be empty."""

    day: Day
    """The day of the meeting."""
    took: LongText = Field(default="", max_length=1000)
    """What I took with me."""
    agreed: ShortText = ""
    """What we agreed to try this week (also added to this week's practice, when the person chose)."""


class Phase(StrEnum):
    """Where the person is around a meeting, for Today's card."""

    READY = "ready"
    """The day before the meeting, or the day itself before it starts."""
    AFTER = "after"
    """The meeting has been: a note can be written (or set aside) until the next one comes near."""


AFTER_DAYS = 3
"""For how many days after a meeting its note is offered on Today."""

GROUP_SOURCE = "group"
"""A practice task's source for one agreed at a meeting: 'group:<day>'."""
AGREED = N_("agreed at the meeting")


def next_meeting(meeting: Meeting, today: date) -> date:
    """The day of the next meeting: today, when it is the day."""
    return today + timedelta(days=(meeting.weekday - today.weekday()) % 7)


def last_meeting(meeting: Meeting, today: date) -> date:
    """The day of the latest meeting up to and including today."""
    return today - timedelta(days=(today.weekday() - meeting.weekday) % 7)


def has_begun(meeting: Meeting, now: datetime) -> bool:
    """True once today's meeting has started (with no time given: from the afternoon on)."""
    starts = meeting.at_time() or time(12, 0)
    return now.time() >= starts


def phase(meeting: Meeting, now: datetime) -> tuple[Phase, date] | None:
    """Whether Today shows the meeting card, and for which meeting day."""
    today = now.date()
    coming = next_meeting(meeting, today)
    if coming == today and not has_begun(meeting, now):
        return Phase.READY, today
    been = last_meeting(meeting, today)
    has_been = been != today or has_begun(meeting, now)
    unsettled = meeting.settled is None or meeting.settled < been
    if (today - been).days <= AFTER_DAYS and has_been and unsettled:
        return Phase.AFTER, been
    if coming == today + timedelta(days=1):
        return Phase.READY, coming
    return None


def agreed_source(day: date) -> str:
    return f"{GROUP_SOURCE}:{day.isoformat()}"
