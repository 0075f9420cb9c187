"""Today's goal card: the next step of the current goal, and a key to mark it done."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.content import Content

from imr_companion.i18n import N_, _, ngettext
from imr_companion.store import SaveError
from imr_companion.store.queries.today_reads import GoalShown, goal_card
from imr_companion.ui.common.key_link import WordsThenLink, app_link, link
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.textual_internals import paint_now
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

    def __init__(self) -> None:
        super().__init__(id="goal-card")
        self.goal: GoalShown | None = None
        self._done: Change | None = None
        """The step just marked done here: its Undo shows while that is the newest change (ctrl+z)."""

    def compose(self) -> ComposeResult:
        # Each line one widget, its link drawn in it (ui/common/key_link.py): Today is the first
        # screen, and every widget on it is styled and laid out as the cards appear. Like a link,
        # nothing here takes the focus from the card.
        yield WordsThenLink(id="goal-next", classes="actions", gap=1)
        # The line of a step just done here, with its Undo, is made when it is first shown (part()).

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
        # The person's own words: drawn as plain text (WordsThenLink), never read as markup.
        if step is not None:
            says = _("Next step: {step}").format(step=step)
        elif goal.steps:
            says = self.label(
                _("Every step is done. On your ladder you can mark it reached, or add a step."),
                _("Every step is done. {key} opens your ladder: mark it reached, or add a step.").format(
                    key=open_key
                ),
            )
        else:
            says = self.label(
                _("What could a first small step be? Click here to open your ladder."),
                _("What could a first small step be? {key} opens your ladder.").format(key=open_key),
            )
        done_key = _("Done ({key})").format(key=key_for(self, "done"))
        done = link("goal-card", "done", self.label(_("Done"), done_key)) if step is not None else Content()
        self.query_one("#goal-next", WordsThenLink).show(says, done)
        # Only a step marked done here has an Undo beside it (the history is made at the first change).
        newest = self.companion.undo_history.newest if self._done is not None else None
        if newest is None or newest is not self._done:
            self.hide_part("goal-done-line")

    @staticmethod
    def _done_line() -> WordsThenLink:
        return WordsThenLink(classes="actions", gap=1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "done":
            return self.goal is not None and self.goal.next_step is not None
        return True

    def on_click(self, event: events.Click) -> None:
        # The card's words open the ladder; a click on a link does its own thing and goes no further.
        self.action_open()

    def action_open(self) -> None:
        self.app.switch_mode("goals")

    async def action_done(self) -> None:
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
        # ctrl+z is the app's one undo, at work everywhere: its label always names it.
        undo = app_link("undo", _("Undo ({key})").format(key=key_for(type(self.app), "undo")))
        done = _("✓ Done: {step}.").format(step=step.text)
        with self.app.batch_update():  # nothing half shown while the line is made (the first time)
            line = await self.part_mounted("goal-done-line", self._done_line)
        cast(WordsThenLink, line).show(done, undo)
        self.refresh_data()
        self.refresh_bindings()
        # The step done, the next one and the new line laid out and painted now, in one frame, not at
        # the next two ticks of the screen's update clock (the line's layout, then its words).
        paint_now(self.screen)
