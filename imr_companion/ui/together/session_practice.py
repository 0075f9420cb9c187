"""The practice steps of a session: last week's practice looked back on, this week's agreed."""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from imr_companion import clock
from imr_companion.i18n import N_, _
from imr_companion.models import PracticeTask
from imr_companion.models.base import SHORT_TEXT
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.models.together.sessions import THIS_WEEK, practice_line
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.practice import this_weeks_practice
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.quick_add import add_from_field
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.together import SESSION_PRACTICE
from imr_companion.ui.together.session_steps import SessionStep, one_line

UNDONE = N_("The practice task is as it was before.")
_MARKS = {PracticeStatus.OPEN: "[ ]", PracticeStatus.DONE: "[x]", PracticeStatus.LET_GO: "[~]"}


class PracticeList(OptionList):
    BINDINGS = SESSION_PRACTICE.bindings()

    def action_mark(self, status: str) -> None:
        step = self.screen.query_one(PracticeReviewStep)
        if self.highlighted is not None:
            step.mark(self.highlighted, PracticeStatus(status))


class PracticeReviewStep(SessionStep):
    TITLE = N_("Last week's practice")
    INTRO = N_(
        "Last week's practice. How did it go? A few words go in the session note. "
        "Tab moves to the list: there {done} marks a task done, {let_go} lets it go (that is fine too)."
    )

    FIELD = "review-note"

    def intro(self) -> str:
        return _(self.INTRO).format(
            done=key_for(PracticeList, "mark('done')"), let_go=key_for(PracticeList, "mark('let_go')")
        )

    def __init__(self) -> None:
        super().__init__(id="step-review")
        self.tasks: list[PracticeTask] = []
        self.changed: dict[str, PracticeStatus] = {}

    def compose_step(self) -> ComposeResult:
        # The field first and with the focus: words typed are the note, never the list's d and l.
        yield OneLineInput(placeholder=_("How it went"), id="review-note", max_length=SHORT_TEXT)
        yield Static("", id="review-empty", classes="muted")
        yield PracticeList(id="review-list")

    def _load(self) -> list[PracticeTask]:
        monday = week_start(clock.today())
        earlier = Repository.of(self.companion.database, PracticeTask).where(
            "week_of", (monday - timedelta(days=7)).isoformat(), (monday - timedelta(days=1)).isoformat()
        )
        return sorted(earlier, key=lambda t: t.created)

    def shown(self) -> None:
        self.tasks = self._load()
        self._show()
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
        empty.update(_("Nothing was agreed for last week. That is fine: you can agree something new today."))
        empty.display = not self.tasks

    def typed(self) -> str:
        return ""  # how it went belongs in the session note, not in a record of its own

    def keep_draft(self) -> None:
        """How it went is kept in the session note."""

    def mark(self, index: int, status: PracticeStatus) -> None:
        task = self.tasks[index]
        changed = task.touched(status=status, finished_on=clock.today())
        tasks = Repository.of(self.companion.database, PracticeTask)
        try:
            with self.companion.undo_history.change(_(UNDONE), (tasks, task.id)):
                changed = tasks.save(changed)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.tasks[index] = changed
        self.changed[task.id] = status
        self._show()

    def lines(self) -> list[str]:
        # Only what is still so: a mark taken back with ctrl+z is not in the note.
        now = {task.id: task.status for task in self.tasks}
        still = [status for task_id, status in self.changed.items() if now.get(task_id) is status]
        done = sum(1 for s in still if s is PracticeStatus.DONE)
        let_go = sum(1 for s in still if s is PracticeStatus.LET_GO)
        note = self.draft.strip()
        if not (done or let_go or note):
            return []
        return [one_line(practice_line(done, let_go, note))]


class PracticePlanStep(SessionStep):
    TITLE = N_("This week's practice")
    INTRO = N_("Agree this week's practice: something small to try before you next meet. Enter adds it.")
    INTRO_ALONE = N_(
        "Choose this week's practice: something small to try before your next check-up. Enter adds it."
    )

    FIELD = "practice-field"

    def __init__(self) -> None:
        super().__init__(id="step-practice")
        self.added: list[str] = []

    def store(self, text: str) -> None:
        task = PracticeTask(text=text)
        self._tasks.add(task)
        self.added.append(task.text)

    def compose_step(self) -> ComposeResult:
        yield Static("", id="practice-week")
        yield OneLineInput(placeholder=_("Something to practise this week"), id="practice-field")
        yield FieldMessage(id="practice-message")

    @property
    def _tasks(self) -> Repository[PracticeTask]:
        return Repository.of(self.companion.database, PracticeTask)

    def shown(self) -> None:
        tasks = sorted(this_weeks_practice(self._tasks), key=lambda t: t.created)
        lines = [f"{_MARKS[t.status]} {t.text}" for t in tasks]
        self.query_one("#practice-week", Static).update(
            Content(_("This week so far:") + "\n" + "\n".join(lines))
            if lines
            else _("Nothing agreed for this week yet.")
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
            field, message, lambda t: PracticeTask(text=t), self._tasks, _("Added for this week.")
        ):
            self.added.append(text)
            self.draft = ""
            self.shown()
            return True
        return False

    def lines(self) -> list[str]:
        if not self.added:
            return []
        return [one_line(THIS_WEEK.format(tasks="; ".join(self.added)))]
