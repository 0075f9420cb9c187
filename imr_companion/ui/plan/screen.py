"""My plan: the relapse prevention plan, section by section, in the person's own words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static
from textual.worker import Worker, WorkerState

from imr_companion import clock
from imr_companion.i18n import _, date_words, ngettext
from imr_companion.models import Plan
from imr_companion.models.plan import SECTIONS, changes, last_looked_over, review_due
from imr_companion.store import SaveError
from imr_companion.store.queries.plan import (
    load_plan,
    newest_version,
    people_by_id,
    save_plan,
)
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.data_stamp import data_stamp
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.declared import PLAN
from imr_companion.ui.plan.section import SectionPane
from imr_companion.ui.plan.tools import PlanTools


def status_line(plan: Plan, newest_review, change_count: int, keys: dict[str, str] | None = None) -> str:
    """Where the plan stands, in one calm line; `keys` are the keys of the actions it names."""
    keys = {"add": "a", "review": "r", "versions": "v", **(keys or {})}
    if plan.is_empty:
        return _("Your plan, in your own words. Choose a section and press {key} to add.").format(
            key=keys["add"]
        )
    today = clock.today()
    if review_due(plan, newest_review, today):
        return ngettext(
            "A good time to look your plan over (every {count} day). Press {key} when ready.",
            "A good time to look your plan over (every {count} days). Press {key} when ready.",
            plan.review_days,
        ).format(count=plan.review_days, key=keys["review"])
    if newest_review is None:
        return _("Not looked over yet. Press {key} to go through it, one section at a time.").format(
            key=keys["review"]
        )
    upcoming = last_looked_over(plan, newest_review) + timedelta(days=plan.review_days)
    looked = date_words(newest_review, "short_year")
    if change_count:
        return ngettext(
            "Looked over on {day} · {count} change since ({key}) · next around {next}",
            "Looked over on {day} · {count} changes since ({key}) · next around {next}",
            change_count,
        ).format(
            day=looked, count=change_count, key=keys["versions"], next=date_words(upcoming, "short_year")
        )
    return _("Looked over on {day} · next around {next}").format(
        day=looked, next=date_words(upcoming, "short_year")
    )


class PlanScreen(AreaScreen):
    MODE = "plan"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = PLAN.bindings()  # declared once: ui/keys/declared.py

    def compose_body(self) -> ComposeResult:
        yield Static("", id="plan-status")
        with Horizontal(id="plan-panes"):
            with Vertical(id="plan-side"):
                yield RowList(id="sections")
                yield PlanTools(id="tools")
            yield SectionPane(id="pane")

    @property
    def pane(self) -> SectionPane:
        return self.query_one(SectionPane)

    @property
    def sections(self) -> RowList:
        return self.query_one("#sections", RowList)

    def on_mount(self) -> None:
        self.query_one("#sections").border_title = _("Sections")
        self.refresh_data()
        self.sections.focus()

    _shown: tuple | None = None

    def on_screen_resume(self) -> None:
        if self._shown != data_stamp(self.companion.database):
            self.refresh_data()

    def refresh_data(self) -> None:
        self._shown = data_stamp(self.companion.database)
        database = self.companion.database
        plan = load_plan(database)
        newest = newest_version(database)  # not all of them: years of reviews are many plans
        # The plan itself is PlanContent: its snapshot() (a copy validated again, whose validator
        # pydantic builds at its first use, ~15 ms) would compare the same entries.
        count = len(changes(newest.content, plan)) if newest else 0
        keys = {"review": key_for(self, "review"), "versions": key_for(self, "versions")}
        self.query_one("#plan-status", Static).update(
            status_line(plan, newest.reviewed_on if newest else None, count, keys)
        )
        self._show_sections(plan)
        self.pane.show(plan, people_by_id(database))

    def _show_sections(self, plan: Plan) -> None:
        rows = [Row(s.title, s.field, str(len(getattr(plan, s.field)) or "")) for s in SECTIONS]
        self.sections.set_rows(rows, keep_key=self.pane.field)

    @on(RowList.Highlighted, "#sections")
    def _section_chosen(self, event: RowList.Highlighted) -> None:
        if event.row and event.row.key and event.row.key != self.pane.field:
            self.pane.show(
                load_plan(self.companion.database), people_by_id(self.companion.database), event.row.key
            )

    @on(SectionPane.Changed)
    def _plan_changed(self) -> None:
        self.refresh_data()

    def action_enter(self) -> None:
        if self.sections.has_focus:
            self.pane.focus_entries()
        elif self.pane.query_one(RowList).has_focus:
            self.pane.change()

    def action_to_entries(self) -> None:
        self.pane.focus_entries()

    def action_to_sections(self) -> None:
        self.sections.focus()

    def action_entry(self, name: str) -> None:
        getattr(self.pane, name)()

    # --- the rest of the plan's tools ---------------------------------

    def action_review(self) -> None:
        from imr_companion.ui.plan.review import ReviewScreen

        self.app.push_screen(ReviewScreen(versions_key=key_for(type(self), "versions")))

    def action_history(self) -> None:
        from imr_companion.ui.plan.checkin_history import CheckInHistory

        self.app.push_screen(CheckInHistory())

    def action_toolbox(self) -> None:
        self.companion.open_coping()

    def action_versions(self) -> None:
        from imr_companion.ui.plan.versions import PlanVersions

        self.app.push_screen(PlanVersions(review_key=key_for(type(self), "review")))

    def action_reminders(self) -> None:
        from imr_companion.ui.plan.editor import PlanReminders

        def keep(plan: Plan) -> str | None:
            try:
                save_plan(self.companion.database, plan)
            except SaveError as error:
                return str(error)
            return None

        def done(plan: Plan | None) -> None:
            if plan is not None:
                self.notify(_("Saved."))
                self.refresh_data()

        self.app.push_screen(PlanReminders(load_plan(self.companion.database), keep), done)

    def action_save_file(self) -> None:
        from imr_companion.ui.common.dialogs.save_file import SaveFilePrompt

        def chosen(path: Path | None) -> None:
            if path is not None:
                from imr_companion.export import plan_markdown

                self._write_plan(path, plan_markdown(self.companion.database))

        # Translators: the start of a file name; letters, digits and '-' only.
        name = _("my-plan") + f"-{clock.today():%Y-%m-%d}.md"
        self.app.push_screen(SaveFilePrompt(_("Save your plan as a file"), name), chosen)

    @work(thread=True, exit_on_error=False, group="plan-file")
    def _write_plan(self, path: Path, text: str) -> Path:
        from imr_companion.store.files.chosen_file import write_chosen

        # The one writer of chosen files: in UTF-8, never over the data file, a backup or a link.
        return write_chosen(path, text, self.companion.data_folder)

    @on(Worker.StateChanged)
    def _written(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "plan-file":
            return
        if event.state == WorkerState.SUCCESS:
            self.notify(
                _("Your plan is saved in {path}. It is private: share it only if you choose to.").format(
                    path=event.worker.result
                ),
                timeout=8,
            )
        elif event.state == WorkerState.ERROR:
            from imr_companion.store.files.chosen_file import UnsafePlace

            error = event.worker.error
            if isinstance(error, UnsafePlace):
                self.notify(str(error), severity="warning")
                return
            from imr_companion.store.errors import plain_reason

            # In plain words, not the system's ("Errno 28"...).
            reason = plain_reason(error) if isinstance(error, OSError) else _("the file could not be written")
            self.notify(
                _("Your plan could not be saved there ({reason}). Nothing else changed.").format(
                    reason=reason
                ),
                severity="warning",
            )


def read_ahead() -> None:
    """The stylesheets of this screen and its widgets, parsed before its first open (ui/starting.py)."""
    stylesheet.read_ahead(PlanScreen, SectionPane, PlanTools, RowList, Button, Static, Horizontal, Vertical)
