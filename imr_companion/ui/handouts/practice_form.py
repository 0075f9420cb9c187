"""'Try this week': a handout's practice tasks, each a button away from this week's practice.

The form never saves: it reports the task the person chose (`Chosen`), and the
page (page_forms.py) adds it and tells the form (`added`, `say`)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from imr_companion.content import Option
from imr_companion.i18n import N_, _
from imr_companion.models import PracticeTask
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.key_names import key_for

ADDED = N_("✓ Added")
# Translators: the button beside a 'Try this week' task that puts it into this week's practice.
ADD = N_("Add")


def added_marks(tasks: list[PracticeTask]) -> set[str]:
    """What shows a suggestion as added: the tasks' sources (which name the task's id) and, for
    tasks added before suggestions had ids, their words."""
    return {task.source or "" for task in tasks} | {task.text for task in tasks}


class PracticeForm(Vertical):
    DEFAULT_CSS = """
    PracticeForm {
        height: auto;
        border: round $primary 40%;
        border-title-color: $text-muted;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    PracticeForm .hint { color: $text-muted; }
    PracticeForm .task { height: auto; margin-top: 1; }
    PracticeForm .task > Static { width: 1fr; }
    PracticeForm .task > Button { margin-left: 1; min-width: 12; }
    PracticeForm Input { margin-top: 1; border: tall $border-blurred; }
    PracticeForm Input:focus { border: tall $border; }
    """

    @dataclass
    class Chosen(Message):
        """The person chose a task for this week: the handout's `suggestion`, or their own words (None)."""

        form: PracticeForm
        text: str
        suggestion: Option | None

    def __init__(
        self,
        handout_id: str,
        suggestions: tuple[Option, ...],
        this_week: set[str],
        practice_key: str,
        own: str = "",
    ) -> None:
        super().__init__(id="practice-form")
        self.handout_id = handout_id
        self.suggestions = suggestions
        self.this_week = this_week
        """added_marks() of this week's practice."""
        self.practice_key = practice_key
        """The screen's key for this week's practice, named once a task is added."""
        self.own = own
        """A task of the person's own, typed but not added yet (`own`: typed on this page before it
        was shown again)."""

    def compose(self) -> ComposeResult:
        yield Static(
            _(
                "Add a task to this week's practice. It shows on Today, where you can tick it "
                "or let it go. Tab to a task's Add and press Enter, or click it."
            ),
            classes="hint",
        )
        for number, suggestion in enumerate(self.suggestions):
            added = self.is_added(suggestion)
            with Horizontal(classes="task"):
                yield Static(Content(suggestion.text))
                yield Button(
                    _(ADDED) if added else _(ADD),
                    id=f"suggestion-{number}",
                    name=suggestion.id,
                    disabled=added,
                    compact=True,
                    classes="suggestion",
                )
        yield OneLineInput(
            self.own,
            placeholder=_("Or write your own task, then press Enter"),
            id="own-task",
        )
        yield FieldMessage(id="practice-message")

    def on_mount(self) -> None:
        self.border_title = _("This week's practice")

    def source(self, suggestion: Option | None) -> str:
        """Where a task comes from: this handout's suggestion, or (None) the person's own words here."""
        if suggestion is None:
            return f"handout:{self.handout_id}"
        return f"handout:{self.handout_id}:{suggestion.id}"

    def is_added(self, suggestion: Option) -> bool:
        return self.source(suggestion) in self.this_week or suggestion.text in self.this_week

    @on(Button.Pressed, ".suggestion")
    def _pressed(self, event: Button.Pressed) -> None:
        suggestion = next((s for s in self.suggestions if s.id == event.button.name), None)
        if suggestion is not None:
            self.post_message(self.Chosen(self, suggestion.text, suggestion))

    @on(Input.Changed, "#own-task")
    def _own_typed(self, event: Input.Changed) -> None:
        self.own = event.value

    @on(Input.Submitted, "#own-task")
    def _own(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.say(_("Write a few words first, then press Enter."), error=True)
            return
        self.post_message(self.Chosen(self, event.value, None))

    def added(self, task: PracticeTask, suggestion: Option | None) -> None:
        """`task` is in this week's practice now: show it added, and say where it is."""
        self.this_week |= added_marks([task])
        if suggestion:
            for button in self.query(".suggestion").results(Button):
                if button.name == suggestion.id:
                    button.label = _(ADDED)
                    self._disable(button)
        else:
            self.own = ""
            # query, not query_one: while the app closes the field may already be gone.
            for field in self.query("#own-task").results(Input):
                field.value = ""
        self.say(
            _(
                "Added to this week's practice. It is on Today; "
                "press {practice} to see all of it. {undo} undoes it."
            ).format(practice=self.practice_key, undo=key_for(self.app, "undo"))
        )

    def refresh_added(self, this_week: set[str]) -> None:
        """Show again which suggestions are in this week's practice (it may have changed elsewhere)."""
        self.this_week = this_week
        for button in self.query(".suggestion").results(Button):
            suggestion = next((s for s in self.suggestions if s.id == button.name), None)
            added = suggestion is not None and self.is_added(suggestion)
            button.label = _(ADDED) if added else _(ADD)
            if added:
                self._disable(button)
            else:
                button.disabled = False

    def _disable(self, button: Button) -> None:
        """Show `button`'s task as added; its focus first moves on to the next control that still works.

        Textual takes the focus off a widget as it is disabled and gives it to nothing: the next
        letters would then reach the reader's keys (a page turn) and Tab would start again from the
        top of the page. So the focus goes where Tab would have taken it: the next Add, or else the
        field for a task of one's own."""
        if button.has_focus:
            controls = [*self.query(".suggestion").results(Button), self.query_one("#own-task", Input)]
            after = controls[controls.index(button) + 1 :]
            following = next((c for c in after if not c.disabled), None)
            if following is not None:
                self.screen.set_focus(following)  # now, not later: before the disabling blurs it
        button.disabled = True

    def say(self, text: str, error: bool = False) -> None:
        for line in self.query("#practice-message").results(FieldMessage):
            line.say(text, error=error)
