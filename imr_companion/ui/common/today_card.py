"""The base of every small card on Today.

Each area that has something to say today adds a TodayCard subclass and one
entry to TODAY_CARDS in ui/today/screen.py: where the card is and the keys it
answers on Today. A card hides itself when it has nothing to say, so Today
stays a calm, short column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.containers import Vertical
from textual.css.query import NoMatches

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


class TodayCard(Vertical):
    DEFAULT_CLASSES = "card"
    TITLE: ClassVar[str] = ""

    def on_mount(self) -> None:
        self.border_title = self.TITLE
        self.refresh_while_open()

    def refresh_while_open(self) -> None:
        """refresh_data(), unless the app is closing and the card's parts are gone.

        Quitting in the first split second can unmount a card between its
        mount and its first look at the data; that is no reason to crash.
        """
        try:
            self.refresh_data()
        except NoMatches:
            if self.is_attached and self.app.is_running and not self.app._exit:
                raise
            return

    @property
    def companion(self) -> CompanionApp:
        return cast("CompanionApp", self.app)

    def refresh_data(self) -> None:
        """Read the store again and show or hide the card."""
