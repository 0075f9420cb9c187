"""The steps of a session in IMR order, each doing the real thing in place.

Every step saves what it does straight away, through the same models and
queries the areas use, and keeps a line for the session note.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from imr_companion import clock, progress
from imr_companion.models import Goal, Moment, PracticeTask
from imr_companion.models.base import SHORT_TEXT, field_messages
from imr_companion.models.goals import Step, current_goal
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.practice import this_weeks_practice
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.one_line_input import OneLineInput
from imr_companion.ui.common.quick_add import add_from_field

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


def _line(text: str) -> str:
    """One line of a session note, within what a note line can hold."""
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class SessionStep(Vertical):
    TITLE = ""
    INTRO = ""

    @property
    def companion(self) -> CompanionApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Content(self.INTRO), classes="intro")
        yield from self.compose_step()

    def compose_step(self) -> ComposeResult:
        yield from ()

    def shown(self) -> None:
        """The step came on screen: show the data as it is now and focus its first field."""

    def lines(self) -> list[str]:
        """What was done in this step, for the session note; empty when it was skipped."""
        return []

    def typed(self) -> str:
        """Text typed but not yet saved (asked about before leaving)."""
        return ""

    def save_typed(self) -> bool:
        """Save what was typed; False (with a message by the field) when it cannot be."""
        return True


class GoodMomentStep(SessionStep):
    TITLE = "A good moment"
    INTRO = "A good moment first: something good since you last met, however small. Enter saves it."

    def __init__(self) -> None:
        super().__init__(id="step-moment")
        self.saved: list[str] = []

    def compose_step(self) -> ComposeResult:
        yield OneLineInput(placeholder="A good moment", id="moment-field", select_on_focus=False)
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
        if add_from_field(field, message, lambda t: Moment(text=t), moments, "Saved with your good moments."):
            self.saved.append(text)
            return True
        return False

    def typed(self) -> str:
        return self.query_one("#moment-field", Input).value.strip()

    def lines(self) -> list[str]:
        return [_line(f"A good moment: {text}") for text in self.saved]


_MARKS = {PracticeStatus.OPEN: "[ ]", PracticeStatus.DONE: "[x]", PracticeStatus.LET_GO: "[~]"}


class PracticeList(OptionList):
    BINDINGS = [
        Binding("d", "mark('done')", "Done"),
        Binding("l", "mark('let_go')", "Let go"),
    ]

    def action_mark(self, status: str) -> None:
        step = self.screen.query_one(PracticeReviewStep)
        if self.highlighted is not None:
            step.mark(self.highlighted, PracticeStatus(status))


class PracticeReviewStep(SessionStep):
    TITLE = "Last week's practice"
    INTRO = (
        "Last week's practice. Press d when it is done, l to let it go (that is fine too). "
        "How did it go? A few words go in the session note."
    )

    def __init__(self) -> None:
        super().__init__(id="step-review")
        self.tasks: list[PracticeTask] = []
        self.changed: dict[str, PracticeStatus] = {}

    def compose_step(self) -> ComposeResult:
        yield Static("", id="review-empty", classes="muted")
        yield PracticeList(id="review-list")
        yield OneLineInput(placeholder="How it went", id="review-note", max_length=SHORT_TEXT)

    def _load(self) -> list[PracticeTask]:
        monday = week_start(clock.today())
        earlier = Repository.of(self.companion.database, PracticeTask).where(
            "week_of", (monday - timedelta(days=7)).isoformat(), (monday - timedelta(days=1)).isoformat()
        )
        return sorted(earlier, key=lambda t: t.created)

    def shown(self) -> None:
        self.tasks = self._load()
        self._show()
        if self.tasks:
            self.query_one("#review-list").focus()
        else:
            self.query_one("#review-note").focus()

    def _show(self) -> None:
        listing = self.query_one("#review-list", OptionList)
        keep = listing.highlighted
        listing.clear_options()
        listing.add_options([Option(Content(f"{_MARKS[t.status]} {t.text}")) for t in self.tasks])
        listing.display = bool(self.tasks)
        if self.tasks:
            listing.highlighted = min(keep or 0, len(self.tasks) - 1)
        empty = self.query_one("#review-empty", Static)
        empty.update("Nothing was agreed for last week. That is fine: you can agree something new today.")
        empty.display = not self.tasks

    def mark(self, index: int, status: PracticeStatus) -> None:
        task = self.tasks[index]
        changed = task.touched(status=status, finished_on=clock.today())
        try:
            Repository.of(self.companion.database, PracticeTask).save(self.companion.mark_together(changed))  # type: ignore[arg-type]
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.tasks[index] = changed  # type: ignore[assignment]
        self.changed[task.id] = status
        self._show()

    def lines(self) -> list[str]:
        done = sum(1 for s in self.changed.values() if s is PracticeStatus.DONE)
        let_go = sum(1 for s in self.changed.values() if s is PracticeStatus.LET_GO)
        note = self.query_one("#review-note", Input).value.strip()
        if not (done or let_go or note):
            return []
        words = [w for w in (f"{done} done" if done else "", f"{let_go} let go" if let_go else "") if w]
        line = "Last week's practice: " + (", ".join(words) if words else "talked it over")
        return [_line(line + (f". How it went: {note}" if note else "."))]


class GoalStep(SessionStep):
    TITLE = "The goal's next step"
    INTRO = "The next step on your goal ladder."

    def __init__(self) -> None:
        super().__init__(id="step-goal")
        self.done: list[str] = []

    def compose_step(self) -> ComposeResult:
        yield Static("", id="goal-words")
        with Horizontal(classes="step-buttons"):
            yield Button("I climbed it", id="goal-climbed")
        yield OneLineInput(placeholder="A next step, small enough for this week", id="goal-field")
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
                "No goal on the ladder yet. When you are ready, Goals (key 4) is where to write one."
            )
            climbed.display = field.display = False
            return
        step = goal.next_step
        text = f"Goal: {goal.text}\n" + (f"Next step: {step.text}" if step else "Every step is climbed.")
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
        together = self.companion.together_with
        changed = goal.step_done(step.id)
        if together:
            marked = changed.step(step.id)
            if marked and not marked.together_with:
                changed = changed.with_step(marked.model_copy(update={"together_with": together}))
        if self._save(changed):
            self.done.append(f"Goal step climbed: {step.text}")
            self.notify("A step climbed. Well done.", timeout=3)
            self.shown()

    @on(Input.Submitted, "#goal-field")
    def save_typed(self) -> bool:
        field = self.query_one("#goal-field", Input)
        goal = self._goal()
        if goal is None or not field.display or not field.value.strip():
            return True
        message = self.query_one("#goal-message", FieldMessage)
        try:
            step = Step(text=field.value, together_with=self.companion.together_with)
        except ValidationError as error:
            message.say(field_messages(error).get("text", "Please check what you wrote."), error=True)
            return False
        if not self._save(goal.with_step(step)):
            return False
        self.done.append(f"New step on the ladder: {step.text}")
        field.value = ""
        message.say("Added to the ladder.")
        self.shown()
        return True

    def _save(self, goal: Goal) -> bool:
        try:
            Repository.of(self.companion.database, Goal).save(goal)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        return True

    def typed(self) -> str:
        field = self.query_one("#goal-field", Input)
        return field.value.strip() if field.display else ""

    def lines(self) -> list[str]:
        return [_line(text) for text in self.done]


class ReadingStep(SessionStep):
    TITLE = "The next handout section"
    INTRO = (
        "New material: the next section of the handouts, in the reader. It is here again when you close it."
    )

    def __init__(self) -> None:
        super().__init__(id="step-reading")
        self.opened: list[str] = []

    def compose_step(self) -> ComposeResult:
        yield Static("", id="reading-words")
        with Horizontal(classes="step-buttons"):
            yield Button("Open the reader", id="reading-open")

    def _place(self) -> progress.Place | None:
        found = progress.where_to_continue(progress.readings(self.companion.database))
        return found[0] if found else None

    def shown(self) -> None:
        place = self._place()
        words = self.query_one("#reading-words", Static)
        button = self.query_one("#reading-open", Button)
        if place is None:
            words.update("Every module is done. Reading one again is welcome any time (key 2).")
            button.display = False
            return
        words.update(Content(f"Next: {place.phrase()}, {place.section.title}"))
        button.display = True
        button.focus()

    @on(Button.Pressed, "#reading-open")
    def open_reader(self) -> None:
        place = self._place()
        if place is None:
            return
        self.opened.append(f"Read: {place.phrase()}, {place.section.title}")
        self.companion.read_handout(place.handout.id, place.section.id)

    def lines(self) -> list[str]:
        return [_line(text) for text in dict.fromkeys(self.opened)]


class PracticePlanStep(SessionStep):
    TITLE = "This week's practice"
    INTRO = "Agree this week's practice: something small to try before you next meet. Enter adds it."

    def __init__(self) -> None:
        super().__init__(id="step-practice")
        self.added: list[str] = []

    def compose_step(self) -> ComposeResult:
        yield Static("", id="practice-week")
        yield OneLineInput(placeholder="Something to practise this week", id="practice-field")
        yield FieldMessage(id="practice-message")

    @property
    def _tasks(self) -> Repository[PracticeTask]:
        return Repository.of(self.companion.database, PracticeTask)

    def shown(self) -> None:
        tasks = sorted(this_weeks_practice(self._tasks), key=lambda t: t.created)
        lines = [f"{_MARKS[t.status]} {t.text}" for t in tasks]
        self.query_one("#practice-week", Static).update(
            Content("This week so far:\n" + "\n".join(lines))
            if lines
            else "Nothing agreed for this week yet."
        )
        self.query_one("#practice-field").focus()

    @on(Input.Submitted, "#practice-field")
    def save_typed(self) -> bool:
        field = self.query_one("#practice-field", Input)
        if not field.value.strip():
            return True
        text = field.value.strip()
        message = self.query_one("#practice-message", FieldMessage)
        if add_from_field(
            field, message, lambda t: PracticeTask(text=t), self._tasks, "Added for this week."
        ):
            self.added.append(text)
            self.shown()
            return True
        return False

    def typed(self) -> str:
        return self.query_one("#practice-field", Input).value.strip()

    def lines(self) -> list[str]:
        return [_line(f"This week's practice: {'; '.join(self.added)}")] if self.added else []


STEPS: list[type[SessionStep]] = [GoodMomentStep, PracticeReviewStep, GoalStep, ReadingStep, PracticePlanStep]
