"""The goals screen's keys, and when each one does something (the footer shows only those)."""

from __future__ import annotations

from textual.binding import BindingType

from imr_companion.models import Goal
from imr_companion.models.goals import Step, current_goal
from imr_companion.ui.keys.declared import GOALS

NEW_GOAL = "new_goal('list')"
"""The action of the new-goal key, for sentences that name that key."""

GOALS_KEYS: list[BindingType] = [*GOALS.bindings()]
"""Declared once, with their words and ids: ui/keys/declared.py."""


def key_works(
    action: str,
    where: str,
    on_ladder: bool,
    goal: Goal | None,
    step: Step | None,
    goals: list[Goal],
) -> bool:
    """Whether `action` (bound for `where`: the goal list, the ladder or any) works now."""
    if (where == "list" and on_ladder) or (where == "ladder" and not on_ladder):
        return False
    ladder_only = {"done", "not_done", "move", "practice"}
    if action in ladder_only and not on_ladder:
        return False
    if action == "done":
        return step is not None and not step.done
    if action == "not_done":
        return step is not None and step.done
    if action == "move":
        return step is not None and len(goal.steps) > 1 if goal else False
    if action == "practice":
        return step is not None and not step.done and goal is not None and not goal.reached
    if action in ("change", "delete"):
        return (step if on_ladder else goal) is not None
    if action == "add_step":
        return goal is not None
    if action == "make_current":
        return goal is not None and not goal.reached and goal is not current_goal(goals)
    if action == "reach":
        return goal is not None and not goal.reached
    if action == "reopen":
        return goal is not None and goal.reached
    return True
