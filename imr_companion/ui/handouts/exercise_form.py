"""An exercise as a small form, one kind per class: text, list, checklist, choice, rating, tool.

A form keeps what the person typed as a draft in plain Python, so the screen
can save it at any moment (leaving the field, ctrl+s, turning the page,
quitting). `commit()` checks the draft and returns the Answer to save, or
None when there is nothing new or something to fix; the reason then shows
next to the form and everything typed stays where it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, RadioSet, Static, TextArea
from textual.widgets.selection_list import Selection

from imr_companion import areas, clock
from imr_companion.content import Exercise
from imr_companion.models import Answer
from imr_companion.models.base import SHORT_TEXT, field_messages
from imr_companion.models.handouts import ANSWER_LIMIT, LIST_LINES, answer_id
from imr_companion.ui.common.field_message import FieldMessage
from imr_companion.ui.common.marked_toggle import MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.rating_scale import RatingScale

# Fields take more than fits, so that an over-long answer gets a message that
# says the limit instead of keys that silently stop working.
TYPING_ROOM = 1000


def changed_phrase(answer: Answer | None) -> str:
    if answer is None or answer.is_empty:
        return ""
    today = clock.today()
    when = "today" if answer.changed == today else f"on {answer.changed:%d %B %Y}".replace(" 0", " ")
    together = f", together with {answer.together_with}" if answer.together_with else ""
    return f"Saved {when}{together}."


class ExerciseForm(Vertical):
    DEFAULT_CSS = """
    ExerciseForm {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-muted;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    ExerciseForm > .prompt { text-style: bold; }
    ExerciseForm > .hint { color: $text-muted; }
    ExerciseForm > .saved { color: $text-muted; height: auto; }
    ExerciseForm TextArea { height: auto; min-height: 4; max-height: 12; margin-top: 1; }
    ExerciseForm Input { border: tall $border-blurred; }
    ExerciseForm Input:focus { border: tall $border; }
    ExerciseForm .lines { height: auto; margin-top: 1; }
    ExerciseForm .row { height: auto; }
    ExerciseForm .row > Input.-textual-compact { margin-bottom: 1; }
    ExerciseForm .row > Input { width: 1fr; }
    ExerciseForm .row > Button { margin: 0 0 0 2; }
    ExerciseForm RadioSet { margin-top: 1; }
    ExerciseForm RatingScale { margin-top: 1; }
    ExerciseForm .checks { height: auto; margin-top: 1; border: none; padding: 0; }
    ExerciseForm .other-label { margin-top: 1; }
    """
    TITLE: ClassVar[str] = "Exercise"

    @dataclass
    class Commit(Message):
        """The person finished a change here: the screen saves it."""

        form: ExerciseForm

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(id=f"exercise-{exercise.id}")
        self.handout = handout
        self.exercise = exercise
        self.stored = answer
        self._message = ""

    def compose(self) -> ComposeResult:
        yield Static(Content(self.exercise.prompt), classes="prompt")
        if self.exercise.hint:
            yield Static(Content(self.exercise.hint), classes="hint")
        yield from self.compose_answer()
        yield FieldMessage(classes="message")
        yield Static(Content(changed_phrase(self.stored)), classes="saved")

    def on_mount(self) -> None:
        self.border_title = self.TITLE

    def compose_answer(self) -> ComposeResult:
        yield from ()

    def values(self) -> dict[str, Any]:
        """The draft as Answer fields."""
        return {}

    def problem(self) -> str:
        """A reason the draft cannot be saved that the model cannot see, or ''."""
        return ""

    def commit(self) -> Answer | None:
        """The Answer to save, or None (nothing changed, or a message now says what to fix)."""
        problem = self.problem()
        if problem:
            self.say(problem)
            return None
        values = self.values()
        try:
            if self.stored is not None:
                answer = self.stored.touched(**values, changed=clock.today())
            else:
                exercise = self.exercise
                ident = answer_id(self.handout, exercise.id)
                answer = Answer(
                    id=ident, handout=self.handout, exercise=exercise.id, kind=exercise.kind, **values
                )
        except ValidationError as error:
            messages = field_messages(error)
            self.say(next(iter(messages.values()), "Please check what you wrote."))
            return None
        if self.stored is not None and self.stored.same_value(answer):
            self.say("")
            return None
        if self.stored is None and answer.is_empty:
            self.say("")
            return None
        return answer

    # Queries, not query_one: a page being closed (the app quitting) may still
    # save its drafts after its widgets are gone.

    def saved(self, answer: Answer) -> None:
        self.stored = answer
        self.say("")
        for line in self.query(".saved").results(Static):
            line.update(Content(changed_phrase(answer)))

    def say(self, text: str, error: bool = True) -> None:
        self._message = text
        for line in self.query(".message").results(FieldMessage):
            line.say(text, error=error)

    @property
    def message(self) -> str:
        return self._message

    def finished(self) -> None:
        self.post_message(self.Commit(self))


class TextForm(ExerciseForm):
    TITLE = "Write"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.text = answer.text if answer else ""

    def compose_answer(self) -> ComposeResult:
        area = TextArea(self.text, soft_wrap=True, tab_behavior="focus", id="answer-text")
        area.show_line_numbers = False
        yield area

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        self.text = event.text_area.text

    @on(events.DescendantBlur)
    def _left(self) -> None:
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"text": self.text}

    def problem(self) -> str:
        if len(self.text.strip()) > ANSWER_LIMIT:
            return f"That is longer than fits here: up to {ANSWER_LIMIT:,} characters, please."
        return ""


class ListForm(ExerciseForm):
    """Lines the person adds one at a time, changes in place, and removes with a button."""

    TITLE = "Your list"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.lines: list[str] = list(answer.lines) if answer else []
        self.pending = ""
        """Typed in the 'add' field but not added yet: kept too."""

    def compose_answer(self) -> ComposeResult:
        with Vertical(classes="lines"):
            for line in self.lines:
                yield self._line_row(line)
        with Horizontal(classes="row"):
            yield Input(
                placeholder="Add a line, then press Enter",
                max_length=SHORT_TEXT + TYPING_ROOM,
                classes="new-line",
                compact=True,
            )
            yield Button("Add", classes="add", compact=True)

    def _line_row(self, text: str) -> Horizontal:
        return Horizontal(
            # Not selected on focus: a key pressed on arrival must not replace the line.
            Input(
                text, max_length=SHORT_TEXT + TYPING_ROOM, classes="line", compact=True, select_on_focus=False
            ),
            Button("Remove", classes="remove", compact=True, tooltip="Remove this line"),
            classes="row",
        )

    def _read_lines(self) -> None:
        self.lines = [field.value for field in self.query(".line").results(Input)]

    @on(Input.Changed, ".line")
    def _line_changed(self) -> None:
        self._read_lines()

    @on(Input.Changed, ".new-line")
    def _pending_changed(self, event: Input.Changed) -> None:
        self.pending = event.value

    @on(Input.Submitted, ".line")
    def _line_done(self) -> None:
        self.finished()

    @on(Input.Submitted, ".new-line")
    def _enter_new(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.say("Write a few words first, then press Enter.")
            return
        self.add_pending()

    @on(Button.Pressed, ".add")
    def _add_pressed(self) -> None:
        if self.pending.strip():
            self.add_pending()
        self.query_one(".new-line", Input).focus()

    def add_pending(self) -> None:
        text = self.pending.strip()
        if not text:
            return
        if len(self.lines) >= LIST_LINES:
            self.say(f"That is as many lines as fit here ({LIST_LINES}). You could join two lines into one.")
            return
        if len(text) > SHORT_TEXT:
            self.say(f"That line is longer than fits: up to {SHORT_TEXT} characters, please.")
            return
        self.query_one(".lines").mount(self._line_row(text))
        self.lines.append(text)
        self.pending = ""
        self.query_one(".new-line", Input).value = ""
        self.finished()

    @on(Button.Pressed, ".remove")
    async def _remove(self, event: Button.Pressed) -> None:
        row = event.button.parent
        if row is None:
            return
        await row.remove()
        self._read_lines()
        self.query_one(".new-line", Input).focus()
        self.finished()

    @on(events.DescendantBlur, ".line")
    def _line_left(self) -> None:
        self.finished()

    @on(events.DescendantBlur, ".new-line")
    def _new_left(self) -> None:
        # Leaving the field keeps what was typed: it becomes a line.
        if self.pending.strip():
            self.add_pending()

    def all_lines(self) -> list[str]:
        lines = [line.strip() for line in self.lines]
        return [*lines, self.pending.strip()] if self.pending.strip() else lines

    def problem(self) -> str:
        lines = self.all_lines()
        for number, line in enumerate(lines, start=1):
            if not line:
                return f"Line {number} is empty now. Write something in it, or press Remove."
            if len(line) > SHORT_TEXT:
                return f"Line {number} is longer than fits: up to {SHORT_TEXT} characters, please."
        if len(lines) > LIST_LINES:
            return f"That is more lines than fit here ({LIST_LINES}). You could join two lines into one."
        return ""

    def values(self) -> dict[str, Any]:
        return {"lines": self.all_lines()}

    def saved(self, answer: Answer) -> None:
        super().saved(answer)
        text = self.pending.strip()
        if text and answer.lines and answer.lines[-1] == text:
            # Saved while still in the 'add' field (leaving the page): it is a line now.
            self.lines.append(text)
            self.pending = ""
            for lines in self.query(".lines"):
                lines.mount(self._line_row(text))
            for field in self.query(".new-line").results(Input):
                field.value = ""


class ChecklistForm(ExerciseForm):
    TITLE = "Tick what fits"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.ticked: list[str] = list(answer.ticked) if answer else []
        self.other = answer.other if answer else ""

    def options(self) -> list[str]:
        # Ticks for options a newer handout words differently are kept, not dropped.
        options = list(self.exercise.options)
        return options + [t for t in self.ticked if t not in options]

    def compose_answer(self) -> ComposeResult:
        yield MarkedSelectionList(
            *(Selection(Content(o), o, o in self.ticked) for o in self.options()), classes="checks"
        )
        if self.exercise.allow_other:
            yield Static("Something else, in your own words:", classes="other-label")
            yield Input(
                self.other,
                placeholder="Something else (you can leave this empty)",
                max_length=SHORT_TEXT + TYPING_ROOM,
                classes="other",
                select_on_focus=False,
            )

    @on(MarkedSelectionList.SelectedChanged)
    def _ticked(self, event: MarkedSelectionList.SelectedChanged) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        self.ticked = [o for o in self.options() if o in chosen]
        self.finished()

    @on(Input.Changed, ".other")
    def _other_typed(self, event: Input.Changed) -> None:
        self.other = event.value

    @on(Input.Submitted, ".other")
    @on(events.DescendantBlur, ".other")
    def _other_done(self) -> None:
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"ticked": self.ticked, "other": self.other}


class ChoiceForm(ExerciseForm):
    TITLE = "Choose one"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.choice = answer.choice if answer else None

    def compose_answer(self) -> ComposeResult:
        options = list(self.exercise.options)
        if self.choice and self.choice not in options:
            options.append(self.choice)
        with RadioSet(compact=True):
            for option in options:
                yield MarkedRadioButton(Content(option), value=option == self.choice, name=option)

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.choice = event.pressed.name
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"choice": self.choice}


class RatingForm(ExerciseForm):
    TITLE = "Rate from 1 to 5"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.rating = answer.rating if answer else None

    def compose_answer(self) -> ComposeResult:
        yield RatingScale(self.exercise.low, self.exercise.high, self.rating)

    @on(RatingScale.Changed)
    def _rated(self, event: RatingScale.Changed) -> None:
        event.stop()
        self.rating = event.value
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"rating": self.rating}


class ToolForm(ExerciseForm):
    """A link to the area where this exercise is done."""

    TITLE = "In the app"

    def compose_answer(self) -> ComposeResult:
        area = areas.area(areas.TOOL_AREAS[self.exercise.tool or ""])
        yield Button(f"Open {area.title} ({area.key})", classes="open-tool", name=area.mode, compact=True)

    @on(Button.Pressed, ".open-tool")
    def _open(self, event: Button.Pressed) -> None:
        self.app.switch_mode(event.button.name or "today")

    def commit(self) -> Answer | None:
        return None


FORMS: dict[str, type[ExerciseForm]] = {
    "text": TextForm,
    "list": ListForm,
    "checklist": ChecklistForm,
    "choice": ChoiceForm,
    "rating": RatingForm,
    "tool": ToolForm,
}


def form_for(handout: str, exercise: Exercise, answer: Answer | None) -> ExerciseForm:
    return FORMS[exercise.kind](handout, exercise, answer)
