"""What every area screen shares: the area bar on top, the footer below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from imr_companion.ui.common.area_bar import AreaBar
from imr_companion.ui.common.together_line import TogetherLine

if TYPE_CHECKING:
    from imr_companion.ui.app import CompanionApp


class AreaScreen(Screen):
    MODE = ""

    def __init__(self) -> None:
        super().__init__()
        if getattr(self.app, "first_frame_shown", False):
            # Once the app is drawn, a new screen's widgets are styled as they
            # mount, with the theme in force. Textual would otherwise re-parse
            # every stylesheet and restyle every open screen twice when an area
            # first opens, and again at each reopen: the count that stops it
            # is set only on a screen already mounted (Textual PR 5211 notes
            # the refresh could be skipped when not needed). The app's first
            # screen keeps the refresh: it comes before the saved theme is in
            # place, and Today's greeting was lost without it.
            self._css_update_count = self.app._css_update_count

    @property
    def companion(self) -> CompanionApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield AreaBar(self.MODE)
        yield from self.compose_body()
        yield Footer(compact=True)
        yield TogetherLine(id="together")

    def compose_body(self) -> ComposeResult:
        yield from ()

    def has_unsaved_text(self) -> bool:
        """True while one of this screen's own fields holds words not saved yet (quitting asks)."""
        return False

    def refresh_data(self) -> None:
        """Show the stored data again (after a restore or an import)."""
