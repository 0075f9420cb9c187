"""Goals: the person's goals on the left, the ladder of the chosen one on the right."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.models import Goal, PracticeTask
from imr_companion.models.goals import (
    DoneChange,
    Step,
    current_goal,
    long_date,
    reached_newest_first,
    working_on,
)
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.area_screen import AreaScreen
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.row_list import Row, RowList
from imr_companion.ui.goals.ladder import CURRENT_MARK, DONE_MARK, GoalLadder, goal_header

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


def _quoted(text: str, limit: int = 100) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


# Keys are shown in the footer where they belong (the goal list or the
# ladder) and work from both; check_action picks which copy is active.
def _keys(key: str, action: str, description: str, where: str) -> list[Binding]:
    return [
        Binding(key, f"{action}('{where}')", description),
        Binding(key, f"{action}('any')", description, show=False),
    ]


class GoalsScreen(AreaScreen):
    MODE = "goals"
    DEFAULT_CSS = """
    GoalsScreen #panes { height: 1fr; }
    GoalsScreen #goal-list { width: 30%; min-width: 22; max-width: 40; height: 1fr; }
    GoalsScreen #climb { width: 1fr; height: 1fr; padding-left: 1; }
    GoalsScreen #goal-header { height: auto; max-height: 6; padding: 0 1; }
    GoalsScreen GoalLadder { height: 1fr; }
    GoalsScreen #step-detail { height: auto; max-height: 3; padding: 0 1; }
    GoalsScreen #goal-said { height: auto; max-height: 2; padding: 0 1; text-style: bold; display: none; }
    GoalsScreen #empty { height: auto; display: none; padding: 1 2; }
    GoalsScreen #empty Static { width: 70; max-width: 100%; margin-bottom: 1; }
    """
    BINDINGS = [
        *_keys("n", "new_goal", "New goal", "list"),
        *_keys("a", "add_step", "Add step", "ladder"),
        Binding("e", "change", "Change"),
        Binding("enter", "enter", "Open", show=False),
        Binding("space", "done", "Done"),
        Binding("space", "not_done", "Not done yet"),
        Binding("u", "undo", "Undo"),
        Binding("shift+up", "move(1)", "Move", key_display="⇧↑↓"),
        Binding("shift+down", "move(-1)", "Move down", show=False),
        Binding("p", "practice", "Practice"),
        *_keys("c", "make_current", "Make current", "list"),
        *_keys("r", "reach", "Reached", "list"),
        *_keys("o", "reopen", "Reopen", "list"),
        *_keys("d", "delete", "Delete", "list"),
        Binding("right", "focus_ladder", "Steps", show=False),
        Binding("left", "focus_list", "Goals", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._goals: list[Goal] = []
        self._by_id: dict[str, Goal] = {}
        self._undo: DoneChange | None = None
        self._keys_state: tuple[object, ...] = ()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="empty"):
            yield Static(EMPTY)
            with Center():
                yield Button("Set a goal (n)", id="first-goal", variant="primary")
        with Horizontal(id="panes"):
            yield RowList(id="goal-list")
            with Vertical(id="climb"):
                yield Static("", id="goal-header")
                yield GoalLadder(id="ladder")
                yield Static("", id="goal-said")
                yield Static("", id="step-detail")

    # --- reading ---------------------------------------------------------

    @property
    def repository(self) -> Repository[Goal]:
        return Repository.of(self.companion.database, Goal)

    @property
    def ladder(self) -> GoalLadder:
        return self.query_one(GoalLadder)

    @property
    def goal_list(self) -> RowList:
        return self.query_one(RowList)

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
        self.refresh_data()

    def refresh_data(self, goal_id: str | None = None, step_id: str | None = None) -> None:
        """Show the stored goals again, keeping (or moving to) the given goal and step."""
        keep_goal = goal_id or (self.goal.id if self.goal else None)
        keep_step = step_id or (self.step.id if self.step else None)
        self._goals = self.repository.all()
        self._by_id = {goal.id: goal for goal in self._goals}
        if keep_goal not in self._by_id:
            current = current_goal(self._goals)
            keep_goal = current.id if current else None
        self.goal_list.set_rows(goal_rows(self._goals), keep_key=keep_goal)
        self._show_goal(keep_step)
        self.query_one("#empty").display = not self._goals
        self.query_one("#panes").display = bool(self._goals)
        if not self._goals:
            self.query_one("#first-goal").focus()
        self._refresh_keys()

    def _show_goal(self, keep_step: str | None = None) -> None:
        goal = self.goal
        header = self.query_one("#goal-header", Static)
        if goal is None:
            header.update(Text("Press n to set a new goal.", style="dim"))
        else:
            header.update(goal_header(goal, is_current=goal is current_goal(self._goals)))
        self.ladder.show(goal, keep=keep_step)

    @on(RowList.Highlighted)
    def _goal_highlighted(self) -> None:
        if self.ladder.goal is not self.goal:
            self._show_goal()
        self._refresh_keys()

    @on(GoalLadder.Highlighted)
    def _step_highlighted(self, event: GoalLadder.Highlighted) -> None:
        goal = self.ladder.goal
        self.query_one("#step-detail", Static).update(step_detail(goal, event.step) if goal else "")
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
            self._undo is not None,
        )
        if state != self._keys_state:
            self._keys_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        where = parameters[0] if parameters and isinstance(parameters[0], str) else "any"
        on_ladder = isinstance(self.focused, GoalLadder)
        if (where == "list" and on_ladder) or (where == "ladder" and not on_ladder):
            return False
        goal, step = self.goal, self.step
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
        if action == "undo":
            return self._undo is not None
        if action in ("change", "delete"):
            return (step if on_ladder else goal) is not None
        if action == "add_step":
            return goal is not None
        if action == "make_current":
            return goal is not None and not goal.reached and goal is not current_goal(self._goals)
        if action == "reach":
            return goal is not None and not goal.reached
        if action == "reopen":
            return goal is not None and goal.reached
        return True

    # --- saving ----------------------------------------------------------

    def _save(self, goal: Goal, step_id: str | None = None) -> bool:
        try:
            self.repository.save(goal)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        self.refresh_data(goal.id, step_id)
        return True

    def _say(self, message: str) -> None:
        # On its own line above the step, not as a notice over it: the next
        # step is what the person wants to see. Content: never read as markup.
        said = self.query_one("#goal-said", Static)
        said.update(Content(message))
        said.display = True

    def on_key(self) -> None:
        # What was said stays until the person does the next thing.
        self.query_one("#goal-said", Static).display = False

    # --- goals -----------------------------------------------------------

    @on(Button.Pressed, "#first-goal")
    def action_new_goal(self, _where: str = "any") -> None:
        from imr_companion.ui.goals.editor import GoalEditor, StepEditor

        def saved(goal: Goal | None) -> None:
            if goal is None:
                return
            self.refresh_data(goal.id)
            self.ladder.focus()
            self.app.push_screen(
                StepEditor(goal, title="A first small step towards it (esc: later)"), self._step_saved
            )

        first = current_goal(self._goals) is None
        self.app.push_screen(GoalEditor(make_current=first), saved)

    def action_make_current(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None or goal.reached:
            return
        if self._save(goal.made_current_now()):
            self._say(f"{_quoted(goal.text)} is now your current goal. Today shows its next step.")

    def action_reach(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None or goal.reached:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._reach(goal)

        self.app.push_screen(
            Confirm(Text(f"Mark this goal as reached?\n\n{_quoted(goal.text)}"), yes="Reached", no="Not yet"),
            answer,
        )

    def _reach(self, goal: Goal) -> None:
        stored = self._by_id.get(goal.id, goal)
        if self._save(stored.marked_reached()):
            if self._undo and self._undo.goal_id == goal.id:
                self._undo = None
            self._refresh_keys()
            self._say("Reached. Well done! It is kept in your Reached list.")

    def action_reopen(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is not None and goal.reached and self._save(goal.reopened()):
            self._say("Reopened. It is back with the goals you are working on.")

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
            self._say("Set a goal first: press n.")
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
        if not self._save(climbed, following.id if following else step.id):
            return
        self._undo = DoneChange.between(goal, climbed, step.id)
        if following is not None:
            self._say(f"Well done. Next on your ladder: {_quoted(following.text)} (Press u to undo.)")
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
                self.app.push_screen(StepEditor(goal, title="What could the next step be?"), self._step_saved)

        self.app.push_screen(
            Confirm(
                Text(
                    "Well done: that was the last step on this ladder.\n\n"
                    f"Have you reached your goal?\n{_quoted(goal.text)}"
                ),
                yes="Reached",
                no="Not yet",
            ),
            answer,
        )

    def action_not_done(self) -> None:
        goal, step = self.goal, self.step
        if goal is None or step is None or not step.done:
            return
        back = goal.step_not_done(step.id)
        if self._save(back, step.id):
            self._undo = DoneChange.between(goal, back, step.id)
            self._say("Back on the ladder, not done yet. (Press u to undo.)")

    def action_undo(self) -> None:
        change = self._undo
        if change is None:
            return
        goal = self._by_id.get(change.goal_id)
        restored = change.undone(goal) if goal else None
        self._undo = None
        if restored is None:
            self._say("That step has changed since, so there is nothing to undo.")
            self._refresh_keys()
            return
        if self._save(restored, change.step_id):
            self._say("Undone.")

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
                self._say("Done steps stay at the bottom of the ladder, in the order you climbed them.")
            return
        self._save(moved, step.id)

    def action_practice(self) -> None:
        goal, step = self.goal, self.step
        if goal is None or step is None or step.done:
            return
        source = f"goal:{goal.id}:{step.id}"
        tasks = Repository.of(self.companion.database, PracticeTask)
        week = week_start(clock.today()).isoformat()
        this_week = tasks.where("week_of", week, week)
        if any(t.source == source and t.status is PracticeStatus.OPEN for t in this_week):
            self._say("This step is already in this week's practice.")
            return
        task = self.companion.mark_together(PracticeTask(text=step.text, source=source))
        try:
            tasks.add(task)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self._say("Added to this week's practice.")

    # --- both ------------------------------------------------------------

    def action_delete(self, _where: str = "any") -> None:
        goal = self.goal
        if goal is None:
            return
        step = self.step
        if isinstance(self.focused, GoalLadder) and step is not None:
            question = Text(
                f"Delete this step from the ladder?\n\n{_quoted(step.text)}\n\nThis cannot be undone."
            )

            def remove_step(yes: bool | None) -> None:
                if yes and self._save(self._by_id[goal.id].without_step(step.id)):
                    self._say("Step deleted.")

            self.app.push_screen(Confirm(question, yes="Delete", no="Keep it"), remove_step)
            return
        steps = f" and its {len(goal.steps)} step{'' if len(goal.steps) == 1 else 's'}" if goal.steps else ""
        question = Text(f"Delete this goal{steps}?\n\n{_quoted(goal.text)}\n\nThis cannot be undone.")

        def remove_goal(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.repository.remove(goal.id)
            except SaveError as error:
                self.notify(str(error), severity="warning")
                return
            self._say("Goal deleted.")
            self.refresh_data()
            if self._goals:
                self.goal_list.focus()

        self.app.push_screen(Confirm(question, yes="Delete", no="Keep it"), remove_goal)

    def action_focus_ladder(self) -> None:
        if self.goal is not None:
            self.ladder.focus()

    def action_focus_list(self) -> None:
        if self._goals:
            self.goal_list.focus()
