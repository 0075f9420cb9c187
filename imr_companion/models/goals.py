"""The goal ladder: a personal recovery goal in the person's own words, climbed one step at a time.

The steps live inside their goal, so that reordering a ladder or marking a
step done is one record written in one go, never half of a change.

The ladder's order is the climb: `steps[0]` is the bottom rung. Done steps
always form the bottom of the ladder, in the order they were climbed, and
the first step that is not done yet is the current rung.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, model_validator

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words, ngettext
from imr_companion.models.base import (
    Day,
    LongText,
    Model,
    Record,
    RequiredShortText,
    ShortText,
    Timestamp,
    new_id,
)

WHY_LIMIT = 2000
STEP_LIMIT = 60
"""Steps on one ladder: far more than any goal needs; a long ladder is better split into two goals."""


class RecoveryArea(StrEnum):
    """The life area a goal belongs to (IMR module 1 asks which areas a person wants to improve)."""

    HOME = "home"
    FRIENDS_FAMILY = "friends_family"
    WORK_STUDY = "work_study"
    HEALTH = "health"
    MONEY = "money"
    FREE_TIME = "free_time"
    OTHER = "other"


RECOVERY_AREA_NAMES: dict[RecoveryArea, str] = {
    RecoveryArea.HOME: N_("Home"),
    RecoveryArea.FRIENDS_FAMILY: N_("Friends and family"),
    RecoveryArea.WORK_STUDY: N_("Work or study"),
    RecoveryArea.HEALTH: N_("Health"),
    RecoveryArea.MONEY: N_("Money"),
    RecoveryArea.FREE_TIME: N_("Free time"),
    RecoveryArea.OTHER: N_("Other"),
}
"""The English names (the catalogues' ids): `area_name` gives them in the person's language."""


def area_name(area: RecoveryArea) -> str:
    """The life area's name in the person's language."""
    return _(RECOVERY_AREA_NAMES[area])


class GoalStatus(StrEnum):
    ACTIVE = "active"
    REACHED = "reached"


class Step(Model):
    id: str = Field(default_factory=new_id, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    """Stable, so that a practice task can point at the step it came from."""
    text: RequiredShortText
    planned_on: Day | None = None
    """A day the person would like to try it: a plan, never a deadline."""
    done_on: Day | None = None
    together_with: ShortText | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


class Goal(Record):
    text: RequiredShortText
    # A Field on the attribute (not inside Annotated) so that a very long
    # paste is told this limit, not LongText's wider one.
    why: LongText = Field(default="", max_length=WHY_LIMIT)
    area: RecoveryArea = RecoveryArea.OTHER
    hoped_for: Day | None = None
    """When the person hopes to get there: a hope, never a deadline."""
    status: GoalStatus = GoalStatus.ACTIVE
    reached_on: Day | None = None
    made_current: Timestamp | None = None
    """When the person chose this as their current goal; the latest choice wins.
    A time rather than a flag, so that choosing a goal is one write."""
    NOT_WRITING: ClassVar[frozenset[str]] = frozenset({"made_current"})
    """Choosing a goal as the current one is not writing it: no together mark for that alone."""
    steps: list[Step] = Field(default_factory=list, max_length=STEP_LIMIT)

    @model_validator(mode="after")
    def _consistent(self) -> Goal:
        if len({step.id for step in self.steps}) != len(self.steps):
            raise ValueError("two steps share an id")
        if (self.status is GoalStatus.REACHED) != (self.reached_on is not None):
            raise ValueError("a reached goal has a reached date, and only a reached goal")
        return self

    # --- reading ---------------------------------------------------------

    @property
    def reached(self) -> bool:
        return self.status is GoalStatus.REACHED

    @property
    def done_count(self) -> int:
        return sum(1 for step in self.steps if step.done)

    @property
    def next_step(self) -> Step | None:
        """The current rung: the lowest step not done yet."""
        return next((step for step in self.steps if not step.done), None)

    def step(self, step_id: str) -> Step | None:
        return next((step for step in self.steps if step.id == step_id), None)

    def index_of(self, step_id: str) -> int | None:
        return next((i for i, step in enumerate(self.steps) if step.id == step_id), None)

    # --- changing: each returns a validated copy, to be saved as one write ---

    def with_step(self, step: Step) -> Goal:
        """`step` changed in place, or added at the top of the ladder if it is new."""
        if self.step(step.id) is None:
            steps = [*self.steps, step]
        else:
            steps = [step if s.id == step.id else s for s in self.steps]
        return self.touched(steps=_climbed_first(steps))

    def without_step(self, step_id: str) -> Goal:
        return self.touched(steps=[s for s in self.steps if s.id != step_id])

    def step_done(self, step_id: str, day: date | None = None) -> Goal:
        """The step marked done on `day` (today by default); it joins the climbed rungs."""
        step = self.step(step_id)
        if step is None:
            return self
        return self.with_step(step.model_copy(update={"done_on": day or clock.today()}))

    def step_not_done(self, step_id: str) -> Goal:
        """The step back on the ladder, as the current rung."""
        step = self.step(step_id)
        if step is None:
            return self
        return self.with_step(step.model_copy(update={"done_on": None}))

    def step_moved(self, step_id: str, to: int) -> Goal | None:
        """The step moved to index `to`, kept among steps like it (done or not yet);
        None when it cannot move there."""
        index = self.index_of(step_id)
        if index is None:
            return None
        done = self.steps[index].done
        same = [i for i, step in enumerate(self.steps) if step.done == done]
        target = max(same[0], min(to, same[-1]))
        if target == index:
            return None
        steps = list(self.steps)
        steps.insert(target, steps.pop(index))
        return self.touched(steps=steps)

    def marked_reached(self, day: date | None = None) -> Goal:
        return self.touched(status=GoalStatus.REACHED, reached_on=day or clock.today())

    def reopened(self) -> Goal:
        return self.touched(status=GoalStatus.ACTIVE, reached_on=None)

    def made_current_now(self) -> Goal:
        return self.touched(made_current=clock.now())


def _climbed_first(steps: list[Step]) -> list[Step]:
    """Done steps at the bottom, then the rest; each group keeps its order."""
    return [s for s in steps if s.done] + [s for s in steps if not s.done]


def current_goal(goals: list[Goal]) -> Goal | None:
    """The goal the person is working on now: the active goal chosen most
    recently, or else the oldest active goal."""
    active = [goal for goal in goals if not goal.reached]
    if not active:
        return None
    chosen = [goal for goal in active if goal.made_current is not None]
    if chosen:
        return max(chosen, key=lambda goal: (goal.made_current, goal.created))
    return min(active, key=lambda goal: goal.created)


def working_on(goals: list[Goal]) -> list[Goal]:
    """Active goals, the current one first, then the newest."""
    current = current_goal(goals)
    rest = sorted((g for g in goals if not g.reached and g is not current), key=lambda g: g.created)
    return ([current] if current else []) + rest[::-1]


def reached_newest_first(goals: list[Goal]) -> list[Goal]:
    reached = [goal for goal in goals if goal.reached]
    return sorted(reached, key=lambda g: (g.reached_on, g.updated), reverse=True)


def steps_phrase(goal: Goal) -> str:
    """'2 of 5 steps done' or '5 steps on the ladder': what has been climbed, never what is missing."""
    total = len(goal.steps)
    if total == 0:
        return _("no steps yet")
    if goal.done_count == 0:
        return ngettext("{count} step on the ladder", "{count} steps on the ladder", total).format(
            count=total
        )
    return ngettext("{done} of {count} step done", "{done} of {count} steps done", total).format(
        done=goal.done_count, count=total
    )


def short_date(day: date, today: date) -> str:
    """'3 Mar' this year, '3 Mar 2024' another year (in the person's language)."""
    return date_words(day, "short" if day.year == today.year else "short_year")


def long_date(day: date) -> str:
    """'3 March 2026' (in the person's language)."""
    return date_words(day, "date")
