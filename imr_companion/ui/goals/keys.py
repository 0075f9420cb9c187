"""The goals screen's keys, and when each one does something (the footer shows only those)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from imr_companion.i18n import N_
from imr_companion.models import Goal
from imr_companion.models.goals import Step, current_goal


# Keys are shown in the footer where they belong (the goal list or the
# ladder) and work from both; check_action picks which copy is active.
def _keys(key: str, action: str, description: str, where: str) -> list[Binding]:
    return [
        Binding(key, f"{action}('{where}')", description),
        Binding(key, f"{action}('any')", description, show=False),
    ]


NEW_GOAL = "new_goal('list')"
"""The action of the new-goal key, for sentences that name that key."""

GOALS_KEYS: list[BindingType] = [
    *_keys("n", "new_goal", N_("New goal"), "list"),
    *_keys("a", "add_step", N_("Add step"), "ladder"),
    Binding("e", "change", N_("Change")),
    Binding("enter", "enter", N_("Open"), show=False),
    Binding("space", "done", N_("Done")),
    Binding("space", "not_done", N_("Not done yet")),
    Binding("shift+up", "move(1)", N_("Move"), key_display="⇧↑↓"),
    Binding("shift+down", "move(-1)", N_("Move down"), show=False),
    Binding("p", "practice", N_("Practice")),
    *_keys("c", "make_current", N_("Make current"), "list"),
    *_keys("r", "reach", N_("Reached"), "list"),
    *_keys("o", "reopen", N_("Reopen"), "list"),
    *_keys("d", "delete", N_("Delete"), "list"),
    Binding("right", "focus_ladder", N_("Steps"), show=False),
    Binding("left", "focus_list", N_("Goals"), show=False),
]


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
