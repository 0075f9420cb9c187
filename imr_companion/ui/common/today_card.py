"""The base of every small card on Today.

Each area that has something to say today adds a TodayCard subclass and one
entry to TODAY_CARDS in the manifest (areas.py). A card hides itself when it has
nothing to say, so Today stays a calm, short column.

A card's keys are its own BINDINGS: they act only while the card has the
focus, which a person gives it on purpose (Tab or the down arrow from the
good-moment field). Letters typed in the field are always text, so a word
like "slept" can never mark a step done. A card shows its keys ("Done (s)")
only while it has the focus, where they work; a click works at any time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches

from imr_companion.i18n import _
from imr_companion.ui.common.companion import Companion, companion_of
from imr_companion.ui.common.textual_internals import is_exiting

if TYPE_CHECKING:
    from textual.widget import Widget

    from imr_companion.store import Database


class TodayCard(Vertical, can_focus=True):
    DEFAULT_CLASSES = "card"
    # The cards' styles (the card with the focus standing out, a line of links with the class
    # "actions") are Today's stylesheet's: ui/today/screen.tcss.
    # The cards sit in a scrolling column whose own up and down keys would
    # scroll it once there are more cards than fit: the arrows move from card
    # to card instead (Today's card_up/card_down), and moving scrolls as needed.
    BINDINGS: ClassVar = [
        Binding("down", "screen.card_down", show=False),
        Binding("up", "screen.card_up", show=False),
    ]
    TITLE: ClassVar[str] = ""
    """The card's title in English, marked with N_(): drawn through _()."""

    @classmethod
    def shows(cls, database: Database) -> bool:
        """Whether the card has something to say now (as its refresh_data decides), read cheaply:
        Today mounts a card only once it shows, so a card with nothing to say costs no widgets."""
        return True

    @classmethod
    def read_ahead(cls, database: Database) -> None:
        """In the reading thread, before the card is mounted (ui/starting.prepare_the_cards): fill a
        cache of what the card reads that is not the person's data (a handout's text), so that its
        mounting on the app's thread does not wait for it. Nothing here may touch a widget or the
        data file; a failure only loses the head start (the card reads it again as it mounts)."""

    def on_mount(self) -> None:
        self.border_title = _(self.TITLE) if self.TITLE else ""
        self.refresh_while_open()

    def focus_on_click(self) -> bool:
        # A click does the thing clicked; the focus stays where the person was
        # writing, so the next letters typed are text, not this card's keys.
        return False

    @property
    def keys_shown(self) -> bool:
        """True while the card has the focus: its keys work, so its labels name them."""
        # Not has_focus: that is set after this card's own on_focus has run.
        return self.is_attached and self.screen.focused is self

    def label(self, plain: str, with_key: str) -> str:
        """`with_key` ("Done (s)") while the card has the focus, else `plain` ("Done"):
        elsewhere the key would type in the field, so naming it would not be true."""
        return with_key if self.keys_shown else plain

    def on_focus(self) -> None:
        self.refresh_while_open()

    def on_blur(self) -> None:
        self.refresh_while_open()

    def refresh_while_open(self) -> None:
        """refresh_data(), unless the app is closing and the card's parts are gone.

        Quitting in the first split second can unmount a card between its
        mount and its first look at the data; that is no reason to crash.
        """
        try:
            self.refresh_data()
        except NoMatches:
            if self.is_attached and self.app.is_running and not is_exiting(self.app):
                raise
            return
        if not self.display and self.keys_shown:
            # A card with nothing left to say hides; its keys go with it.
            self.screen.set_focus(None)

    def part(self, part_id: str, make: Callable[[], Widget], before: str | None = None) -> Widget:
        """The card's part `part_id` (a line shown only at times), shown: made and mounted the first
        time it is (before the part `before`, else last). Every widget on Today is made, styled and
        laid out as the cards appear, a hidden one too: a line hidden at the start costs nothing."""
        for found in self.query(f"#{part_id}"):
            found.display = True
            return found
        made = make()
        made.id = part_id
        self.mount(made, before=f"#{before}" if before else None)
        return made

    async def part_mounted(
        self, part_id: str, make: Callable[[], Widget], before: str | None = None
    ) -> Widget:
        """part(), returned once the part is mounted where it is made now: the change it shows
        can then be laid out and painted in one frame (paint_now), not a frame for the card and
        another a tick later for the new line's own layout."""
        for found in self.query(f"#{part_id}"):
            found.display = True
            return found
        made = make()
        made.id = part_id
        await self.mount(made, before=f"#{before}" if before else None)
        return made

    def hide_part(self, part_id: str) -> None:
        """The part `part_id` hidden, where it was ever shown (TodayCard.part)."""
        for found in self.query(f"#{part_id}"):
            found.display = False

    def shows_part(self, part_id: str) -> bool:
        return any(found.display for found in self.query(f"#{part_id}"))

    @property
    def companion(self) -> Companion:
        return companion_of(self)

    def refresh_data(self) -> None:
        """Read the store again and show or hide the card."""
