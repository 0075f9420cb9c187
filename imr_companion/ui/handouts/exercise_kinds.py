"""The other kinds of exercise, one class each (text, checklist, choice, rating, tool), and
`form_for()`, which picks the form for an exercise."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Static, TextArea
from textual.widgets.selection_list import Selection

from imr_companion import areas
from imr_companion.content import Exercise
from imr_companion.models import Answer
from imr_companion.models.handouts import ANSWER_LIMIT
from imr_companion.ui.common.marked_toggle import MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.rating_scale import RatingScale
from imr_companion.ui.common.text_field import TextField
from imr_companion.ui.common.text_fields import OneLineInput
from imr_companion.ui.handouts.exercise_form import ExerciseForm
from imr_companion.ui.handouts.list_form import ListForm


class TextForm(ExerciseForm):
    TITLE = "Write"

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.text = answer.text if answer else ""

    def compose_answer(self) -> ComposeResult:
        area = TextField(self.text, soft_wrap=True, tab_behavior="focus", id="answer-text")
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
            yield OneLineInput(
                self.other,
                placeholder="Something else (you can leave this empty)",
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
