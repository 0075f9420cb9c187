"""What the goals screen says: the goal list's rows, the chosen step in words, the person's words quoted."""

from __future__ import annotations

from rich.text import Text

from imr_companion.layout.text import shorten
from imr_companion.models import Goal
from imr_companion.models.goals import Step, current_goal, long_date, reached_newest_first, working_on
from imr_companion.ui.common.row_list import Row
from imr_companion.ui.goals.ladder import CURRENT_MARK, DONE_MARK

EMPTY = (
    "A goal is something you would like for your life, in your own words: "
    "a place to live, more time with a friend, a job, a hobby, feeling fitter. "
    "You climb towards it one small step at a time.\n\n"
    "Press n to set your first goal."
)


def goal_rows(goals: list[Goal]) -> list[Row]:
    current = current_goal(goals)
    rows: list[Row] = []
    active = working_on(goals)
    if active:
        rows.append(Row("Working on"))
        rows += [Row(f"{CURRENT_MARK if g is current else ' '} {g.text}", g.id) for g in active]
    reached = reached_newest_first(goals)
    if reached:
        rows.append(Row(f"Reached: {len(reached)} goal{'' if len(reached) == 1 else 's'}"))
        rows += [Row(f"{DONE_MARK} {g.text}", g.id) for g in reached]
    return rows


def step_detail(goal: Goal, step: Step | None) -> Text:
    """The selected step in full, and where it stands, in words."""
    if step is None:
        return Text("")
    text = Text(step.text)
    if step.done_on:
        status = f"Done on {step.done_on:%A} {long_date(step.done_on)}."
    elif goal.next_step and goal.next_step.id == step.id:
        status = "Your next step."
    else:
        status = ""
    if step.planned_on and not step.done_on:
        status += f" A day to try it: {step.planned_on:%A} {long_date(step.planned_on)}."
    if step.together_with:
        status += f" Written together with {step.together_with}."
    if status.strip():
        text.append("\n" + status.strip(), style="dim")
    return text


def quoted(text: str, limit: int = 100) -> str:
    return f"“{shorten(text, limit)}”"


def after_last_step(goal: Goal) -> Text:
    """The question when the last step of a ladder is done."""
    done = "That was the last step on this ladder."
    return Text(f"{done}\n\nHave you reached your goal?\n{quoted(goal.text)}")
