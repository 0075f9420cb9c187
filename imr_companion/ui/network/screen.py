"""The network card: the people in a person's life, as a list and as a map of rings."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from imr_companion.i18n import _
from imr_companion.layout.network_map import map_label
from imr_companion.models.network import (
    LIFE_AREA_SHORT,
    LIFE_AREA_WORDS,
    RINGS,
    Person,
    card_order,
    facts,
    moved_area,
    moved_ring,
    people_phrase,
    ring_counts,
    ring_name,
    summary,
)
from imr_companion.store import Repository, SaveError
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.data_stamp import data_stamp
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.common.lists.row_list import Row, RowList
from imr_companion.ui.keys.declared import NETWORK
from imr_companion.ui.network.map import MapLegend, NetworkMap

NAME_COLUMN = 24
"""Names in the list are padded to this many cells (at most) so that the life areas line up."""
WIDE = 110
"""From this many columns the list and the map are shown side by side."""


def empty_words(screen: NetworkScreen) -> str:
    return _(
        "Your network card is empty for now. Press {key} to add someone: family, friends, neighbours, "
        "people from work or activities, your doctor or support worker. Everyone in your life counts."
    ).format(key=key_for(screen, "add"))


# The confirm dialog is imported by the actions that ask: its module cost a first open ~12 ms.


def person_rows(people: list[Person]) -> list[Row]:
    """People by ring, each ring under a heading with its count; life areas line up in a column."""
    names = {person.id: map_label(person.name) for person in people}
    column = min(NAME_COLUMN, max((cell_len(name) for name in names.values()), default=0))
    rows: list[Row] = []
    for ring in RINGS:
        group = [person for person in people if person.ring == ring]
        if not group:
            continue
        rows.append(Row(f"{ring_name(ring)} · {people_phrase(len(group))}"))
        for person in group:
            marks = [_(LIFE_AREA_SHORT[person.area])]
            if person.notices_signs:
                marks.append(_("notices signs"))
            if person.call_for_help:
                marks.append(_("call for help"))
            name = names[person.id]
            rows.append(Row(name + " " * max(0, column - cell_len(name)), person.id, " · ".join(marks)))
    return rows


def person_detail(person: Person) -> Text:
    text = Text()
    text.append(person.name, style="bold")
    for line in facts(person):
        text.append("\n" + line)
    return text


class NetworkScreen(AreaScreen):
    MODE = "network"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = NETWORK.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None
        self._people: list[Person] = []
        self._by_id: dict[str, Person] = {}
        self.selected: str | None = None
        self.view = "map"
        """What shows on a narrow screen: "map" or "list"."""

    def compose_body(self) -> ComposeResult:
        self._fit(self.app.size.width)  # styled with its classes as it mounts, not restyled after
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Static("", id="empty")
                yield RowList(id="people")
                yield Static("", id="detail")
            with Vertical(id="map-pane"):
                yield NetworkMap(id="map")
                yield MapLegend(id="legend")
                yield Static("", id="chosen")
                yield Static("", id="summary")

    @property
    def repository(self) -> Repository[Person]:
        return Repository.of(self.companion.database, Person)

    def on_mount(self) -> None:
        self._fit(self.size.width)
        self.refresh_data()
        self._focus_view()

    def on_screen_resume(self) -> None:
        if self._shown != data_stamp(self.companion.database):
            self.refresh_data()

    def on_resize(self) -> None:
        self._fit(self.size.width)

    def _fit(self, width: int) -> None:
        wide = width >= WIDE
        changed = wide != self.has_class("-wide")
        view = self.view
        wanted = {"-wide": wide, "-narrow": not wide, "-map": view == "map", "-list": view == "list"}
        if any(self.has_class(name) != on for name, on in wanted.items()):
            # One restyle of the whole screen for all four classes, not one for each.
            for name, on in wanted.items():
                self.set_class(on, name, update=False)
            if self.is_mounted:
                self.update_node_styles()
        self.refresh_bindings()
        if changed and self.is_mounted:
            # The focused pane may just have been hidden (or the list shown beside the map).
            self.call_after_refresh(self._focus_view)

    def _focus_view(self) -> None:
        if self.has_class("-narrow") and self.view == "map":
            self.query_one(NetworkMap).focus()
        else:
            self.query_one(RowList).focus()

    # --- Showing ----------------------------------------------------------

    def refresh_data(self) -> None:
        self._shown = data_stamp(self.companion.database)
        self._people = card_order(self.repository.all())
        self._by_id = {person.id: person for person in self._people}
        self._show(self.selected)

    def _show(self, keep: str | None) -> None:
        people = self._people
        rows = self.query_one(RowList)
        rows.set_rows(person_rows(people), keep_key=keep)
        current = rows.current
        self.selected = current.key if current else None
        self.query_one(NetworkMap).show(people, self.selected)
        empty = self.query_one("#empty", Static)
        words = empty_words(self)
        empty.update(words)
        empty.display = not people
        rows.display = bool(people)
        # Side by side, the invitation shows once, in the list; on its own the map says it too.
        self.set_class(not people, "-empty")
        self.query_one("#summary", Static).update(Text("\n".join(summary(people)) if people else words))
        self.query_one(MapLegend).show(ring_counts(people) if people else None)
        self._show_selected()

    def _show_selected(self) -> None:
        person = self._by_id.get(self.selected or "")
        self.query_one("#detail", Static).update(person_detail(person) if person else "")
        self.query_one("#detail").display = person is not None
        chosen = Text(no_wrap=True, overflow="ellipsis")
        if person:
            chosen.append("▸ ")
            chosen.append(map_label(person.name), style="bold")
            words = [ring_name(person.ring).lower(), _(LIFE_AREA_WORDS[person.area]).lower()]
            if person.notices_signs:
                words.append(_("notices signs"))
            if person.call_for_help:
                words.append(_("call for help"))
            chosen.append(" · " + " · ".join(words))
        self.query_one("#chosen", Static).update(chosen)

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        self.selected = event.row.key if event.row else None
        self.query_one(NetworkMap).choose(self.selected)
        self._show_selected()

    @on(NetworkMap.Chosen)
    def _chosen_on_map(self, event: NetworkMap.Chosen) -> None:
        rows = self.query_one(RowList)
        if event.step:
            rows.action_move(event.step)
            return
        index = rows.index_of(event.person_id)
        if index is not None:
            rows.move_to(index)

    def _person(self) -> Person | None:
        return self._by_id.get(self.selected or "")

    # --- Acting -----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_view":
            return self.has_class("-narrow") and parameters[0] != self.view
        return True

    def action_switch_view(self, view: str = "") -> None:
        self.view = view or ("list" if self.view == "map" else "map")
        self._fit(self.size.width)
        self._focus_view()

    def action_add(self) -> None:
        from imr_companion.ui.network.person_editor import PersonEditor

        def done(person: Person | None) -> None:
            if person:
                self.selected = person.id
                self.refresh_data()
                self._say_saved(person, added=True)

        self.app.push_screen(PersonEditor(), done)

    def action_edit(self) -> None:
        person = self._person()
        if person is None:
            self.action_add()
            return
        from imr_companion.ui.network.person_editor import PersonEditor

        def done(updated: Person | None) -> None:
            if updated:
                self.refresh_data()
                self._say_saved(updated, added=False)

        self.app.push_screen(PersonEditor(person), done)

    def _say_saved(self, person: Person, added: bool) -> None:
        twins = [p for p in self._people if p.id != person.id and p.name.casefold() == person.name.casefold()]
        if twins:
            message = (
                _("Added to your card. There are now {count} people called {name}; each is kept apart.")
                if added
                else _("Saved. There are now {count} people called {name}; each is kept apart.")
            ).format(count=len(twins) + 1, name=person.name)
        else:
            message = _("Added to your card.") if added else _("Saved.")
        self.notify(message, timeout=4)

    def action_remove(self) -> None:
        from imr_companion.ui.common.dialogs.confirm import confirm_then_remove

        person = self._person()
        if person is None:
            return

        def removed() -> None:
            self.selected = self._neighbour(person.id)
            self.refresh_data()
            self._focus_view()

        confirm_then_remove(
            self,
            Text(
                _(
                    "Take {name} off your network card?\n\nWhat you noted about them will be removed too."
                ).format(name=person.name)
            ),
            lambda: self.repository.remove(person.id),
            records=((self.repository, person.id),),
            done=removed,
            removed=_("{name} is no longer on your card. {undo} brings them back.").format(
                name=person.name, undo=key_for(type(self.app), "undo")
            ),
            undone=_("{name} is back on your card.").format(name=person.name),
            yes=_("Remove"),
            no=_("Keep"),
            timeout=4,
        )

    def _neighbour(self, person_id: str) -> str | None:
        """The person after (or else before) `person_id` in the list, to choose once they are gone."""
        ids = [person.id for person in self._people]
        index = ids.index(person_id)
        rest = ids[index + 1 :] + ids[:index][::-1]
        return rest[0] if rest else None

    def _change(self, person: Person, message: str = "", **changes: object) -> None:
        """One change to one person: one write, and a short word about it if the screen does not show it."""
        try:
            self.repository.save(person.touched(**changes))
        except SaveError as error:
            self.notify(str(error), severity="warning")
            return
        self.refresh_data()
        if message:
            # Quick changes one after another: show only the newest word, not a stack of them.
            self.app.clear_notifications()
            self.notify(message, timeout=3)

    def action_move(self, step: int) -> None:
        person = self._person()
        if person is None:
            return
        ring = moved_ring(person.ring, step)
        if ring is None:
            where = (
                _("{name} is already in the closest ring.")
                if step < 0
                else _("{name} is already in the outer ring.")
            )
            self.notify(where.format(name=person.name), timeout=3)
            return
        # The map, the list and the line under the map all show the move; no message needed.
        self._change(person, ring=ring)

    def action_area(self, step: int) -> None:
        person = self._person()
        if person is None:
            return
        area = moved_area(person.area, step)
        self._change(person, area=area)

    def action_mark(self, mark: str) -> None:
        person = self._person()
        if person is None:
            return
        on = not getattr(person, mark)
        if mark == "notices_signs":
            words = (
                _("{name}: notices your early warning signs.")
                if on
                else _("{name}: no longer marked as noticing your signs.")
            )
        else:
            words = (
                _("{name}: someone you call when you need help.")
                if on
                else _("{name}: no longer marked to call for help.")
            )
        self._change(person, words.format(name=person.name), **{mark: on})


def read_ahead() -> None:
    """The stylesheets of this screen and its widgets, parsed before its first open (ui/starting.py)."""
    stylesheet.read_ahead(NetworkScreen, NetworkMap, MapLegend, RowList, Static, Horizontal, Vertical)
