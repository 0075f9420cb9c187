"""The self-check: the IMR Scale's areas in plain words, rated 1 to 5 every few months.

A self-check is a dated record of ratings keyed by stable area ids, never by
words: an area the person skipped is simply absent. Who gave the ratings is
`who`: the person, or (only in together mode) the contact person beside them,
whose name the record's together mark carries. There is no total score: each
area is seen on its own, over time (layout/change.py draws it).

In every area 5 is the end a person would hope for, so a rising row of marks
always reads as things getting easier, and the words of both ends are shown.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from imr_companion import clock
from imr_companion.i18n import N_
from imr_companion.models.base import Day, Record

AreaId = Literal[
    "goals",
    "knowledge",
    "family",
    "people",
    "role",
    "bother",
    "in-the-way",
    "relapse-plan",
    "came-back",
    "hospital",
    "coping",
    "groups",
    "medicine",
    "alcohol",
    "drugs",
]
Rating = Annotated[int, Field(ge=1, le=5)]
Who = Literal["person", "contact"]

PERSON: Who = "person"
CONTACT: Who = "contact"


@dataclass(frozen=True)
class Area:
    id: AreaId
    title: str
    """In English, marked with N_(): drawn through _()."""
    low: str
    """The words at 1."""
    high: str
    """The words at 5, the end a person would hope for."""


AREAS: tuple[Area, ...] = (
    Area("goals", N_("Moving toward my goals"), N_("Not yet"), N_("Well on my way")),
    Area("knowledge", N_("Knowing about my illness and treatment"), N_("Very little"), N_("A great deal")),
    Area("family", N_("Family or friends involved"), N_("Not at all"), N_("Very much")),
    Area("people", N_("Time with people outside the family"), N_("Hardly ever"), N_("Often")),
    Area("role", N_("Time in a role: work, study, volunteering, caring"), N_("None"), N_("Much of my week")),
    Area("bother", N_("How much symptoms bother me"), N_("Very much"), N_("Hardly at all")),
    Area("in-the-way", N_("How much symptoms get in the way"), N_("Very much"), N_("Hardly at all")),
    Area("relapse-plan", N_("Having and using a relapse plan"), N_("No plan"), N_("A plan I use")),
    Area("came-back", N_("How often symptoms came back strongly"), N_("Very often"), N_("Not at all")),
    Area("hospital", N_("Hospital stays"), N_("Many"), N_("None at all")),
    Area("coping", N_("Coping day to day"), N_("Hard to cope"), N_("Coping well")),
    Area("groups", N_("Taking part in peer or self-help groups"), N_("Not at all"), N_("Regularly")),
    Area("medicine", N_("Medicine taken as agreed"), N_("Rarely"), N_("Every day")),
    Area("alcohol", N_("Alcohol getting in the way"), N_("Very much"), N_("Not at all")),
    Area("drugs", N_("Drugs getting in the way"), N_("Very much"), N_("Not at all")),
)
AREA_BY_ID: dict[str, Area] = {area.id: area for area in AREAS}

OFF_BY_DEFAULT: tuple[AreaId, ...] = ("hospital", "alcohol", "drugs")
"""Asked only when the person turns them on (settings.selfcheck_more)."""
MEDICINE: AreaId = "medicine"
"""Asked only when the person says they have prescribed medicine (settings.selfcheck_medicine)."""
MOST_MONTHS = 24


class SelfCheck(Record):
    day: Day = Field(default_factory=clock.today)
    who: Who = PERSON
    """Whose view: the person's, or the contact person's beside them (their name is `together_with`)."""
    ratings: dict[AreaId, Rating] = Field(default_factory=dict)
    """1 to 5 by area id; an area skipped is not here."""


def asked(medicine: bool, more: Collection[str]) -> list[Area]:
    """The areas asked, in order: medicine only when prescribed, the areas off by default when turned on."""
    shown = []
    for area in AREAS:
        if area.id == MEDICINE and not medicine:
            continue
        if area.id in OFF_BY_DEFAULT and area.id not in more:
            continue
        shown.append(area)
    return shown


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(days: Iterable[date], months: int) -> date | None:
    """When the next self-check is due at the person's rhythm; None without a rhythm.

    With no self-check yet, it is due now (the earliest possible day stands for that)."""
    if months <= 0:
        return None
    last = max(days, default=None)
    return date.min if last is None else add_months(last, months)


def due(days: Iterable[date], months: int, today: date, not_now: date | None = None) -> bool:
    """True when a self-check is due: the rhythm's time has come, and "not now" was not said since."""
    when = next_due(days, months)
    if when is None or when > today:
        return False
    return not_now is None or not_now < when or (today - not_now).days >= 14


def own_checks(checks: Iterable[SelfCheck], who: Who = PERSON) -> list[SelfCheck]:
    """One person's view, oldest first."""
    return sorted((c for c in checks if c.who == who), key=lambda c: (c.day, c.created))
