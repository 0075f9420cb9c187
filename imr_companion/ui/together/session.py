"""A session in IMR order, one calm step per screen, each skippable; it ends with a session note.

It works with a contact person beside the person (the note says with whom)
and alone, as a check-up with oneself.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Static, TextArea

from imr_companion.i18n import N_, _
from imr_companion.models import SessionNote
from imr_companion.models.base import field_messages
from imr_companion.models.together.sessions import done_words, with_whom
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import Confirm
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.text_field import TextField
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.together import SESSION
from imr_companion.ui.together.page import TogetherPage
from imr_companion.ui.together.session_practice import PracticePlanStep, PracticeReviewStep
from imr_companion.ui.together.session_steps import GoalStep, GoodMomentStep, ReadingStep, SessionStep

# The order of an IMR session: a good moment, last week's practice, the goal, new material, the new practice.
# Each step knows its own id: made with no arguments.
STEPS: list[Callable[[], SessionStep]] = [
    GoodMomentStep,
    PracticeReviewStep,
    GoalStep,
    ReadingStep,
    PracticePlanStep,
]

NOTHING_DONE = N_("Nothing in particular this time, and that is fine: meeting counts too.")
# Alone (a check-up with myself), there is no "we" and no meeting.
NOTHING_DONE_ALONE = N_("Nothing in particular this time, and that is fine: taking the time counts too.")


class SummaryStep(Vertical):
    TITLE = N_("What we did")
    TITLE_ALONE = N_("What I did")

    def __init__(self) -> None:
        super().__init__(id="step-summary")

    def compose(self) -> ComposeResult:
        yield Static("", id="summary-lines")
        yield Static(_("Anything to remember? (your own words, kept in the note)"), classes="intro")
        yield TextField(id="summary-note", soft_wrap=True, show_line_numbers=False)
        yield FieldMessage(id="summary-message")
        with Horizontal(classes="step-buttons"):
            yield Button(_("Finish without a note"), id="summary-skip")
            keep = key_for(SessionScreen, "keep")
            yield Button(
                _("Keep as a session note ({key})").format(key=keep), id="summary-keep", variant="primary"
            )


class SessionScreen(TogetherPage):
    TITLE_TEXT = N_("A session, step by step")
    DEFAULT_CSS = stylesheet.beside(__file__, "session.tcss")
    BINDINGS = SESSION.bindings()

    def __init__(self) -> None:
        super().__init__()
        self.steps: list[SessionStep] = [step() for step in self.step_makers()]
        self.index = 0
        self.kept = False
        self.note_draft = ""

    def compose_body(self) -> ComposeResult:
        yield Static("", id="session-where")
        with ContentSwitcher(initial=self.steps[0].id, id="session-steps"):
            yield from self.steps
            yield SummaryStep()
        with Horizontal(id="session-nav"):
            back, next_ = key_for(SessionScreen, "step(-1)"), key_for(SessionScreen, "step(1)")
            yield Button(_("Back ({key})").format(key=back), id="session-back")
            yield Button(_("Next, or skip ({key})").format(key=next_), id="session-next", variant="primary")

    def step_makers(self) -> list[Callable[[], SessionStep]]:
        """The steps in their order (the check-up after the program has its own: ui/reaching/checkup.py)."""
        return STEPS

    def on_mount(self) -> None:
        self._go(0)

    def refresh_data(self) -> None:
        # After an undo (ctrl+z): the step in front shows the stored data again.
        if self.index < len(self.steps):
            self.steps[self.index].shown()

    @property
    def total(self) -> int:
        return len(self.steps) + 1

    def _go(self, index: int) -> None:
        self.index = index
        switcher = self.query_one(ContentSwitcher)
        who = with_whom(SessionNote(together_with=self.companion.together_with))
        if index < len(self.steps):
            step = self.steps[index]
            switcher.current = step.id
            title = step.TITLE
            # Together or alone may have changed since the step was made (ctrl+g): its intro says which.
            step.query_one(".intro", Static).update(Content(step.intro()))
            step.shown()
        else:
            switcher.current = "step-summary"
            title = SummaryStep.TITLE if self.companion.together_with else SummaryStep.TITLE_ALONE
            self._show_summary()
        self.query_one("#session-where", Static).update(
            Content(
                _("Step {number} of {total}: {title}  ({with_whom})").format(
                    number=index + 1, total=self.total, title=_(title), with_whom=who
                )
            )
        )
        self.query_one("#session-back").disabled = index == 0
        self.query_one("#session-next").display = index < len(self.steps)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step" and parameters and isinstance(parameters[0], int):
            target = self.index + parameters[0]
            return 0 <= target < self.total
        if action == "keep":
            return self.index == len(self.steps)
        return True

    def lines(self) -> list[str]:
        return [line for step in self.steps for line in step.lines()]

    def _show_summary(self) -> None:
        lines = self.lines()
        nothing = NOTHING_DONE if self.companion.together_with else NOTHING_DONE_ALONE
        text = "\n".join(f"• {done_words(line)}" for line in lines) if lines else _(nothing)
        self.query_one("#summary-lines", Static).update(Content(text))
        self.query_one("#summary-note", TextArea).focus()

    def action_step(self, change: int) -> None:
        target = self.index + change
        if not 0 <= target < self.total:
            return
        # Leaving a step keeps what was typed in it: it is saved as if Enter was pressed.
        if self.index < len(self.steps) and not self.steps[self.index].save_typed():
            return
        self._go(target)

    @on(Button.Pressed, "#session-next")
    def _next(self) -> None:
        self.action_step(1)

    @on(Button.Pressed, "#session-back")
    def _back(self) -> None:
        self.action_step(-1)

    @on(Button.Pressed, "#summary-keep")
    def action_keep(self) -> None:
        if self._keep_note():
            self.notify(
                _("Kept as a session note. {menu}, then n, shows your notes.").format(
                    menu=key_for(type(self.app), "together_menu")
                )
            )
            self.dismiss()

    def _keep_note(self) -> bool:
        message = self.query_one("#summary-message", FieldMessage)
        try:
            note = SessionNote(
                done=self.lines(),
                note=self.query_one("#summary-note", TextArea).text,
                together_with=self.companion.together_with,
            )
            Repository.of(self.companion.database, SessionNote).add(note)
        except ValidationError as error:
            message.say(field_messages(error).get("note", _("Please check what you wrote.")), error=True)
            return False
        except SaveError as error:
            message.say(str(error), error=True)
            return False
        self.kept = True
        return True

    @on(Button.Pressed, "#summary-skip")
    def _finish(self) -> None:
        if not self.query_one("#summary-note", TextArea).text.strip():
            self.dismiss()
            return

        def chosen(let_go: bool | None) -> None:
            if let_go:
                self.query_one("#summary-note", TextArea).text = ""
                self.note_draft = ""
                self.dismiss()

        self.app.push_screen(
            Confirm(_("Let go of what you wrote for the note?"), yes=_("Let it go"), no=_("Keep writing")),
            chosen,
        )

    def _unsaved(self) -> bool:
        typed = any(step.typed() for step in self.steps)
        note = self.query_one("#summary-note", TextArea).text.strip()
        return typed or bool(note) or bool(self.lines())

    def action_back(self) -> None:
        if not self._unsaved():
            self.dismiss()
            return

        def chosen(to_note: bool | None) -> None:
            if not to_note:
                self._leave_with_typed()
            elif self.index >= len(self.steps) or self.steps[self.index].save_typed():
                self._go(len(self.steps))

        self.app.push_screen(
            Confirm(
                _(
                    "Keep a session note before you leave? "
                    "What you saved in each step stays saved either way."
                ),
                yes=_("Go to the note"),
                no=_("Leave"),
            ),
            chosen,
        )

    def _leave_with_typed(self) -> None:
        self._keep_typed()
        self.dismiss()

    def _keep_typed(self) -> None:
        """Typed, unsaved text is kept as if Enter had been pressed; a typed note is kept as a note."""
        for step in self.steps:
            step.save_typed()
        if not self.kept and self.query_one("#summary-note", TextArea).text.strip():
            self._keep_note()

    @on(TextArea.Changed, "#summary-note")
    def _remember_note(self, event: TextArea.Changed) -> None:
        # Kept outside the widget: when the app quits, the field is gone before the screen.
        self.note_draft = event.text_area.text

    def on_unmount(self) -> None:
        # Quitting (ctrl+q) in the middle of a session loses nothing that was typed.
        for step in self.steps:
            step.keep_draft()
        if not self.kept and self.note_draft.strip():
            note = SessionNote(
                done=self.lines(), note=self.note_draft, together_with=self.companion.together_with
            )
            with suppress(ValidationError, SaveError):
                Repository.of(self.companion.database, SessionNote).add(note)
