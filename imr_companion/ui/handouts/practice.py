"""This week's practice: every task, newest week first; add, tick done, let go, change, delete."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from imr_companion import clock, content, i18n
from imr_companion.i18n import N_, _, date_words, pgettext
from imr_companion.models import PracticeTask
from imr_companion.models.group import AGREED, GROUP_SOURCE
from imr_companion.models.practice import PracticeStatus, week_start
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.dialogs.confirm import confirm_then_remove
from imr_companion.ui.common.fields.field_message import FieldMessage
from imr_companion.ui.common.fields.quick_add import add_from_field
from imr_companion.ui.common.fields.text_fields import OneLineInput
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.declared import IN_LIST, PRACTICE, WRITING_A_TASK

MARKS = {PracticeStatus.OPEN: "○", PracticeStatus.DONE: "✓", PracticeStatus.LET_GO: "–"}


def status_words(task: PracticeTask) -> str:
    if task.status == PracticeStatus.DONE:
        if task.finished_on:
            # Translators: a practice task ticked done on a day, "done Tue 10 Mar".
            return _("done {day}").format(day=date_words(task.finished_on, "week_day"))
        return pgettext("practice task", "done")
    if task.status == PracticeStatus.LET_GO:
        return pgettext("practice task", "let go")
    return ""


def source_words(task: PracticeTask) -> str:
    """'from Module 3' for a handout's task; '' for one the person wrote."""
    kind, _sep, ident = (task.source or "").partition(":")
    if kind == "handout":
        handout = content.readable_handout(ident.partition(":")[0], i18n.language())
        return _("from Module {number}").format(number=handout.number) if handout else _("from a handout")
    if kind == GROUP_SOURCE:
        return _(AGREED)
    return ""


def week_heading(monday: date, today: date) -> str:
    if monday == week_start(today):
        return _("This week, from {day}").format(day=date_words(monday, "day"))
    return _("Week of {date}").format(date=date_words(monday, "date"))


def practice_rows(tasks: list[PracticeTask], today: date) -> list[Row]:
    weeks: dict[date, list[PracticeTask]] = {}
    for task in sorted(tasks, key=lambda t: (t.week_of, t.created), reverse=True):
        weeks.setdefault(week_start(task.week_of), []).append(task)
    this_week = week_start(today)
    weeks.setdefault(this_week, [])
    rows: list[Row] = []
    for monday in sorted(weeks, reverse=True):
        group = sorted(weeks[monday], key=lambda t: t.created)
        rows.append(Row(week_heading(monday, today)))
        for task in group:
            detail = "  ".join(w for w in (status_words(task), source_words(task)) if w)
            rows.append(Row(f"{MARKS[task.status]} {task.text}", task.id, detail))
    return rows


def open_practice(app: App) -> None:
    """This week's practice in the Handouts area, from anywhere in the app."""
    if app.current_mode != "handouts":
        app.switch_mode("handouts")
    if not isinstance(app.screen, PracticeScreen):
        app.push_screen(PracticeScreen())


class PracticeScreen(AreaScreen):
    """The field "Write a task of your own" has the focus whenever the screen is
    shown, so words typed there are a task, never the list's keys; the list's
    keys (x, l, e, d) work once the person moves to the list (Tab or the down arrow)."""

    MODE = "handouts"
    DEFAULT_CSS = stylesheet.beside(__file__, "practice.tcss")
    BINDINGS = PRACTICE.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._by_id: dict[str, PracticeTask] = {}

    def has_unsaved_text(self) -> bool:
        return bool(self.query_one("#new-task", Input).value.strip())

    def keep_writing(self) -> bool:
        """The window is closing: a task being written is shown at the next start, to be copied."""
        text = self.query_one("#new-task", Input).value
        if text.strip():
            from imr_companion.ui.closing import keep_words

            keep_words(self.companion, [text])
        return False

    def compose_body(self) -> ComposeResult:
        yield Static(_("This week's practice"), id="title")
        yield OneLineInput(
            placeholder=_("Write a task of your own for this week, then press Enter"),
            id="new-task",
        )
        yield FieldMessage(id="new-task-message")
        yield RowList(id="tasks")
        yield Static("", id="empty")
        yield Static("", id="detail")
        with Horizontal(id="actions"):
            yield Button("", id="done", compact=True)
            yield Button("", id="let-go", compact=True)
            yield Button(_("Change ({key})").format(key=key_for(self, "edit")), id="edit", compact=True)
            yield Button(_("Delete ({key})").format(key=key_for(self, "delete")), id="delete", compact=True)

    @property
    def repository(self) -> Repository[PracticeTask]:
        return Repository.of(self.companion.database, PracticeTask)

    @property
    def field(self) -> Input:
        return self.query_one("#new-task", Input)

    def on_mount(self) -> None:
        self.refresh_data()
        self.set_focus(self.field)

    def on_screen_resume(self) -> None:
        # Back from a window or another area: the field again, so the next letters are text.
        self.set_focus(self.field, scroll_visible=False)
        self.refresh_data()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the field has the focus its letters are text: the footer shows only what works there.
        # By id, not query_one: the footer may ask while the screen is being taken down, its field gone.
        writing = self.focused is not None and self.focused.id == "new-task"
        when = PRACTICE.when(action)
        if when == WRITING_A_TASK:
            return writing
        if when == IN_LIST:
            return not writing
        return True

    def action_to_list(self) -> None:
        self.query_one(RowList).focus()

    def refresh_data(self) -> None:
        tasks = self.repository.all()
        self._by_id = {t.id: t for t in tasks}
        rows = self.query_one(RowList)
        rows.set_rows(practice_rows(tasks, clock.today()), keep_key=self._current_key())
        empty = self.query_one("#empty", Static)
        empty.update(
            _("Nothing here yet. Type a task above, or add one from a handout's 'Try this week' section.")
        )
        empty.display = not tasks
        self._show_detail()

    def _current_key(self) -> str | None:
        row = self.query_one(RowList).current
        return row.key if row else None

    def _selected(self) -> PracticeTask | None:
        key = self._current_key()
        return self._by_id.get(key) if key else None

    @on(RowList.Highlighted)
    def _show_detail(self) -> None:
        task = self._selected()
        detail = Text()
        if task is not None:
            detail.append(task.text)
            words = ", ".join(w for w in (status_words(task), source_words(task)) if w)
            if task.together_with:
                together = _("together with {name}").format(name=task.together_with)
                words = ", ".join(w for w in (words, together) if w)
            if words:
                detail.append(f"\n{words}", style="dim")
        self.query_one("#detail", Static).update(detail)
        done = self.query_one("#done", Button)
        is_done = task is not None and task.status == PracticeStatus.DONE
        done_key, let_go_key = key_for(self, "mark('done')"), key_for(self, "mark('let_go')")
        if is_done:
            done.label = _("Not done yet ({key})").format(key=done_key)
        else:
            done.label = _("Done ({key})").format(key=done_key)
        let_go = self.query_one("#let-go", Button)
        is_let_go = task is not None and task.status == PracticeStatus.LET_GO
        if is_let_go:
            let_go.label = _("Take it up again ({key})").format(key=let_go_key)
        else:
            let_go.label = _("Let go ({key})").format(key=let_go_key)
        for button in self.query("#actions Button").results(Button):
            button.disabled = task is None
            button.refresh(layout=True)  # a new label needs a new width

    # --- adding --------------------------------------------------------------

    def action_add(self) -> None:
        self.field.focus()

    @on(Input.Submitted, "#new-task")
    def _add(self, event: Input.Submitted) -> None:
        self._add_typed()

    def _add_typed(self) -> bool:
        """Add what the field holds as a task; False if it could not be (the message says why)."""
        message = self.query_one("#new-task-message", FieldMessage)
        saved = _("Added to this week. Another one is welcome too.")
        build = lambda text: PracticeTask(text=text)  # noqa: E731
        task = add_from_field(self.field, message, build, self.repository, saved)
        if task is None:
            return False
        self.refresh_data()
        rows = self.query_one(RowList)
        index = rows.index_of(task.id)
        if index is not None:
            rows.move_to(index)
        return True

    # --- ticking, letting go -------------------------------------------------

    @on(Button.Pressed, "#done")
    def _done_pressed(self) -> None:
        self.action_mark("done")

    @on(Button.Pressed, "#let-go")
    def _let_go_pressed(self) -> None:
        self.action_mark("let_go")

    def action_mark(self, status: str) -> None:
        task = self._selected()
        if task is None:
            return
        wanted = PracticeStatus(status)
        # Pressing the same key again undoes it: the task is open again.
        new = PracticeStatus.OPEN if task.status == wanted else wanted
        finished = clock.today() if new != PracticeStatus.OPEN else None
        changed = task.touched(status=new, finished_on=finished)
        if not self.save(changed, undone=N_("The practice task is as it was before.")):
            return
        said = {
            PracticeStatus.DONE: N_("Ticked done. {undo} undoes it."),
            PracticeStatus.LET_GO: N_("Let go. That is fine: {undo} undoes it, or take it up again later."),
            PracticeStatus.OPEN: N_("Open again. {undo} undoes it."),
        }[new]
        self.notify(_(said).format(undo=key_for(self.app, "undo")))

    def save(self, task: PracticeTask, undone: str) -> bool:
        """Save `task` so that ctrl+z can take it back (`undone` is said then)."""
        try:
            with self.companion.undo_history.change(undone, (self.repository, task.id)):
                self.repository.save(task)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        self.refresh_data()
        return True

    # --- changing and deleting -----------------------------------------------

    @on(Button.Pressed, "#edit")
    def action_edit(self) -> None:
        task = self._selected()
        if task is None:
            return
        from imr_companion.ui.handouts.practice_editor import PracticeEditor

        def done(updated: PracticeTask | None) -> None:
            if updated is not None:
                self.notify(_("Saved."), timeout=2)
                self.refresh_data()

        self.app.push_screen(PracticeEditor(task), done)

    @on(Button.Pressed, "#delete")
    def action_delete(self) -> None:
        task = self._selected()
        if task is None:
            return

        confirm_then_remove(
            self,
            Text.assemble(_("Delete this practice task?"), "\n\n“", task.text, "”"),
            lambda: self.repository.remove(task.id),
            records=((self.repository, task.id),),
            done=self.refresh_data,
            removed=_("Deleted. {undo} brings it back.").format(undo=key_for(self.app, "undo")),
            undone=N_("The practice task is back."),
        )

    def action_leave(self) -> None:
        # Words written and not yet added are kept as a task (as in the reader's
        # "Try this week"); if they cannot be, the message says why and the screen stays.
        if self.field.value.strip():
            if not self._add_typed():
                self.set_focus(self.field)
                return
            self.notify(_("What you wrote is added to this week's practice."), timeout=3)
        self.dismiss()
