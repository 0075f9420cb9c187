"""An exercise as a small form: the base every kind shares (kinds: exercise_kinds.py, list_form.py).

A form keeps what the person typed as a draft in plain Python, so the page
can save it at any moment (leaving the field, ctrl+s, turning the page,
quitting). `commit()` checks the draft and returns the Answer to save, or
None when there is nothing new or something to fix; the reason then shows
next to the form and everything typed stays where it is. A form never saves:
when the person finishes a change it reports the Answer upward (`Answered`),
and the page (page_forms.py) saves it and tells the form (`saved`, `say`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from imr_companion import clock
from imr_companion.content import Exercise
from imr_companion.i18n import N_, _, date_words
from imr_companion.models import Answer
from imr_companion.models.base import field_messages
from imr_companion.models.handouts import answer_id
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.redraw import PaintHold, shown_again


def changed_phrase(answer: Answer | None) -> str:
    if answer is None or answer.is_empty:
        return ""
    name = answer.together_with
    if answer.changed == clock.today():
        if name:
            return _("Saved today, together with {name}.").format(name=name)
        return _("Saved today.")
    day = date_words(answer.changed, "date")
    if name:
        return _("Saved on {date}, together with {name}.").format(date=day, name=name)
    return _("Saved on {date}.").format(date=day)


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
    TITLE: ClassVar[str] = N_("Exercise")

    @dataclass
    class Answered(Message):
        """The person finished a change here: `answer` is to be saved (page_forms.py does)."""

        form: ExerciseForm
        answer: Answer
        over: Answer | None
        """The stored answer `answer` was made from: one saved since makes this report stale."""
        painting: PaintHold | None = None
        """Painting held back until the answer is saved (or not): one frame shows the change, and
        the "Saved today." under it."""

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
        self.border_title = _(self.TITLE)

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
            self.say(next(iter(messages.values()), _("Please check what you wrote.")))
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
            # Laid out again only when the line's height changes, not the whole page for its words.
            shown_again(line, Content(changed_phrase(answer)))

    def say(self, text: str, error: bool = True) -> None:
        self._message = text
        for line in self.query(".message").results(FieldMessage):
            line.say(text, error=error)

    @property
    def message(self) -> str:
        return self._message

    def finished(self) -> None:
        """Report the finished change upward, when there is one to save (else the message says why)."""
        answer = self.commit()
        if answer is not None:
            self.post_message(self.Answered(self, answer, self.stored, PaintHold(self.app)))
