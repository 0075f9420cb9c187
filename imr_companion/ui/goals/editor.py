"""Writing a goal, and writing one step of its ladder.

Each editor checks everything before saving, says what needs changing next
to the field, and keeps every word typed, also when saving fails.
"""

from __future__ import annotations

from datetime import date, timedelta

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Label, Select, TextArea

from imr_companion import clock
from imr_companion.i18n import N_, _
from imr_companion.models import Goal
from imr_companion.models.base import field_messages
from imr_companion.models.goals import RECOVERY_AREA_NAMES, STEP_LIMIT, RecoveryArea, Step, area_name
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import confirm_then_remove
from imr_companion.ui.common.dialogs.dialog import EditorDialog
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_field import TextField
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.goals.words import delete_question

DAY_HELP = N_("Please write the day like 2026-06-01 (year-month-day), or leave it empty.")


def parse_day(text: str) -> date | None:
    """The day in `text` (year-month-day), None when empty; ValueError otherwise."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


class _Editor(EditorDialog[Goal | None]):
    DEFAULT_CSS = stylesheet.beside(__file__, "editor.tcss")
    # Its rules name the two editors, not this base class: not scoped to it.
    SCOPED_CSS = False

    def show_messages(self, messages: dict[str, str]) -> None:
        """Each field's message beside it; fields without one are cleared."""
        for line in self.query(FieldMessage):
            line.say(messages.get((line.id or "").removesuffix("-message"), ""), error=True)

    def store(self, goal: Goal, done: str) -> None:
        """Save `goal` and close; on failure say so calmly and stay open with everything typed."""
        try:
            Repository.of(self.companion.database, Goal).save(goal)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.notify(done)
        self.dismiss(goal)


class GoalEditor(_Editor):
    """A new goal (goal=None) or a change to one; returns the saved goal."""

    def __init__(self, goal: Goal | None = None, make_current: bool = False) -> None:
        super().__init__()
        self.goal = goal
        self.make_current = make_current

    def compose(self) -> ComposeResult:
        goal = self.goal
        with Vertical(classes="dialog") as box:
            box.border_title = _("Change this goal") if goal else _("A new goal")
            yield Label(_("Your goal, in your own words"))
            yield OneLineInput(
                goal.text if goal else "",
                placeholder=_("For example: Get back to swimming"),
                id="text",
                compact=True,
            )
            yield FieldMessage(id="text-message")
            yield Label(_("Why it matters to you (if you like)"))
            yield TextField(goal.why if goal else "", id="why", compact=True, soft_wrap=True)
            yield FieldMessage(id="why-message")
            yield Label(_("Life area"))
            yield Select(
                [(area_name(area), area) for area in RECOVERY_AREA_NAMES],
                value=goal.area if goal else RecoveryArea.OTHER,
                allow_blank=False,
                id="area",
                compact=True,
            )
            yield Label(_("When you hope to get there (if you like; year-month-day)"))
            yield OneLineInput(
                goal.hoped_for.isoformat() if goal and goal.hoped_for else "",
                placeholder=f"{clock.today() + timedelta(days=90)}",
                id="hoped_for",
                classes="day",
                compact=True,
            )
            yield FieldMessage(id="hoped_for-message")
            yield from self.save_buttons(compact=True)

    def on_mount(self) -> None:
        self.query_one("#text", OneLineInput).focus()

    def save(self) -> None:
        messages: dict[str, str] = {}
        try:
            hoped_for = parse_day(self.query_one("#hoped_for", OneLineInput).value)
        except ValueError:
            messages["hoped_for"] = _(DAY_HELP)
            hoped_for = None
        area = self.query_one("#area", Select).value
        changes = {
            "text": self.query_one("#text", OneLineInput).value,
            "why": self.query_one("#why", TextArea).text,
            "area": area if isinstance(area, RecoveryArea) else RecoveryArea.OTHER,
            "hoped_for": hoped_for,
        }
        goal: Goal | None = None
        try:
            if self.goal:
                goal = self.goal.touched(**changes)
            else:
                goal = Goal(**changes, made_current=clock.now() if self.make_current else None)
        except ValidationError as error:
            messages.update(field_messages(error))
        self.show_messages(messages)
        if messages or goal is None:
            return
        self.store(goal, _("Saved.") if self.goal else _("Your goal is saved."))


class StepEditor(_Editor):
    """A new step (step=None) at the top of the ladder, or a change to one; returns the saved goal."""

    def __init__(self, goal: Goal, step: Step | None = None, title: str = "") -> None:
        super().__init__()
        self.goal = goal
        self.step = step
        self.title_text = title or (_("Change this step") if step else _("A new step"))

    def compose(self) -> ComposeResult:
        step = self.step
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_text
            yield Label(_("The step: something small you could do soon"))
            yield OneLineInput(
                step.text if step else "",
                placeholder=_("For example: Find out when the pool is quiet"),
                id="text",
                compact=True,
            )
            yield FieldMessage(id="text-message")
            yield Label(_("A day to try it (if you like; year-month-day)"))
            yield OneLineInput(
                step.planned_on.isoformat() if step and step.planned_on else "",
                placeholder=f"{clock.today() + timedelta(days=3)}",
                id="planned_on",
                classes="day",
                compact=True,
            )
            yield FieldMessage(id="planned_on-message")
            if step and step.done_on:
                yield Label(_("Done on (year-month-day)"))
                yield OneLineInput(step.done_on.isoformat(), id="done_on", classes="day", compact=True)
                yield FieldMessage(id="done_on-message")
            yield from self.save_buttons(_("Delete step") if step else "", compact=True)

    def on_mount(self) -> None:
        self.query_one("#text", OneLineInput).focus()

    def save(self) -> None:
        messages: dict[str, str] = {}
        changes: dict[str, object] = {"text": self.query_one("#text", OneLineInput).value}
        for field in ("planned_on", "done_on"):
            fields = self.query(f"#{field}")
            if not fields:
                continue
            try:
                changes[field] = parse_day(fields.first(OneLineInput).value)
            except ValueError:
                messages[field] = _(DAY_HELP)
        if self.step and self.step.done_on and changes.get("done_on", self.step.done_on) is None:
            messages["done_on"] = _("Please write the day it was done (year-month-day).")
        done_on = changes.get("done_on")
        if isinstance(done_on, date) and done_on > clock.today():
            messages["done_on"] = _("That day is still to come; please write today or an earlier day.")
        if self.step is None and len(self.goal.steps) >= STEP_LIMIT:
            messages["text"] = _(
                "This ladder has {count} steps, as many as fit. A new goal could hold the next part."
            ).format(count=STEP_LIMIT)
        step: Step | None = None
        try:
            step = Step.model_validate({**(self.step.model_dump() if self.step else {}), **changes})
        except ValidationError as error:
            for field, message in field_messages(error).items():
                messages.setdefault(field, message)
        self.show_messages(messages)
        if messages or step is None:
            return
        self.store(self.goal.with_step(step), _("Saved.") if self.step else _("Step added."))

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        step = self.step
        if step is None:
            return

        without = self.goal.without_step(step.id)
        goals = Repository.of(self.companion.database, Goal)
        confirm_then_remove(
            self,
            delete_question(self.goal, step),
            lambda: goals.save(without),
            records=((goals, self.goal.id),),
            done=lambda: self.dismiss(without),
            removed=_("Step deleted. {key} brings it back.").format(key=key_for(type(self.app), "undo")),
            undone=_("The step is back on the ladder."),
        )
