"""Looking the plan over: each section in turn ("Is this still true?"), then today's date stamped.

Changes made on the way are saved as they are made, like anywhere else in
the plan. Finishing keeps a copy of the plan as it now stands (a
PlanVersion), so the next review can show what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.models import PlanVersion
from imr_companion.models.plan import SECTIONS, PlanContent, change_line, changes
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import load_plan, people_by_id, versions_newest_first
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.keys_footer import KeysFooter
from imr_companion.ui.plan.section import SectionPane

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp

FINISH = len(SECTIONS)


def changes_text(previous: PlanContent | None, current: PlanContent, fields: set[str] | None = None) -> Text:
    """What changed, a line each under its section's title, named in words (never colour alone)."""
    text = Text()
    title = ""
    for change in changes(previous, current):
        if fields is not None and change.section.field not in fields:
            continue
        if fields is None and change.section.title != title:
            title = change.section.title
            text.append(title + "\n", style="bold")
        text.append(("  " if fields is None else "") + change_line(change) + "\n")
    text.rstrip()
    return text


class ReviewScreen(Screen):
    DEFAULT_CSS = stylesheet.beside(__file__, "review.tcss")
    BINDINGS = [
        Binding("y", "next", "Next"),
        Binding("b", "back", "Back"),
        Binding("a", "entry('add')", "Add"),
        # Change and Remove are on the buttons under the list: the footer keeps room for Quit.
        Binding("e", "entry('change')", "Change", show=False),
        Binding("d", "entry('remove_entry')", "Remove", show=False),
        Binding("shift+up", "entry('move_up')", "Move up", show=False),
        Binding("shift+down", "entry('move_down')", "Move down", show=False),
        Binding("enter", "entry('change')", "Change", show=False),
        Binding("escape", "stop", "Stop for now"),
    ]

    @property
    def companion(self) -> CompanionApp:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return cast("CompanionApp", self.app)

    def __init__(self) -> None:
        super().__init__()
        self.step = 0
        self.previous: PlanVersion | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="review-progress")
        yield Static("", id="review-question")
        yield Static("", id="review-since")
        yield SectionPane(SECTIONS[0].field)
        with VerticalScroll(id="review-summary"):
            yield Static("", id="review-summary-text")
        with Horizontal(id="review-buttons"):
            yield Button("Back (b)", id="back", compact=True)
            yield Button("Stop for now (esc)", id="stop", compact=True)
            yield Static("", id="spacer")
            yield Button("Yes, still true (y)", id="next", compact=True, variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        versions = versions_newest_first(self.companion.database)
        self.previous = versions[0] if versions else None
        self._show()

    @property
    def pane(self) -> SectionPane:
        return self.query_one(SectionPane)

    def _show(self) -> None:
        database = self.companion.database
        plan = load_plan(database)
        finishing = self.step == FINISH
        before = f" since {self.previous.reviewed_on:%d %b %Y}" if self.previous else ""
        self.pane.display = not finishing
        self.query_one("#review-summary").display = finishing
        self.query_one("#back", Button).disabled = self.step == 0
        progress = self.query_one("#review-progress", Static)
        question = self.query_one("#review-question", Static)
        since = self.query_one("#review-since", Static)
        if finishing:
            progress.update(f"Looking over your plan · done: all {FINISH} sections")
            question.update("That was every section. Stamp today's date on your plan?")
            summary = changes_text(self.previous.content if self.previous else None, plan.snapshot())
            if self.previous is None:
                summary = Text("Your first review. Your plan as it is now is kept, for next time.")
            elif not summary:
                summary = Text(f"Nothing changed{before}: your plan still fits.")
            else:
                summary = Text.assemble(Text(f"What changed{before}:\n\n", style="bold"), summary)
            self.query_one("#review-summary-text", Static).update(summary)
            since.display = False
            self._label_next("Done: stamp today's date (y)")
            self.query_one("#next", Button).focus()
            return
        section = SECTIONS[self.step]
        progress.update(f"Looking over your plan · {self.step + 1} of {FINISH}: {section.title}")
        if getattr(plan, section.field):
            question.update("Is this still true? Change what no longer fits, then go on.")
            self._label_next("Yes, still true (y)")
        else:
            question.update("Nothing here yet. Press a to add something, or go on to the next section.")
            self._label_next("Next section (y)")
        self.pane.show(plan, people_by_id(database), section.field)
        self._show_since(plan.snapshot())
        self.pane.focus_entries()

    def _label_next(self, label: str) -> None:
        button = self.query_one("#next", Button)
        button.label = label
        button.refresh(layout=True)  # a new label may need a new width

    def _show_since(self, current: PlanContent) -> None:
        since = self.query_one("#review-since", Static)
        field = SECTIONS[self.step].field
        if self.previous is None:
            since.display = False
            return
        text = changes_text(self.previous.content, current, {field})
        if text:
            text = Text.assemble(Text(f"Changed since {self.previous.reviewed_on:%d %b %Y}:\n"), text)
        since.update(text)
        since.display = bool(text)

    @on(SectionPane.Changed)
    def _changed(self, event: SectionPane.Changed) -> None:
        self._show_since(event.plan.snapshot())

    def action_entry(self, name: str) -> None:
        if self.step < FINISH:
            getattr(self.pane, name)()

    @on(Button.Pressed, "#next")
    def action_next(self) -> None:
        if self.step < FINISH:
            self.step += 1
            self._show()
        else:
            self._stamp()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self._show()

    @on(Button.Pressed, "#stop")
    def action_stop(self) -> None:
        self.dismiss()
        self.app.notify("Stopped for now. Your changes are kept; the date is stamped when you finish.")

    def _stamp(self) -> None:
        database = self.companion.database
        version = PlanVersion(reviewed_on=clock.today(), content=load_plan(database).snapshot())
        try:
            Repository.of(database, PlanVersion).add(version)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.dismiss()
        self.app.notify(f"Looked over today, {clock.today():%d %B}. Earlier versions are kept (v).")
