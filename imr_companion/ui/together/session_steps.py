"""The steps of a session in IMR order, each doing the real thing in place.

Every step saves what it does straight away, through the same models and
queries the areas use, and keeps a line for the session note.
"""

from __future__ import annotations

from contextlib import suppress

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from imr_companion import progress
from imr_companion.areas import area
from imr_companion.i18n import N_, _
from imr_companion.models import Goal, Moment
from imr_companion.models.base import SHORT_TEXT, field_messages
from imr_companion.models.goals import Step, current_goal
from imr_companion.models.together.sessions import GOOD_MOMENT, NEW_STEP, READ, STEP_CLIMBED
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.quick_add import add_from_field
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.key_names import key_for


def one_line(text: str) -> str:
    """One line of a session note, within what a note line can hold."""
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class SessionStep(Vertical):
    TITLE = ""
    """Marked with N_(); the session shows it through _()."""
    INTRO = ""
    INTRO_ALONE = ""
    """The intro for a check-up with oneself, where INTRO speaks of meeting someone ("" when it does not)."""

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def compose(self) -> ComposeResult:
        yield Static(Content(self.intro()), classes="intro")
        yield from self.compose_step()

    def intro(self) -> str:
        if self.INTRO_ALONE and not self.companion.together_with:
            return _(self.INTRO_ALONE)
        return _(self.INTRO) if self.INTRO else ""

    def compose_step(self) -> ComposeResult:
        yield from ()

    def shown(self) -> None:
        """The step came on screen: show the data as it is now and focus its first field."""

    def lines(self) -> list[str]:
        """What was done in this step, for the session note; empty when it was skipped."""
        return []

    FIELD = ""
    """The id of the step's one-line field, if it has one."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.draft = ""

    @on(Input.Changed)
    def _remember(self, event: Input.Changed) -> None:
        # Kept outside the widget: when the app quits, the field is gone before the screen.
        if event.input.id == self.FIELD:
            self.draft = event.value

    def typed(self) -> str:
        """Text typed but not yet saved (asked about before leaving)."""
        return self.draft.strip()

    def save_typed(self) -> bool:
        """Save what was typed; False (with a message by the field) when it cannot be."""
        return True

    def keep_draft(self) -> None:
        """Save the draft without its widgets (the app is quitting); text that cannot be saved is left."""
        if self.typed():
            with suppress(ValidationError, SaveError):
                self.store(self.draft)
                self.draft = ""

    def store(self, text: str) -> None:
        """Save `text` as this step's record (raises ValidationError or SaveError)."""


class GoodMomentStep(SessionStep):
    TITLE = N_("A good moment")
    INTRO = N_("A good moment first: something good since you last met, however small. Enter saves it.")
    INTRO_ALONE = N_("A good moment first: something good since last time, however small. Enter saves it.")

    FIELD = "moment-field"

    def __init__(self) -> None:
        super().__init__(id="step-moment")
        self.saved: list[str] = []

    def store(self, text: str) -> None:
        moment = Repository.of(self.companion.database, Moment).add(Moment(text=text))
        self.saved.append(moment.text)

    def compose_step(self) -> ComposeResult:
        yield OneLineInput(placeholder=_("A good moment"), id="moment-field", select_on_focus=False)
        yield FieldMessage(id="moment-message")

    def shown(self) -> None:
        self.query_one("#moment-field").focus()

    @on(Input.Submitted, "#moment-field")
    def save_typed(self) -> bool:
        field = self.query_one("#moment-field", Input)
        if not field.value.strip():
            return True
        text = field.value
        moments = Repository.of(self.companion.database, Moment)
        message = self.query_one("#moment-message", FieldMessage)
        if add_from_field(
            field, message, lambda t: Moment(text=t), moments, _("Saved with your good moments.")
        ):
            self.saved.append(text)
            self.draft = ""
            return True
        return False

    def lines(self) -> list[str]:
        # Stored in English, drawn in the person's language (models/together/sessions.py).
        return [one_line(GOOD_MOMENT.format(text=text)) for text in self.saved]


class GoalStep(SessionStep):
    TITLE = N_("The goal's next step")
    INTRO = N_("The next step on your goal ladder.")

    FIELD = "goal-field"

    def __init__(self) -> None:
        super().__init__(id="step-goal")
        self.done: list[str] = []

    def store(self, text: str) -> None:
        goal = self._goal()
        if goal is None or goal.next_step is not None:
            return
        step = Step(text=text)
        Repository.of(self.companion.database, Goal).save(goal.with_step(step))
        self.done.append(NEW_STEP.format(step=step.text))

    def compose_step(self) -> ComposeResult:
        yield Static("", id="goal-words")
        with Horizontal(classes="step-buttons"):
            yield Button(_("I climbed it"), id="goal-climbed")
        yield OneLineInput(placeholder=_("A next step, small enough for this week"), id="goal-field")
        yield FieldMessage(id="goal-message")

    def _goal(self) -> Goal | None:
        return current_goal(Repository.of(self.companion.database, Goal).all())

    def shown(self) -> None:
        goal = self._goal()
        words = self.query_one("#goal-words", Static)
        climbed = self.query_one("#goal-climbed", Button)
        field = self.query_one("#goal-field", Input)
        if goal is None:
            words.update(
                _(
                    "No goal on the ladder yet. "
                    "When you are ready, {goals} (key {key}) is where to write one."
                ).format(goals=_(area("goals").title), key=area("goals").key)
            )
            climbed.display = field.display = False
            return
        step = goal.next_step
        text = _("Goal: {goal}").format(goal=goal.text) + "\n"
        text += _("Next step: {step}").format(step=step.text) if step else _("Every step is climbed.")
        words.update(Content(text))
        climbed.display = step is not None
        field.display = step is None
        (climbed if step else field).focus()

    @on(Button.Pressed, "#goal-climbed")
    def climbed(self) -> None:
        goal = self._goal()
        step = goal.next_step if goal else None
        if goal is None or step is None:
            return
        if self._save(goal.step_done(step.id), undone=_("The step is marked as it was before.")):
            self.done.append(STEP_CLIMBED.format(step=step.text))
            self.notify(_("Step marked done. {undo} undoes it.").format(undo=key_for(type(self.app), "undo")))
            self.shown()

    @on(Input.Submitted, "#goal-field")
    def save_typed(self) -> bool:
        field = self.query_one("#goal-field", Input)
        goal = self._goal()
        if goal is None or not field.display or not field.value.strip():
            return True
        message = self.query_one("#goal-message", FieldMessage)
        try:
            step = Step(text=field.value)
        except ValidationError as error:
            message.say(field_messages(error).get("text", _("Please check what you wrote.")), error=True)
            return False
        if not self._save(goal.with_step(step)):
            return False
        self.done.append(NEW_STEP.format(step=step.text))
        field.value = self.draft = ""
        message.say(_("Added to the ladder."))
        self.shown()
        return True

    def _save(self, goal: Goal, undone: str = "") -> bool:
        """Save `goal`; with `undone` (said once it is undone) ctrl+z can take the change back."""
        goals = Repository.of(self.companion.database, Goal)
        try:
            if undone:
                with self.companion.undo_history.change(undone, (goals, goal.id)):
                    goals.save(goal)
            else:
                goals.save(goal)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        return True

    def lines(self) -> list[str]:
        return [one_line(text) for text in self.done]


class ReadingStep(SessionStep):
    TITLE = N_("The next handout section")
    INTRO = N_(
        "New material: the next section of the handouts, in the reader. It is here again when you close it."
    )

    def __init__(self) -> None:
        super().__init__(id="step-reading")
        self.opened: list[str] = []

    def compose_step(self) -> ComposeResult:
        yield Static("", id="reading-words")
        with Horizontal(classes="step-buttons"):
            yield Button(_("Open the reader"), id="reading-open")

    def _place(self) -> progress.Place | None:
        found = progress.where_to_continue(progress.readings(self.companion.database))
        return found[0] if found else None

    def shown(self) -> None:
        place = self._place()
        words = self.query_one("#reading-words", Static)
        button = self.query_one("#reading-open", Button)
        if place is None:
            words.update(
                _("Every module is done. Reading one again is welcome any time (key {key}).").format(
                    key=area("handouts").key
                )
            )
            button.display = False
            return
        words.update(
            Content(_("Next: {place}, {section}").format(place=place.phrase(), section=place.section.title))
        )
        button.display = True
        button.focus()

    @on(Button.Pressed, "#reading-open")
    def open_reader(self) -> None:
        place = self._place()
        if place is None:
            return
        self.opened.append(READ.format(number=place.handout.number, section=place.section.title))
        self.companion.read_handout(place.handout.id, place.section.id)

    def lines(self) -> list[str]:
        return [one_line(text) for text in dict.fromkeys(self.opened)]
