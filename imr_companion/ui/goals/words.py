"""What the goals screen says: the goal list's rows, the chosen step in words, the person's words quoted."""

from __future__ import annotations

from rich.text import Text
from textual.dom import DOMNode

from imr_companion.i18n import N_, _, date_words, ngettext
from imr_companion.layout.ladder import CURRENT_MARK, DONE_MARK
from imr_companion.layout.text import shorten
from imr_companion.models import Goal
from imr_companion.models.goals import Step, current_goal, reached_newest_first, working_on
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row

EMPTY = N_(
    "A goal is something you would like for your life, in your own words: "
    "a place to live, more time with a friend, a job, a hobby, feeling fitter. "
    "You climb towards it one small step at a time."
)


def empty_words(key: str) -> str:
    """What Goals says before there is a goal; `key` sets a new goal."""
    return _(EMPTY) + "\n\n" + _("Press {key} to set your first goal.").format(key=key)


def goal_rows(goals: list[Goal]) -> list[Row]:
    current = current_goal(goals)
    rows: list[Row] = []
    active = working_on(goals)
    if active:
        rows.append(Row(_("Working on")))
        rows += [Row(f"{CURRENT_MARK if g is current else ' '} {g.text}", g.id) for g in active]
    reached = reached_newest_first(goals)
    if reached:
        count = len(reached)
        rows.append(
            Row(ngettext("Reached: {count} goal", "Reached: {count} goals", count).format(count=count))
        )
        rows += [Row(f"{DONE_MARK} {g.text}", g.id) for g in reached]
    return rows


def step_detail(goal: Goal, step: Step | None) -> Text:
    """The selected step in full, and where it stands, in words."""
    if step is None:
        return Text("")
    text = Text(step.text)
    said: list[str] = []
    if step.done_on:
        said.append(_("Done on {day}.").format(day=date_words(step.done_on, "day_year")))
    elif goal.next_step and goal.next_step.id == step.id:
        said.append(_("Your next step."))
    if step.planned_on and not step.done_on:
        said.append(_("A day to try it: {day}.").format(day=date_words(step.planned_on, "day_year")))
    if step.together_with:
        said.append(_("Written together with {name}.").format(name=step.together_with))
    if said:
        text.append("\n" + " ".join(said), style="dim")
    return text


def quoted(text: str, limit: int = 100) -> str:
    # Translators: the person's own words quoted; Danish quotes them »like this«.
    return _("“{text}”").format(text=shorten(text, limit))


def reach_question(goal: Goal) -> Text:
    return Text(_("Mark this goal as reached?") + "\n\n" + quoted(goal.text))


def after_last_step(goal: Goal) -> Text:
    """The question when the last step of a ladder is done."""
    done = _("That was the last step on this ladder.")
    question = _("Have you reached your goal?")
    return Text(f"{done}\n\n{question}\n{quoted(goal.text)}")


def delete_question(goal: Goal, step: Step | None = None) -> Text:
    """Asked before `step` (or else the whole goal) is deleted."""
    if step is not None:
        return Text(_("Delete this step from the ladder?") + "\n\n" + quoted(step.text))
    count = len(goal.steps)
    if count:
        ask = ngettext(
            "Delete this goal and its {count} step?", "Delete this goal and its {count} steps?", count
        ).format(count=count)
    else:
        ask = _("Delete this goal?")
    return Text(ask + "\n\n" + quoted(goal.text))


def undoes(node: DOMNode, said: str) -> str:
    """`said` (what was just done), then that the app's undo key takes it back."""
    # Translators: after a sentence saying what was just done; {key} is the undo key.
    return _("{said} ({key} undoes it.)").format(said=said, key=key_for(type(node.app), "undo"))
