"""One section of the plan: its entries, and adding, changing, moving and removing them.

Used by the plan screen and by the review walk-through, so that changing an
entry works the same way in both. Each change is one write of the plan.
"""

from __future__ import annotations

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from imr_companion.i18n import _
from imr_companion.models import Person, Plan
from imr_companion.models.plan import PLAN_ID, SECTION_BY_FIELD, SECTION_LIMIT, Entry, entry_words
from imr_companion.store import Repository, SaveError
from imr_companion.store.queries.plan import load_plan, people_by_id, save_plan
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList


class SectionPane(Vertical):
    DEFAULT_CSS = """
    SectionPane { border: round $primary 40%; border-title-color: $text; padding: 0 1; }
    SectionPane:focus-within { border: round $primary; }
    SectionPane #hint { color: $text-muted; height: auto; }
    SectionPane #entries { height: 1fr; min-height: 3; margin-top: 1; }
    SectionPane #empty { color: $text-muted; height: auto; margin-top: 1; }
    SectionPane #entry-detail { height: auto; max-height: 4; color: $text; }
    SectionPane #entry-buttons { height: 1; margin-top: 1; }
    SectionPane #entry-buttons Button { margin-right: 1; min-width: 0; }
    """

    class Changed(Message):
        """The plan was saved with a change to this section."""

        def __init__(self, plan: Plan) -> None:
            super().__init__()
            self.plan = plan

    def __init__(self, field: str = "well", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.field = field
        self._entries: list[Entry] = []
        self._people: dict[str, Person] = {}

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    @property
    def section(self):
        return SECTION_BY_FIELD[self.field]

    def compose(self) -> ComposeResult:
        yield Static("", id="hint")
        yield Static("", id="empty")
        yield RowList(id="entries")
        yield Static("", id="entry-detail")
        with Horizontal(id="entry-buttons"):
            yield Button(_("Add ({key})").format(key=self._key("add")), id="add", compact=True)
            yield Button(_("Change ({key})").format(key=self._key("change")), id="change", compact=True)
            yield Button(_("Up"), id="up", compact=True, tooltip=_("Move up (shift+up)"))
            yield Button(_("Down"), id="down", compact=True, tooltip=_("Move down (shift+down)"))
            yield Button(_("Remove ({key})").format(key=self._key("remove_entry")), id="remove", compact=True)

    def _key(self, name: str) -> str:
        """The key of an entry action on the screen the pane is on (My plan, or the review)."""
        return key_for(self.screen, f"entry('{name}')")

    def show(self, plan: Plan, people: dict[str, Person], field: str | None = None) -> None:
        """Show `field` (or the section shown now) of `plan`."""
        keep = self._current_id() if field in (None, self.field) else None
        self.field = field or self.field
        self._people = people
        self._entries = list(getattr(plan, self.field))
        section = self.section
        self.border_title = section.title
        self.query_one("#hint", Static).update(section.hint)
        rows = []
        for number, entry in enumerate(self._entries, start=1):
            text, detail = entry_words(entry, people)
            prefix = f"{number}. " if self.field == "steps" else ""
            rows.append(Row(prefix + text, entry.id, detail))
        self.query_one(RowList).set_rows(rows, keep_key=keep)
        empty = self.query_one("#empty", Static)
        empty.update(
            _("Nothing here yet. Press {key} (or Add) to write the first one.").format(key=self._key("add"))
        )
        empty.display = not rows
        self.query_one(RowList).display = bool(rows)
        for button in ("#change", "#up", "#down", "#remove"):
            self.query_one(button, Button).disabled = not rows
        self._show_detail()

    def refresh_entries(self) -> None:
        self.show(load_plan(self.companion.database), people_by_id(self.companion.database))

    def focus_entries(self) -> None:
        entries = self.query_one(RowList)
        if entries.display:
            entries.focus()
        else:
            self.query_one("#add", Button).focus()

    def _current_id(self) -> str | None:
        row = self.query_one(RowList).current
        return row.key if row else None

    def _current(self) -> Entry | None:
        key = self._current_id()
        return next((e for e in self._entries if e.id == key), None)

    def on_resize(self) -> None:
        self._show_detail()

    @on(RowList.Highlighted, "#entries")
    def _show_detail(self) -> None:
        # The list shows one line per entry; the whole of a long one shows below it.
        entry = self._current()
        detail = Text()
        # Before the list is laid out its width is 0 and every entry would seem too long:
        # the pane's Resize comes after the layout and asks again.
        width = self.query_one(RowList).size.width
        if entry is not None and width:
            text, more = entry_words(entry, self._people)
            needed = 1 + len(text) + (2 + len(more) if more else 0)
            if needed > width:
                detail.append(text)
                if more:
                    detail.append(f"\n{more}", style="dim")
        detail_widget = self.query_one("#entry-detail", Static)
        detail_widget.update(detail)
        detail_widget.display = bool(detail)

    # --- changes ------------------------------------------------------

    def _store(self, change) -> str | None:
        """Apply `change(entries) -> entries` to the stored plan and save it; a calm sentence on failure."""
        plan = load_plan(self.companion.database)
        entries = change(list(getattr(plan, self.field)))
        try:
            updated = plan.touched(**{self.field: entries})
        except ValidationError:
            return _("This is too long to keep in the plan; please make it a little shorter.")
        try:
            saved = save_plan(self.companion.database, updated)
        except SaveError as error:
            return str(error)
        self.show(saved, self._people)
        self.post_message(self.Changed(saved))
        return None

    def _keep(self, entry: Entry) -> str | None:
        def put(entries: list[Entry]) -> list[Entry]:
            for index, existing in enumerate(entries):
                if existing.id == entry.id:
                    entries[index] = entry
                    return entries
            return [*entries, entry]

        problem = self._store(put)
        if problem is None:
            self.query_one(RowList).move_to(self.query_one(RowList).index_of(entry.id) or 0)
        return problem

    @on(Button.Pressed, "#add")
    def add(self) -> None:
        if len(self._entries) >= SECTION_LIMIT:
            self.notify(
                _(
                    "This part of the plan holds up to {count} lines. A short plan is easier to use; "
                    "perhaps one of these could be changed or let go."
                ).format(count=SECTION_LIMIT)
            )
            return
        self._edit(None)

    @on(Button.Pressed, "#change")
    def change(self) -> None:
        entry = self._current()
        if entry is not None:
            self._edit(entry)

    def _edit(self, entry: Entry | None) -> None:
        from imr_companion.ui.plan.editor import EntryEditor

        people = sorted(self._people.values(), key=lambda p: p.name.casefold())
        self.app.push_screen(EntryEditor(self.section, entry, people, self._keep), self._edited)

    def _edited(self, entry: Entry | None) -> None:
        if entry is not None:
            self.notify(_("Saved."))
            self.focus_entries()

    @on(Button.Pressed, "#up")
    def move_up(self) -> None:
        self.move(-1)

    @on(Button.Pressed, "#down")
    def move_down(self) -> None:
        self.move(1)

    def move(self, step: int) -> None:
        entry = self._current()
        if entry is None:
            return
        index = next(i for i, e in enumerate(self._entries) if e.id == entry.id)
        target = index + step
        if not 0 <= target < len(self._entries):
            return

        def swap(entries: list[Entry]) -> list[Entry]:
            ids = [e.id for e in entries]
            if entry.id in ids:
                at = ids.index(entry.id)
                if 0 <= at + step < len(entries):
                    entries[at], entries[at + step] = entries[at + step], entries[at]
            return entries

        problem = self._store(swap)
        if problem:
            self.notify(problem, severity="warning")
            return
        rows = self.query_one(RowList)
        rows.move_to(rows.index_of(entry.id) or 0)

    @on(Button.Pressed, "#remove")
    def remove_entry(self) -> None:
        """Remove the chosen entry, once the person confirms (not Widget.remove: the section stays)."""
        # Imported when first needed: the dialogs' module costs My plan's first open ~12 ms.
        from imr_companion.ui.common.dialogs.confirm import confirm_then_remove

        entry = self._current()
        if entry is None:
            return
        text, _detail = entry_words(entry, self._people)

        confirm_then_remove(
            self,
            _("Remove this from “{section}”?\n\n“{words}”").format(section=self.section.title, words=text),
            lambda: self._store(lambda entries: [e for e in entries if e.id != entry.id]),
            records=((Repository.of(self.companion.database, Plan), PLAN_ID),),
            done=self.focus_entries,
            removed=_("Removed. ctrl+z brings it back."),
            undone=_("It is back in your plan."),
            yes=_("Remove"),
        )
