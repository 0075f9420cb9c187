"""The other kinds of exercise, one class each (text, checklist, choice, rating, tool), and
`form_for()`, which picks the form for an exercise."""

from __future__ import annotations

from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Static, TextArea
from textual.widgets.selection_list import Selection

from imr_companion import areas, i18n
from imr_companion.content import Exercise
from imr_companion.i18n import N_, _
from imr_companion.models import Answer
from imr_companion.models.handouts import ANSWER_LIMIT
from imr_companion.ui.common.choices.marked_toggle import ChoiceSet, MarkedRadioButton, MarkedSelectionList
from imr_companion.ui.common.choices.rating_scale import RatingScale
from imr_companion.ui.common.fields.text_field import TextField
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.handouts.exercise_form import ExerciseForm
from imr_companion.ui.handouts.list_form import ListForm


class TextForm(ExerciseForm):
    TITLE = N_("Write")

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
            # 2,000 in English, 2.000 in Danish.
            limit = f"{ANSWER_LIMIT:,}".replace(",", "." if i18n.language() == "da" else ",")
            return _("That is longer than fits here: up to {limit} characters, please.").format(limit=limit)
        return ""


UNMATCHED = "~"
"""Marks a list value as an index into the answer's unmatched words (an option id has no '~')."""


class ChecklistForm(ExerciseForm):
    TITLE = N_("Tick what fits")

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.ticked: list[str] = list(answer.ticked) if answer else []
        """Option ids, in the handout's order."""
        self.other = answer.other if answer else ""
        self.unmatched: list[str] = list(answer.unmatched) if answer else []
        # Words from before options had ids, shown ticked after the options; unticking lets one go.
        self._unmatched_shown = list(self.unmatched)

    def options(self) -> list[tuple[str, str]]:
        """(value, words) for every line: the handout's options, ticked ids the handout no longer
        has, then the unmatched words. Nothing stored is hidden."""
        ids = [o.id for o in self.exercise.options]
        lines = [(o.id, o.text) for o in self.exercise.options]
        lines += [(t, t) for t in self.ticked if t not in ids]
        lines += [(f"{UNMATCHED}{n}", words) for n, words in enumerate(self._unmatched_shown)]
        return lines

    def compose_answer(self) -> ComposeResult:
        ticked = {*self.ticked, *(f"{UNMATCHED}{n}" for n in range(len(self.unmatched)))}
        yield MarkedSelectionList(
            *(Selection(Content(words), value, value in ticked) for value, words in self.options()),
            classes="checks",
        )
        if self.exercise.allow_other:
            yield Static(_("Something else, in your own words:"), classes="other-label")
            yield OneLineInput(
                self.other,
                placeholder=_("Something else (you can leave this empty)"),
                classes="other",
                select_on_focus=False,
            )

    @on(MarkedSelectionList.SelectedChanged)
    def _ticked(self, event: MarkedSelectionList.SelectedChanged) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        values = [value for value, _words in self.options() if value in chosen]
        self.ticked = [v for v in values if not v.startswith(UNMATCHED)]
        self.unmatched = [
            words for n, words in enumerate(self._unmatched_shown) if f"{UNMATCHED}{n}" in chosen
        ]
        self.finished()

    @on(Input.Changed, ".other")
    def _other_typed(self, event: Input.Changed) -> None:
        self.other = event.value

    @on(Input.Submitted, ".other")
    @on(events.DescendantBlur, ".other")
    def _other_done(self) -> None:
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"ticked": self.ticked, "other": self.other, "unmatched": self.unmatched}


class ChoiceForm(ExerciseForm):
    TITLE = N_("Choose one")

    def __init__(self, handout: str, exercise: Exercise, answer: Answer | None) -> None:
        super().__init__(handout, exercise, answer)
        self.choice = answer.choice if answer else None
        """The chosen option's id."""
        self.unmatched: list[str] = list(answer.unmatched) if answer else []
        # A choice stored as words that match no option any more: shown chosen until another is.
        self._kept = list(self.unmatched)

    def compose_answer(self) -> ComposeResult:
        lines = [(o.id, o.text) for o in self.exercise.options]
        if self.choice and self.exercise.option(self.choice) is None:
            lines.append((self.choice, self.choice))
        lines += [(f"{UNMATCHED}{n}", words) for n, words in enumerate(self._kept)]
        chosen = self.choice or (f"{UNMATCHED}0" if self.unmatched else None)
        with ChoiceSet(compact=True):
            for value, words in lines:
                yield MarkedRadioButton(Content(words), value=value == chosen, name=value)

    @on(RadioSet.Changed)
    def _chosen(self, event: RadioSet.Changed) -> None:
        event.stop()
        value = event.pressed.name or ""
        if value.startswith(UNMATCHED):
            self.choice, self.unmatched = None, [self._kept[int(value[1:])]]
        else:
            self.choice, self.unmatched = value, []
        self.finished()

    def values(self) -> dict[str, Any]:
        return {"choice": self.choice, "unmatched": self.unmatched}


class RatingForm(ExerciseForm):
    TITLE = N_("Rate from 1 to 5")

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

    TITLE = N_("In the app")

    def compose_answer(self) -> ComposeResult:
        area = areas.area(areas.TOOL_AREAS[self.exercise.tool or ""])
        label = _("Open {area} ({key})").format(area=_(area.title), key=area.key)
        yield Button(label, classes="open-tool", name=area.mode, compact=True)

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
