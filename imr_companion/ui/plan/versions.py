"""Earlier versions of the plan, one per review, and what changed each time."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from imr_companion.i18n import _, date_words, ngettext
from imr_companion.models import PlanVersion
from imr_companion.models.plan import SECTIONS, PlanContent, changes, entry_line
from imr_companion.store.queries.plan import load_plan, people_by_id, versions_newest_first
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.frame.keys_footer import KeysFooter
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.dialogs import VERSIONS
from imr_companion.ui.plan.review import changes_text

NOW = "now"


def plan_text(content: PlanContent, people: dict | None = None) -> Text:
    text = Text()
    for section in SECTIONS:
        entries = getattr(content, section.field)
        if not entries:
            continue
        text.append(section.title + "\n", style="bold")
        for number, entry in enumerate(entries, start=1):
            mark = f"{number}." if section.field == "steps" else "-"
            text.append(f"  {mark} {entry_line(entry, people)}\n")
    return text


class PlanVersions(Screen):
    DEFAULT_CSS = stylesheet.beside(__file__, "versions.tcss")
    BINDINGS = VERSIONS.bindings()

    @property
    def companion(self) -> Companion:
        """The app as IMR Companion's own (its data, settings, together mark), typed."""
        return companion_of(self)

    def __init__(self, review_key: str) -> None:
        super().__init__()
        self.review_key = review_key
        """The plan's key for looking it over, named while there are no versions yet."""

    def compose(self) -> ComposeResult:
        yield Static(
            _("Earlier versions of your plan: one is kept each time you look it over"), id="versions-title"
        )
        with Horizontal(id="versions-panes"):
            yield RowList(id="versions")
            with VerticalScroll():
                yield Static("", id="version-text")
        yield KeysFooter()

    def on_mount(self) -> None:
        database = self.companion.database
        self.versions = versions_newest_first(database)
        self.current = load_plan(database).snapshot()
        self.people = people_by_id(database)
        rows = []
        if self.versions:
            count = len(changes(self.versions[0].content, self.current))
            changed = (
                ngettext("{count} change", "{count} changes", count).format(count=count) if count else ""
            )
            rows.append(Row(_("Now"), NOW, changed))
        for version in self.versions:
            together = _("with {name}").format(name=version.together_with) if version.together_with else ""
            rows.append(Row(date_words(version.reviewed_on, "short_year"), version.id, together))
        self.query_one(RowList).set_rows(rows)
        self.query_one(RowList).focus()
        if not self.versions:
            self.query_one("#version-text", Static).update(
                _(
                    "No earlier versions yet. Each time you look over your plan ({key}), "
                    "a copy is kept here, so you can see how it grew."
                ).format(key=self.review_key)
            )

    @on(RowList.Highlighted)
    def _show(self, event: RowList.Highlighted) -> None:
        if not event.row or not event.row.key:
            return
        self.query_one("#version-text", Static).update(self._describe(event.row.key))
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def _describe(self, key: str) -> Text:
        if key == NOW:
            newest = self.versions[0]
            day = date_words(newest.reviewed_on, "date")
            text = Text(_("Since you looked it over on {day}").format(day=day) + "\n\n", style="bold")
            changed = changes_text(newest.content, self.current)
            text.append_text(changed or Text(_("Nothing has changed since then.")))
            return text
        index = next(i for i, v in enumerate(self.versions) if v.id == key)
        version: PlanVersion = self.versions[index]
        older = self.versions[index + 1] if index + 1 < len(self.versions) else None
        day = date_words(version.reviewed_on, "date")
        if version.together_with:
            looked = _("Looked over on {day} together with {name}").format(
                day=day, name=version.together_with
            )
        else:
            looked = _("Looked over on {day}").format(day=day)
        text = Text(looked + "\n\n", style="bold")
        if older is None:
            text.append(_("Your first review.") + "\n")
        else:
            changed = changes_text(older.content, version.content)
            since = _("What changed since {day}:").format(day=date_words(older.reviewed_on, "date"))
            text.append(since + "\n", style="italic")
            text.append_text(changed or Text(_("Nothing: the plan still fit.")))
        text.append("\n\n" + _("The plan as it was then") + "\n", style="bold underline")
        text.append_text(plan_text(version.content))
        return text

    def action_back(self) -> None:
        self.dismiss()
