"""Looking the plan over: each section in turn ("Is this still true?"), then today's date stamped.

Changes made on the way are saved as they are made, like anywhere else in
the plan. Finishing keeps a copy of the plan as it now stands (a
PlanVersion), so the next review can show what changed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from imr_companion import clock
from imr_companion.i18n import N_, _, date_words
from imr_companion.models import PlanVersion
from imr_companion.models.plan import SECTIONS, PlanContent, change_line, changes
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import load_plan, people_by_id, versions_newest_first
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.declared import REVIEW
from imr_companion.ui.plan.section import SectionPane

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
    BINDINGS = REVIEW.bindings()  # declared once: ui/keys/declared.py

    @property
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def __init__(self, versions_key: str) -> None:
        super().__init__()
        self.versions_key = versions_key
        """The plan's key for its earlier versions, named when the review is kept."""
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
            yield Button(_("Back ({key})").format(key=key_for(self, "back")), id="back", compact=True)
            yield Button(_("Stop for now (esc)"), id="stop", compact=True)
            yield Static("", id="spacer")
            yield Button(
                self._next_words(N_("Yes, still true ({key})")), id="next", compact=True, variant="primary"
            )
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
        self.pane.display = not finishing
        self.query_one("#review-summary").display = finishing
        self.query_one("#back", Button).disabled = self.step == 0
        progress = self.query_one("#review-progress", Static)
        question = self.query_one("#review-question", Static)
        since = self.query_one("#review-since", Static)
        if finishing:
            progress.update(_("Looking over your plan · done: all {count} sections").format(count=FINISH))
            question.update(_("That was every section. Stamp today's date on your plan?"))
            summary = changes_text(self.previous.content if self.previous else None, plan.snapshot())
            if self.previous is None:
                summary = Text(_("Your first review. Your plan as it is now is kept, for next time."))
            else:
                before = date_words(self.previous.reviewed_on, "short_year")
                if not summary:
                    summary = Text(_("Nothing changed since {day}: your plan still fits.").format(day=before))
                else:
                    heading = Text(_("What changed since {day}:").format(day=before) + "\n\n", style="bold")
                    summary = Text.assemble(heading, summary)
            self.query_one("#review-summary-text", Static).update(summary)
            since.display = False
            self._label_next(N_("Done: stamp today's date ({key})"))
            self.query_one("#next", Button).focus()
            return
        section = SECTIONS[self.step]
        progress.update(
            _("Looking over your plan · {number} of {count}: {section}").format(
                number=self.step + 1, count=FINISH, section=section.title
            )
        )
        if getattr(plan, section.field):
            question.update(_("Is this still true? Change what no longer fits, then go on."))
            self._label_next(N_("Yes, still true ({key})"))
        else:
            question.update(
                _("Nothing here yet. Press {key} to add something, or go on to the next section.").format(
                    key=key_for(self, "entry('add')")
                )
            )
            self._label_next(N_("Next section ({key})"))
        self.pane.show(plan, people_by_id(database), section.field)
        self._show_since(plan.snapshot())
        self.pane.focus_entries()

    def _next_words(self, label: str) -> str:
        """`label` (English words marked N_, naming {key}) in the person's language with the key of Next."""
        return _(label).format(key=key_for(self, "next"))

    def _label_next(self, label: str) -> None:
        button = self.query_one("#next", Button)
        button.label = self._next_words(label)
        button.refresh(layout=True)  # a new label may need a new width

    def _show_since(self, current: PlanContent) -> None:
        since = self.query_one("#review-since", Static)
        field = SECTIONS[self.step].field
        if self.previous is None:
            since.display = False
            return
        text = changes_text(self.previous.content, current, {field})
        if text:
            day = date_words(self.previous.reviewed_on, "short_year")
            text = Text.assemble(Text(_("Changed since {day}:").format(day=day) + "\n"), text)
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
        self.app.notify(_("Stopped for now. Your changes are kept; the date is stamped when you finish."))

    def _stamp(self) -> None:
        database = self.companion.database
        version = PlanVersion(reviewed_on=clock.today(), content=load_plan(database).snapshot())
        try:
            Repository.of(database, PlanVersion).add(version)
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.dismiss()
        self.app.notify(
            _("Looked over today, {day}. Earlier versions are kept ({key}).").format(
                day=date_words(clock.today(), "date"), key=self.versions_key
            )
        )
