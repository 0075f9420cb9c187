"""Goals: the person's goals on the left, the ladder of the chosen one on the right."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from imr_companion.i18n import _
from imr_companion.models import Goal, PracticeTask
from imr_companion.models.goals import Step, current_goal
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.practice import add_once_this_week
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.data_stamp import data_stamp
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import RowList
from imr_companion.ui.goals import first_goal, words
from imr_companion.ui.goals.asking import confirm_reached, confirm_then_remove
from imr_companion.ui.goals.keys import GOALS_KEYS, NEW_GOAL, key_works
from imr_companion.ui.goals.ladder import GoalLadder, goal_header


class GoalsScreen(AreaScreen):
    MODE = "goals"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = GOALS_KEYS

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None
        self._goals: list[Goal] = []
        self._by_id: dict[str, Goal] = {}
        self._keys_state: tuple[object, ...] = ()

    def compose_body(self) -> ComposeResult:
        # What Goals says before there is a goal is mounted only then (first_goal.show).
        with Horizontal(id="panes"):
            yield RowList(id="goal-list")
            with Vertical(id="climb"):
                yield Static("", id="goal-header")
                yield GoalLadder(id="ladder")
                # What was just done, on its own line above the step rather than
                # in a notice over it: the next step is what the person wants to see.
                yield FieldMessage(id="goal-said")
                yield Static("", id="step-detail")

    def _key(self, action: str) -> str:
        """The key of one of this screen's actions (or the app's undo), as the footer shows it."""
        return key_for(type(self.app) if action == "undo" else self, action)

    # --- reading ---------------------------------------------------------

    @property
    def repository(self) -> Repository[Goal]:
        return Repository.of(self.companion.database, Goal)

    ladder = getters.query_one(GoalLadder)
    goal_list = getters.query_one(RowList)

    @property
    def goal(self) -> Goal | None:
        """The goal chosen in the list."""
        row = self.goal_list.current
        return self._by_id.get(row.key) if row and row.key else None

    @property
    def step(self) -> Step | None:
        return self.ladder.step if self.ladder.goal is self.goal else None

    def on_mount(self) -> None:
        self.refresh_data()
        if self.goal is not None:
            self.ladder.focus()
        elif self._goals:
            self.goal_list.focus()

    def on_screen_resume(self) -> None:
        if self._shown != data_stamp(self.companion.database):
            self.refresh_data()

    def refresh_data(self, goal_id: str | None = None, step_id: str | None = None) -> None:
        """Show the stored goals again, keeping (or moving to) the given goal and step."""
        self._shown = data_stamp(self.companion.database)
        keep_goal = goal_id or (self.goal.id if self.goal else None)
        keep_step = step_id or (self.step.id if self.step else None)
        self._goals = self.repository.all()
        self._by_id = {goal.id: goal for goal in self._goals}
        if keep_goal not in self._by_id:
            current = current_goal(self._goals)
            keep_goal = current.id if current else None
        self.goal_list.set_rows(words.goal_rows(self._goals), keep_key=keep_goal)
        self._show_goal(keep_step)
        first_goal.show(self, not self._goals, self._key(NEW_GOAL))
        self.query_one("#panes").display = bool(self._goals)
        self._refresh_keys()

    def _show_goal(self, keep_step: str | None = None) -> None:
        goal = self.goal
        hint = Text(_("Press {key} to set a new goal.").format(key=self._key(NEW_GOAL)), style="dim")
        header = goal_header(goal, is_current=goal is current_goal(self._goals)) if goal else hint
        self.query_one("#goal-header", Static).update(header)
        self.ladder.show(goal, keep=keep_step)

    @on(RowList.Highlighted)
    def _goal_highlighted(self) -> None:
        if self.ladder.goal is not self.goal:
            self._show_goal()
        self._refresh_keys()

    @on(GoalLadder.Highlighted)
    def _step_highlighted(self, event: GoalLadder.Highlighted) -> None:
        goal = self.ladder.goal
        self.query_one("#step-detail", Static).update(words.step_detail(goal, event.step) if goal else "")
        self._refresh_keys()

    def on_descendant_focus(self) -> None:
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Update the footer only when what the keys can do has changed: it is redrawn whole."""
        goal, step = self.goal, self.step
        state = (
            type(self.focused),
            goal.id if goal else None,
            goal.reached if goal else None,
            goal is current_goal(self._goals) if goal else None,
            step.done if step else None,
            len(goal.steps) > 1 if goal else None,
        )
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        where = parameters[0] if parameters and isinstance(parameters[0], str) else "any"
        on_ladder = isinstance(self.focused, GoalLadder)
        return key_works(action, where, on_ladder, self.goal, self.step, self._goals)

    # --- saving ----------------------------------------------------------

    def _save(self, goal: Goal, step_id: str | None = None, undone: str = "") -> bool:
        """Save `goal`; with `undone` (said once it is undone) ctrl+z can take the change back."""
        try:
            if undone:
                with self.companion.undo_history.change(undone, (self.repository, goal.id)):
                    self.repository.save(goal)
            else:
                self.repository.save(goal)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        self.refresh_data(goal.id, step_id)
        return True

    def _mark(self, changed: Goal, show_step: str) -> bool:
        """Save a step marked done or not done, so that ctrl+z can undo it."""
        return self._save(changed, show_step, undone=_("The step is marked as it was before."))

    def _show_message(self, message: str) -> None:
        self.query_one("#goal-said", FieldMessage).say(message)

    def on_key(self) -> None:
        # What was said stays until the person does the next thing.
        self.query_one("#goal-said", FieldMessage).say()

    # --- goals -----------------------------------------------------------

    @on(Button.Pressed, "#first-goal")
    def action_new_goal(self, _where: str = "any") -> None:
        from imr_companion.ui.goals.editor import GoalEditor, StepEditor

        def saved(goal: Goal | None) -> None:
            if goal is None:
                return
            self.refresh_data(goal.id)
            self.ladder.focus()
            first_step = StepEditor(goal)
            later = key_for(first_step, "cancel")
            first_step.title_text = _("A first small step towards it ({key}: later)").format(key=later)
            self.app.push_screen(first_step, self._step_saved)

        first = current_goal(self._goals) is None
        self.app.push_screen(GoalEditor(make_current=first), saved)

    def action_make_current(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None or goal.reached:
            return
        if self._save(goal.made_current_now()):
            said = _("{goal} is now your current goal. Today shows its next step.")
            self._show_message(said.format(goal=words.quoted(goal.text)))

    def action_reach(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None or goal.reached:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._reach(goal)

        self.app.push_screen(confirm_reached(words.reach_question(goal)), answer)

    def _reach(self, goal: Goal) -> None:
        stored = self._by_id.get(goal.id, goal)
        undone = _("The goal is back with the goals you are working on.")
        if self._save(stored.marked_reached(), undone=undone):
            self._refresh_keys()
            self._show_message(words.undoes(self, _("Marked as reached. It is kept in your Reached list.")))

    def action_reopen(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None or not goal.reached:
            return
        if self._save(goal.reopened(), undone=_("The goal is marked reached again.")):
            self._show_message(
                words.undoes(self, _("Reopened. It is back with the goals you are working on."))
            )

    # --- steps -----------------------------------------------------------

    def _step_saved(self, goal: Goal | None) -> None:
        if goal is None:
            return
        # A new step goes to the top of what is left to climb.
        remaining = [s for s in goal.steps if not s.done]
        old = self._by_id.get(goal.id)
        new_ids = {s.id for s in goal.steps} - ({s.id for s in old.steps} if old else set())
        chosen = next((s.id for s in goal.steps if s.id in new_ids), None)
        self.refresh_data(goal.id, chosen or (remaining[-1].id if remaining else None))
        self.ladder.focus()

    def action_add_step(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None:
            self._show_message(_("Set a goal first: press {key}.").format(key=self._key(NEW_GOAL)))
            return
        from imr_companion.ui.goals.editor import StepEditor

        self.app.push_screen(StepEditor(goal), self._step_saved)

    def action_change(self) -> None:
        goal = self.goal
        if goal is None:
            return
        from imr_companion.ui.goals.editor import GoalEditor, StepEditor

        step = self.step
        if isinstance(self.focused, GoalLadder) and step is not None:
            self.app.push_screen(StepEditor(goal, step), lambda saved: self._changed(saved, step.id))
        else:
            self.app.push_screen(GoalEditor(goal), lambda saved: self._changed(saved, None))

    def _changed(self, goal: Goal | None, step_id: str | None) -> None:
        if goal is not None:
            self.refresh_data(goal.id, step_id)

    def action_enter(self) -> None:
        if isinstance(self.focused, GoalLadder):
            self.action_change()
        else:
            self.action_focus_ladder()

    def action_done(self) -> None:
        goal, step = self.goal, self.step
        if goal is None or step is None or step.done:
            return
        climbed = goal.step_done(step.id)
        following = climbed.next_step
        if not self._mark(climbed, following.id if following else step.id):
            return
        if following is not None:
            said = _("Step marked done. Next on your ladder: {step}").format(
                step=words.quoted(following.text)
            )
            self._show_message(words.undoes(self, said))
        elif not climbed.reached:
            self._ask_after_last_step(climbed)
        self._refresh_keys()

    def _ask_after_last_step(self, goal: Goal) -> None:
        from imr_companion.ui.goals.editor import StepEditor

        # Earlier messages would sit on top of the question.
        self.app.clear_notifications()

        def answer(reached: bool | None) -> None:
            if reached:
                self._reach(goal)
            else:
                next_step = StepEditor(goal, title=_("What could the next step be?"))
                self.app.push_screen(next_step, self._step_saved)

        self.app.push_screen(confirm_reached(words.after_last_step(goal)), answer)

    def action_not_done(self) -> None:
        goal, step = self.goal, self.step
        if goal is None or step is None or not step.done:
            return
        if self._mark(goal.step_not_done(step.id), step.id):
            self._show_message(words.undoes(self, _("Back on the ladder, not done yet.")))

    def action_move(self, offset: int) -> None:
        goal, step = self.goal, self.step
        index = goal.index_of(step.id) if goal and step else None
        if goal is None or step is None or index is None:
            return
        self._move(goal, step, index + offset)

    @on(GoalLadder.Moved)
    def _dragged(self, event: GoalLadder.Moved) -> None:
        goal = self.goal
        step = goal.step(event.step_id) if goal else None
        if goal is not None and step is not None:
            self._move(goal, step, event.to)

    def _move(self, goal: Goal, step: Step, to: int) -> None:
        moved = goal.step_moved(step.id, to)
        if moved is None:
            if 0 <= to < len(goal.steps) and goal.steps[to].done != step.done:
                self._show_message(
                    _("Done steps stay at the bottom of the ladder, in the order you climbed them.")
                )
            return
        self._save(moved, step.id)

    def action_practice(self) -> None:
        goal, step = self.goal, self.step
        if goal is None or step is None or step.done:
            return
        task = PracticeTask(text=step.text, source=f"goal:{goal.id}:{step.id}")
        tasks = Repository.of(self.companion.database, PracticeTask)
        try:
            with self.companion.undo_history.change(
                _("The step is taken off this week's practice again."), (tasks, task.id)
            ):
                added = add_once_this_week(tasks, task)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        if not added:
            self._show_message(_("This step is already in this week's practice."))
            return
        self._show_message(words.undoes(self, _("Added to this week's practice.")))

    # --- both ------------------------------------------------------------

    def action_delete(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None:
            return
        step = self.step
        if isinstance(self.focused, GoalLadder) and step is not None:
            confirm_then_remove(
                self,
                words.delete_question(goal, step),
                lambda: self.repository.save(self._by_id[goal.id].without_step(step.id)),
                records=((self.repository, goal.id),),
                done=lambda: self.refresh_data(goal.id),
                removed=_("Step deleted. {key} brings it back.").format(key=self._key("undo")),
                undone=_("The step is back on the ladder."),
            )
            return
        question = words.delete_question(goal)

        def removed() -> None:
            self.refresh_data()
            if self._goals:
                self.goal_list.focus()

        confirm_then_remove(
            self,
            question,
            lambda: self.repository.remove(goal.id),
            records=((self.repository, goal.id),),
            done=removed,
            removed=_("Goal deleted. {key} brings it back.").format(key=self._key("undo")),
            undone=_("The goal is back."),
        )

    def action_focus_ladder(self) -> None:
        if self.goal is not None:
            self.ladder.focus()

    def action_focus_list(self) -> None:
        if self._goals:
            self.goal_list.focus()


def read_ahead() -> None:
    """The stylesheets of this screen and its widgets, parsed before its first open (ui/starting.py)."""
    stylesheet.read_ahead(GoalsScreen, GoalLadder, RowList, FieldMessage, Static, Horizontal, Vertical)
