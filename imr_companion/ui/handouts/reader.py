"""Reading one handout, one section at a time, with its exercises as forms.

The reader calls down only: it shows a section's forms in `PageForms`
(page_forms.py), which keeps what they report, and asks it to keep them all
before the page turns. The forms never call the reader."""

from __future__ import annotations

from functools import partial
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Markdown, Static
from textual.worker import WorkType

from imr_companion import clock, content, i18n, progress
from imr_companion.content import ContentError, Handout, Section
from imr_companion.i18n import N_, _
from imr_companion.models import Answer, PracticeTask, Reading, Record
from imr_companion.progress import after_sheet_chosen, language_note, reader_place, resume_at
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.practice import this_weeks_practice
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.frame import area_screen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.handouts.exercise_form import ExerciseForm
from imr_companion.ui.handouts.exercise_kinds import form_for
from imr_companion.ui.handouts.list_form import ListForm
from imr_companion.ui.handouts.page_forms import PageForms
from imr_companion.ui.handouts.page_place import PagePlace
from imr_companion.ui.handouts.practice_form import PracticeForm, added_marks
from imr_companion.ui.handouts.words import WordsScreen
from imr_companion.ui.keys.declared import READER

R = TypeVar("R", bound=Record)


class ReaderScreen(area_screen.AreaScreen):
    MODE = "handouts"
    # Pages of many Markdown widgets: collected as they go, not at once (it raised the peak memory).
    HOLDS_COLLECTOR = False
    DEFAULT_CSS = stylesheet.beside(__file__, "reader.tcss")
    BINDINGS = READER.bindings()  # declared once: ui/keys/declared.py

    def __init__(self, handout_id: str, section_id: str | None = None) -> None:
        super().__init__()
        self._first = (handout_id, section_id)
        self.handout: Handout | None = None
        self.reading: Reading | None = None
        self._saved_reading: Reading | None = None
        self.sections: list[Section] = []
        self.index = 0
        self._page = PageForms()
        self._asked_sheet = False
        self._keys_shown: tuple[bool, ...] = ()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="where"):
            yield Static("", id="module-title")
            yield Static("", id="position")
        with VerticalScroll(id="page"):
            yield Static("", id="language-note")
            yield Markdown("", id="text", open_links=False)
            yield self._page
            key = partial(key_for, self)
            with Horizontal(id="nav"):
                yield Button(_("← Back ({key})").format(key=key("turn(-1)")), id="back", compact=True)
                yield Button(_("Next ({key}) →").format(key=key("turn(1)")), id="next", compact=True)
                yield Button("", id="done", compact=True)
                yield Button(_("Library ({key})").format(key=key("leave")), id="library", compact=True)

    async def on_mount(self) -> None:
        await self.open(*self._first)

    # --- the store -----------------------------------------------------------

    def _table(self, model: type[R]) -> Repository[R]:
        return Repository.of(self.companion.database, model)

    def _keep_reading(self, *, later: bool = False, **changes: object) -> bool:
        """Change the reading progress and save it, now or just after the next frame.

        Turning a page saves later, so the new section is on screen first. The progress in
        memory is always the newest; a failed save is tried again with the next, calmly told.
        """
        assert self.reading is not None
        if any(getattr(self.reading, name) != value for name, value in changes.items()):
            updated = self.reading.touched(**changes)
            assert isinstance(updated, Reading)
            self.reading = updated
        if later:
            self.call_after_refresh(self._save_reading)
            return True
        return self._save_reading()

    def _save_reading(self) -> bool:
        if self.reading is None or self.reading == self._saved_reading:
            return True
        try:
            self._table(Reading).save(self.reading)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return False
        self._saved_reading = self.reading
        return True

    # --- showing a section ---------------------------------------------------

    def _kept_everything(self, own_tasks: bool = True) -> bool:
        """Save the page before leaving it; if something cannot be saved, stay and say where."""
        if self.commit_all(own_tasks):
            return True
        form = self._page.needing_a_look()
        if form is not None:
            self.query_one("#page", VerticalScroll).scroll_to_widget(form, animate=False)
        self.notify(_("Something here needs a look first: the message is next to it."), severity="warning")
        return False

    async def open(self, handout_id: str, section_id: str | None = None, own: str | None = None) -> None:
        """Show `handout_id` at `section_id`, or where the person stopped; `own`: the same page shown
        again, a task of the person's own still being typed (not added as on leaving the page)."""
        if not self._kept_everything(own_tasks=own is None):
            return
        try:
            handout = content.handout(handout_id, i18n.language())
        except (ContentError, OSError):
            self.notify(progress.unreadable_words(), severity="warning")
            self.dismiss()
            return
        if handout is None:
            self.notify(
                _("That handout is not here any more. Anything you wrote for it is still kept."),
                severity="warning",
            )
            self.dismiss()
            return
        self.handout = handout
        self._save_reading()
        self._saved_reading = self._table(Reading).get(handout_id)
        self.reading = self._saved_reading or Reading.of(handout_id)
        self._page.answers = {
            a.exercise: a for a in self._table(Answer).where("handout", handout_id, handout_id)
        }
        self._asked_sheet = self.reading.sheet is not None
        self.sections = handout.sections_for(self.reading.sheet)
        ids = [s.id for s in self.sections]
        index = (
            ids.index(section_id)
            if section_id in ids
            else resume_at(self.reading.read, self.reading.current, ids)
        )
        await self._show(index, own=own or "")

    async def _show(self, index: int, read: str | None = None, own: str = "") -> None:
        """Show section `index`; `read`: a section just read to the end; `own`: see `open`."""
        assert self.handout is not None and self.reading is not None
        self.index = index
        section = self.sections[index]
        widgets: list[ExerciseForm | PracticeForm] = []
        for exercise_id in section.exercises:
            exercise = self.handout.exercise(exercise_id)
            if exercise is not None:
                widgets.append(form_for(self.handout.id, exercise, self._page.answers.get(exercise_id)))
        if section.is_practice:
            this_week = added_marks(this_weeks_practice(self._table(PracticeTask)))
            practice = key_for(self, "practice")
            widgets.append(PracticeForm(self.handout.id, self.handout.practice, this_week, practice, own))
        page = self.query_one("#page", VerticalScroll)
        with self.app.batch_update():
            # One frame for the whole new page, not one per step.
            await self.query_one("#text", Markdown).update(section.markdown)
            await self._page.show(widgets)
            self._show_place()
            page.scroll_home(animate=False)
            page.focus()
        read_list = self.reading.read
        if read and read not in read_list:
            read_list = [*read_list, read]
        self._keep_reading(later=True, current=section.id, read=read_list)

    def _show_place(self) -> None:
        assert self.handout is not None and self.reading is not None
        handout = self.handout
        title, position = reader_place(handout, self.reading, self.index, len(self.sections))
        self.query_one("#module-title", Static).update(Content(title))
        self.query_one("#position", Static).update(position)
        note = self.query_one("#language-note", Static)
        note.update(language_note(handout))
        note.display = bool(note.content)
        last = self.index == len(self.sections) - 1
        self.query_one("#back", Button).disabled = self.index == 0
        self.query_one("#next", Button).display = not last
        done_button = self.query_one("#done", Button)
        is_done = self.reading.done
        done_key = key_for(self, "mark_done(False)" if is_done else "mark_done(True)")
        if is_done:
            done_button.label = _("Not done after all ({key})").format(key=done_key)
        else:
            done_button.label = _("Mark module done ({key})").format(key=done_key)
        done_button.refresh(layout=True)  # a new label needs a new width
        done_button.display = last
        # The footer is rebuilt on refresh_bindings(), which costs a frame's worth
        # of time: only when the keys on offer change.
        keys = (self.reading.done, self.sections[self.index].is_practice, bool(handout.sheets))
        if keys != self._keys_shown:
            self._keys_shown = keys
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.reading is None or self.handout is None:
            return True
        if action == "mark_done":
            return parameters[0] != self.reading.done
        if action == "choose_sheet":
            return bool(self.handout.sheets)
        return True

    # --- moving through the module -------------------------------------------

    @on(Button.Pressed, "#next, #back")
    async def _turn_pressed(self, event: Button.Pressed) -> None:
        await self.action_turn(1 if event.button.id == "next" else -1)

    async def action_turn(self, step: int) -> None:
        if self.handout is None or self.reading is None:
            return
        here = self.sections[self.index]
        target = self.index + step
        if target < 0:
            self.notify(_("This is the first section."), timeout=2)
            return
        if not self._kept_everything():
            return
        if target >= len(self.sections):
            if here.id not in self.reading.read:
                self._keep_reading(read=[*self.reading.read, here.id])
            self._show_place()
            back = key_for(self, "leave")
            if self.reading.done:
                last = _("That was the last section. Press {back} to go back to the library.").format(
                    back=back
                )
            else:
                last = _(
                    "That was the last section. Press {done} to mark the module done, "
                    "or {back} to go back to the library."
                ).format(done=key_for(self, "mark_done(True)"), back=back)
            self.notify(last, timeout=4)
            return
        read = here.id if step > 0 else None
        if step > 0 and self._wants_sheet(self.sections[target]):
            self._ask_sheet(read)
            return
        await self._show(target, read=read)

    def _wants_sheet(self, section: Section) -> bool:
        assert self.handout is not None and self.reading is not None
        return (
            bool(self.handout.sheets)
            and self.reading.sheet is None
            and section.sheet is not None
            and not (self._asked_sheet)
        )

    def _ask_sheet(self, read: str | None = None) -> None:
        from imr_companion.ui.handouts.sheet_chooser import SheetChooser

        assert self.handout is not None and self.reading is not None
        self._asked_sheet = True
        here = self.sections[self.index]

        async def chosen(sheet: str | None) -> None:
            assert self.handout is not None and self.reading is not None
            if read and read not in self.reading.read:
                self._keep_reading(read=[*self.reading.read, read])
            if sheet is not None:
                self._keep_reading(sheet=sheet)
            self.sections, index = after_sheet_chosen(self.handout, self.reading, here, sheet, read)
            await self._show(index)

        chooser = SheetChooser(self.handout, self.reading.sheet, key_for(self, "choose_sheet"))
        self.app.push_screen(chooser, chosen)

    def action_choose_sheet(self) -> None:
        if self.handout is not None and self.handout.sheets and self._kept_everything():
            self._ask_sheet()

    @on(Button.Pressed, "#done")
    def _done_pressed(self) -> None:
        if self.reading is not None:
            self.action_mark_done(not self.reading.done)

    def action_mark_done(self, done: bool) -> None:
        if self.handout is None or self.reading is None:
            return
        self.commit_all()
        here = self.sections[self.index].id
        read = self.reading.read
        if done and here not in read:
            # Marking it done from a section means that section was read.
            read = [*read, here]
        undone = N_("The module is marked as it was before.")
        with self.companion.undo_history.change(undone, (self._table(Reading), self.reading.id)):
            if not self._keep_reading(done=done, done_on=clock.today() if done else None, read=read):
                return
        number, undo = self.handout.number, key_for(self.app, "undo")
        if done:
            self.notify(
                _("Module {number} is marked done. {undo} undoes it.").format(number=number, undo=undo)
            )
        else:
            self.notify(
                _("Module {number} is not marked done any more. {undo} undoes it.").format(
                    number=number, undo=undo
                )
            )
        self._show_place()

    @on(Button.Pressed, "#library")
    def _library_pressed(self) -> None:
        self.action_leave(force=True)

    def action_leave(self, force: bool = False) -> None:
        """Escape leaves a field first (so keys work again), then the reader."""
        focused = self.focused
        if not force and focused is not None and self._page in focused.ancestors:
            for form in focused.ancestors:
                if isinstance(form, ExerciseForm):
                    self._page.save_answer(form)
            self.query_one("#page").focus()
            return
        if self._kept_everything():
            self.dismiss()

    def action_practice(self) -> None:
        from imr_companion.ui.handouts.practice import open_practice

        if self._kept_everything():
            open_practice(self.app)

    # --- answers and practice ------------------------------------------------

    def commit_all(self, own_tasks: bool = True) -> bool:
        """Save the reading progress and every form on the page; True if nothing is left to fix."""
        self._save_reading()
        return self._page.keep_all(own_tasks)

    def action_words(self) -> None:
        if self.handout is not None:
            self.app.push_screen(WordsScreen(self.handout))

    def action_save(self) -> None:
        if self.commit_all():
            self.notify(_("Saved."), timeout=2)
        else:
            self.notify(_("Something needs a look: the message is next to it."), severity="warning")

    def focus_next(self, selector="*"):
        before = self.focused
        after = super().focus_next(selector)
        target = ListForm.tab_target(before, after)
        if target is not None:
            target.focus()
        return target or after

    def has_unsaved_text(self) -> bool:
        # Drafts are saved as they are; only one that cannot be saved yet is unsaved.
        return not self.commit_all()

    def keep_writing(self) -> bool:
        """The window is closing: the answers are saved as on leaving; True if any words were."""
        before = self.companion.database.version
        self.commit_all()
        return self.companion.database.version != before

    def on_screen_suspend(self) -> None:
        self.commit_all(own_tasks=False)  # the page stays, a task being typed still in its field

    def on_screen_resume(self) -> None:
        # Back from a modal or another area: practice added or removed elsewhere shows here.
        for practice in self.query(PracticeForm):
            practice.refresh_added(added_marks(this_weeks_practice(self._table(PracticeTask))))

    def on_unmount(self) -> None:
        self.commit_all()

    def refresh_data(self) -> None:
        show: WorkType[None] = self._show_again  # a function: a worker replaced unstarted leaves nothing
        self.run_worker(show, exclusive=True)

    async def _show_again(self) -> None:
        """Changed under the page (an undo, a restore): shown as stored, the person's place kept."""
        if self.handout is not None:
            place = PagePlace(self.query_one("#page", VerticalScroll), self.focused)
            section = self.sections[self.index].id if self.sections else None
            await self.open(self.handout.id, section, own=self._page.own_draft())
            place.find_again()
