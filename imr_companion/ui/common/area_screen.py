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
