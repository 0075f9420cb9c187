"""The forms of the section on screen (exercises and 'Try this week'), and keeping what they report.

One way each: a form reports what the person finished as a message carrying
the value (`ExerciseForm.Answered`, `PracticeForm.Chosen`); this container
stores it and tells the form how it went (`saved`, `added`, `say`); the
reader asks it to keep everything before a page turns (`keep_all`). Nothing
here calls back up.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.containers import Vertical

from imr_companion.content import Option
from imr_companion.i18n import N_, _
from imr_companion.models import Answer, PracticeTask
from imr_companion.models.base import field_messages
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common.companion import companion_of
from imr_companion.ui.common.textual_internals import repaint_now
from imr_companion.ui.handouts.exercise_form import ExerciseForm
from imr_companion.ui.handouts.practice_form import PracticeForm


class PageForms(Vertical):
    DEFAULT_CSS = "PageForms { height: auto; }"

    def __init__(self) -> None:
        super().__init__(id="forms")
        self.answers: dict[str, Answer] = {}
        """The stored answers of the handout on screen, by exercise id."""
        self.forms: list[ExerciseForm | PracticeForm] = []
        """The forms of the page as shown: kept here, not queried, because they are also saved while
        the app closes and the widgets are already being taken down."""

    async def show(self, forms: list[ExerciseForm | PracticeForm]) -> None:
        if self.forms:
            await self.remove_children()
        self.forms = forms
        if forms:
            await self.mount_all(forms)

    def needing_a_look(self) -> ExerciseForm | None:
        """The first form whose message asks for a fix, if any."""
        return next((f for f in self.forms if isinstance(f, ExerciseForm) and f.message), None)

    # --- what the forms report ---------------------------------------------

    @on(ExerciseForm.Answered)
    def _answered(self, event: ExerciseForm.Answered) -> None:
        event.stop()
        try:
            if event.form.stored is not event.over:
                return  # the page was kept as a whole in between, this change with it
            saved = self.save_answer(event.form, event.answer)
        finally:
            if event.painting is not None:
                event.painting.let_go()
        if saved:
            # Painted now with what the form showed meanwhile (the focus moved on, a box ticked), not
            # at the screen's next tick: the same frame shows "Saved today." (the line's size the same).
            for line in event.form.query(".saved"):
                repaint_now(line)

    @on(PracticeForm.Chosen)
    def _chosen(self, event: PracticeForm.Chosen) -> None:
        event.stop()
        form, suggestion = event.form, event.suggestion
        stale = form.is_added(suggestion) if suggestion else form.own != event.text
        if stale:
            return  # added with the page as a whole in between
        self.add_task(form, event.text, suggestion)

    # --- keeping it --------------------------------------------------------

    def save_answer(self, form: ExerciseForm, answer: Answer | None = None) -> bool:
        """Save `answer` (or the form's draft, if it changed); False if a message now asks for a fix."""
        if answer is None:
            answer = form.commit()
        if answer is None:
            return not form.message
        try:
            Repository.of(companion_of(self).database, Answer).save(answer)
        except SaveError as error:
            form.say(str(error))
            return False
        self.answers[answer.exercise] = answer
        form.saved(answer)
        return True

    def add_task(self, form: PracticeForm, text: str, suggestion: Option | None) -> bool:
        """Put `text` into this week's practice; False (and a message by the form) when it could not be."""
        companion = companion_of(self)
        try:
            task = PracticeTask(text=text, source=form.source(suggestion))
            tasks = Repository.of(companion.database, PracticeTask)
            undone = N_("The task is taken off this week's practice again.")
            with companion.undo_history.change(undone, (tasks, task.id)):
                tasks.add(task)
        except ValidationError as error:
            form.say(field_messages(error).get("text", _("Please check what you wrote.")), error=True)
            return False
        except SaveError as error:
            form.say(str(error), error=True)
            return False
        form.added(task, suggestion)
        return True

    def keep_all(self, own_tasks: bool = True) -> bool:
        """Save every form on the page; True if nothing is left to fix.

        A task of the person's own typed but not added is added too, as the page is left
        (`own_tasks`); not when the same page is only shown again (`own_draft` carries it)."""
        fine = True
        for form in self.forms:
            if isinstance(form, ExerciseForm):
                fine = self.save_answer(form) and fine
            elif own_tasks and form.own.strip():
                fine = self.add_task(form, form.own, None) and fine
        return fine

    def own_draft(self) -> str:
        """The words of a task of the person's own typed on this page and not added yet."""
        return next((f.own for f in self.forms if isinstance(f, PracticeForm)), "")
