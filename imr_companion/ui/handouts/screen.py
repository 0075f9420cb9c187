"""Handouts: the eleven modules with how far the person has read, and Continue."""

from __future__ import annotations

import importlib
import sys
from functools import partial
from typing import Any

from rich.cells import cell_len, set_cell_size
from textual import on
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from imr_companion.i18n import _, ngettext, pgettext
from imr_companion.layout.text import shorten
from imr_companion.progress import (
    Place,
    language_note,
    place_in,
    progress_bar,
    readable_library,
    readings,
    unreadable_words,
    where_to_continue,
)
from imr_companion.store.queries import today_reads
from imr_companion.ui.common import stylesheet
from imr_companion.ui.common.data_stamp import data_stamp
from imr_companion.ui.common.frame.area_screen import AreaScreen
from imr_companion.ui.common.key_names import key_for
from imr_companion.ui.keys.declared import HANDOUTS

# One module per line: "1   Recovery strategies   ███░░░░░  3/11  25 min  ✓ done".
NUMBER_CELLS = 4
TAIL_CELLS = 26
"""Progress bar, read of total and minutes after the title; the done mark's cells come on top."""


def done_mark() -> str:
    # Translators: after a module in the library, when the person marked it done. Short: it is a column.
    return pgettext("library", "✓ done")


def title_room(width: int) -> int:
    return max(10, width - NUMBER_CELLS - TAIL_CELLS - cell_len(done_mark()))


def library_row(place: Place, width: int) -> Content:
    handout = place.handout
    bar = progress_bar(place.read, place.total)
    # Translators: minutes a module takes to read, in a column 6 cells wide ("25 min").
    minutes = _("{minutes} min").format(minutes=f"{handout.minutes:>2}")
    tail = f"  {bar} {place.read:>2}/{place.total:<2}  {set_cell_size(minutes, 6)}  "
    mark = done_mark()
    tail += mark if place.reading.done else " " * cell_len(mark)
    # Left-aligned numbers: the list drops a line's leading spaces.
    head = f"{handout.number:<{NUMBER_CELLS}}"
    room = title_room(width)
    return Content(head + set_cell_size(shorten(handout.title, room), room) + tail)


def library_header(width: int) -> str:
    # Translators: the library's column headings, over the module titles, the progress bars and the minutes.
    module, read, time = (
        pgettext("library", "Module"),
        pgettext("library", "Read"),
        pgettext("library", "Time"),
    )
    return (
        " " * NUMBER_CELLS + set_cell_size(module, title_room(width)) + "  " + set_cell_size(read, 16) + time
    )


GROUP = "group"
"""A meeting's kind in the settings when it is an IMR group (models.group.MeetingKind.GROUP)."""


def group_words(meeting: dict[str, Any] | None, key: str) -> str:
    """One quiet line about the person's group under the library: where it is, or a gentle question.

    `meeting` as stored in the settings (store/queries/today_reads.settings): Handouts opens without
    pydantic or the models for a checked file."""
    if meeting is None:
        return _("In an IMR group? Press {key} to tell the app which module it is on.").format(key=key)
    if meeting.get("kind", GROUP) != GROUP:
        return ""
    if meeting.get("module") is None:
        return _("Press {key} to tell the app which module your group is on.").format(key=key)
    return _("Your group is on module {number}. Continue goes to your own place.").format(
        number=meeting["module"]
    )


READER = "imr_companion.ui.handouts.reader"
READER_IMPORT_DELAY = 0.3
"""Seconds after the library mounts: its own first frame comes first, not slowed by the import."""


def open_reader(app: App, handout_id: str, section_id: str | None = None) -> None:
    """Show a handout in the Handouts area, from anywhere in the app."""
    from imr_companion.ui.handouts.reader import ReaderScreen

    if app.current_mode != "handouts":
        app.switch_mode("handouts")
    if isinstance(app.screen, ReaderScreen):
        app.screen.run_worker(app.screen.open(handout_id, section_id), exclusive=True)
    else:
        app.push_screen(ReaderScreen(handout_id, section_id))


def read_ahead() -> None:
    """The handouts in the person's language, read and checked before Handouts is first opened
    (ui/starting.py, in a thread): about 20 ms that its first open would otherwise wait for; and
    the stylesheets of the screen and its widgets."""
    from textual.containers import Horizontal

    readable_library()
    stylesheet.read_ahead(HandoutsScreen, Button, OptionList, Static, Horizontal)


class HandoutsScreen(AreaScreen):
    MODE = "handouts"
    DEFAULT_CSS = stylesheet.beside(__file__, "screen.tcss")
    BINDINGS = HANDOUTS.bindings()  # declared once: ui/keys/declared.py

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None
        self._places: list[Place] = []
        self._continue: Place | None = None

    def compose_body(self) -> ComposeResult:
        from textual.containers import Horizontal

        with Horizontal(id="buttons"):
            yield Button("", id="continue", compact=True, variant="primary")
            yield Button(
                _("This week's practice ({key})").format(key=key_for(self, "practice")),
                id="practice",
                compact=True,
            )
        yield Static("", id="columns")
        yield OptionList(id="modules")
        yield Static("", id="about")
        yield Static("", id="group")

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one(OptionList).focus()
        self.set_timer(READER_IMPORT_DELAY, self._import_reader)

    def _import_reader(self) -> None:
        # The reader's module (with Textual's Markdown, markdown-it and linkify) takes
        # 40-55 ms to import: imported in the background while the person looks at the
        # library, Continue opens the reader that much sooner. A failure here is only
        # a missed head start: opening the reader imports it again and says what failed.
        if READER not in sys.modules:
            self.run_worker(partial(importlib.import_module, READER), thread=True, exit_on_error=False)

    def on_screen_resume(self) -> None:
        if self._shown != data_stamp(self.companion.database):
            self.refresh_data()

    def on_resize(self) -> None:
        self._show_rows()

    def refresh_data(self) -> None:
        self._shown = data_stamp(self.companion.database)
        by_handout = readings(self.companion.database)
        library = readable_library()
        self._places = [place_in(h, by_handout.get(h.id)) for h in library or ()]
        found = where_to_continue(by_handout) if library is not None else None
        button = self.query_one("#continue", Button)
        if library is None:
            self._continue = None
            button.label = _("The handouts cannot be read just now.")
            button.disabled = True
            self.query_one("#about", Static).update(unreadable_words())
        elif found is None:
            self._continue = None
            button.label = _("All modules are done. Choose one to read again.")
            button.disabled = True
        else:
            place, started = found
            self._continue = place
            key = key_for(self, "continue")
            if started:
                button.label = _("Continue ({key}): {place}").format(key=key, place=place.phrase())
            else:
                button.label = _("Start ({key}): {place}").format(key=key, place=place.phrase())
            button.disabled = False
        button.refresh(layout=True)  # a new label needs a new width
        self._show_rows()
        self.query_one("#group", Static).update(group_words(self._meeting(), key_for(self, "group")))

    def _meeting(self) -> dict[str, Any] | None:
        return today_reads.settings(self.companion.database).get("meeting")

    def _opening_row(self) -> int:
        """Where the list opens: the group's module, else where the person would continue."""
        meeting = self._meeting()
        if meeting is not None and meeting.get("kind", GROUP) == GROUP and meeting.get("module"):
            return int(meeting["module"]) - 1
        return self._continue.handout.number - 1 if self._continue is not None else 0

    def _show_rows(self) -> None:
        modules = self.query_one(OptionList)
        if not self._places:
            return
        width = max(40, (modules.scrollable_content_region.width or self.size.width - 4) - 1)
        highlighted = modules.highlighted
        modules.set_options(Option(library_row(place, width), id=place.handout.id) for place in self._places)
        if highlighted is None:
            highlighted = self._opening_row()
        modules.highlighted = highlighted if highlighted is not None else 0
        self.query_one("#columns", Static).update(Content(library_header(width)))

    @on(OptionList.OptionHighlighted, "#modules")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        place = self._places[event.option_index]
        handout = place.handout
        if place.reading.done:
            # Translators: about a module the person marked done.
            state = pgettext("module", "Done.")
        else:
            state = ngettext(
                "{read} of {total} section read.", "{read} of {total} sections read.", place.total
            ).format(read=place.read, total=place.total)
        minutes = ngettext("About {minutes} minute.", "About {minutes} minutes.", handout.minutes).format(
            minutes=handout.minutes
        )
        # Enter is the list's own key (Textual's OptionList), named as the footer names it.
        opens = _("{key} opens {section}.").format(key="Enter", section=place.section_phrase)
        lines = [f"{handout.number}. {handout.title}", handout.summary, f"{minutes} {state} {opens}"]
        if note := language_note(handout):
            lines.append(note)
        self.query_one("#about", Static).update(Content("\n".join(lines)))

    @on(OptionList.OptionSelected, "#modules")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        place = self._places[event.option_index]
        open_reader(self.app, place.handout.id, place.section.id)

    @on(Button.Pressed, "#continue")
    def action_continue(self) -> None:
        if self._continue is not None:
            open_reader(self.app, self._continue.handout.id, self._continue.section.id)

    def action_group(self) -> None:
        from imr_companion.ui.group.setup import set_up

        set_up(self.app)

    @on(Button.Pressed, "#practice")
    def action_practice(self) -> None:
        from imr_companion.ui.handouts.practice import open_practice

        open_practice(self.app)
