"""Today's goal card: the next step of the current goal, and a key to mark it done."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from imr_companion.i18n import N_, _, ngettext
from imr_companion.store import SaveError
from imr_companion.store.queries.today_reads import GoalShown, goal_card
from imr_companion.ui.common.key_link import KeyLink
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.today_card import TodayCard
from imr_companion.ui.keys.cards import GOAL_CARD

if TYPE_CHECKING:
    from imr_companion.models import Goal
    from imr_companion.store import Database, Repository
    from imr_companion.store.undo import Change

# Drawn from the stored records (store/queries/today_reads.py): pydantic and the models are
# imported only when a step is marked done.


def steps_words(shown: GoalShown) -> str:
    """As models.goals.steps_phrase: what has been climbed, never what is missing."""
    if shown.steps == 0:
        return _("no steps yet")
    if shown.done == 0:
        return ngettext("{count} step on the ladder", "{count} steps on the ladder", shown.steps).format(
            count=shown.steps
        )
    return ngettext("{done} of {count} step done", "{done} of {count} steps done", shown.steps).format(
        done=shown.done, count=shown.steps
    )


class GoalCard(TodayCard):
    """Its keys act only while it has the focus (Tab from the good-moment field)."""

    TITLE = N_("Your goal")
    BINDINGS: ClassVar = GOAL_CARD.bindings()  # declared once: ui/keys/declared.py
    DEFAULT_CSS = """
    GoalCard { border-subtitle-color: $text-muted; }
    GoalCard Horizontal { height: auto; }
    GoalCard Static { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    GoalCard KeyLink { width: auto; margin: 0 0 0 1; }
    GoalCard #goal-done-line { display: none; }
    GoalCard #goal-done-text { color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__(id="goal-card")
        self.goal: GoalShown | None = None
        self._done: Change | None = None
        """The step just marked done here: its Undo shows while that is the newest change (ctrl+z)."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("", id="goal-next")
            # Links, not Buttons: a Button's styles alone took longer to read than the rest of the
            # card (Today is the first screen); like a link, nothing here takes the focus from the card.
            yield KeyLink(_("Done"), id="goal-step-done")
        with Horizontal(id="goal-done-line"):
            yield Static("", id="goal-done-text")
            # ctrl+z is the app's one undo, at work everywhere: its label always names it.
            yield KeyLink(_("Undo ({key})").format(key=key_for(type(self.app), "undo")), id="goal-undo")

    @classmethod
    def shows(cls, database: Database) -> bool:
        return goal_card(database) is not None

    @property
    def repository(self) -> Repository[Goal]:
        from imr_companion.models import Goal
        from imr_companion.store import Repository

        return Repository.of(self.companion.database, Goal)

    def refresh_data(self) -> None:
        self.goal = goal = goal_card(self.companion.database)
        self.display = goal is not None
        if goal is None:
            return
        if goal.steps:
            title = _("Your goal: {goal} · {progress}").format(goal=goal.text, progress=steps_words(goal))
        else:
            title = _("Your goal: {goal}").format(goal=goal.text)
        self.border_title = Content(title)
        step = goal.next_step
        # "Enter", as written on the key (the footer's ⏎ is for the footer).
        open_key = key_for(type(self), "open").capitalize()
        if step is not None:
            says = Content(_("Next step: {step}").format(step=step))
        elif goal.steps:
            says = Content(
                self.label(
                    _("Every step is done. On your ladder you can mark it reached, or add a step."),
                    _("Every step is done. {key} opens your ladder: mark it reached, or add a step.").format(
                        key=open_key
                    ),
                )
            )
        else:
            says = Content(
                self.label(
                    _("What could a first small step be? Click here to open your ladder."),
                    _("What could a first small step be? {key} opens your ladder.").format(key=open_key),
                )
            )
        self.query_one("#goal-next", Static).update(says)
        self.query_one("#goal-step-done").display = step is not None
        # Only a step marked done here has an Undo beside it (the history is made at the first change).
        newest = self.companion.undo_history.newest if self._done is not None else None
        self.query_one("#goal-done-line").display = newest is not None and newest is self._done
        done_key = _("Done ({key})").format(key=key_for(self, "done"))
        self.query_one("#goal-step-done", KeyLink).update(self.label(_("Done"), done_key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self.goal is not None and self.goal.next_step is not None
        return True

    def on_click(self, event) -> None:
        # The card's words open the ladder; its links do their own thing.
        if not isinstance(event.widget, KeyLink):
            self.action_open()

    def action_open(self) -> None:
        self.app.switch_mode("goals")

    @on(KeyLink.Clicked, "#goal-step-done")
    def action_done(self) -> None:
        shown = self.goal
        goal = self.repository.get(shown.id) if shown is not None else None
        step = goal.next_step if goal else None
        if goal is None or step is None:
            return
        try:
            with self.companion.undo_history.change(
                _("The step is marked as it was before."), (self.repository, goal.id)
            ):
                self.repository.save(goal.step_done(step.id))
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self._done = self.companion.undo_history.newest
        self.query_one("#goal-done-text", Static).update(Content(_("✓ Done: {step}.").format(step=step.text)))
        self.refresh_data()
        self.refresh_bindings()

    @on(KeyLink.Clicked, "#goal-undo")
    def _undo_pressed(self) -> None:
        # The app's one undo: the step done here is the newest change while this button shows.
        self.companion.action_undo()
